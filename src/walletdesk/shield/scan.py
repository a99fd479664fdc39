"""Byte-level facts about a text that the detectors' gates ask for, at C speed.

The text is read as ASCII with every other character replaced by "?" (one byte for one
character, so runs keep their lengths), then bytes.translate marks the characters of interest
and a substring search looks for a run of them. That costs a few machine instructions per
character, where a regex costs a hundred or more; most clean messages stop at these gates.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

_ASCII_LETTERS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_ALNUM = _ASCII_LETTERS | frozenset(b"0123456789")
# bytes.translate tables: the characters of a class -> b"a", every other byte -> b" ".
_ALNUM_MARKS = bytes(ord("a") if code in _ASCII_ALNUM else ord(" ") for code in range(256))
_LETTER_MARKS = bytes(ord("a") if code in _ASCII_LETTERS else ord(" ") for code in range(256))
_NOT_DIGITS = bytes(code for code in range(256) if not ord("0") <= code <= ord("9"))


def ascii_view(text: str) -> bytes:
    """`text` as ASCII bytes, each other character replaced by b"?" (offsets unchanged)."""
    return text.encode("ascii", "replace")


@lru_cache(maxsize=32)
def _run(size: int) -> bytes:
    return b"a" * size


def has_alnum_run(view: bytes, size: int) -> bool:
    """Whether the text holds `size` or more ASCII letters and digits in a row."""
    return _run(size) in view.translate(_ALNUM_MARKS)


def alnum_runs(view: bytes, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of `size` or more ASCII letters and digits, in order.

    The same runs as the regex [0-9A-Za-z]{size,} finds, by substring searches over the marks:
    the regex tries again at every letter of every shorter word.
    """
    marks = view.translate(_ALNUM_MARKS)
    run = _run(size)
    start = marks.find(run)
    while start != -1:
        end = marks.find(b" ", start + size)
        if end == -1:
            end = len(marks)
        yield start, end
        start = marks.find(run, end)


def has_letter_run(view: bytes, size: int) -> bool:
    """Whether the text holds `size` or more ASCII letters in a row."""
    return _run(size) in view.translate(_LETTER_MARKS)


def ascii_digit_count(view: bytes) -> int:
    return len(view.translate(None, _NOT_DIGITS))

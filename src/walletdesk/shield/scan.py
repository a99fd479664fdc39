"""Facts about a text that several detectors' gates share, computed once per text."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8)
def longest_ascii_token(text: str) -> int | None:
    """For plain ASCII text, the length of its longest whitespace-separated token (C speed).

    Any unbroken run of letters or digits lies inside one token, so a gate that needs a run
    of N letters can stop here when this is below N. None for other text (Chinese is not
    written with spaces). Cached: the key and mnemonic gates ask about the same text.
    """
    if not text.isascii():
        return None
    return max(map(len, text.split()), default=0)

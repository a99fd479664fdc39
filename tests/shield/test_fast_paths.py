"""The C-speed paths over long texts read exactly what the regex paths they stand in for read.

The shield's findings on long texts (transcripts, mail threads, pasted logs) come from numpy
runs of character classes, bytes stretches and scans around each candidate; each must agree
with the plain regex over the whole text, or a phrase could slip through a gap between them.
"""

from __future__ import annotations

import json
import random
from itertools import accumulate, repeat

import pytest

from walletdesk.shield import keys, mnemonics
from walletdesk.shield.services import secrets_find
from walletdesk.shield.wordlists import word_key, wordlists

ENGLISH = "legal winner thank year wave sausage worth useful legal winner thank yellow"
# Latin with accents, Cyrillic, kana with a long-vowel mark, Hangul, lone and glued Han, digits
# of every length, emoji (beyond the Basic Multilingual Plane), combining marks, the katakana
# middle dot and symbols that share the Latin range (×, ÷).
PIECES = (
    "abandon ability café ёлка ж フレーズ・ぼうし 한국어 ᄀ 的 是 一 你好 123 45 6789 😀 × ÷ e\u0301 "
    "\u3099 \uf900 ábaco ıslak SIRDAŞ wallet seed 0x12ab, 。！\n\t"
).split(" ")


def _regex_tokens(text: str) -> tuple[str, list[int], list[int]]:
    parts = mnemonics._FAST_TOKEN_SPLIT_RE.split(text)
    symbols = "".join(map(mnemonics._token_symbols().get, map(str.lower, parts[1::2]), repeat("x")))
    bounds = list(accumulate(map(len, parts), initial=0))
    return symbols, bounds[1::2][: len(symbols)], bounds[2::2]


@pytest.mark.parametrize("seed", range(30))
def test_class_runs_give_the_regex_tokens(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) + rng.choice(("", " ", "\n", "，")) for _ in range(300))
    classed = mnemonics._class_symbols(text)
    if classed is True:
        assert mnemonics._ascii_words_suffice(text)
        return
    assert classed is not None
    assert not mnemonics._ascii_words_suffice(text)
    starts, ends, symbols = classed
    assert (symbols, starts.tolist(), ends.tolist()) == _regex_tokens(text)


def test_other_letters_and_short_texts_are_left_to_the_regex() -> None:
    # A Greek or fullwidth letter starts a token that swallows the letters after it.
    assert mnemonics._class_symbols("αabandon " * 100) is None
    assert mnemonics._class_symbols("ａbandon 的 " * 100) is None
    assert mnemonics._class_symbols("abandon 的 ability") is None


def test_phrase_in_a_long_transcript_with_emoji_is_found() -> None:
    lines = [
        f"[10:{minute:02d}] agent: 您好😀，请问还有什么可以帮您？Thanks for waiting 的"
        for minute in range(150)
    ]
    lines[75] = f"[10:75] customer: 我的助记词是 {ENGLISH} 帮我看看"
    text = "\n".join(lines)
    assert len(text) > 3 * mnemonics.SLICE
    assert isinstance(mnemonics._class_symbols(text[: mnemonics.SLICE]), tuple)  # the numpy path
    start = text.index(ENGLISH)
    assert [(f.kind, f.start, f.end) for f in secrets_find(text=text)] == [
        ("mnemonic", start, start + len(ENGLISH))
    ]


GROUPED = " ".join(
    ["d26f6664", "7a9b1c3e", "55e0a1b2", "c3d4e5f6", "0718293a", "4b5c6d7e", "8f901a2b", "3c4d5e6f"]
)


@pytest.mark.parametrize(
    ("around", "found"),
    [
        ("my private key: {key}\nthanks", True),
        ("<p>key:</p><pre>{key}</pre>" + " filler" * 400, True),
        ("tx hash {key} still pending", False),
        ("key {key}z", False),  # runs on into a letter: no key
        ("key " + "x" * 3000 + " {key} thanks", True),
    ],
)
def test_grouped_hex_key_is_found_inside_its_stretch(around: str, found: bool) -> None:
    text = around.format(key=GROUPED)
    start = text.index(GROUPED)
    spans = [(kind, a, b) for kind, a, b in keys.keys_find(text) if a <= start < b]
    assert bool(spans) is found


def test_words_near_a_string_match_the_scan_of_the_whole_text() -> None:
    rng = random.Random(4)
    filler = [
        "please",
        "check",
        "my",
        "transaction",
        "private key",
        "hash",
        "转账",
        "私钥",
        "public key",
        "the",
        ".",
    ]
    for _ in range(20):
        words = [rng.choice(filler) for _ in range(600)]
        digest = "".join(rng.choice("0123456789abcdef") for _ in range(64))
        words.insert(rng.randrange(600), digest)
        text = " ".join(words)
        start = text.index(digest)
        end = start + 64
        whole, starts, _ = keys._context_words.__wrapped__(text)
        from bisect import bisect_left, bisect_right

        expected = list(
            whole[bisect_left(starts, start - keys._NEAR) : bisect_right(starts, end + keys._NEAR)]
        )
        assert keys._words_near(text, start, end) == expected


def _brace_by_characters(text: str, opener: int) -> int | None:
    """The closing brace found one character at a time (what _matching_brace stands in for)."""
    depth = 0
    in_string = escaped = False
    for position in range(opener, min(len(text), opener + 20000)):
        char = text[position]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position
    return None


def test_matching_brace_reads_json_as_the_character_loop_does() -> None:
    rng = random.Random(8)
    # Braces inside strings, escaped quotes and backslashes, an escape before a line break,
    # strings never closed.
    pieces = ["{", "}", '"', "\\", "a", " ", "\n", ":", ",", '{"a": "b}"}', '"x\\"y"', "\\\\", '"\\\n"']
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 50)))
        for opener in (position for position, char in enumerate(text) if char == "{"):
            assert keys._matching_brace(text, opener) == _brace_by_characters(text, opener), text
    # The look ends 20,000 characters on, inside a string or not.
    for text in (
        "{" + " " * 19998 + "}",
        "{" + " " * 19999 + "}",
        '{"' + "\\" * 19999,
        '{"' + "x" * 19997 + '"}',
    ):
        assert keys._matching_brace(text, 0) == _brace_by_characters(text, 0)


@pytest.mark.parametrize("seed", range(10))
def test_token_keys_are_the_word_keys_the_run_checks_read(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) + rng.choice(("", " ", "\n", "，", "1. ")) for _ in range(200))
    starts, ends, kinds, keys_ = mnemonics._tokens(text)
    assert len(starts) == len(ends) == len(kinds) == len(keys_)
    for start, end, kind, key in zip(starts, ends, kinds, keys_, strict=True):
        if kind > 0:
            assert key is not None
        if key is not None:
            assert key == word_key(text[start:end])


def test_a_well_typed_phrase_is_one_run_not_a_full_and_a_partial_one() -> None:
    starts, ends, kinds, keys_ = mnemonics._tokens(ENGLISH)
    english = wordlists()[0].bit
    assert mnemonics._language_runs(keys_, kinds, 0, len(kinds) - 1, english) == [(0, 11)]


def test_hex_strings_inside_a_keystore_are_left_to_its_finding() -> None:
    crypto = {
        "cipher": "aes-128-ctr",
        "ciphertext": "7268fd436a337fb90954785528e2bcb1faed0f43a0d0bf459c35f66485146d7a",
        "kdf": "scrypt",
        "kdfparams": {"salt": "74e0de7e7c2868a62bf789f1ada7e2043d0a770d79a52975e54ff5fb8cf51486"},
        "mac": "1da897cb3f2d7121bbf824a556a5e8b3e6e512f4464968386d2f66c187b13bb4",
    }
    keystore = json.dumps({"crypto": crypto, "version": 3})
    text = f"my private key file: {keystore} please help"
    start = text.index("{")
    # Judging the inner hex strings by their context cost more than the rest of the message.
    assert keys.keys_find(text) == [("keystore_json", start, start + len(keystore))]
    assert [(f.kind, f.start, f.end) for f in secrets_find(text=text)] == [
        ("keystore_json", start, start + len(keystore))
    ]

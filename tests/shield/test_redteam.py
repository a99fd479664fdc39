"""The independent red-team set (data/redteam.jsonl, built by redteam_make.py) as a regression test.

Every secret message must be flagged (any finding) and no clean message may be; a failure names
the message ids so the case can be read in the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from walletdesk.shield.mnemonics import COMMON_ENGLISH
from walletdesk.shield.services import secrets_find
from walletdesk.shield.topics import text_is_topical_list

REDTEAM = Path(__file__).resolve().parents[2] / "src/walletdesk/shield/data/redteam.jsonl"


def _rows() -> list[dict]:
    return [json.loads(line) for line in REDTEAM.read_text(encoding="utf-8").splitlines() if line]


def test_redteam_set_is_the_promised_size() -> None:
    rows = _rows()
    assert sum(row["secret"] for row in rows) >= 150
    assert sum(not row["secret"] for row in rows) >= 400


def test_every_redteam_secret_is_caught() -> None:
    missed = [row["id"] for row in _rows() if row["secret"] and not secrets_find(text=row["text"])]
    assert missed == []


def test_no_redteam_clean_message_is_flagged() -> None:
    flagged = [row["id"] for row in _rows() if not row["secret"] and secrets_find(text=row["text"])]
    assert flagged == []


@pytest.mark.parametrize(
    "text",
    [
        "apple banana orange lemon grape cherry mango pear",
        "Ingredients: flour, sugar, butter, egg, milk, salt, lemon, vanilla, cream, honey",
        "ability, able, about, above, absent, absorb, abstract, absurd, abuse, access",
    ],
)
def test_topical_and_alphabetical_lists_are_lists(text: str) -> None:
    assert text_is_topical_list(text, stop_words=COMMON_ENGLISH)


def test_partial_phrase_of_random_words_is_not_a_list() -> None:
    assert not text_is_topical_list(
        "frown opera cruise basket tattoo inherit wheel absurd exotic", stop_words=COMMON_ENGLISH
    )


def test_topical_words_with_a_valid_checksum_stay_a_phrase() -> None:
    # Twelve listed food words whose checksum happens to be valid are still a wallet.
    from mnemonic import Mnemonic

    words = "apple banana orange lemon grape cherry mango pear bread butter cheese".split()
    last = next(w for w in Mnemonic("english").wordlist if Mnemonic("english").check(" ".join([*words, w])))
    assert secrets_find(text=" ".join([*words, last]))


KEY = "d26f6664dc7b42251ae73370b02b196ed8dcf5cef30c48e6296ed4d7e1c20100"


@pytest.mark.parametrize(
    "text",
    [
        f"pk={KEY}",
        "private key: " + " ".join(KEY[i : i + 4] for i in range(0, 64, 4)),
        f"key:\n{KEY[:32]}\n{KEY[32:]}",
        "私钥 " + "-".join(KEY[i : i + 8] for i in range(0, 64, 8)),
    ],
)
def test_assigned_grouped_and_split_hex_keys_are_caught(text: str) -> None:
    assert [finding.kind for finding in secrets_find(text=text)] == ["private_key"]


@pytest.mark.parametrize(
    "text",
    [
        f"sha256sum wallet.apk\n{KEY}  wallet.apk",
        f"The APK checksum on your site is SHA-256 {KEY}, is that right?",
        f"https://example.com/check?txhash={KEY}&chain=eth",
        "card 6222 0212 3456 7890 1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 1234 5678",
        "face bead cafe dead beef face bead cafe dead beef face bead cafe dead beef face",
    ],
)
def test_digests_links_and_hex_looking_words_are_not_keys(text: str) -> None:
    assert secrets_find(text=text) == []


def _phrase(seed: int) -> list[str]:
    from mnemonic import Mnemonic

    return Mnemonic("english").to_mnemonic(bytes((seed * 7 + i * 13) % 256 for i in range(16))).split()


def test_dot_separated_phrase_is_one_phrase() -> None:
    text = ".".join(_phrase(1))
    assert [(f.start, f.end) for f in secrets_find(text=text)] == [(0, len(text))]


def test_phrase_broken_by_row_labels_is_redacted_whole() -> None:
    w = _phrase(2)
    text = f"my seed {' '.join(w[:4])}\n(next row) {' '.join(w[4:8])}\n(last row) {' '.join(w[8:])}"
    findings = secrets_find(text=text)
    assert len(findings) == 1 and findings[0].end == len(text)


def test_sentence_after_a_phrase_is_not_swallowed() -> None:
    w = _phrase(3)
    text = f"{' '.join(w)}. Thank you, please check my account balance today."
    (finding,) = secrets_find(text=text)
    assert text[finding.end :].startswith(". Thank you")

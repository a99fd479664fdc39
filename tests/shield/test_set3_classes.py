"""Classes of misses and false alarms found by fresh red-team set 3 (bench/data/shield_fresh3.jsonl),
tested on wordings of their own: numbering labels ("No.1", "Nr. 2", "Word 3:"), a misspelt word
beside a phrase that passed its checksum by chance, Chinese typed with spaces for emphasis,
public keys and "key" used as an adjective beside hashes, truncated keystores, wrapped extended
keys, and a glued Chinese region a character short of a phrase."""

from __future__ import annotations

import json
import random
import unicodedata

import base58
import pytest
from mnemonic import Mnemonic

from walletdesk.shield.glued import _round_to_phrase
from walletdesk.shield.services import secrets_find
from walletdesk.shield.wordlists import checksum_valid


def _phrase(language: str, seed: int, strength: int = 16) -> list[str]:
    words = Mnemonic(language).to_mnemonic(random.Random(seed).randbytes(strength)).split()
    return [unicodedata.normalize("NFC", word) for word in words]


def _covered(text: str, start: int, end: int) -> bool:
    covered = set()
    for finding in secrets_find(text=text):
        covered.update(range(finding.start, finding.end))
    return all(p in covered for p in range(start, end) if text[p].isalnum())


@pytest.mark.parametrize("language", ["english", "italian", "korean", "czech"])
@pytest.mark.parametrize("label", ["Nr. {i} ", "N°{i} ", "Word {i}: ", "no.{i}\t"])
def test_words_numbered_with_a_label_are_found(language: str, label: str) -> None:
    words = _phrase(language, seed=len(label) + len(language))
    secret = "; ".join(label.format(i=i) + word for i, word in enumerate(words, 1))
    text = f"Dear team, here they are:\n{secret}\nregards"
    assert _covered(text, text.index(words[0]), text.index(secret) + len(secret))


def test_misspelt_last_word_in_the_phrase_layout_is_taken_in_though_the_rest_passes_the_checksum() -> None:
    wordlist = Mnemonic("english").wordlist
    rng = random.Random(5)
    # Eleven words of a phrase plus the listed word written just before them ("list") pass the
    # checksum by chance; the phrase's twelfth word is misspelt and written like the others.
    while True:
        words = [rng.choice(wordlist) for _ in range(11)]
        if checksum_valid([wordlist.index(w) for w in ["list", *words]]):
            break
    body = "\n".join(f"{i}) {w}" for i, w in enumerate(words, 1))
    text = f"the words on my list\n{body}\n12) tunnle\nthanks"
    start = text.index("1) ") + 3
    assert _covered(text, start, text.index("tunnle") + len("tunnle"))


@pytest.mark.parametrize(
    "text",
    [
        "我 们 的 客 服 太 慢 了 ， 请 尽 快 处 理 一 下",
        "为 什 么 我 的 钱 还 没 有 到 账 ， 你 们 给 个 说 法",
        "還 我 的 錢 ！ 你 們 這 個 平 台 太 過 分 了 ， 我 要 報 警",
    ],
)
def test_chinese_typed_with_spaces_for_emphasis_is_not_a_phrase(text: str) -> None:
    assert secrets_find(text=text) == []


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("language", ["chinese_simplified", "chinese_traditional"])
def test_spaced_chinese_phrases_are_still_found(language: str, seed: int) -> None:
    words = _phrase(language, seed, strength=random.Random(seed).choice([16, 32]))
    secret = " ".join(words)
    text = f"助记词 {secret} 请核对"
    start = text.index(secret)
    assert _covered(text, start, start + len(secret))


@pytest.mark.parametrize(
    "frame",
    [
        "Our staking node pubkey: {H}. Is it registered?",
        "公钥{H}是你们官方的吗？",
        "La clé publique du validateur est {H}, merci de vérifier.",
        "공개키 {H} 맞나요?",
        "Deposit hash {H} — the key point is it arrived 2 hours late.",
        "The key question: why is tx {H} not credited?",
    ],
)
def test_public_keys_and_key_as_an_adjective_beside_a_hash_are_not_secrets(frame: str) -> None:
    assert secrets_find(text=frame.format(H=random.Random(frame).randbytes(32).hex())) == []


@pytest.mark.parametrize(
    "frame",
    [
        "my private key (not the public key) is {H}",
        "公钥我知道，私钥是{H}",
        "pubkey is fine, secret key: {H}",
    ],
)
def test_private_keys_beside_the_word_public_are_still_found(frame: str) -> None:
    key = random.Random(frame).randbytes(32).hex()
    text = frame.format(H=key)
    start = text.index(key)
    assert _covered(text, start, start + 64)


def test_a_truncated_keystore_is_redacted_from_its_outermost_brace() -> None:
    store = {
        "version": 3,
        "id": "0b1c2d3e-aaaa-4bbb-8ccc-111122223333",
        "crypto": {
            "ciphertext": random.Random(1).randbytes(32).hex(),
            "cipherparams": {"iv": random.Random(2).randbytes(16).hex()},
            "kdf": "scrypt",
            "kdfparams": {"dklen": 32, "salt": random.Random(3).randbytes(32).hex()},
        },
    }
    pasted = json.dumps(store, indent=4)[:300]
    text = f"file got cut off:\n{pasted}"
    assert _covered(text, text.index("{"), len(text))


@pytest.mark.parametrize("width", [40, 64, 76])
def test_an_extended_key_wrapped_over_lines_is_found(width: int) -> None:
    rng = random.Random(width)
    body = (
        bytes.fromhex("04b2430c")
        + bytes([2])
        + rng.randbytes(8)
        + rng.randbytes(32)
        + b"\0"
        + rng.randbytes(32)
    )
    key = base58.b58encode_check(body).decode()
    wrapped = "\n".join(key[i : i + width] for i in range(0, len(key), width))
    text = f"Backup mail says:\n{wrapped}\nRegards"
    start = text.index(wrapped)
    assert _covered(text, start, start + len(wrapped))


def test_a_wrapped_base58_blob_without_a_valid_key_is_not_flagged() -> None:
    rng = random.Random(9)
    fake = "xprv" + "".join(
        rng.choice("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") for _ in range(107)
    )
    text = "Docs example:\n" + fake[:60] + "\n" + fake[60:] + "\nend"
    assert secrets_find(text=text) == []


def test_an_unchecked_region_short_of_a_phrase_length_is_widened_to_it() -> None:
    rank = [5] * 3 + [900] * 23 + [7] * 3
    assert _round_to_phrase(rank, 3, 26) == (2, 27)
    assert _round_to_phrase(rank, 3, 16) == (1, 18)
    # Already a phrase length, or longer than any: left alone.
    assert _round_to_phrase(rank, 3, 15) == (3, 15)
    assert _round_to_phrase(rank, 1, 26) == (1, 26)


@pytest.mark.parametrize("seed", range(12))
def test_a_glued_phrase_whose_last_word_pairs_with_the_prose_after_it_is_covered(seed: int) -> None:
    from walletdesk.shield.zhmodel import word_pairs

    rng = random.Random(seed)
    wordlist = Mnemonic("chinese_simplified").wordlist
    pairs = word_pairs()
    # A wrong checksum (nothing pins the edges) and a last character that forms a word with
    # the "发" after it, though not with the phrase's own characters before it.
    while True:
        words = [rng.choice(wordlist) for _ in range(24)]
        if (
            words[-1] + "发" in pairs
            and words[-2] + words[-1] not in pairs
            and words[-3] + words[-2] not in pairs
            and not checksum_valid([wordlist.index(w) for w in words])
        ):
            break
    phrase = "".join(words)
    text = f"客服说要验证钱包，我就把{phrase}发过去了，现在币全没了"
    start = text.index(phrase)
    assert _covered(text, start, start + len(phrase))


def test_a_hash_after_paid_is_no_key_even_when_the_text_names_keys_elsewhere() -> None:
    rng = random.Random(3)
    first, second = rng.randbytes(32).hex(), rng.randbytes(32).hex()
    text = (
        "Never share your private key or seed phrase with anyone, support will never ask. "
        + "-" * 90
        + f"\nI paid twice: 0x{first} and 0x{second}\n我支付了两次：{first}"
    )
    assert secrets_find(text=text) == []

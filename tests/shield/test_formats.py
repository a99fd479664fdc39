"""Formats added for issue 6's remaining blind spots: glued words in alphabetic scripts, kana
glued to prose, full-width letters, byte-pair hex dumps, hex-encoded ed25519 keys, and the
context words of languages other than English and Chinese."""

from __future__ import annotations

import random
import unicodedata

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from mnemonic import Mnemonic

from walletdesk.shield.services import secrets_find


def _phrase(language: str, seed: int, strength: int = 16) -> list[str]:
    words = Mnemonic(language).to_mnemonic(random.Random(seed).randbytes(strength)).split()
    return [unicodedata.normalize("NFC", word) for word in words]


def _covered(text: str, secret: str) -> bool:
    start = text.index(secret)
    return any(f.start <= start and start + len(secret) <= f.end for f in secrets_find(text=text))


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    "write",
    [
        lambda words: "".join(words),
        lambda words: "".join(word.capitalize() for word in words),
        lambda words: "".join(words).upper(),
    ],
    ids=["lowercase", "camel", "upper"],
)
def test_english_words_glued_without_separators_are_found(write, seed: int) -> None:
    secret = write(_phrase("english", seed, strength=random.Random(seed).choice([16, 32])))
    assert _covered(f"my seed is {secret} please help", secret)


@pytest.mark.parametrize("language", ["spanish", "french", "italian", "czech", "portuguese", "korean"])
def test_other_alphabetic_languages_glued_are_found(language: str) -> None:
    secret = "".join(_phrase(language, 11))
    assert _covered(f"Frase: {secret}. Gracias", secret)


def test_glued_phrase_with_a_misspelt_word_is_found_whole() -> None:
    words = _phrase("english", 4)
    words[5] = words[5][0] + "q" + words[5][2:]  # one typo breaks the split into listed words
    secret = "".join(words)
    assert _covered(f"words: {secret}", secret)


@pytest.mark.parametrize("seed", range(3))
def test_japanese_kana_glued_together_are_found(seed: int) -> None:
    secret = "".join(_phrase("japanese", seed))
    # Glued to a particle before and the copula after, as a sentence is written.
    text = f"サポートの方へ。フレーズは{secret}です。確認してください。"
    assert _covered(text, secret)


def test_japanese_words_glued_to_prose_at_the_ends_of_a_list_are_found() -> None:
    words = _phrase("japanese", 7)
    text = "フレーズは" + "\n".join(words) + "です。"
    assert _covered(text, words[0]) and _covered(text, words[-1])


def test_japanese_words_separated_by_the_katakana_middle_dot_are_found() -> None:
    secret = "・".join(_phrase("japanese", 8))
    assert _covered(f"フレーズ：{secret}", secret)


def test_full_width_letters_are_read_as_ascii() -> None:
    secret = "".join(chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in " ".join(_phrase("english", 9)))
    assert _covered(f"助记词：{secret}", secret)


@pytest.mark.parametrize(
    "text",
    [
        "ひらがなだけでかくとこうなります。わたしはきのうからずっとまっていますが、まだおかねがとどいていません。",
        "감사합니다감사합니다정말감사합니다고객센터연결부탁드려요",
        "Kundendienstmitarbeiterinnen und Versicherungsgesellschaften",
        "#neverforgetyourpasswordandkeepyourfundssafe",
        "Solana address 4vJ9JUbJJE96FWSJKvHsmmFADCgpZQffPbkLKiMunWSxgVkVdvJf",
    ],
)
def test_long_letter_runs_that_are_not_phrases_are_left_alone(text: str) -> None:
    assert secrets_find(text=text) == []


def test_byte_pair_hex_dump_of_a_key_is_found_but_a_longer_dump_is_not() -> None:
    key = random.Random(3).randbytes(32).hex()
    pairs = " ".join(key[i : i + 2] for i in range(0, 64, 2))
    assert _covered(f"my key bytes: {pairs}", pairs)
    longer = pairs + " 4c 32 01 ff 9b a8 06 a4"
    assert secrets_find(text=f"hex dump: {longer}") == []


def test_ed25519_secret_key_as_128_hex_is_found_and_a_signature_is_not() -> None:
    seed = random.Random(5).randbytes(32)
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    secret = (seed + public).hex()
    assert _covered(f"exported: {secret}", secret)
    signature = Ed25519PrivateKey.from_private_bytes(seed).sign(b"transfer").hex()
    assert secrets_find(text=f"exported: {signature}") == []


@pytest.mark.parametrize(
    "frame",
    [
        "トランザクションハッシュは{}です。ご確認をお願いします。",
        "거래 해시는 {} 입니다. 확인 부탁드립니다.",
        "El hash de la transacción es {}, no llega el depósito.",
        "Le dépôt n'est pas arrivé, transaction {}",
    ],
)
def test_transaction_hash_named_in_japanese_korean_or_romance_languages_is_not_a_key(frame: str) -> None:
    tx = random.Random(6).randbytes(32).hex()
    assert secrets_find(text=frame.format("0x" + tx)) == []


@pytest.mark.parametrize(
    "frame", ["秘密鍵は{}です", "개인키: {}", "mi clave privada es {}", "ma clé privée : {}"]
)
def test_key_named_in_other_languages_is_a_key(frame: str) -> None:
    key = random.Random(8).randbytes(32).hex()
    assert [f.kind for f in secrets_find(text=frame.format(key))] == ["private_key"]


@pytest.mark.parametrize("body_language", ["english", "chinese_simplified", "korean"])
def test_phrase_inside_json_escapes_is_found_and_mapped_to_the_raw_text(body_language: str) -> None:
    # A log line or webhook body written with json.dumps: "\n" between words, "\uXXXX" letters.
    import json

    body = "\n".join(_phrase(body_language, 12))
    text = json.dumps({"event": "message.created", "body": body})
    findings = secrets_find(text=text)
    raw = json.dumps(body)[1:-1]
    start = text.index(raw)
    assert any(f.start <= start and start + len(raw) <= f.end for f in findings)
    assert all(text[f.start] != "\\" or text[f.start + 1] in "un" for f in findings)


def test_escaped_paths_and_quotes_without_secrets_are_left_alone() -> None:
    assert secrets_find(text='{"path": "C:\\\\Users\\\\bob\\\\wallet", "note": "say \\"hi\\"\\n"}') == []


def test_backslashes_typed_between_words_are_separators_not_escapes() -> None:
    secret = "\\".join("bacon fault noble rapid trust border fringe noodle ramp tail flame north".split())
    assert _covered(f"my words: {secret}", secret)

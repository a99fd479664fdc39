"""Detection: every kind of secret in the forms customers write them, and none in clean text."""

from __future__ import annotations

import json
import random

import base58
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from mnemonic import Mnemonic

from walletdesk.shield.labelled import extended_key, keystore, samples, wif_key
from walletdesk.shield.services import secrets_find
from walletdesk.shield.wordlists import LANGUAGES, checksum_valid

ENGLISH = "legal winner thank year wave sausage worth useful legal winner thank yellow"


def kinds(text: str) -> list[str]:
    return [finding.kind for finding in secrets_find(text=text)]


def covered(text: str, secret: str) -> bool:
    start = text.index(secret)
    spans = [(f.start, f.end) for f in secrets_find(text=text)]
    return any(s <= start and start + len(secret) <= e for s, e in spans)


@pytest.mark.parametrize("language", LANGUAGES)
def test_valid_phrase_in_every_language_is_found(language: str) -> None:
    phrase = Mnemonic(language).to_mnemonic(bytes(range(16)))
    separator = "\u3000" if language == "japanese" else " "
    text = f"客服你好 {separator.join(phrase.split())} 谢谢"
    assert covered(text, separator.join(phrase.split()))


@pytest.mark.parametrize(
    "written",
    [
        "\n".join(ENGLISH.split()),
        " ".join(f"{i}. {w}" for i, w in enumerate(ENGLISH.split(), 1)),
        "\n".join(f"{i}){w}" for i, w in enumerate(ENGLISH.split(), 1)),
        " ".join(f"{chr(0x2460 + i)}{w}" for i, w in enumerate(ENGLISH.split())),
        ", ".join(ENGLISH.split()),
        " - ".join(ENGLISH.split()),
        ENGLISH.upper(),
        ENGLISH.title(),
    ],
    ids=["lines", "numbered-dot", "numbered-paren", "circled", "comma", "dash", "upper", "title"],
)
def test_english_phrase_written_in_any_form_is_found(written: str) -> None:
    text = f"The agent asked for my words:\n{written}\nplease hurry"
    assert covered(text, written)
    assert kinds(text) == ["mnemonic"]


def test_misspelt_words_and_wrong_checksum_still_count() -> None:
    words = ENGLISH.split()
    words[0], words[6] = "legl", "wroth"  # first word misspelt too: it must not leak
    assert not checksum_valid(
        [Mnemonic("english").wordlist.index(w) for w in ENGLISH.split()[:11] + ["abandon"]]
    )
    text = "my phrase " + " ".join(words) + " thanks"
    assert covered(text, " ".join(words))


def test_partial_phrase_of_eight_words_is_found() -> None:
    partial = "garage brisk ozone trumpet velvet fossil lunar orchard"
    assert covered(f"I only remember these: {partial}", partial)


def test_test_vector_of_repeated_words_is_found() -> None:
    phrase = " ".join(["abandon"] * 11 + ["about"])
    assert covered(f"hi my seed: {phrase}", phrase)


def test_chinese_phrase_with_and_without_spaces() -> None:
    phrase = Mnemonic("chinese_simplified").to_mnemonic(bytes.fromhex("7f" * 16))
    glued = phrase.replace(" ", "")
    assert covered(f"我的助记词是{glued}请帮我看看", glued)
    assert covered(f"我的助记词是 {phrase} 请帮我看看", phrase)
    traditional = Mnemonic("chinese_traditional").to_mnemonic(bytes.fromhex("a5" * 32)).replace(" ", "")
    assert covered(f"客服說要驗證：{traditional}，麻煩了", traditional)


def test_chinese_prose_made_of_listed_characters_is_not_a_phrase() -> None:
    prose = (
        "有人冒充你们的客服加我微信，让我把助记词发给他，这是不是骗子？我的资产突然少了一半，麻烦尽快处理。"
    )
    assert kinds(prose) == []


def test_hex_private_key_is_found_but_transaction_hashes_are_not() -> None:
    key = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    assert kinds(f"my private key is 0x{key}") == ["private_key"]
    assert kinds(f"这是我的私钥{key}") == ["private_key"]
    assert kinds(f"0x{key}") == ["private_key"]  # no context: treated as a key
    assert kinds(f"deposit not credited, tx hash 0x{key}") == []
    assert kinds(f"充值没到账，交易哈希：{key}") == []
    assert kinds(f"see https://etherscan.io/tx/0x{key}") == []


def test_wif_extended_and_solana_keys_are_found() -> None:
    rng = random.Random(5)
    assert kinds(f"WIF: {wif_key(rng)}") == ["private_key"]
    assert kinds(f"backup {extended_key(rng)}") == ["extended_private_key"]
    seed = bytes(range(32))
    secret = seed + Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    assert kinds(f"phantom export {base58.b58encode(secret).decode()}") == ["private_key"]
    assert kinds(f"solana key {json.dumps(list(secret))}") == ["private_key"]


def test_addresses_public_keys_and_solana_signatures_are_not_secrets() -> None:
    rng = random.Random(9)
    signature = base58.b58encode(rng.randbytes(64)).decode()
    xpub = base58.b58encode_check(bytes.fromhex("0488b21e") + rng.randbytes(74)).decode()
    text = (
        f"tx {signature} to 0x52908400098527886E0F7030069857D2E4169EE7, from TJRabPrwbZy45sbavfcjinPJC18kjpRTv8 "
        f"and bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq; my xpub is {xpub}"
    )
    assert kinds(text) == []


def test_keystore_json_is_found_as_one_finding() -> None:
    document = keystore(random.Random(1))
    text = f"here is my keystore file:\n{document}\npassword is in my head"
    findings = secrets_find(text=text)
    assert [(f.kind, text[f.start : f.end]) for f in findings] == [("keystore_json", document)]


def test_labelled_sample_recall_and_no_false_positives() -> None:
    missed, false_positives, total = [], [], 0
    for sample in samples(seed=101, per_language=8, clean=450, keys=6):
        findings = secrets_find(text=sample.text)
        if not sample.secrets:
            if findings:
                false_positives.append(sample.text)
            continue
        for secret in sample.secrets:
            total += 1
            if not any(f.start <= secret["start"] and secret["end"] <= f.end for f in findings):
                missed.append((secret["form"], sample.text))
    assert false_positives == []
    assert len(missed) / total <= 0.02, missed

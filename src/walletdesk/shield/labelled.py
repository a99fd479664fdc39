"""The shield's labelled set, built programmatically and deterministically (seeded).

Secrets come from the real wordlists and real key encodings in many written forms; clean
messages come from hand-written zh/en/mixed support messages (data/clean_*.txt) filled with
realistic transaction hashes, addresses, explorer links, order numbers and UIDs. Used by
bench/shield_quality.py (the full set) and tests/shield (a sample).
"""

from __future__ import annotations

import hashlib
import json
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from mnemonic import Mnemonic

from walletdesk.shield.wordlists import LANGUAGES

DATA_DIR = Path(__file__).resolve().parent / "data"
_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


@dataclass
class Sample:
    id: str
    text: str
    language: str  # of the surrounding message: zh, en, mixed
    secrets: list[dict] = field(default_factory=list)  # kind, start, end, language, form

    def as_json(self) -> dict:
        return {"id": self.id, "text": self.text, "language": self.language, "secrets": self.secrets}


# --- clean material ---------------------------------------------------------------------------


@lru_cache(maxsize=3)
def _templates(name: str) -> tuple[str, ...]:
    lines = (DATA_DIR / f"clean_{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line.strip() and not line.startswith("#"))


def _hex(rng: random.Random, size: int) -> str:
    return rng.randbytes(size).hex()


def _eth_address(rng: random.Random) -> str:
    raw = _hex(rng, 20)
    digest = hashlib.sha3_256(raw.encode()).hexdigest()  # EIP-55-like mixed case
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(d, 16) >= 8 else c for c, d in zip(raw, digest, strict=False)
    )


def _tron_address(rng: random.Random) -> str:
    return base58.b58encode_check(b"\x41" + rng.randbytes(20)).decode()


def _btc_address(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return base58.b58encode_check(rng.choice([b"\x00", b"\x05"]) + rng.randbytes(20)).decode()
    return "bc1q" + "".join(rng.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(38))


def _sol_address(rng: random.Random) -> str:
    return base58.b58encode(rng.randbytes(32)).decode()


def _sol_signature(rng: random.Random) -> str:
    return base58.b58encode(rng.randbytes(64)).decode()


def _tx(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.45:
        return "0x" + _hex(rng, 32)
    if choice < 0.85:
        return _hex(rng, 32)
    return _sol_signature(rng)


def _link(rng: random.Random) -> str:
    return rng.choice(
        [
            lambda: f"https://etherscan.io/tx/0x{_hex(rng, 32)}",
            lambda: f"https://bscscan.com/tx/0x{_hex(rng, 32)}",
            lambda: f"https://tronscan.org/#/transaction/{_hex(rng, 32)}",
            lambda: f"https://mempool.space/tx/{_hex(rng, 32)}",
            lambda: f"https://solscan.io/tx/{_sol_signature(rng)}",
            lambda: f"https://etherscan.io/address/{_eth_address(rng)}",
            lambda: f"https://www.blockchain.com/explorer/transactions/btc/{_hex(rng, 32)}",
            lambda: f"https://tronscan.org/#/address/{_tron_address(rng)}",
        ]
    )()


def _fill(template: str, rng: random.Random) -> str:
    values = {
        "TX": lambda: _tx(rng),
        "ADDR": lambda: rng.choice([_eth_address, _tron_address, _btc_address, _sol_address])(rng),
        "LINK": lambda: _link(rng),
        "ORDER": lambda: rng.choice(
            [str(rng.randrange(10**15, 10**19)), f"WD{rng.randrange(10**13, 10**14)}"]
        ),
        "UID": lambda: str(rng.randrange(10**7, 10**10)),
        "AMOUNT": lambda: rng.choice([str(rng.randrange(1, 5000)), f"{rng.uniform(0.001, 20):.4f}"]),
        "COIN": lambda: rng.choice(["USDT", "BTC", "ETH", "TRX", "SOL", "BNB", "USDC"]),
        "NET": lambda: rng.choice(["TRC20", "ERC20", "BEP20", "Solana", "Bitcoin", "Arbitrum"]),
    }
    out = template
    for name, make in values.items():
        while "{" + name + "}" in out:
            out = out.replace("{" + name + "}", make(), 1)
    return out


def clean_message(rng: random.Random, language: str) -> str:
    """One clean support message; sometimes several sentences joined, as customers write."""
    pool = {"zh": ("zh",), "en": ("en",), "mixed": ("mixed", "zh", "en")}[language]
    parts = [_fill(rng.choice(_templates(rng.choice(pool))), rng) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
    joiner = "" if language == "zh" else rng.choice([" ", "\n"])
    return joiner.join(parts)


# --- secrets ----------------------------------------------------------------------------------

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _phrase_words(rng: random.Random, language: str, length: int, valid: bool) -> list[str]:
    # Customers type composed (NFC) kana and Hangul; the lists store them decomposed.
    words = [unicodedata.normalize("NFC", word) for word in Mnemonic(language).wordlist]
    if valid:
        phrase = Mnemonic(language).to_mnemonic(rng.randbytes(length * 4 // 3))
        return unicodedata.normalize("NFC", phrase).split()
    return [rng.choice(words) for _ in range(length)]


def _misspell(rng: random.Random, word: str) -> str:
    """One typo in the word's own script (a Latin letter in a kana word is not a typo)."""
    if len(word) < 3:
        return word + word[-1]
    position = rng.randrange(1, len(word))
    op = rng.choice(["drop", "swap", "double", "replace"] if word.isascii() else ["drop", "swap", "double"])
    if op == "drop":
        return word[:position] + word[position + 1 :]
    if op == "swap" and position < len(word) - 1:
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if op == "double":
        return word[:position] + word[position] + word[position:]
    if not word.isascii():
        return word[:position] + word[position] + word[position:]
    return word[:position] + rng.choice("aeiourstln") + word[position + 1 :]


def _write_words(rng: random.Random, words: list[str], language: str) -> tuple[str, str]:
    """The phrase as a customer might write it, and the name of the form."""
    zh = language.startswith("chinese")
    forms = ["space", "lines", "numbered_dot", "numbered_paren", "circled", "comma", "dash", "case"]
    if zh:
        forms += ["glued", "glued", "glued_groups"]
    if language == "japanese":
        forms += ["ideographic", "ideographic"]
    form = rng.choice(forms)
    if form == "space":
        return " ".join(words), form
    if form == "lines":
        return "\n".join(words), form
    if form == "numbered_dot":
        return rng.choice([" ", "\n"]).join(f"{i}. {w}" for i, w in enumerate(words, 1)), form
    if form == "numbered_paren":
        return rng.choice([" ", "\n"]).join(f"{i}){w}" for i, w in enumerate(words, 1)), form
    if form == "circled":
        return " ".join(f"{_CIRCLED[i % 20]}{w}" for i, w in enumerate(words)), form
    if form == "comma":
        return rng.choice([", ", ",", "，", "、"]).join(words), form
    if form == "dash":
        return rng.choice([" - ", "-", " — "]).join(words), form
    if form == "case":
        styled = [
            w.upper() if rng.random() < 0.3 else w.capitalize() if rng.random() < 0.5 else w for w in words
        ]
        return " ".join(styled), form
    if form == "ideographic":
        return "\u3000".join(words), form
    if form == "glued":
        return "".join(words), form
    return " ".join("".join(words[i : i + 3]) for i in range(0, len(words), 3)), form


def mnemonic_secret(rng: random.Random, language: str) -> tuple[str, str]:
    """A phrase in `language` in a random written form: (text, description)."""
    length = rng.choice([12, 12, 12, 15, 18, 21, 24])
    variant = rng.choice(["valid", "valid", "valid", "bad_checksum", "misspelt", "partial"])
    words = _phrase_words(rng, language, length, valid=variant != "bad_checksum")
    if variant == "misspelt" and not language.startswith("chinese"):
        for position in rng.sample(range(length), rng.choice([1, 2])):
            words[position] = _misspell(rng, words[position])
    if variant == "partial":
        words = words[: rng.randrange(8, length)]
    text, form = _write_words(rng, words, language)
    if variant == "partial" and language.startswith("chinese") and form.startswith("glued"):
        text, form = " ".join(words), "space"  # unspaced partial Chinese runs are not required
    return text, f"{variant}/{form}"


def hex_key(rng: random.Random) -> str:
    return rng.choice(["0x", ""]) + _hex(rng, 32)


def wif_key(rng: random.Random) -> str:
    body = rng.choice([b"\x80", b"\xef"]) + rng.randbytes(32) + rng.choice([b"", b"\x01"])
    return base58.b58encode_check(body).decode()


def extended_key(rng: random.Random) -> str:
    versions = {"xprv": "0488ade4", "yprv": "049d7878", "zprv": "04b2430c", "tprv": "04358394"}
    version = bytes.fromhex(rng.choice(list(versions.values())))
    body = (
        version
        + bytes([rng.randrange(0, 5)])
        + rng.randbytes(8)
        + rng.randbytes(32)
        + b"\x00"
        + rng.randbytes(32)
    )
    return base58.b58encode_check(body).decode()


def solana_key(rng: random.Random) -> str:
    seed = rng.randbytes(32)
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    if rng.random() < 0.5:
        return base58.b58encode(seed + public).decode()
    return json.dumps(list(seed + public), separators=rng.choice([(",", ":"), (", ", ": ")]))


def keystore(rng: random.Random) -> str:
    document = {
        "address": _hex(rng, 20),
        "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": {"iv": _hex(rng, 16)},
            "ciphertext": _hex(rng, 32),
            "kdf": rng.choice(["scrypt", "pbkdf2"]),
            "kdfparams": {"dklen": 32, "n": 262144, "p": 1, "r": 8, "salt": _hex(rng, 32)},
            "mac": _hex(rng, 32),
        },
        "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
        "version": 3,
    }
    return json.dumps(document, indent=rng.choice([None, 2]))


# Wrappers for the customer's message around a secret: {S} marks the secret.
_WRAP = {
    "en": [
        "{S}",
        "Support told me to send my recovery phrase here: {S}\nPlease restore my wallet.",
        "hi, this is my seed {S} can you check my balance",
        "My wallet words are {S}. The agent on Telegram said you need them to unlock my funds.",
        "Here you go:\n{S}\nthanks",
        "private key: {S}",
        "I exported the key {S} and imported it but the balance is 0",
        "{S} <- is this right? my app says invalid",
    ],
    "zh": [
        "{S}",
        "客服让我提供助记词：{S}，请帮我恢复钱包",
        "我的助记词是{S}请帮我看看资产还在不在",
        "你好，这是我的私钥 {S} 帮我查一下余额",
        "官方客服说要验证钱包，我把这个发给你们{S}麻烦尽快处理",
        "{S}\n以上是我的钱包信息，急！",
        "导入钱包时提示错误：{S}，是不是哪里写错了",
    ],
}


def _embed(rng: random.Random, secret: str, kind: str, language: str, form: str) -> Sample:
    wrap_language = rng.choice(["zh", "en"]) if language == "any" else language
    template = rng.choice(_WRAP[wrap_language])
    before, after = template.split("{S}")
    text = before + secret + after
    start = len(before)
    return Sample(
        id="",
        text=text,
        language=wrap_language,
        secrets=[
            {
                "kind": kind,
                "start": start,
                "end": start + len(secret),
                "language": form.split("|")[0],
                "form": form,
            }
        ],
    )


def samples(
    *, seed: int = 7, per_language: int = 120, clean: int = 3000, keys: int = 150
) -> Iterator[Sample]:
    """The labelled set: mnemonics per language, keys per kind, and clean messages."""
    rng = random.Random(seed)
    counter = 0

    def numbered(sample: Sample) -> Sample:
        nonlocal counter
        counter += 1
        sample.id = f"s{counter:05d}"
        return sample

    for language in LANGUAGES:
        for _ in range(per_language):
            secret, description = mnemonic_secret(rng, language)
            wrap = "zh" if language.startswith("chinese") and rng.random() < 0.7 else "any"
            yield numbered(_embed(rng, secret, "mnemonic", wrap, f"{language}|{description}"))
    makers = [
        ("hex", hex_key, "private_key"),
        ("wif", wif_key, "private_key"),
        ("solana", solana_key, "private_key"),
        ("xprv", extended_key, "extended_private_key"),
        ("keystore", keystore, "keystore_json"),
    ]
    for name, make, kind in makers:
        for _ in range(keys):
            yield numbered(_embed(rng, make(rng), kind, "any", f"{name}|{name}"))
    for index in range(clean):
        language = ("zh", "en", "mixed")[index % 3]
        yield numbered(Sample(id="", text=clean_message(rng, language), language=language))


if __name__ == "__main__":
    # `python -m walletdesk.shield.labelled [seed] > shield_labelled.jsonl`: the set as JSON lines.
    import sys

    for sample in samples(seed=int(sys.argv[1]) if len(sys.argv) > 1 else 7):
        sys.stdout.write(json.dumps(sample.as_json(), ensure_ascii=False) + "\n")

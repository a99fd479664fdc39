"""The labelled set: hand-written messages plus many templated ones, written to data/labelled.jsonl.

Run `walletdesk triage_train --regenerate` to rebuild the file and the model. The generator is
seeded, so the committed file is reproducible. Each intent phrase is a real way customers write
(colloquial, typos, slang, zh/en mixed); fillers (greetings, ids, urgency) are shared by every
category so the model cannot learn the category from them.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import base58
from eth_utils import to_checksum_address

from walletdesk.triage.phrases import COMPLAINT, INTENTS, NO_COMPLAINT_TAILS
from walletdesk.triage.phrases_classes import INTENTS_CLASSES
from walletdesk.triage.phrases_extra import INTENTS_EXTRA
from walletdesk.triage.phrases_fresh import INTENTS_FRESH
from walletdesk.triage.phrases_loss import INTENTS_LOSS
from walletdesk.triage.phrases_more import INTENTS_MORE
from walletdesk.triage.phrases_redteam import INTENTS_REDTEAM

DATA_DIR = Path(__file__).parent / "data"
LABELLED_PATH = DATA_DIR / "labelled.jsonl"
HANDWRITTEN_PATH = DATA_DIR / "handwritten.jsonl"
# Hand-written rows from other writers, one file each, folded in after handwritten.jsonl in name
# order so adding a file never renumbers the rows before it.
WRITTEN_GLOB = "written_*.jsonl"
# The categories a row may carry; services.CATEGORIES is the same tuple, but importing services
# here would load the shipped model just to build the set it is trained on.
LABEL_CATEGORIES = (
    "account_login",
    "deposit",
    "withdrawal",
    "trading",
    "fees",
    "security",
    "account_theft",
    "service_feedback",
    "verification",
    "other",
)

_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def _bech32_encode(program: bytes, version: int) -> str:
    acc, bits, data = 0, 0, [version]
    for byte in program:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    const = 1 if version == 0 else 0x2BC830A3
    expanded = [3, 3, 0, 2, 3] + data + [0] * 6
    mod = _bech32_polymod(expanded) ^ const
    checksum = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return "bc1" + "".join(_BECH32_CHARSET[d] for d in data + checksum)


class EntityPool:
    """Valid and look-alike entities made from a seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _bytes(self, n: int) -> bytes:
        return bytes(self.rng.getrandbits(8) for _ in range(n))

    def evm(self) -> str:
        raw = "0x" + self._bytes(20).hex()
        return to_checksum_address(raw) if self.rng.random() < 0.7 else raw

    def evm_bad_checksum(self) -> str:
        good = to_checksum_address("0x" + self._bytes(20).hex())
        letters = [i for i, c in enumerate(good) if i > 1 and c.isalpha()]
        i = self.rng.choice(letters)
        return good[:i] + good[i].swapcase() + good[i + 1 :]

    def tron(self) -> str:
        return base58.b58encode_check(b"\x41" + self._bytes(20)).decode()

    def btc(self) -> str:
        kind = self.rng.random()
        if kind < 0.3:
            return base58.b58encode_check(b"\x00" + self._bytes(20)).decode()
        if kind < 0.45:
            return base58.b58encode_check(b"\x05" + self._bytes(20)).decode()
        if kind < 0.85:
            return _bech32_encode(self._bytes(20), 0)
        return _bech32_encode(self._bytes(32), 1)

    def solana(self) -> str:
        while True:
            text = base58.b58encode(self._bytes(32)).decode()
            if any(c.isdigit() for c in text) and any(c.isupper() for c in text):
                return text

    def address(self, net: str | None = None) -> str:
        pick = {"TRC20": self.tron, "BTC": self.btc, "SOL": self.solana}.get(net or "", None)
        if pick is None and net is None:
            pick = self.rng.choice([self.evm, self.evm, self.tron, self.tron, self.btc, self.solana])
        return (pick or self.evm)()

    def tx(self, net: str | None = None) -> str:
        body = self._bytes(32).hex()
        if net in ("ERC20", "BEP20", "POLYGON", "ARBITRUM", "OPTIMISM", "BASE"):
            return "0x" + body
        if net == "SOL":
            return base58.b58encode(self._bytes(64)).decode()
        if net in ("TRC20", "BTC"):
            return body
        return "0x" + body if self.rng.random() < 0.6 else body

    def order_no(self) -> str:
        return str(self.rng.randint(10**17, 10**19))

    def uid(self) -> str:
        return str(self.rng.randint(10**6, 10**9))


# How networks are written in the wild, keyed by the normalised name.
NETWORK_SPELLINGS: dict[str, list[str]] = {
    "TRC20": ["TRC20", "trc20", "trc-20", "TRC 20", "波场", "波场链", "Tron", "TRON network"],
    "ERC20": ["ERC20", "erc20", "ERC-20", "ERC 20", "以太坊", "Ethereum", "ETH链", "eth network"],
    "BEP20": ["BEP20", "bep20", "BEP-20", "BSC", "币安链", "币安智能链", "BNB Smart Chain", "bnb chain"],
    "SOL": ["Solana", "SOL链", "solana network", "sol network"],
    "POLYGON": ["Polygon", "polygon", "马蹄链"],
    "ARBITRUM": ["Arbitrum", "arbitrum one", "Arb链"],
    "OPTIMISM": ["Optimism", "OP mainnet"],
    "BASE": ["Base chain", "Base链", "base network"],
    "TON": ["TON", "TON链", "ton network"],
    "LIGHTNING": ["Lightning", "闪电网络", "lightning network"],
    "BTC": ["BTC网络", "Bitcoin network", "BTC链", "BTC mainnet", "比特币网络"],
}
NET_ASSET = {
    "TRC20": "USDT",
    "ERC20": "USDT",
    "BEP20": "USDT",
    "SOL": "SOL",
    "POLYGON": "USDC",
    "ARBITRUM": "ETH",
    "OPTIMISM": "ETH",
    "BASE": "USDC",
    "TON": "TON",
    "LIGHTNING": "BTC",
    "BTC": "BTC",
}


def _amount(rng: random.Random, asset: str) -> tuple[str, dict[str, str]]:
    """One written amount and its normalised label."""
    if asset == "USDT":
        forms = [
            ("{n} USDT", None),
            ("{n}U", None),
            ("{n}u", None),
            ("{n} usdt", None),
            ("{c}U", "cn"),
            ("{k}k USDT", "k"),
            ("{w}万u", "w"),
            ("{g} USDT", "grouped"),
        ]
        form, kind = rng.choice(forms)
    else:
        form, kind = rng.choice(
            [("{n} " + asset, None), ("{n}个" + asset, None), ("{n}" + asset.lower(), None)]
        )
    if kind == "cn":
        value, text = rng.choice(
            [
                (500, "五百"),
                (2000, "两千"),
                (300, "三百"),
                (10000, "一万"),
                (15000, "一万五千"),
                (800, "八百"),
            ]
        )
        return form.format(c=text), {"value": str(value), "asset": asset}
    if kind == "k":
        k = rng.choice([1, 2, 3, 5, 10])
        return form.format(k=k), {"value": str(k * 1000), "asset": asset}
    if kind == "w":
        w, value = rng.choice([("1.2", "12000"), ("2", "20000"), ("1.5", "15000"), ("3", "30000")])
        return form.format(w=w), {"value": value, "asset": asset}
    if kind == "grouped":
        n = rng.choice([1200, 2500, 15000, 3000, 1050])
        return form.format(g=f"{n:,}"), {"value": str(n), "asset": asset}
    if asset in ("BTC", "ETH"):
        n = rng.choice(["0.5", "0.01", "1.2", "0.05", "2", "0.3"])
    else:
        n = str(rng.choice([20, 50, 100, 200, 500, 1000, 88, 150, 30, 5000]))
    return form.format(n=n), {"value": n, "asset": asset}


GREETINGS = {
    "zh": [
        "",
        "",
        "",
        "你好，",
        "您好，",
        "客服你好，",
        "在吗？",
        "hi 客服，",
        "请问一下，",
        "麻烦问下，",
        "急！",
        "哈喽，",
    ],
    "en": [
        "",
        "",
        "",
        "Hi, ",
        "Hello, ",
        "hey ",
        "Hi support, ",
        "Good morning, ",
        "urgent: ",
        "Hello team, ",
    ],
}
CLOSINGS = {
    "zh": ["", "", "", "谢谢", "谢谢！", "麻烦尽快处理", "在线等", "急急急", "求帮忙", "？？", "。"],
    "en": ["", "", "", " thanks", " thank you", " pls help", " asap please", "??", ".", " thx"],
}


def _lang_of(text: str) -> str:
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    latin_words = len([w for w in text.split() if w.isascii() and w.isalpha() and len(w) > 2])
    if cjk and latin_words >= 2:
        return "mixed"
    return "zh" if cjk else "en"


def _fill(rng: random.Random, pool: EntityPool, template: str) -> tuple[str, dict[str, list[Any]]]:
    net = rng.choice(list(NETWORK_SPELLINGS)) if "{net}" in template else None
    if net is None and ("{addr}" in template or "{tx}" in template) and rng.random() < 0.5:
        net = rng.choice(["TRC20", "ERC20", "BEP20", "BTC", "SOL"])
    ents: dict[str, list[Any]] = {"tx_hashes": [], "addresses": [], "networks": [], "amounts": []}
    out = template
    if "{net}" in out:
        out = out.replace("{net}", rng.choice(NETWORK_SPELLINGS[net]), 1)
        ents["networks"].append(net)
    asset = NET_ASSET.get(net or "", rng.choice(["USDT", "USDT", "USDT", "BTC", "ETH", "TRX"]))
    if "{amt}" in out:
        text, label = _amount(rng, asset)
        out = out.replace("{amt}", text, 1)
        ents["amounts"].append(label)
    if "{addr}" in out:
        a = pool.address(net)
        out = out.replace("{addr}", a, 1)
        ents["addresses"].append(a)
    if "{tx}" in out:
        t = pool.tx(net)
        out = out.replace("{tx}", t, 1)
        ents["tx_hashes"].append(t)
    out = out.replace("{order}", pool.order_no()).replace("{uid}", pool.uid())
    return out, ents


def _typo(rng: random.Random, text: str) -> str:
    """Customers type fast: drop or double a letter, lowercase everything, strip punctuation."""
    roll = rng.random()
    if roll < 0.15:
        text = text.lower()
    elif roll < 0.22 and len(text) > 12:
        i = rng.randrange(1, len(text) - 1)
        word = re.search(r"[0-9A-Za-z]*\Z", text[:i]).group() + re.match(r"[0-9A-Za-z]*", text[i:]).group()
        # Typos hit words, never a hash or an address (without a checksum, Solana keys and
        # signatures still decode after losing a character, and the label would be wrong).
        if text[i].isalpha() and text[i].isascii() and len(word) < 20:
            text = text[:i] + text[i + 1 :]
    elif roll < 0.27:
        text = text.replace("，", " ").replace("。", "").replace(",", "")
    return text


def templated(rng: random.Random, per_intent: int = 3) -> Iterator[dict[str, Any]]:
    pool = EntityPool(rng)
    for category, langs in INTENTS.items():
        for lang, first in langs.items():
            phrases = (
                first
                + INTENTS_EXTRA.get(category, {}).get(lang, [])
                + INTENTS_MORE.get(category, {}).get(lang, [])
                + INTENTS_REDTEAM.get(category, {}).get(lang, [])
                + INTENTS_FRESH.get(category, {}).get(lang, [])
                + INTENTS_CLASSES.get(category, {}).get(lang, [])
                + INTENTS_LOSS.get(category, {}).get(lang, [])
            )
            for index, phrase in enumerate(phrases):
                for _ in range(per_intent):
                    row = _one(rng, pool, category, lang, phrase)
                    # Rows from one phrase share a group: cross-validation keeps them in one fold,
                    # so the score measures new phrasings, not memorised ones.
                    row["group"] = f"{category}:{lang}:{index}"
                    yield row


def _one(rng: random.Random, pool: EntityPool, category: str, lang: str, phrase: str) -> dict[str, Any]:
    base_lang = "zh" if lang in ("zh", "mixed") else "en"
    complaint = False
    tail = ""
    if category != "service_feedback" or "{praise}" not in phrase:
        if rng.random() < 0.3:
            tail_lang = base_lang if rng.random() < 0.85 else ("en" if base_lang == "zh" else "zh")
            tail = rng.choice(COMPLAINT[tail_lang])
            complaint = True
        elif rng.random() < 0.25:
            tail = rng.choice(NO_COMPLAINT_TAILS[base_lang])
    phrase = phrase.replace("{praise}", "")
    phrase, forced = _complaint_marker(phrase)
    if forced is not None:
        complaint = forced or complaint
    body, ents = _fill(rng, pool, phrase)
    sep = "" if base_lang == "zh" and not tail[:1].isascii() else " "
    text = (
        rng.choice(GREETINGS[base_lang])
        + body
        + (sep + tail if tail else "")
        + rng.choice(CLOSINGS[base_lang])
    )
    text = _typo(rng, text.strip())
    # _typo may lowercase: labels keep entities as written in the final text.
    ents["tx_hashes"] = [t for t in (_case_match(text, t) for t in ents["tx_hashes"]) if t]
    ents["addresses"] = [a for a in (_case_match(text, a) for a in ents["addresses"]) if a]
    return {
        "text": text,
        "lang": _lang_of(text),
        "category": category,
        "complaint": complaint,
        "entities": ents,
        "source": "template",
    }


def _case_match(text: str, value: str) -> str | None:
    """The entity as it now appears in the text (lowercasing breaks EIP-55 and base58)."""
    if value in text:
        return value
    low = value.lower()
    if low in text:
        # Lowercased hex (EVM addresses, hashes) stays valid; lowercased base58 does not exist.
        if all(c in "0123456789abcdefx" for c in low) or low.startswith("bc1"):
            return low
    return None


def _complaint_marker(phrase: str) -> tuple[str, bool | None]:
    """A phrase ending in "|C" is a complaint by itself (it already asks for redress)."""
    if phrase.endswith("|C"):
        return phrase[:-2], True
    return phrase, None


class LabelledRowInvalid(ValueError):
    """A hand-written row that cannot be trained on; the message names the file and line."""


def _hand_row_check(raw: str, where: str) -> dict[str, Any]:
    try:
        row = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LabelledRowInvalid(f"{where}: not a JSON object ({exc.msg}).") from None
    if not isinstance(row, dict):
        raise LabelledRowInvalid(f"{where}: not a JSON object.")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LabelledRowInvalid(f'{where}: "text" must be a non-empty string.')
    if row.get("category") not in LABEL_CATEGORIES:
        raise LabelledRowInvalid(
            f"{where}: unknown category {row.get('category')!r} (one of {', '.join(LABEL_CATEGORIES)})."
        )
    if not isinstance(row.get("complaint"), bool):
        raise LabelledRowInvalid(f'{where}: "complaint" must be true or false.')
    group = row.get("group")
    if group is not None and not isinstance(group, str):
        raise LabelledRowInvalid(f'{where}: "group" must be a string when given.')
    return row


def hand_rows_load(path: Path, *, source: str) -> list[dict[str, Any]]:
    """Rows of one hand-written jsonl file, checked; raises LabelledRowInvalid naming file and line."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.strip()
            if not line:
                continue
            row = _hand_row_check(line, f"{path.name} line {number}")
            row.setdefault("source", source)
            row.setdefault("lang", _lang_of(row["text"]))
            row.setdefault("entities", None)
            # A writer's group stays within their file: two writers' "g1" are different intents.
            group = row.get("group")
            row["group"] = f"{source}:{group}" if group else f"{source}:" + row["text"][:40]
            rows.append(row)
    return rows


def written_paths(data_dir: Path | None = None) -> list[Path]:
    return sorted((data_dir or DATA_DIR).glob(WRITTEN_GLOB))


def handwritten(data_dir: Path | None = None) -> list[dict[str, Any]]:
    """handwritten.jsonl, then every written_*.jsonl in name order."""
    data_dir = data_dir or DATA_DIR
    rows = hand_rows_load(data_dir / HANDWRITTEN_PATH.name, source="hand")
    for path in written_paths(data_dir):
        rows += hand_rows_load(path, source=path.stem)
    return rows


def labelled_build(
    *, seed: int = 7, per_intent: int = 3, data_dir: Path | None = None
) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = list(templated(rng, per_intent)) + handwritten(data_dir)
    seen: set[str] = set()
    out = []
    for i, row in enumerate(rows):
        if row["text"] in seen:
            continue
        seen.add(row["text"])
        row["id"] = f"t{i:05d}"
        out.append(row)
    return out


def labelled_write(rows: list[dict[str, Any]], path: Path = LABELLED_PATH) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def labelled_load(path: Path = LABELLED_PATH) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]

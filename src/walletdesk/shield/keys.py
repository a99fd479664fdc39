"""Key-shaped secrets: raw hex keys, WIF, extended private keys, Solana keys, keystore JSON.

Each detector returns (kind, start, end) spans over the original text. Everything that has a
checksum is validated with it; what has none (64 hex, 64-byte base58) is told apart from
transaction hashes and signatures by math where possible (ed25519) and by context otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

Span = tuple[str, int, int]

PRIVATE_KEY = "private_key"
EXTENDED_PRIVATE_KEY = "extended_private_key"
KEYSTORE_JSON = "keystore_json"

_B58 = "1-9A-HJ-NP-Za-km-z"
_HEX64_RE = re.compile(r"(?<![0-9A-Za-z])(?:0[xX])?[0-9a-fA-F]{64}(?![0-9A-Za-z])")
# A key written in groups ("d26f 6664 ...", two lines of 32) after OCR or from a paper backup.
# Separators are never empty: a long hex run could otherwise be split in exponentially many ways.
_GROUPED_HEX_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:0[xX])?(?:[0-9a-fA-F]{4,32}(?:[ \t]*-[ \t]*|[ \t]*\r?\n[ \t]*|[ \t]+)){1,15}"
    r"[0-9a-fA-F]{4,32}(?![0-9A-Za-z])"
)
_WIF_RE = re.compile(rf"(?<![{_B58}])[5KLc9][{_B58}]{{50,51}}(?![{_B58}])")
_XPRV_RE = re.compile(rf"(?<![{_B58}])[xyztuvYZUV]prv[{_B58}]{{100,115}}(?![{_B58}])")
_B58_64_RE = re.compile(rf"(?<![{_B58}])[{_B58}]{{85,90}}(?![{_B58}])")
_BYTE_ARRAY_RE = re.compile(r"\[\s*(?:\d{1,3}\s*,\s*){63}\d{1,3}\s*,?\s*\]")
_KEYSTORE_RE = re.compile(r"(?i)[\"']?ciphertext\\?[\"']?\s*:")
_KEYSTORE_COMPANION_RE = re.compile(r"(?i)kdf|\bmac\b|\"mac\"|cipherparams")

# Words that say what a 64-hex string or a 64-byte base58 string is. A key word nearer the
# string than a transaction word makes it a key; with no word at all a 64-hex string is treated
# as a key (the rule: redact unless the context says transaction hash).
_KEY_WORDS = (
    r"private|priv\b|privkey|\bpk\b|secret|key|seed|mnemonic|recovery|phrase|私钥|密钥|秘钥|私匙|钥匙|助记词|"
    r"导出|export|import|导入|恢复|restore"
)
_TX_WORDS = (
    r"\btx|txid|txn|hash|transaction|signature|sig\b|block|explorer|scan|deposit|withdraw|transfer|"
    r"confirm|pending|stuck|arriv|credit|sent\b|payment|order|status|receiv|refund|missing|still\b|"
    r"交易|哈希|转|充|提币|提现|到账|没到|未到|收到|区块|浏览器|确认|打包|记录|订单|链上|流水|凭证|单号|签名|"
    r"查|状态|退款|退回|"
    # A file's checksum is a 64-hex digest too ("sha256sum", "SHA-256: ...", "校验值").
    r"sha-?256|checksum|digest|\bmd5|\bsha1|校验"
)
_KEY_WORDS_RE = re.compile(f"(?i){_KEY_WORDS}")
_TX_WORDS_RE = re.compile(f"(?i){_TX_WORDS}")
_CONTEXT_RE = re.compile(f"(?i)(?P<key>{_KEY_WORDS})|(?P<tx>{_TX_WORDS})")
# One cheap scan decides whether any key detector needs to run at all.
_ANY_KEY_RE = re.compile(
    rf"[0-9a-fA-F]{{64}}|[0-9a-fA-F]{{8,32}}[\s-]+[0-9a-fA-F]{{8}}|(?:[0-9a-fA-F]{{4}}[ -]){{6}}|[{_B58}]{{50}}|(?i:ciphertext)|\[\s*\d{{1,3}}\s*,\s*\d{{1,3}}\s*,"
)
_NEAR = 80


def keys_find(text: str) -> list[Span]:
    if not _ANY_KEY_RE.search(text):
        return []
    spans: list[Span] = []
    spans += _keystores(text)
    spans += _extended_keys(text)
    spans += _wif_keys(text)
    spans += _hex_keys(text)
    spans += _grouped_hex_keys(text)
    spans += _solana_keys(text)
    return spans


def _context_kind(text: str, start: int, end: int) -> str | None:
    """'key' or 'tx' from the nearest telling word around text[start:end], else from the message."""
    before = text[max(0, start - _NEAR) : start]
    after = text[end : end + _NEAR]
    best: tuple[int, str] | None = None
    for match in _CONTEXT_RE.finditer(before):
        distance = len(before) - match.end()
        if best is None or distance <= best[0]:
            best = (distance, match.lastgroup or "")
    match = _CONTEXT_RE.search(after)
    if match and (best is None or match.start() < best[0]):
        best = (match.start(), match.lastgroup or "")
    if best is not None:
        return best[1]
    return _message_kind(text)


@lru_cache(maxsize=4)
def _message_kind(text: str) -> str | None:
    """Nothing close by: a message about a deposit that lists several hashes is about hashes.

    Cached: a pasted blob of hundreds of hex strings would otherwise search the whole text once
    per string (quadratic). A str caches its own hash, so a hit costs nothing.
    """
    if _KEY_WORDS_RE.search(text):
        return "key"
    if _TX_WORDS_RE.search(text):
        return "tx"
    return None


def _in_link(text: str, start: int, end: int) -> bool:
    """Whether the string sits in a URL or path (explorer links carry hashes, never keys)."""
    prefix = text[max(0, start - 200) : start]
    prefix = prefix[
        max(prefix.rfind(" "), prefix.rfind("\n"), prefix.rfind("\t"), prefix.rfind("\u3000")) + 1 :
    ]
    if "/" in prefix:
        return True
    # A query string ("?hash=...&") carries a hash; a "pk=" or "secret=" assignment is a key.
    return ("=" in prefix and ("?" in prefix or "&" in prefix)) and not _KEY_WORDS_RE.search(prefix)


def _hex_keys(text: str) -> list[Span]:
    spans = []
    for match in _HEX64_RE.finditer(text):
        start, end = match.span()
        digits = match.group()[-64:]
        if digits.startswith("00000000") or len(set(digits.lower())) < 4:
            continue  # a block hash (leading zeros) or filler, not a random key
        if _in_link(text, start, end):
            continue
        if _context_kind(text, start, end) != "tx":
            spans.append((PRIVATE_KEY, start, end))
    return spans


def _grouped_hex_keys(text: str) -> list[Span]:
    """64 hex digits in equal groups (the last may be shorter), judged by context like _hex_keys."""
    spans = []
    for match in _GROUPED_HEX_RE.finditer(text):
        groups = re.findall(r"[0-9a-fA-F]+", match.group().removeprefix("0x").removeprefix("0X"))
        digits = "".join(groups)
        if len(groups) < 2 or len(digits) != 64 or len({len(g) for g in groups[:-1]}) != 1:
            continue
        numerals = sum(c.isdigit() for c in digits)
        if len(groups[-1]) > len(groups[0]) or not 16 <= numerals <= 48:
            continue  # random hex has ~24 numerals: not words ("face bead") nor card numbers
        start, end = match.span()
        if _in_link(text, start, end) or _context_kind(text, start, end) == "tx":
            continue
        spans.append((PRIVATE_KEY, start, end))
    return spans


def _wif_keys(text: str) -> list[Span]:
    spans = []
    for match in _WIF_RE.finditer(text):
        try:
            payload = base58.b58decode_check(match.group())
        except ValueError:
            continue
        compressed = len(payload) == 34 and payload[-1] == 1
        if payload[0] in (0x80, 0xEF) and (len(payload) == 33 or compressed):
            spans.append((PRIVATE_KEY, *match.span()))
    return spans


def _extended_keys(text: str) -> list[Span]:
    # Flagged even with a broken checksum: "xprv" plus 107 base58 characters is never prose,
    # and a key with one mistyped character still gives the wallet away.
    return [(EXTENDED_PRIVATE_KEY, *match.span()) for match in _XPRV_RE.finditer(text)]


def _solana_keys(text: str) -> list[Span]:
    spans = []
    for match in _BYTE_ARRAY_RE.finditer(text):
        numbers = [int(n) for n in re.findall(r"\d+", match.group())]
        if len(numbers) == 64 and max(numbers) <= 255:
            spans.append((PRIVATE_KEY, *match.span()))
    for match in _B58_64_RE.finditer(text):
        try:
            raw = base58.b58decode(match.group())
        except ValueError:
            continue
        if len(raw) != 64:
            continue
        start, end = match.span()
        if _in_link(text, start, end):
            continue  # explorer links carry signatures, never keys
        if _context_kind(text, start, end) == "key":
            spans.append((PRIVATE_KEY, start, end))
            continue
        # A Solana secret key is seed + public key; a transaction signature (same shape) is not.
        derived = Ed25519PrivateKey.from_private_bytes(raw[:32]).public_key().public_bytes_raw()
        if derived == raw[32:]:
            spans.append((PRIVATE_KEY, start, end))
    return spans


def _keystores(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _KEYSTORE_RE.finditer(text):
        if spans and spans[-1][1] <= match.start() < spans[-1][2]:
            continue
        window = text[max(0, match.start() - 2000) : match.end() + 2000]
        if not _KEYSTORE_COMPANION_RE.search(window):
            continue
        start, end = _enclosing_object(text, match.start())
        spans.append((KEYSTORE_JSON, start, end))
    return spans


def _enclosing_object(text: str, inside: int) -> tuple[int, int]:
    """The outermost balanced {...} around `inside`; a truncated paste runs to the text's end."""
    best: tuple[int, int] | None = None
    opener = text.rfind("{", max(0, inside - 3000), inside)
    while opener != -1:
        closer = _matching_brace(text, opener)
        if closer is None:
            if best is None:
                best = (opener, len(text))
            break
        if closer > inside:
            best = (opener, closer + 1)
        opener = text.rfind("{", max(0, inside - 3000), opener)
    return best if best is not None else (inside, len(text))


def _matching_brace(text: str, opener: int) -> int | None:
    depth = 0
    in_string = False
    escaped = False
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

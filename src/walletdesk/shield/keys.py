"""Key-shaped secrets: raw hex keys, WIF, extended private keys, Solana keys, keystore JSON.

Each detector returns (kind, start, end) spans over the original text. Everything that has a
checksum is validated with it; what has none (64 hex, 64-byte base58) is told apart from
transaction hashes and signatures by math where possible (ed25519) and by context otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from walletdesk.shield.scan import alnum_runs, ascii_digit_count, ascii_view, has_alnum_run

Span = tuple[str, int, int]

PRIVATE_KEY = "private_key"
EXTENDED_PRIVATE_KEY = "extended_private_key"
KEYSTORE_JSON = "keystore_json"

_B58 = "1-9A-HJ-NP-Za-km-z"
# Raw hex, WIF, extended and 64-byte base58 keys are each a whole run of letters and digits
# ("0x" + 64 hex) or a whole run of base58 characters (0, O, I and l end one) of a given length:
# keys_find finds the runs once and sends each to the detectors its length fits.
_HEX64_RE = re.compile(r"(?:0[xX])?[0-9a-fA-F]{64}")
_HEX128_RE = re.compile(r"(?:0[xX])?[0-9a-fA-F]{128}")
_B58_RUN_RE = re.compile(f"[{_B58}]+")
_WIF_LENGTHS = (51, 52)
_WIF_FIRST = frozenset("5KLc9")
_XPRV_RE = re.compile(rf"[xyztuvYZUV]prv[{_B58}]{{100,115}}")
_SOLANA_LENGTHS = range(85, 91)
# A key written in groups ("d26f 6664 ...", two lines of 32, byte pairs "d2 6f 66 ...") after
# OCR, from a paper backup or a hex dump. The match takes in every group that follows, so a
# longer dump is not cut down to 32 bytes. Separators are never empty: a long hex run could
# otherwise be split in exponentially many ways.
_GROUPED_HEX_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:0[xX])?(?:[0-9a-fA-F]{2,32}(?:[ \t]*-[ \t]*|[ \t]*\r?\n[ \t]*|[ \t]+)){1,63}"
    r"[0-9a-fA-F]{2,32}(?![0-9A-Za-z])"
)
_BYTE_ARRAY_RE = re.compile(r"\[\s*(?:\d{1,3}\s*,\s*){63}\d{1,3}\s*,?\s*\]")
_KEYSTORE_RE = re.compile(r"(?i)[\"']?ciphertext\\?[\"']?\s*:")
_KEYSTORE_COMPANION_RE = re.compile(r"(?i)kdf|\bmac\b|\"mac\"|cipherparams")

# Words that say what a 64-hex string or a 64-byte base58 string is. A key word nearer the
# string than a transaction word makes it a key; with no word at all a 64-hex string is treated
# as a key (the rule: redact unless the context says transaction hash). Lower case; a
# leading or trailing "\\b" asks for a word boundary there. Customers write in the languages of
# the wordlists, so the words are there in Japanese, Korean and the Latin-script languages too.
_KEY_WORDS = (
    "private", "priv\\b", "privkey", "\\bpk\\b", "secret", "key", "seed", "mnemonic", "recovery",
    "phrase", "export", "import", "restore",
    "私钥", "密钥", "秘钥", "私匙", "钥匙", "助记词", "导出", "导入", "恢复", "私鑰", "密鑰", "助記詞", "導出",
    "秘密鍵", "シード", "復元", "リカバリー", "フレーズ", "エクスポート", "インポート",
    "개인키", "개인 키", "비밀키", "비밀 키", "시드", "복구", "니모닉", "내보내기", "가져오기",
    "privad", "privat", "privé", "clave", "chave", "clé", "chiave", "klíč", "semilla", "frase",
    "ключ", "приватн", "сид", "мнемон", "anahtar", "schlüssel",
)  # fmt: skip
_TX_WORDS = (
    "\\btx", "txid", "txn", "hash", "transaction", "transac", "signature", "sig\\b", "block",
    "explorer", "scan", "deposit", "withdraw", "transfer", "confirm", "pending", "stuck", "arriv",
    "credit", "sent\\b", "payment", "paid", "order", "status", "receiv", "refund", "missing", "still\\b",
    "付款", "支付",
    "交易", "哈希", "转", "充", "提币", "提现", "到账", "没到", "未到", "收到", "区块", "浏览器", "确认",
    "打包", "记录", "订单", "链上", "流水", "凭证", "单号", "签名", "查", "状态", "退款", "退回",
    "轉", "幣", "區塊", "瀏覽器", "確認", "記錄", "訂單", "鏈上", "憑證", "單號", "簽名", "狀態",
    "トランザクション", "ハッシュ", "取引", "送金", "入金", "出金", "着金", "反映", "履歴", "承認",
    "거래", "해시", "입금", "출금", "전송", "송금", "트랜잭션", "내역", "승인",
    "depósito", "dépôt", "retrait", "retiro", "prelievo", "saque", "envío", "envoi", "transak",
    "хэш", "хеш", "транзакц", "депозит", "вывод", "перевод", "işlem", "zahlung", "giao dịch",
    # A file's checksum is a 64-hex digest too ("sha256sum", "SHA-256: ...", "校验值").
    "sha256", "sha-256", "checksum", "digest", "\\bmd5", "\\bsha1", "校验", "校驗",
)  # fmt: skip


def _words_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for lower-case text matching any of `words`, as a trie of their characters.

    Every branch starts with a plain character, so the regex engine skips at C speed to the
    characters that can start a word and then follows one branch; a plain alternation of the
    words (with word-boundary marks in front) made it try every word at every character, ten
    times slower. A leading boundary becomes a look-behind after the first character.
    """
    trie: dict = {}
    for word in words:
        lead, trail = word.startswith("\\b"), word.endswith("\\b")
        atoms = [re.escape(char) for char in word.removeprefix("\\b").removesuffix("\\b")]
        if lead:
            atoms[0] += r"(?<!\w.)"
        if trail:
            atoms.append(r"(?!\w)")
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [atom + pattern(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(pattern(trie))


# A public key is 64 hex too (validators, nostr, ed25519) and tells no secret; "key" in "the
# key thing" or "keyboard" says nothing about the string. Matched whole, these outrank the
# "key" inside them.
_PUBLIC_WORDS = (
    "public key", "public_key", "publickey", "pubkey", "pub key", "公钥", "公鑰", "公開鍵", "공개키",
    "공개 키", "clave pública", "clé publique", "veřejný klíč",
)  # fmt: skip
_NEUTRAL_WORDS = (
    "key thing", "key point", "key question", "key issue", "key part", "key problem", "key fact",
    "keyboard", "keychain",
)  # fmt: skip
_WORD_KIND = {
    **{word.removeprefix("\\b").removesuffix("\\b"): "tx" for word in _TX_WORDS},
    **{word.removeprefix("\\b").removesuffix("\\b"): "key" for word in _KEY_WORDS},
    **{word: "public" for word in _PUBLIC_WORDS},
    **{word: "neutral" for word in _NEUTRAL_WORDS},
}
# What a telling word makes of a 64-hex string: "public" keys are no more secret than hashes.
_NOT_A_SECRET = frozenset({"tx", "public"})
_LONGEST_WORD = max(map(len, _WORD_KIND))
_KEY_WORDS_RE = _words_regex(_KEY_WORDS)
_CONTEXT_RE = _words_regex(_KEY_WORDS + _TX_WORDS + _PUBLIC_WORDS + _NEUTRAL_WORDS)
# Cheap gates decide which detectors run at all: each is a literal test or a single-class regex
# (an alternation of several classes costs the regex engine a try per branch at every
# character). Every gate is implied by its detector's own pattern, so no key is lost:
# - hex64, WIF, xprv and 64-byte base58 are unbroken runs of 51 or more base58/hex characters;
#   each detector then looks only inside such runs (its regex alone, run over the whole text,
#   would try up to 64 characters at every position of every hash: quadratic);
_LONG_ALNUM = 51
# scan.alnum_runs finds those runs with substring searches over a byte-level view of the text.
# - a grouped hex key has 16 or more ASCII numerals (a random key has ~24; _grouped_hex_keys
#   checks it) and lies in a stretch of hex digits and separators (see _HEX_STRETCH_MARKS);
_GROUPED_NUMERALS = 16
# - a byte array opens with "[", a keystore holds "ciphertext" (written by software: lower case,
#   or upper/title case by hand).
_NEAR = 80


def keys_find(text: str) -> list[Span]:
    spans: list[Span] = []
    keystores: list[Span] = []
    if "pher" in text or "PHER" in text or "Pher" in text:
        keystores = _keystores(text)
        spans += keystores
    view = ascii_view(text)
    for start, end in alnum_runs(view, _LONG_ALNUM):
        if end - start in (64, 66) and _HEX64_RE.fullmatch(text, start, end):
            # The ciphertext, salt and MAC of a keystore found are inside its finding already
            # (the merge keeps the keystore's bounds and kind): their context is not weighed.
            if not any(first <= start and end <= last for _, first, last in keystores):
                spans += _hex_key(text, start, end)
            # Hex splits into base58 pieces only at "0": none long enough for the keys below
            # (51 or more) in most hashes, and then the base58 pass has nothing to find.
            if max(map(len, text[start:end].split("0"))) < _WIF_LENGTHS[0]:
                continue
        elif end - start in (128, 130) and _HEX128_RE.fullmatch(text, start, end):
            spans += _ed25519_hex_key(text, start, end)
        for piece in _B58_RUN_RE.finditer(text, start, end):
            first, last = piece.span()
            size = last - first
            if size in _WIF_LENGTHS and text[first] in _WIF_FIRST:
                spans += _wif_key(text, first, last)
            elif size in _SOLANA_LENGTHS:
                spans += _solana_base58_key(text, first, last)
            elif size >= 104 and _XPRV_RE.fullmatch(text, first, last):
                # Flagged even with a broken checksum: "xprv" plus 107 base58 characters is
                # never prose, and a key with one mistyped character still gives the wallet away.
                spans.append((EXTENDED_PRIVATE_KEY, first, last))
    if "prv" in text and "\n" in text:
        spans += _wrapped_extended_keys(text)
    if "[" in text:
        spans += _solana_arrays(text)
    if ascii_digit_count(view) >= _GROUPED_NUMERALS:
        spans += _grouped_hex_keys(text, view)
    if has_alnum_run(view, _HALF):
        spans += _split_hex_keys(text, view)
    return spans


# A key sent in two halves ("part 1: <32 hex>" then "part 2: <32 hex>", two chat messages, two
# fields of a form). 32 hex alone is an MD5, a UUID or an API token, so only two such strings
# close together, each named a key by its nearest telling word, count. An exchange's API key
# and secret (often 32 hex) are not wallet secrets (issue 6 lists mnemonics, private, extended
# and keystore keys): "api" before the pair leaves it alone.
_HALF = 32
_HALVES_APART = 120
_API_RE = re.compile(r"(?i)\bapi")


def _split_hex_keys(text: str, view: bytes) -> list[Span]:
    halves = [
        (start, end)
        for start, end in alnum_runs(view, _HALF)
        if end - start in (_HALF, _HALF + 2) and _HEX_HALF_RE.fullmatch(text, start, end)
    ]
    spans: list[Span] = []
    for (start, end), (next_start, next_end) in zip(halves, halves[1:], strict=False):
        if next_start - end > _HALVES_APART or not (
            _looks_random(text[end - _HALF : end]) and _looks_random(text[next_end - _HALF : next_end])
        ):
            continue
        if _API_RE.search(text, max(0, start - _NEAR), next_end):
            continue
        if _context_kind(text, start, end) == "key" and _context_kind(text, next_start, next_end) == "key":
            spans += [(PRIVATE_KEY, start, end), (PRIVATE_KEY, next_start, next_end)]
    return spans


_HEX_HALF_RE = re.compile(r"(?:0[xX])?[0-9a-fA-F]{32}")


def _looks_random(digits: str) -> bool:
    """Random hex: 32 digits hold 4 to 28 numerals and at least 8 distinct digits."""
    numerals = sum(char.isdigit() for char in digits)
    return 4 <= numerals <= 28 and len(set(digits.lower())) >= 8


def _context_kind(text: str, start: int, end: int) -> str | None:
    """'key' or 'tx' from the nearest telling word around text[start:end], else from the message."""
    # Most strings have their word right beside them ("txid: ...", "哈希是..."): a look at a few
    # characters either side settles it when the word found is nearer than any word that could
    # straddle the edge of that look.
    close = _nearest_close_word(text, start, end)
    if close is not None and close[0] + _LONGEST_WORD <= _CLOSE and close[1] != "public":
        return close[1]
    words = _words_near(text, start, end)
    best: tuple[int, str] | None = None
    key_near = False
    for word_start, word_end, kind in words:
        if word_end <= start and word_start >= start - _NEAR:
            distance = start - word_end
            key_near = key_near or kind == "key"
            if best is None or distance <= best[0]:
                best = (distance, kind)
        elif word_start >= end and word_end <= end + _NEAR:
            key_near = key_near or kind == "key"
            if best is None or word_start - end < best[0]:
                best = (word_start - end, kind)
            break  # the first word after the string is the nearest one after it
    if best is not None:
        # "my private key (not the public key) is ...": a secret named nearby wins over "public".
        return "key" if best[1] == "public" and key_near else best[1]
    kinds = _context_words(text)[2]
    return "key" if "key" in kinds else "tx" if "tx" in kinds else "public" if "public" in kinds else None


_CLOSE = 24


def _nearest_close_word(text: str, start: int, end: int) -> tuple[int, str] | None:
    before = _lower(text[max(0, start - _CLOSE) : start])
    best: tuple[int, str] | None = None
    for match in _CONTEXT_RE.finditer(before):
        distance = len(before) - match.end()
        kind = _WORD_KIND[match.group()]
        if kind != "neutral" and (best is None or distance <= best[0]):
            best = (distance, kind)
    for match in _CONTEXT_RE.finditer(_lower(text[end : end + _CLOSE])):
        kind = _WORD_KIND[match.group()]
        if kind != "neutral":
            if best is None or match.start() < best[0]:
                best = (match.start(), kind)
            break
    return best


def _lower(text: str) -> str:
    """Lower case, one character for one (a few letters lower to two, which would shift offsets)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


# Characters no telling word holds (lower-cased): the scan for words cannot straddle one, so a
# scan that starts just after one meets the same words as a scan of the whole text (which
# tries every position not inside an earlier word). The trie regex costs a few hundred
# nanoseconds a character: in a long text only the stretch around each string is read.
_WORD_BREAKS = "".join(
    sorted(set("\n\t,.;:!?()[]{}<>\"'=/|，。：；！？、（）【】「」") - set("".join(_WORD_KIND)))
)
_LAST_BREAK_RE = re.compile(f"(?s:.*)[{re.escape(_WORD_BREAKS)}]")
_NEXT_BREAK_RE = re.compile(f"[{re.escape(_WORD_BREAKS)}]")
# How far back and ahead a break is looked for; a text this short is read whole (and cached).
_BREAK_REACH = 200
_LOCAL_SCAN_ABOVE = 1500


def _words_near(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The telling words starting within _NEAR of text[start:end], as _context_words finds them."""
    if len(text) > _LOCAL_SCAN_ABOVE:
        low, high = start - _NEAR, end + _NEAR
        before = _LAST_BREAK_RE.match(text, max(0, low - _BREAK_REACH), max(0, low))
        after = _NEXT_BREAK_RE.search(text, high, high + _BREAK_REACH)
        if (before or low - _BREAK_REACH <= 0) and (after or high + _BREAK_REACH >= len(text)):
            first = before.end() if before else 0
            last = after.start() if after else len(text)
            # One character either side is kept for the regex's look-behind and look-ahead.
            base = max(0, first - 1)
            lowered = _lower(text[base : last + 1])
            found = []
            for match in _CONTEXT_RE.finditer(lowered, first - base):
                kind = _WORD_KIND[match.group()]
                word_start = base + match.start()
                if kind != "neutral" and low <= word_start <= high:
                    found.append((word_start, base + match.end(), kind))
            return found
    # Only words starting within _NEAR of the string can count: a blob of hundreds of hashes
    # would otherwise walk every word of the text for each of them.
    words, starts, _ = _context_words(text)
    return list(words[bisect_left(starts, start - _NEAR) : bisect_right(starts, end + _NEAR)])


@lru_cache(maxsize=4)
def _context_words(text: str) -> tuple[tuple[tuple[int, int, str], ...], list[int], frozenset[str]]:
    """Every telling word in `text` as (start, end, 'key', 'tx' or 'public'), found in one pass,
    with their starts (for bisecting) and the kinds the whole text holds.

    Cached: a pasted blob of hundreds of hex strings asks once per string (it would be
    quadratic otherwise). A str caches its own hash, so a hit costs nothing.
    """
    words = tuple(
        (match.start(), match.end(), _WORD_KIND[match.group()])
        for match in _CONTEXT_RE.finditer(_lower(text))
        if _WORD_KIND[match.group()] != "neutral"
    )
    return words, [word[0] for word in words], frozenset(word[2] for word in words)


def _in_link(text: str, start: int, end: int) -> bool:
    """Whether the string sits in a URL or path (explorer links carry hashes, never keys)."""
    prefix = text[max(0, start - 200) : start]
    prefix = prefix[
        max(prefix.rfind(" "), prefix.rfind("\n"), prefix.rfind("\t"), prefix.rfind("\u3000")) + 1 :
    ]
    # Markup around the string ("key:</p><pre>…") is no path: only what follows the last tag counts.
    prefix = prefix[prefix.rfind(">") + 1 :]
    if "/" in prefix:
        return True
    # A query string ("?hash=...&") carries a hash; a "pk=" or "secret=" assignment is a key.
    return ("=" in prefix and ("?" in prefix or "&" in prefix)) and not _KEY_WORDS_RE.search(prefix.lower())


def _hex_key(text: str, start: int, end: int) -> list[Span]:
    digits = text[end - 64 : end]
    if digits.startswith("00000000") or len(set(digits.lower())) < 4:
        return []  # a block hash (leading zeros) or filler, not a random key
    if _in_link(text, start, end) or _context_kind(text, start, end) in _NOT_A_SECRET:
        return []
    return [(PRIVATE_KEY, start, end)]


# A grouped key is made of hex digits, an "0x" and separators only, so it lies inside a stretch of
# such characters holding 64 hex digits or more. The stretches are found by bytes.translate and
# a one-class bytes regex; _GROUPED_HEX_RE then runs only inside them. A stretch starts after a
# character that no match can hold, so the regex meets each stretch as it would scanning the
# whole text (its look-behind and look-ahead still see the characters just outside).
_HEX_STRETCH_MARKS = bytes(
    ord("h")
    if chr(code) in "0123456789abcdefABCDEF"
    else ord("s")
    if chr(code) in " \t\r\n-"
    else ord("p")
    if chr(code) in "xX"
    else ord(" ")
    for code in range(256)
)
_HEX_STRETCH_RE = re.compile(rb"[hsp]{64,}")
# Two groups: a hex digit, separators, a hex digit (a lone hash with a space after it has none).
_HEX_GROUP_BREAK_RE = re.compile(rb"hs+h")


def _grouped_hex_keys(text: str, view: bytes) -> list[Span]:
    """64 hex digits in equal groups (the last may be shorter), judged by context like _hex_keys."""
    spans: list[Span] = []
    marks = view.translate(_HEX_STRETCH_MARKS)
    for stretch in _HEX_STRETCH_RE.finditer(marks):
        first, last = stretch.span()
        if marks.count(b"h", first, last) >= 64 and _HEX_GROUP_BREAK_RE.search(marks, first, last):
            spans += _grouped_hex_in(text, first, last)
    return spans


def _grouped_hex_in(text: str, first: int, last: int) -> list[Span]:
    spans = []
    for match in _GROUPED_HEX_RE.finditer(text, first, min(len(text), last + 1)):
        groups = re.findall(r"[0-9a-fA-F]+", match.group().removeprefix("0x").removeprefix("0X"))
        digits = "".join(groups)
        if len(groups) < 2 or len(digits) != 64 or len({len(g) for g in groups[:-1]}) != 1:
            continue
        numerals = sum(c.isdigit() for c in digits)
        if len(groups[-1]) > len(groups[0]) or not 16 <= numerals <= 48:
            continue  # random hex has ~24 numerals: not words ("face bead") nor card numbers
        start, end = match.span()
        if _in_link(text, start, end) or _context_kind(text, start, end) in _NOT_A_SECRET:
            continue
        spans.append((PRIVATE_KEY, start, end))
    return spans


def _ed25519_hex_key(text: str, start: int, end: int) -> list[Span]:
    """A Solana (ed25519) secret key exported as 128 hex digits: seed then its public key.

    A signature has the same shape, but its second half is never the public key of its first.
    """
    raw = bytes.fromhex(text[end - 128 : end])
    return [(PRIVATE_KEY, start, end)] if _is_ed25519_keypair(raw) else []


def _is_ed25519_keypair(raw: bytes) -> bool:
    derived = Ed25519PrivateKey.from_private_bytes(raw[:32]).public_key().public_bytes_raw()
    return derived == raw[32:]


def _wif_key(text: str, start: int, end: int) -> list[Span]:
    try:
        payload = base58.b58decode_check(text[start:end])
    except ValueError:
        return []
    compressed = len(payload) == 34 and payload[-1] == 1
    if payload[0] in (0x80, 0xEF) and (len(payload) == 33 or compressed):
        return [(PRIVATE_KEY, start, end)]
    return []


# An extended key wrapped over two to four lines by a mail client or a narrow terminal.
_WRAPPED_XPRV_RE = re.compile(
    rf"[xyztuvYZUV]prv[{_B58}]{{8,110}}(?:[ \t]*\r?\n[ \t]*[{_B58}]{{2,110}}){{1,3}}"
)


def _wrapped_extended_keys(text: str) -> list[Span]:
    """Wrapped keys whose lines, joined, pass base58check as a 78-byte extended key."""
    spans: list[Span] = []
    for match in _WRAPPED_XPRV_RE.finditer(text):
        lines = match.group().split("\n")
        joined = ""
        for count, line in enumerate(lines, 1):
            joined += line.strip()
            if len(joined) > 115:
                break
            if count > 1 and len(joined) >= 104 and _is_extended_key(joined):
                end = match.start() + len("\n".join(lines[:count]).rstrip())
                spans.append((EXTENDED_PRIVATE_KEY, match.start(), end))
                break
    return spans


def _is_extended_key(candidate: str) -> bool:
    try:
        return len(base58.b58decode_check(candidate)) == 78
    except ValueError:
        return False


def _solana_arrays(text: str) -> list[Span]:
    spans = []
    for match in _BYTE_ARRAY_RE.finditer(text):
        numbers = [int(n) for n in re.findall(r"\d+", match.group())]
        if len(numbers) == 64 and max(numbers) <= 255:
            spans.append((PRIVATE_KEY, *match.span()))
    return spans


_B58_DIGITS = {char: value for value, char in enumerate(base58.BITCOIN_ALPHABET.decode())}


def _b58decode(run: str) -> bytes:
    """base58.b58decode for a run of base58 characters, with int.to_bytes for its byte loop."""
    number = 0
    for char in run:
        number = number * 58 + _B58_DIGITS[char]
    zeros = len(run) - len(run.lstrip("1"))
    return b"\0" * zeros + number.to_bytes((number.bit_length() + 7) // 8, "big")


def _solana_base58_key(text: str, start: int, end: int) -> list[Span]:
    if _in_link(text, start, end):
        return []  # explorer links carry signatures, never keys (checked first: decoding costs more)
    raw = _b58decode(text[start:end])
    if len(raw) != 64:
        return []
    if _context_kind(text, start, end) == "key":
        return [(PRIVATE_KEY, start, end)]
    # A Solana secret key is seed + public key; a transaction signature (same shape) is not.
    return [(PRIVATE_KEY, start, end)] if _is_ed25519_keypair(raw) else []


def _keystores(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _KEYSTORE_RE.finditer(text):
        if spans and spans[-1][1] <= match.start() < spans[-1][2]:
            continue
        window = text[max(0, match.start() - 2000) : match.end() + 2000]
        if not _KEYSTORE_COMPANION_RE.search(window):
            continue
        start, end = _enclosing_object(text, match.start())
        # Only part of the file pasted ('"crypto": {"cipher": ...'): the member holding the
        # object found is the keystore's own "crypto" ("Crypto" in old geth files).
        member = _MEMBER_NAME_RE.search(text, max(0, start - 40), start)
        spans.append((KEYSTORE_JSON, member.start() if member else start, end))
    return spans


# The keystore's member name just before its object (escaped quotes in a JSON body).
_MEMBER_NAME_RE = re.compile(r'(?i)\\?"crypto\\?"\s*:\s*\Z')


def _enclosing_object(text: str, inside: int) -> tuple[int, int]:
    """The outermost balanced {...} around `inside`; a truncated paste runs to the text's end."""
    best: tuple[int, int] | None = None
    opener = text.rfind("{", max(0, inside - 3000), inside)
    while opener != -1:
        closer = _matching_brace(text, opener)
        if closer is None:
            # A truncated paste closes none of the objects it opened: the outermost one counts.
            best = (opener, len(text))
        elif closer > inside:
            best = (opener, closer + 1)
        opener = text.rfind("{", max(0, inside - 3000), opener)
    return best if best is not None else (inside, len(text))


# What _matching_brace reads: a brace, or a whole JSON string (its escapes included, braces
# inside it ignored; an unclosed one runs to the end of the look).
_BRACE_OR_STRING_RE = re.compile(r'[{}]|"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)


def _matching_brace(text: str, opener: int) -> int | None:
    """The position of the "}" that closes the "{" at `opener`, looking 20,000 characters on.

    The regex skips whole strings and everything between braces at C speed; a keystore file's
    few hundred characters read one by one in Python cost more than finding every other key.
    """
    depth = 0
    for match in _BRACE_OR_STRING_RE.finditer(text, opener, min(len(text), opener + 20000)):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return match.start()
    return None

"""Entity extraction: transaction hashes, addresses, networks and crypto amounts.

Everything here is rules, not the model: a hash or an address is either valid or not, and the
agent acts on it (explorer link, diagnosis), so precision matters more than coverage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from walletdesk.triage.addresses import address_kind, solana_signature_valid

# Runs of ASCII letters and digits; Chinese text glues addresses to words ("地址0x…的"), so
# boundaries are "not an ASCII letter or digit" rather than \b.
_RUN_RE = re.compile(r"[0-9A-Za-z]+")
_TON_RE = re.compile(r"(?<![0-9A-Za-z_\-+/])[EUk0][QfU][0-9A-Za-z_\-+/]{46}(?![0-9A-Za-z_\-+/])")
_HEX_RE = re.compile(r"\A[0-9a-fA-F]+\Z")
_GLUED_HEX_RE = re.compile(r"((?:0[xX])?(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{40}))[g-zG-Z]")
# A 64-hex string is a tx hash unless the customer labels it a key: the shield redacts those,
# and entities must never carry a secret onwards.
_SECRET_LABEL_RE = re.compile(
    r"(private\s*key|priv\s*key|privkey|secret\s*key|\bpk\b|私钥|私匙|密钥|秘钥|助记词|seed)[^\n]{0,24}\Z",
    re.IGNORECASE,
)


@dataclass
class _Found:
    tx_hashes: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


def _secret_labelled(text: str, start: int) -> bool:
    return bool(_SECRET_LABEL_RE.search(text[max(0, start - 40) : start]))


def _classify_run(run: str) -> str | None:
    """ "tx", "address" or None for one run of ASCII letters and digits."""
    if run[:2] in ("0x", "0X"):
        body = run[2:]
        if len(body) == 64 and _HEX_RE.match(body):
            return "tx"
        if len(body) == 40 and address_kind(run):
            return "address"
        return None
    if len(run) == 64 and _HEX_RE.match(run):
        return "tx"
    if len(run) < 25 or len(run) > 90:
        return None
    if address_kind(run):
        return "address"
    if len(run) >= 80 and solana_signature_valid(run):
        return "tx"
    return None


def hashes_and_addresses_find(text: str) -> _Found:
    """Tx hashes and addresses as written, deduplicated, in order of first appearance."""
    found = _Found()
    hits: list[tuple[int, int, str, str]] = []
    for m in _RUN_RE.finditer(text):
        run = m.group()
        if len(run) < 25:
            continue
        kind = _classify_run(run)
        if kind is None:
            # A hash glued to the next word ("…1b72cthanks" does not occur, "…1b72cThanks" and
            # "…1b72cI want" do): the hex part ends where a letter outside a-f begins.
            glued = _GLUED_HEX_RE.match(run)
            if glued:
                run = glued.group(1)
                kind = _classify_run(run)
        if kind is None:
            continue
        if kind == "tx" and _secret_labelled(text, m.start()):
            continue
        hits.append((m.start(), m.start() + len(run), kind, run))
    if "Q" in text or "f" in text:
        for m in _TON_RE.finditer(text):
            run = m.group()
            if address_kind(run) == "ton" and not any(s <= m.start() < e for s, e, _, _ in hits):
                hits.append((m.start(), m.end(), "address", run))
    hits.sort()
    for start, end, kind, run in hits:
        target = found.tx_hashes if kind == "tx" else found.addresses
        if run not in target:
            target.append(run)
        found.spans.append((start, end))
    return found


# --- networks ---------------------------------------------------------------------------

# An ASCII-only word boundary.
_B = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"
_NET_PATTERNS: list[tuple[str, str]] = [
    # TRON first: "TRC20" must not be read as anything else.
    (
        "TRC20",
        r"trc[\s\-_]?20|波场|波長|tron(?:\s*(?:network|(?:block)?chain|链|網絡|网络))?|trx\s*(?:链|鏈|网络|network|(?:block)?chain)",
    ),
    (
        "ERC20",
        r"erc[\s\-_]?20|以太坊|以太網|以太网|ethereum|eth\s*(?:链|鏈|网络|網絡|network|(?:block)?chain|mainnet|主网)",
    ),
    (
        "BEP20",
        r"bep[\s\-_]?20|bsc|币安链|幣安鏈|币安智能链|bnb\s*(?:smart\s*)?(?:(?:block)?chain|链|网络|network)|binance\s*smart\s*chain",
    ),
    ("SOL", r"solana|索拉纳|sol\s*(?:链|鏈|网络|network|(?:block)?chain|mainnet)|{B}spl{B}"),
    ("POLYGON", r"polygon|马蹄链|马蹄|matic\s*(?:链|network|(?:block)?chain)|pos\s*链"),
    ("ARBITRUM", r"arbitrum|{B}arb\s*(?:one|链|network|(?:block)?chain)|arb链"),
    ("OPTIMISM", r"optimism|{B}op\s*(?:mainnet|链|network|(?:block)?chain)|op主网"),
    ("BASE", r"{B}base\s*(?:链|鏈|网络|network|(?:block)?chain|mainnet|主网)|{B}on\s+base{B}"),
    ("TON", r"{B}TON{B}|{B}ton\s*(?:链|鏈|网络|network|(?:block)?chain)|ton链|toncoin"),
    ("LIGHTNING", r"lightning|闪电网络|閃電網絡|{B}ln\s*(?:invoice|network)"),
    (
        "BTC",
        r"(?:btc|bitcoin|比特币|比特幣)\s*(?:链|鏈|网络|網絡|network|(?:block)?chain|mainnet|主网|main\s*net)|{B}omni{B}|native\s+segwit|隔离见证",
    ),
]
# \b is Unicode-aware, so "用TON链" has no boundary before T: use ASCII-only edges instead.
_NET_RES = [
    (name, re.compile(p.replace("{B}", _B), re.IGNORECASE if name != "TON" else 0))
    for name, p in _NET_PATTERNS
]
_TON_LOWER_RE = re.compile(_B + r"ton\s*(?:链|鏈|网络|network|chain)|toncoin", re.IGNORECASE)
# ARB/OP/MATIC/TRC alone are tickers or words; they name a network only right after a word that
# chooses one ("network选了ARB", "从OP提的", "via arb"). Found first, then the few characters
# before them are checked, so ordinary text pays for one cheap scan.
_SHORT_NAME_RE = re.compile(r"(?<![A-Za-z0-9])(arb|op|matic|trc)(?![A-Za-z0-9])", re.IGNORECASE)
_SHORT_NAMES = {"arb": "ARBITRUM", "op": "OPTIMISM", "matic": "POLYGON", "trc": "TRC20"}
_CHOSEN_BEFORE_RE = re.compile(
    r"(?:network|网络|網絡|链|鏈|chain|走的?|选了?|选成了?|選了?|via|用|从|從|on)(?:\s+(?:was|is))?\s*[:：]?\s*\Z",
    re.IGNORECASE,
)


def networks_find(text: str) -> list[str]:
    """Networks named in the text, normalised, in order of first mention."""
    first: dict[str, int] = {}
    for name, regex in _NET_RES:
        m = regex.search(text)
        if name == "TON" and m is None:
            m = _TON_LOWER_RE.search(text)
        if m is not None:
            first[name] = m.start()
    for m in _SHORT_NAME_RE.finditer(text):
        name = _SHORT_NAMES[m.group(1).lower()]
        if _CHOSEN_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
            first[name] = min(first.get(name, m.start()), m.start())
    return sorted(first, key=first.__getitem__)


# --- amounts ----------------------------------------------------------------------------

_ASSETS = {
    "usdt": "USDT",
    "u": "USDT",
    "泰达币": "USDT",
    "usdc": "USDC",
    "btc": "BTC",
    "比特币": "BTC",
    "比特幣": "BTC",
    "eth": "ETH",
    "以太": "ETH",
    "以太币": "ETH",
    "以太坊": "ETH",
    "trx": "TRX",
    "波场币": "TRX",
    "bnb": "BNB",
    "sol": "SOL",
    "matic": "MATIC",
    "pol": "POL",
    "arb": "ARB",
    "op": "OP",
    "ton": "TON",
    "dai": "DAI",
    "busd": "BUSD",
    "fdusd": "FDUSD",
    "doge": "DOGE",
    "狗狗币": "DOGE",
    "ltc": "LTC",
    "莱特币": "LTC",
    "xrp": "XRP",
    "瑞波币": "XRP",
    "ada": "ADA",
    "dot": "DOT",
    "shib": "SHIB",
    "pepe": "PEPE",
    "avax": "AVAX",
    "link": "LINK",
    "uni": "UNI",
    "wbtc": "WBTC",
    "weth": "WETH",
    "sats": "SATS",
    "sat": "SATS",
}
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_MULTIPLIERS = {
    "k": 1000,
    "K": 1000,
    "w": 10_000,
    "W": 10_000,
    "万": 10_000,
    "萬": 10_000,
    "千": 1000,
    "百": 100,
    "亿": 100_000_000,
    "m": 1_000_000,
    "M": 1_000_000,
}

# Tickers that are also everyday words: written in lower case after a Chinese numeral
# ("点了一个link", "一个op") they are the word, so they need digits or upper case.
_COMMON_WORD_ASSETS = frozenset({"link", "op", "uni", "dot", "ton", "pol", "sat", "sats", "ada", "pepe"})
_ASSET_ALT = "|".join(sorted((re.escape(a) for a in _ASSETS if a not in ("u",)), key=len, reverse=True))
_AMOUNT_RE = re.compile(
    r"(?<![0-9A-Za-z.,$¥￥€£])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|[零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億]+)"
    r"(?P<mult>\s?[kKwWmM](?![A-Za-z])|\s?[万萬千百亿])?"
    r"\s*(?:个|個|枚|颗|顆)?\s*"
    # "U盘" (a USB stick) and "U盾" (a bank token) are not USDT.
    r"(?P<asset>(?:" + _ASSET_ALT + r")(?![A-Za-z])|[uU](?![A-Za-z]|盘|盤|盾|型))",
    re.IGNORECASE,
)


_NETWORK_NUMBER_RE = re.compile(r"(?:erc|trc|bep|brc)[\s\-_]*\Z", re.IGNORECASE)


def _cn_number(text: str) -> Decimal | None:
    """Chinese numerals as people write them: 五百, 两千, 一万五千, 十五, 1.2万 is handled outside."""
    total = 0
    section = 0
    digit: int | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total += (section or 1) * _CN_BIG[ch]
            section, digit = 0, None
        else:
            return None
    value = total + section + (digit or 0)
    return Decimal(value) if value else None


def _decimal_str(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def amounts_find(text: str) -> list[dict[str, str]]:
    """Crypto amounts with their asset; fiat (100元, $50, 100 RMB) and bare numbers are not amounts."""
    out: list[dict[str, str]] = []
    for m in _AMOUNT_RE.finditer(text):
        raw = m.group("num")
        if _NETWORK_NUMBER_RE.search(text[max(0, m.start() - 5) : m.start()]):
            continue  # the "20" of "ERC 20 USDT" names a token standard, not an amount
        mult_raw = (m.group("mult") or "").strip()
        asset_raw = m.group("asset")
        if raw[0].isdigit() or raw[0] == ".":
            try:
                value = Decimal(raw.replace(",", ""))
            except InvalidOperation:
                continue
        else:
            # "1.2万" arrives as num="1.2", mult="万"; pure Chinese numerals parse here.
            cn = _cn_number(raw + mult_raw)
            if cn is None:
                continue
            value, mult_raw = cn, ""
        if mult_raw:
            value *= _MULTIPLIERS[mult_raw]
        if value <= 0:
            continue
        if asset_raw.lower() in ("m",):
            continue
        if asset_raw in _COMMON_WORD_ASSETS and not raw[0].isdigit():
            continue  # "一个link" is a link, "一个LINK" or "50 link" the token
        asset = _ASSETS.get(asset_raw.lower(), asset_raw.upper())
        item = {"value": _decimal_str(value), "asset": asset}
        if item not in out:
            out.append(item)
    return out


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def entities_find(text: str) -> tuple[list[str], list[str], list[str], list[dict[str, str]]]:
    """(tx_hashes, addresses, networks, amounts) for one message."""
    found = hashes_and_addresses_find(text)
    rest = _mask(text, found.spans)
    return found.tx_hashes, found.addresses, networks_find(rest), amounts_find(rest)

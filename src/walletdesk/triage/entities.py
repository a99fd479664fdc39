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
_HEX_RE = re.compile(r"\A[0-9a-fA-F]+\Z")
# Hex with a word glued behind it ("…1b72cThanks", "…1b72cand"): the word is letters only and
# has one that is not hex, so where the hash ends is not a guess.
_GLUED_HEX_RE = re.compile(r"((?:0[xX])?(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{40}))(?=[A-Za-z]*[g-zG-Z])[A-Za-z]+\Z")
# A label typed without a space before the identifier ("TxIDf962…", "hash0x…", "交易ID611b…").
_GLUED_LABEL_RE = re.compile(r"(?:tx(?:id|hash|n)?|hash|id|address|addr|wallet)[:=_-]?", re.IGNORECASE)
# A mail client or a chat box wraps a long identifier: the break and the next line's indent.
_WRAP_RE = re.compile(r"[ \t]*\r?\n[ \t]*")
# TON user-friendly form is base64 (url-safe or not), so "-", "_", "+" and "/" belong to it; a
# "/" before it is the explorer link's path ("tonviewer.com/EQ…", or "%2FEQ…" percent-encoded),
# one after it the next segment.
_TON_RE = re.compile(
    r"(?:(?<![0-9A-Za-z_\-+])|(?<=%[0-9A-F][0-9A-F]))[EUk0][QfU][0-9A-Za-z_\-+/]*(?:[ \t]*\r?\n[ \t]*[0-9A-Za-z_\-+/]+)?"
)
# TON's raw form "0:<64 hex>" (workchain 0, or -1 for the masterchain): an address, not a hash.
_TON_RAW_PREFIX_RE = re.compile(r"(?<![0-9A-Za-z\-])(?:-1|0):\Z")
# A 64-hex string is a tx hash unless the customer labels it a key: the shield redacts those,
# and entities must never carry a secret onwards.
_SECRET_LABEL_RE = re.compile(
    r"(private\s*key|priv\s*key|privkey|secret|api[\s_\-]*key|apikey|\bpk\b|私钥|私匙|密钥|秘钥|助记词|seed)[^\n]{0,24}(?:\n[ \t]*)?\Z",
    re.IGNORECASE,
)
# ...unless a hash label stands between the key's label and the string ("没泄露私钥，哈希 …"),
# or the words between tell what happened to the funds ("私钥被盗了，钱被转走了，…").
_TX_LABEL_RE = re.compile(r"hash|txid|txn|tx\b|signature|签名|交易|哈希", re.IGNORECASE)
_ADDRESS_LABEL_RE = re.compile(r"address|addr\b|地址|钱包|wallet", re.IGNORECASE)
_LOSS_TOLD_RE = re.compile(r"被盗|泄露|被转|转走|盗走|stolen|leaked|hacked|drained", re.IGNORECASE)


@dataclass
class _Found:
    tx_hashes: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


def _secret_labelled(text: str, start: int) -> bool:
    window = text[max(0, start - 40) : start]
    label = _SECRET_LABEL_RE.search(window)
    if not label:
        return False
    after = label.end(1)
    return not (
        _TX_LABEL_RE.search(window, after)
        or _LOSS_TOLD_RE.search(window, after)
        or _ADDRESS_LABEL_RE.search(window, after)
    )


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


def _unglued(text: str, start: int, run: str) -> tuple[int, str, str] | None:
    """(offset, identifier, kind) for a run with something glued to its front or back.

    In front: a label typed without a space ("TxID…", "交易ID…"), any word before "0x".
    Behind: a word after the hex ("…1b72cThanks").
    """
    cuts = []
    label = _GLUED_LABEL_RE.match(run)
    if label:
        cuts.append(label.end())
    inner = max(run.find("0x", 1), run.find("0X", 1))
    if inner > 0:
        cuts.append(inner)
    for cut in [0, *cuts]:
        body = run[cut:]
        if len(body) < 25:
            continue
        kind = _classify_run(body) if cut else None
        if kind is None:
            glued = _GLUED_HEX_RE.match(body)
            if glued:
                body = glued.group(1)
                kind = _classify_run(body)
        if kind is not None:
            return cut, body, kind
    return None


def _run_hit(text: str, start: int, run: str) -> tuple[int, str, str] | None:
    if len(run) < 25:
        return None
    if text[start - 1 : start] == "%" and _HEX_RE.match(run[:2]):
        # "%2Fbc1q…": the two digits are the encoded "/", and "2Fbc1q…" may even decode as a
        # Solana key, so the identifier is read from after them first.
        found = _run_hit(text, start + 2, run[2:])
        if found is not None:
            return found[0] + 2, found[1], found[2]
    kind = _classify_run(run)
    if kind is not None:
        return 0, run, kind
    return _unglued(text, start, run)


def _checked_alone(identifier: str) -> bool:
    """Whether a checksum or an exact hex length vouches for the identifier by itself."""
    if _HEX_RE.match(identifier.removeprefix("0x").removeprefix("0X")):
        return True
    kind = address_kind(identifier)
    return kind is not None and kind != "solana"


def _wrapped_hit(text: str, first: re.Match, second: re.Match) -> tuple[int, int, str, str] | None:
    """An identifier wrapped over two lines, if the two runs read as one.

    Two lines that are each an identifier stay two, unless they are the halves of a Solana
    signature after a hash label: base58 has no checksum, and most 43-character strings decode
    to 32 bytes, so each half of a signature wrapped mid-way reads as a Solana key. A Solana key
    is joined only from two halves that are nothing on their own.
    """
    between = text[first.end() : second.start()]
    if "\n" not in between or not _WRAP_RE.fullmatch(between):
        return None
    head, tail = first.group(), second.group()
    if (len(head) < 8 and head not in ("0x", "0X")) or not 25 <= len(head) + len(tail) <= 90:
        return None
    joined = head + tail
    kind = _classify_run(joined)
    if kind is None:
        return None
    head_alone, tail_alone = _classify_run(head), _classify_run(tail)
    if _checked_alone(joined):
        ok = not (head_alone and tail_alone)
    elif kind == "tx":
        ok = not (head_alone or tail_alone) or _TX_LABEL_RE.search(
            text, max(0, first.start() - 24), first.start()
        )
    else:
        ok = not (head_alone or tail_alone)
    return (first.start(), second.end(), kind, joined) if ok else None


def _ton_hits(text: str) -> list[tuple[int, int, str, str]]:
    hits: list[tuple[int, int, str, str]] = []
    if "Q" not in text and "f" not in text:
        return hits
    for m in _TON_RE.finditer(text):
        head, _, tail = m.group().partition("\n")
        head, tail = head.strip(), tail.strip()
        if len(head) > 48 and head[48] == "/":
            head, tail = head[:48], ""
        candidate = head + tail if len(head) < 48 else head
        if len(candidate) == 48 and address_kind(candidate) == "ton":
            end = m.start() + (len(m.group()) if len(head) < 48 else len(head))
            hits.append((m.start(), end, "address", candidate))
    return hits


def hashes_and_addresses_find(text: str) -> _Found:
    """Tx hashes and addresses as written, deduplicated, in order of first appearance.

    An identifier wrapped over two lines is returned joined, as the customer copied it.
    """
    hits = _ton_hits(text)
    taken = [(s, e) for s, e, _, _ in hits]
    runs = list(_RUN_RE.finditer(text))
    skip_next = False
    for i, m in enumerate(runs):
        if skip_next:
            skip_next = False
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        wrapped = _wrapped_hit(text, m, runs[i + 1]) if i + 1 < len(runs) else None
        if wrapped is not None:
            hit = wrapped
            skip_next = True
        else:
            found = _run_hit(text, m.start(), m.group())
            if found is None:
                continue
            cut, identifier, kind = found
            hit = (m.start() + cut, m.start() + cut + len(identifier), kind, identifier)
        if hit[2] == "tx" and len(hit[3]) == 64:
            raw = _TON_RAW_PREFIX_RE.search(text, max(0, hit[0] - 3), hit[0])
            if raw:
                hit = (raw.start(), hit[1], "address", raw.group() + hit[3])
        if _secret_labelled(text, hit[0]) and (hit[2] == "tx" or address_kind(hit[3]) == "solana"):
            continue  # a key's label: any 64 hex, and a Solana-shaped token (no checksum vouches)
        hits.append(hit)
    found = _Found()
    for start, end, kind, identifier in sorted(hits):
        target = found.tx_hashes if kind == "tx" else found.addresses
        if identifier not in target:
            target.append(identifier)
        found.spans.append((start, end))
    return found


# --- networks ---------------------------------------------------------------------------

# An ASCII-only word boundary: \b is Unicode-aware, so "用TON链" has no boundary before T.
# Every English name carries one on both sides, so "electronic" is not TRON, "obscure" not BSC
# and an explorer's name ("tronscan", "polygonscan") not its chain.
_B = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"
_NET_PATTERNS: list[tuple[str, str]] = [
    # TRON first: "TRC20" must not be read as anything else.
    (
        "TRC20",
        r"trc[\s\-_]?20|波场|波長|{B}tron{B}(?:[ \t]*(?:network|(?:block)?chain|链|網絡|网络))?|{B}trx[ \t]*(?:链|鏈|网络|network|(?:block)?chain)",
    ),
    (
        "ERC20",
        r"erc[\s\-_]?20|以太坊|以太網|以太网|{B}ethereum{B}|{B}eth[ \t]*(?:链|鏈|网络|網絡|network|(?:block)?chain|mainnet|主网)",
    ),
    (
        "BEP20",
        r"bep[\s\-_]?20|{B}bsc{B}|币安链|幣安鏈|币安智能链|{B}bnb[ \t]*(?:smart\s*)?(?:(?:block)?chain|链|网络|network)|{B}binance\s*smart\s*chain",
    ),
    ("SOL", r"{B}solana{B}|索拉纳|{B}sol[ \t]*(?:链|鏈|网络|network|(?:block)?chain|mainnet)|{B}spl{B}"),
    ("POLYGON", r"{B}polygon{B}|马蹄链|马蹄|{B}matic[ \t]*(?:链|network|(?:block)?chain)|{B}pos\s*链"),
    ("ARBITRUM", r"{B}arbitrum{B}|{B}arb[ \t]*(?:one|链|network|(?:block)?chain){B}?|{B}arb链"),
    ("OPTIMISM", r"{B}optimism{B}|{B}op[ \t]*(?:mainnet|链|network|(?:block)?chain)|{B}op主网"),
    ("BASE", r"{B}base[ \t]*(?:链|鏈|网络|network|(?:block)?chain|mainnet|主网)|{B}on\s+base{B}"),
    (
        "TON",
        r"{B}TON{B}|{B}ton[ \t]*(?:链|鏈|网络|network|(?:block)?chain)|{B}toncoin{B}|(?i:{B}the\s+open\s+network{B})",
    ),
    (
        "LIGHTNING",
        r"{B}lightning{B}(?!\s*(?:fast|quick|speed))|闪电网络|閃電網絡|{B}ln\s*(?:invoice|network)",
    ),
    (
        "BTC",
        r"(?:{B}btc|{B}bitcoin|比特币|比特幣)[ \t]*(?:链|鏈|网络|網絡|network|(?:block)?chain|mainnet|主网|main\s*net)|{B}omni{B}|native\s+segwit|隔离见证|"
        # An address named by its chain ("a bitcoin address", "比特币地址") or the chain in brackets
        # after one ("3Jbx… (bitcoin)").
        r"(?:{B}btc|{B}bitcoin|比特币|比特幣)[ \t]*(?:address|addr{B}|(?:充值|充币|提币|收款|钱包)?地址)|\([ \t]*(?:bitcoin|btc)[ \t]*\)",
    ),
]
_NET_RES = [
    (name, re.compile(p.replace("{B}", _B), re.IGNORECASE if name != "TON" else 0))
    for name, p in _NET_PATTERNS
]
# The ASCII boundaries make each pattern slow to try at every position; a network is named in
# few messages, so a substring that every spelling contains decides first whether to try it.
_NET_TRIGGERS = {
    "TRC20": ("trc", "波场", "波長", "tron", "trx"),
    "ERC20": ("erc", "以太", "ethereum", "eth"),
    "BEP20": ("bep", "bsc", "币安", "幣安", "bnb", "binance"),
    "SOL": ("sol", "索拉纳", "spl"),
    "POLYGON": ("polygon", "马蹄", "matic", "pos"),
    "ARBITRUM": ("arb",),
    "OPTIMISM": ("optimism", "op"),
    "BASE": ("base",),
    "TON": ("ton", "open network"),
    "LIGHTNING": ("lightning", "闪电", "閃電", "ln"),
    "BTC": ("btc", "bitcoin", "比特", "omni", "segwit", "隔离见证"),
}
_TON_LOWER_RE = re.compile(_B + r"ton\s*(?:链|鏈|网络|network|chain)|toncoin", re.IGNORECASE)
# "TON" after a number is the coin counted ("12.5 TON"), not the chain it moved on.
_COUNTED_BEFORE_RE = re.compile(r"\d\s*(?:个|個|枚)?\s*\Z")
# "账户里的以太坊少了3个": the coin someone holds, not the chain it was sent on.
# "走的以太坊" / "用的以太坊" stay the chain chosen, and so does any "以太坊链/以太坊上".
# "你们的以太坊充值地址" names the chain of an address, not a coin held.
_CHAIN_AFTER_RE = re.compile(
    r"\s*(?:链|鏈|网络|網絡|主网|上|network|chain|mainnet|(?:充值|充币|提币|收款|钱包)?地址)", re.IGNORECASE
)
_HELD_COIN_BEFORE_RE = re.compile(r"(?:(?:里|裡|中|内|個|个|枚|些|点)的?|(?<![走用选選])的)\Z")
# Links are masked before networks and amounts are read: an explorer's domain or path
# ("bscscan.com", "blockchair.com/ethereum/…") is where the customer looked, not a network they named.
# A bare host is matched only from its first label and without backtracking (possessive), or a
# long dotted string ("a.a.a.…") would cost quadratic time.
_URL_RE = re.compile(
    r"(?:https?://|www\.)[!-~]+"
    r"|(?<![A-Za-z0-9\-.])(?:[A-Za-z0-9\-]++\.)++(?:io|com|org|space|net|app|xyz|info|cc|me)(?![A-Za-z0-9\-])(?:/[!-~]*)?",
    re.IGNORECASE,
)
# ARB/OP/MATIC/TRC/Base alone are tickers or words; they name a network only right after a word
# that chooses one ("network选了ARB", "从OP提的", "via arb"). Found first, then the few characters
# before them are checked, so ordinary text pays for one cheap scan.
_SHORT_NAME_RE = re.compile(
    r"(?<![A-Za-z0-9])(arb|op|matic|trc|base|eth|bnb|sol|trx|btc)(?![A-Za-z0-9])", re.IGNORECASE
)
_SHORT_NAMES = {
    "arb": "ARBITRUM",
    "op": "OPTIMISM",
    "matic": "POLYGON",
    "trc": "TRC20",
    "base": "BASE",
    "eth": "ERC20",
    "bnb": "BEP20",
    "sol": "SOL",
    "trx": "TRC20",
    "btc": "BTC",
}
_CHOSEN_BEFORE_RE = re.compile(
    r"(?:network|网络|網絡|链|鏈|chain|走的?|选了?|选的|选择了?|选成了?|選了?|選的|via|用|从|從|on|over|through)"
    r"(?:\s+(?:was|is))?\s*[:：]?\s*\Z",
    re.IGNORECASE,
)
# A coin's ticker is also what one pays or buys with ("用ETH付手续费", "lost it on SOL"): it names
# the network only after a word that is about the network itself.
# Capitalised "Base" that is still the word: a title ("Base Fee"), an encoding, a rate.
_BASE_WORD_AFTER_RE = re.compile(
    r"\s*(?:58|64|32|fee|rate|price|currency|url|layer|camp|line|case|model)\b", re.IGNORECASE
)
_TICKERS = frozenset({"eth", "bnb", "sol", "trx", "btc"})
_NETWORK_CHOSEN_BEFORE_RE = re.compile(
    r"(?:network|网络|網絡|链|鏈|chain)(?:\s+(?:was|is))?\s*(?:选了?|选的|选择了?|選了?|選的|用的|是|[:：])?\s*\Z"
    r"|(?:走的?|via|over|through)\s*\Z",
    re.IGNORECASE,
)


def _mention_ok(name: str, text: str, m: re.Match) -> bool:
    if name == "TON" and m.group().isupper():
        return not _COUNTED_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
    if name == "ERC20" and m.group() == "以太坊":
        return bool(_CHAIN_AFTER_RE.match(text, m.end())) or not _HELD_COIN_BEFORE_RE.search(
            text, max(0, m.start() - 3), m.start()
        )
    return True


def _proper_base(text: str, m: re.Match) -> bool:
    """ "Base" capitalised inside a sentence ("to my Base wallet", "Base or Optimism?") is the chain."""
    before = text[: m.start()].rstrip()
    return (
        m.group(1) in ("Base", "BASE")
        and before != ""
        and before[-1] not in ".!?。！？"
        and not _BASE_WORD_AFTER_RE.match(text, m.end())
    )


def _short_names_find(text: str, first: dict[str, int]) -> None:
    for m in _SHORT_NAME_RE.finditer(text):
        word = m.group(1).lower()
        if word == "base" and _proper_base(text, m):
            first["BASE"] = min(first.get("BASE", m.start()), m.start())
            continue
        if word == "base" and m.group(1) == "base":
            continue  # lower-case "base" is the English word; the chain is written "Base"
        chosen = _NETWORK_CHOSEN_BEFORE_RE if word in _TICKERS else _CHOSEN_BEFORE_RE
        # "在Arb上": on that chain; 在 alone is not enough ("在ARB涨的时候" is the token).
        on_chain = text[max(0, m.start() - 2) : m.start()].rstrip().endswith("在") and text[
            m.end() : m.end() + 2
        ].lstrip().startswith("上")
        if chosen.search(text, max(0, m.start() - 16), m.start()) or (word not in _TICKERS and on_chain):
            name = _SHORT_NAMES[word]
            first[name] = min(first.get(name, m.start()), m.start())


def networks_find(text: str) -> list[str]:
    """Networks named in the text, normalised, in order of first mention."""
    first: dict[str, int] = {}
    lower = text.lower()
    for name, regex in _NET_RES:
        if not any(t in lower for t in _NET_TRIGGERS[name]):
            continue
        for m in regex.finditer(text):
            if _mention_ok(name, text, m):
                first[name] = m.start()
                break
        if name == "TON" and name not in first:
            m = _TON_LOWER_RE.search(text)
            if m is not None:
                first[name] = m.start()
    _short_names_find(text, first)
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
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|[零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億]+"
    r"|半(?=\s*[个個枚颗顆粒]))"
    r"(?P<mult>\s?[kKwWmM](?![A-Za-z])|\s?[万萬千百亿])?"
    r"\s*(?:个|個|枚|颗|顆|粒)?\s*"
    # The token standard may stand between the number and the coin ("1000 TRC20-USDT").
    r"(?:(?:trc|erc|bep)[\s\-_]?20[\s\-_]*)?"
    # "U盘" (a USB stick) and "U盾" (a bank token) are not USDT.
    # An asset glued to more letters or digits is part of a longer token ("5U1zw…" is base58).
    r"(?P<asset>(?:" + _ASSET_ALT + r")(?![A-Za-z0-9])|[uU](?![A-Za-z0-9]|盘|盤|盾|型))",
    re.IGNORECASE,
)


_NETWORK_NUMBER_RE = re.compile(r"(?:erc|trc|bep|brc)[\s\-_]*\Z", re.IGNORECASE)
# A price or a rate is not an amount moved: "at 3,500 USDT", "1 BTC = 65000 USDT", "3500U一个".
_PRICE_BEFORE_RE = re.compile(
    r"(?:[=≈@]|(?<![A-Za-z])at|price(?:\s+(?:is|was|of))?|价格(?:是|为)?|单价|均价|价位)\s*[:：]?\s*\Z",
    re.IGNORECASE,
)
_PRICE_AFTER_RE = re.compile(r"\s*(?:[=≈]|each\b|per\b|/\s*(?:个|枚|[A-Za-z])|一个|每个)", re.IGNORECASE)


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
        if _PRICE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) or _PRICE_AFTER_RE.match(
            text, m.end()
        ):
            continue
        mult_raw = (m.group("mult") or "").strip()
        asset_raw = m.group("asset")
        if raw[0].isdigit() or raw[0] == ".":
            try:
                value = Decimal(raw.replace(",", ""))
            except InvalidOperation:
                continue
        else:
            # "1.2万" arrives as num="1.2", mult="万"; pure Chinese numerals parse here.
            cn = Decimal("0.5") if raw == "半" else _cn_number(raw + mult_raw)
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
    spans = found.spans
    if "." in text:
        spans = spans + [m.span() for m in _URL_RE.finditer(text)]
    rest = _mask(text, spans)
    return found.tx_hashes, found.addresses, networks_find(rest), amounts_find(rest)

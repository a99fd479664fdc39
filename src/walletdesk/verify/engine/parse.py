"""Turning whatever a customer pastes into one typed value: a host, a mailbox, a handle, a phone, a WeChat ID.

Browsers are the reference: full-width letters and ideographic full stops in a host are read as ASCII
(UTS #46), `user@host` in a URL goes to host, and only the host decides where a link leads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote

import idna

from walletdesk.triage.addresses import address_kind, evm_address_valid, solana_signature_valid

KINDS = ("website", "email", "telegram", "x", "phone", "wechat")

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):(//)?", re.IGNORECASE)
_HANDLE = re.compile(r"^@?([\w]{2,64})$")
_PHONE_CHARS = re.compile(r"^[+0-9\s\-().\u00a0/]+$")
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_PHONE_PREFIX = re.compile(
    r"^(tel:|(电话|客服电话|热线|phone|tel|hotline|call)\s*[:：]?\s*(?=[+\d(]))", re.IGNORECASE
)

_HOSTLIKE = re.compile(r"^[\w\-]+(\.[\w\-]+)+\.?$")
_WECHAT_PREFIX = re.compile(
    r"^(wechat\s*id|weixin\s*id|微信\s*id|微信号|微信|weixin|wechat|wx\s*id|wx)\s*[:：]\s*|^(微信号|微信)\s*",
    re.IGNORECASE,
)
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": ".", "\u2024": "."})
_TELEGRAM_HOSTS = {"t.me", "telegram.me", "telegram.dog", "www.t.me", "www.telegram.me"}
_X_HOSTS = {"x.com", "twitter.com", "www.x.com", "www.twitter.com", "mobile.twitter.com", "mobile.x.com"}
# Paths on t.me / x.com that are pages of the service, not accounts.
_NOT_ACCOUNTS = {
    "s",
    "joinchat",
    "share",
    "i",
    "home",
    "intent",
    "search",
    "explore",
    "settings",
    "login",
    "signup",
    "hashtag",
    "messages",
    "notifications",
    "addstickers",
    "proxy",
    "socks",
    "iv",
}


# Blockchain values are not channels: no registry kind holds them, so they are not in KINDS. Without
# them a 0x address fell through to "a WeChat ID nobody registered" (wrong, and no use to a customer
# asked to send funds to it). Only the shape is tested here; the checksums are triage's validators.
_CHAIN_SHAPE = re.compile(
    r"^(?:0[xX][0-9a-fA-F]{40}|0[xX][0-9a-fA-F]{64}|-?[01]:[0-9a-fA-F]{64}|[0-9A-Za-z_\-]{25,90})$"
)
_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
_HEX = re.compile(r"[0-9a-fA-F]+$")
_B58 = "1-9A-HJ-NP-Za-km-z"
# Shapes that are an address whose checksum failed: one character changed or mistyped. Real ones mix
# digits with letters (base58 ones both cases), which long words and digit runs do not.
_BROKEN_ADDRESS = (
    (re.compile(rf"^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])T[{_B58}]{{33}}$"), "tron"),
    (re.compile(r"^(?=.*\d)(?:bc1|tb1)[02-9ac-hj-np-z]{11,71}$"), "btc"),
    (re.compile(rf"^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])[13][{_B58}]{{25,34}}$"), "btc"),
)
# ethereum:0x…@1/transfer?…, bitcoin:bc1…?amount=… (EIP-681, BIP-21): the address is what is asked about.
_PAY_URI = re.compile(r"^(?:ethereum|bitcoin|solana|tron):(?:pay-)?([0-9A-Za-z]+)", re.IGNORECASE)
_TOKENS = re.compile(r"-?[01]:[0-9a-fA-F]{64}|[0-9A-Za-z_\-]{25,100}")

# "0x5290…9EE7", "TQ2b...Zx9", "bc1q…w8x": an address with its middle cut out, as wallets, explorers,
# phishing pages and chats show it. Nothing can be checked in it, but it is still someone asking the
# customer to send funds. The prefix names the family; after NFKC "…" is "...", "⋯" stays itself.
_ELLIPSIS = r" ?(?:\.{2,6}|\u22ef{1,3}|\*{3,6}) ?"
_BECH32 = "02-9ac-hj-np-zAC-HJ-NP-Z"
_SHORTENED = re.compile(
    rf"(?<![0-9A-Za-z])(?:"
    rf"(?P<evm>0[xX][0-9a-fA-F]{{2,20}}{_ELLIPSIS}[0-9a-fA-F]{{3,20}})"
    rf"|(?P<bech32>(?:bc1|tb1|BC1|TB1)[{_BECH32}]{{1,20}}{_ELLIPSIS}[{_BECH32}]{{3,20}})"
    rf"|(?P<ton>[EU]Q[A-Za-z0-9_\-]{{2,20}}{_ELLIPSIS}[A-Za-z0-9_\-]{{3,20}})"
    rf"|(?P<tron>T[{_B58}]{{3,20}}{_ELLIPSIS}[{_B58}]{{3,20}})"
    rf"|(?P<legacy>[13][{_B58}]{{3,20}}{_ELLIPSIS}[{_B58}]{{3,20}})"
    rf"|(?P<base58>[{_B58}]{{4,20}}{_ELLIPSIS}[{_B58}]{{4,20}})"
    rf")(?![0-9A-Za-z_\-])"
)
_SHORTENED_CHAIN = {
    "evm": "evm",
    "bech32": "btc",
    "ton": "ton",
    "tron": "tron",
    "legacy": "btc",
    "base58": "base58",  # Solana and others: no prefix tells which
}
_ELLIPSIS_SPLIT = re.compile(_ELLIPSIS)


class ParseError(ValueError):
    """The text holds nothing that can be checked (empty, or only spaces and punctuation)."""


@dataclass
class Parsed:
    kind: (
        str  # website | email | telegram | x | handle (telegram or x) | phone | wechat | address | tx | text
    )
    raw: str
    value: str = ""  # canonical form: ASCII host, address, lower-case handle, E.164 digits, lower-case id
    host: str = ""  # ASCII (punycode) host for website and email
    host_unicode: str = ""  # what a reader sees
    path: str = ""
    query: str = ""
    local: str = ""  # mailbox name of an email
    handle: str = ""  # original-case handle or WeChat ID
    digits: str = ""  # phone digits as typed, after the 00 → + rule
    tricks: list[str] = field(default_factory=list)  # punycode, unicode, userinfo, fullwidth, bad-checksum
    chain: str = ""  # address and tx: evm | btc | tron | solana | ton, or hex (a bare 64-hex hash)


def parse_value(raw: str) -> Parsed:
    text = _clean(raw)
    if not text:
        raise ParseError("Paste a website, email address, @handle, phone number or WeChat ID to check.")
    chain = chain_value(raw, text)
    if chain is not None:
        return chain
    low = text.lower()
    pay = _PAY_URI.match(text)
    if pay:
        chain = chain_value(raw, pay.group(1))
        if chain is not None:
            return chain
    if low.startswith("mailto:"):
        return _parse_email(raw, text[7:].split("?", 1)[0])
    phone_prefix = _PHONE_PREFIX.match(text)
    if phone_prefix:
        return _parse_phone(raw, text[phone_prefix.end() :]) or Parsed(kind="text", raw=raw, value=text)
    if low.startswith("tg://"):
        match = re.search(r"domain=([\w]+)", text)
        if match:
            return _handle(raw, match.group(1), "telegram")
    prefix = _WECHAT_PREFIX.match(text)
    if prefix and prefix.end() < len(text):
        return _wechat(raw, text[prefix.end() :].strip())
    scheme = _SCHEME.match(text)
    if scheme and (scheme.group(2) or scheme.group(1).lower() in ("http", "https", "hxxp", "hxxps")):
        return _parse_url(raw, text[scheme.end() :])
    if text.startswith("//"):
        return _parse_url(raw, text[2:])
    if text.startswith("@"):
        match = _HANDLE.match(text)
        if match:
            return _handle(raw, match.group(1), "handle")
    if "@" in text and not text.startswith("@"):
        email = _parse_email(raw, text)
        if email.kind == "email":
            return email
    if _PHONE_CHARS.match(text) and not _IPV4.match(text):
        phone = _parse_phone(raw, text)
        if phone is not None:
            return phone
    head = re.split(r"[/?#\\]", text, maxsplit=1)[0]
    if _HOSTLIKE.match(head.rsplit("@", 1)[-1].split(":", 1)[0]) or _IPV4.match(head):
        return _parse_url(raw, text)
    # "support told me to send to 0x…", "客服让我转到T…这个地址": an address inside a sentence is the
    # question (before the WeChat rule, whose \w also takes the Chinese around it).
    for token in _TOKENS.findall(text):
        chain = chain_value(raw, token)
        if chain is not None:
            return chain
    shortened = shortened_address(raw, text)
    if shortened is not None:
        return shortened
    if re.fullmatch(r"[\w\-]{2,64}", text):
        return _wechat(raw, text)
    return Parsed(kind="text", raw=raw, value=text)


def shortened_address(raw: str, text: str) -> Parsed | None:
    """The first shortened address in text ("0x5290…9EE7"), or None.

    TRON's T and Bitcoin's 1 or 3 also begin words and numbers ("Thanks...Bye", "1234...5678"), so
    there the characters shown must look drawn from base58: a letter, and a digit or both cases; with
    no prefix at all (Solana), a letter, a digit and both cases.
    """
    if "." not in text and "\u22ef" not in text and "*" not in text:
        return None
    for match in _SHORTENED.finditer(text):
        family = match.lastgroup or ""
        written = match.group(0)
        head, tail = _ELLIPSIS_SPLIT.split(written, maxsplit=1)
        if family in ("tron", "legacy") and not _looks_base58(head[1:] + tail):
            continue
        if family == "base58" and not _looks_base58(head + tail, strict=True):
            continue
        shown = f"{head}\u2026{tail}"
        if family in ("evm", "bech32"):
            head, tail = head.lower(), tail.lower()
        return Parsed(
            kind="address",
            raw=raw,
            value=f"{head}\u2026{tail}",
            handle=shown,
            chain=_SHORTENED_CHAIN[family],
            tricks=["shortened"],
        )
    return None


def _looks_base58(shown: str, *, strict: bool = False) -> bool:
    letters = [c for c in shown if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters)
    digit = any(c.isdigit() for c in shown)
    if strict:
        return digit and 0 < upper < len(letters)
    return digit or (upper >= 2 and len(letters) - upper >= 1)


def chain_value(raw: str, token: str) -> Parsed | None:
    """A blockchain address or transaction hash, or None when token is neither."""
    if not _CHAIN_SHAPE.match(token):
        return None
    if token[:2] in ("0x", "0X") and _HEX.match(token, 2):
        if len(token) == 42:
            tricks = [] if evm_address_valid(token) else ["bad-checksum"]
            return Parsed(
                kind="address", raw=raw, value=token.lower(), handle=token, chain="evm", tricks=tricks
            )
        return Parsed(kind="tx", raw=raw, value=token.lower(), handle=token, chain="evm")
    if _HEX64.match(token):
        # A Bitcoin or TRON transaction id, or a private key: the two look the same.
        return Parsed(kind="tx", raw=raw, value=token.lower(), handle=token, chain="hex")
    family = address_kind(token)
    if family:
        value = token.lower() if family == "btc" and token[:3].lower() in ("bc1", "tb1") else token
        return Parsed(kind="address", raw=raw, value=value, handle=token, chain=family)
    if solana_signature_valid(token):
        return Parsed(kind="tx", raw=raw, value=token, handle=token, chain="solana")
    for shape, family in _BROKEN_ADDRESS:
        if shape.match(token):
            return Parsed(
                kind="address", raw=raw, value=token, handle=token, chain=family, tricks=["bad-checksum"]
            )
    return None


def _clean(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw or "").translate(_DOTS).strip()
    # Defanged indicators from security reports: hxxp://evil[.]io
    text = text.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".").replace("[@]", "@")
    text = re.sub(r"^hxxp", "http", text, flags=re.IGNORECASE)
    text = text.strip("\"'`<>()[]{}«»“”‘’ \t\r\n")
    text = re.sub(r"^@\s+(?=\w)", "@", text)  # "@ name", as people type it after a space-inserting keyboard

    return text.rstrip(",;!?")


def _parse_url(raw: str, rest: str) -> Parsed:
    authority = re.split(r"[/?#\\]", rest, maxsplit=1)[0]
    path = rest[len(authority) :]
    tricks: list[str] = []
    if "@" in authority:
        authority = authority.rsplit("@", 1)[1]
        tricks.append("userinfo")
    if authority.startswith("["):
        host = authority[1:].split("]", 1)[0]
    else:
        host = authority.rsplit(":", 1)[0] if re.search(r":\d*$", authority) else authority
    host = unquote(host).strip().rstrip(".").lower()
    ascii_host, unicode_host, host_tricks = normalize_host(host)
    tricks += host_tricks
    path_only = re.split(r"[?#]", path, maxsplit=1)[0]
    query = (
        path[len(path_only) + 1 :].split("#", 1)[0]
        if path[len(path_only) : len(path_only) + 1] == "?"
        else ""
    )
    if ascii_host in _TELEGRAM_HOSTS or ascii_host in _X_HOSTS:
        account = _account_from_path(path_only)
        if account:
            return _handle(raw, account, "telegram" if ascii_host in _TELEGRAM_HOSTS else "x")
    return Parsed(
        kind="website",
        raw=raw,
        value=ascii_host,
        host=ascii_host,
        host_unicode=unicode_host,
        path=path_only,
        query=query,
        tricks=tricks,
    )


def _account_from_path(path: str) -> str:
    parts = [p for p in path.replace("\\", "/").split("/") if p]
    if parts and parts[0].lower() == "s" and len(parts) > 1:
        parts = parts[1:]
    if not parts:
        return ""
    first = parts[0].lstrip("@")
    if first.lower() in _NOT_ACCOUNTS or first.startswith("+") or not re.fullmatch(r"\w{2,64}", first):
        return ""
    return first


def normalize_host(host: str) -> tuple[str, str, list[str]]:
    """(ASCII host, Unicode host, tricks seen) the way a browser resolves it (UTS #46, non-transitional)."""
    tricks: list[str] = []
    labels = host.split(".")
    if any(label.startswith("xn--") for label in labels):
        tricks.append("punycode")
    if not host.isascii():
        tricks.append("unicode")
    if host.isascii() and "punycode" not in tricks:
        return host, host, tricks
    try:
        ascii_host = idna.encode(host, uts46=True, transitional=False).decode("ascii")
        unicode_host = idna.decode(ascii_host)
    except (idna.IDNAError, UnicodeError, ValueError):
        # Browsers still show such hosts (mixed scripts, odd punycode); compare what is there.
        unicode_labels = []
        for label in labels:
            if label.startswith("xn--"):
                try:
                    label = label[4:].encode("ascii").decode("punycode")
                except (UnicodeError, ValueError):
                    pass
            unicode_labels.append(label.lower())
        unicode_host = ".".join(unicode_labels)
        ascii_labels = []
        for label in unicode_labels:
            try:
                ascii_labels.append(
                    label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
                )
            except UnicodeError:
                ascii_labels.append(label)
        ascii_host = ".".join(ascii_labels)
    return ascii_host, unicode_host, tricks


def _parse_email(raw: str, text: str) -> Parsed:
    match = re.search(r"<([^<>]+@[^<>]+)>", text)
    words = [w for w in text.split() if "@" in w]
    address = match.group(1) if match else (words[-1] if words else text)
    address = address.strip("\"'<>();,")
    if address.lower().startswith("mailto:"):
        address = address[7:]
    local, _, domain = address.rpartition("@")
    domain = domain.strip().rstrip(".").lower()
    if not local or not domain or "/" in local or " " in local or not _HOSTLIKE.match(domain):
        return Parsed(kind="text", raw=raw, value=text)
    ascii_host, unicode_host, tricks = normalize_host(domain)
    local_norm = local.strip().lower()
    return Parsed(
        kind="email",
        raw=raw,
        value=f"{local_norm}@{ascii_host}",
        host=ascii_host,
        host_unicode=unicode_host,
        local=local_norm,
        tricks=tricks,
    )


def _parse_phone(raw: str, text: str) -> Parsed | None:
    digits = re.sub(r"[^\d+]", "", text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if "+" in digits[1:]:
        return None
    count = sum(ch.isdigit() for ch in digits)
    if count < 5 or count > 17:
        return None
    return Parsed(kind="phone", raw=raw, value=digits, digits=digits)


def _handle(raw: str, handle: str, kind: str) -> Parsed:
    return Parsed(kind=kind, raw=raw, value=handle.lower(), handle=handle)


def _wechat(raw: str, wechat_id: str) -> Parsed:
    return Parsed(kind="wechat", raw=raw, value=wechat_id.lower(), handle=wechat_id)


# --- finding checkable values inside a chat message ------------------------------------------
_IN_TEXT = re.compile(
    r"(?P<url>(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>\"'，。、）),\u3000-\u9fff\uff00-\uffef]+)"
    r"|(?P<email>[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)"
    r"|(?P<handle>(?<![\w@])@[A-Za-z0-9_]{4,32})"
    r"|(?P<domain>\b[\w\-]+(?:\.[\w\-]+)*\.(?:[a-z]{2,24}|xn--[a-z0-9\-]+)\b(?:/[^\s<>\"'，。),\u3000-\u9fff\uff00-\uffef]*)?)"
    r"|(?P<phone>(?<![\w])(?:\+|00)?\d[\d\s\-()]{6,18}\d)",
    re.IGNORECASE,
)


# Every alternative of _IN_TEXT needs one of these: most messages (and every console page shows a
# conversation of them) have none, and this pass costs a fraction of the full pattern's.
_IN_TEXT_GATE = re.compile(r"\d|@|://|www\.|\.(?:[a-z]{2}|xn--)", re.IGNORECASE)


def values_in_text(text: str, limit: int = 20) -> list[str]:
    """URLs, bare domains, emails, @handles and phone numbers in a message, in order, without duplicates."""
    found: list[str] = []
    normalized = unicodedata.normalize("NFKC", text or "").translate(_DOTS)
    if not _IN_TEXT_GATE.search(normalized):
        return found
    for match in _IN_TEXT.finditer(normalized):
        value = match.group(0).rstrip(".,;:!?")
        if match.lastgroup == "domain" and re.fullmatch(r"[\d.]+", value):
            continue
        if match.lastgroup == "phone" and sum(c.isdigit() for c in value) < 7:
            continue
        if value not in found:
            found.append(value)
        if len(found) >= limit:
            break
    return found

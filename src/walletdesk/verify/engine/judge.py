"""The registry index and the verdict: official, lookalike or unknown.

Decision order, and why:
1. official — the value is, or lies inside, a registered channel. Only the exact canonical form counts
   (a Cyrillic "е" is a different host even though it looks the same), so nothing non-official can pass.
2. known phishing — confirmed reports.
3. lookalike — the value imitates a channel or a brand name: skeleton equality (UTS #39), typo rules,
   the brand inside another name, the official name under a foreign domain, another suffix, hosting.
4. unknown — anything else. Ordinary words that merely share letters (binance/finance) stay unknown
   because typos only count when a person could plausibly make them (see fold._strong_substitution).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import phonenumbers
import tldextract

from walletdesk.verify.engine.fold import (
    WORDS,
    bigrams,
    is_compound,
    leet,
    other_name,
    plain,
    reader,
    scaled_typo,
    skeleton,
    typo_kind,
)
from walletdesk.verify.engine.parse import Parsed, ParseError, normalize_host, parse_value
from walletdesk.verify.engine.reasons import CHAIN_EN, CHAIN_ZH, TYPO_EN, TYPO_ZH, reason_pair

# The bundled public-suffix snapshot inside tldextract, private section included, never refreshed over
# the network: brand.github.io and brand-wallet.vercel.app must be seen as somebody else's site.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)

# Legitimate sites that resemble brands (data/known_legitimate.txt says where they come from).
KNOWN_LEGITIMATE = frozenset(
    line.strip().lower()
    for line in (Path(__file__).resolve().parent.parent / "data" / "known_legitimate.txt")
    .read_text()
    .splitlines()
    if line.strip() and not line.startswith("#")
)

# Platforms where a path, not the host, names the account: "github.com/brand" is the brand's,
# github.com is not, and "github" must never become a brand name to look for.
SHARED_PLATFORMS = frozenset(
    {
        "github.com",
        "gitlab.com",
        "medium.com",
        "youtube.com",
        "facebook.com",
        "instagram.com",
        "linkedin.com",
        "reddit.com",
        "discord.gg",
        "discord.com",
        "weibo.com",
        "zhihu.com",
        "bilibili.com",
        "linktr.ee",
        "tiktok.com",
        "douyin.com",
        "apple.com",
        "google.com",
        "mozilla.org",
        "x.com",
        "twitter.com",
        "t.me",
        "telegram.me",
        "substack.com",
        "notion.site",
        "gitbook.io",
        "npmjs.com",
        "pypi.org",
        "xiaohongshu.com",
    }
)
# Public mailbox providers: an official address there makes only that address official, not the domain.
FREEMAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "qq.com",
        "foxmail.com",
        "163.com",
        "126.com",
        "yeah.net",
        "sina.com",
        "sina.cn",
        "sohu.com",
        "139.com",
        "aliyun.com",
        "yandex.ru",
        "yandex.com",
        "mail.ru",
        "gmx.com",
        "gmx.de",
        "zoho.com",
        "tutanota.com",
    }
)
# Words scammers add around a brand name ("okx-web3", "myledger", "binance-support"); needed only for
# short names, where bare containment would turn ordinary words into alarms.
VOCAB = frozenset(
    """
wallet wallets web web3 app apps login log signin sign in secure security verify verification support help
helpdesk service services official online io com net org exchange ex pro global my get go trade trading
token tokens airdrop airdrops claim reward rewards bonus gift promo connect sync restore recovery recover
unlock validate validation auth account accounts kyc portal live dapp dapps defi nft nfts swap bridge stake
staking earn mining pay card cash crypto coin coins chain dex cn us uk eu asia hk sg jp kr en zh update
upgrade extension chrome desktop mobile download ios android bot team center centre desk care info news
event events launch labs v1 v2 v3 access protect safe safety check checker fix rectify migrate migration
dashboard hq the real vip com-login x site page home main cs kefu admin mod agent now usa ltd inc
fi bit ai hub plus max one prime club tech link zone space market markets invest capital fund yield farm
pool ventures sdk dev docs finance futures margin spot otc p2p buy sell send receive deposit withdraw
protocol join giveaway giveaways drop drops mint minting premint whitelist allocation allocations checker
eligible eligibility distribution distribute vote voting governance proposal claims gift gifts free refund
compensation node nodes rpc vault firmware nano suite start setup activate activation approve revoke asset
assets finances funds farms foundation dao network onchain prize lucky presale launchpad ido ico snapshot
blog portfolio eth btc bnb usdt usdc sol arb op matic avax trx ethereum bitcoin solana polygon
""".split()
)
# Of those, the words ordinary businesses also add to a name (gatehub, curvelabs, ledger-pro): beside a
# brand name that is itself an English word they prove nothing; the other words (wallet, login, claim,
# airdrop, restore …) are what a phishing kit adds.
BUSINESS_WORDS = frozenset(
    """
pro global my get go trade trading coin coins chain cn us uk eu asia hk sg jp kr en zh team center centre
desk care info news event events launch labs the real vip site page home main now usa ltd inc fi bit ai
hub plus max one prime club tech link zone space market markets invest capital fund ventures sdk dev docs
pay card cash in log sign x mod cs ex com net org io blog foundation network start suite futures
margin spot buy sell send receive safe safety check fix access protect free lucky vote voting
governance proposal snapshot portfolio
""".split()
)
SCAM_WORDS = VOCAB - BUSINESS_WORDS
# Host labels that carry no identity of their own.
_GENERIC_LABELS = frozenset(
    {"www", "m", "mail", "app", "api", "web", "mobile", "en", "zh", "cn", "com", "net", "org"}
)
# Words that are too generic to become brand tokens even if a brand's domain is made of them.
_GENERIC_TOKENS = frozenset(
    {"wallet", "support", "help", "official", "crypto", "exchange", "login", "app", "mail"}
)
_HANDLE_WORDS = (
    "official",
    "support",
    "supports",
    "help",
    "helpdesk",
    "team",
    "admin",
    "service",
    "services",
    "care",
    "desk",
    "cs",
    "kefu",
    "real",
    "the",
    "global",
    "news",
    "channel",
    "group",
    "chat",
    "live",
    "info",
    "hq",
    "app",
    "bot",
    "center",
    "agent",
    "mod",
    "customer",
    "cn",
    "en",
    "zh",
)


@dataclass
class Verdict:
    verdict: str  # official | lookalike | unknown
    kind: str
    matched: str | None
    reason: str
    reason_zh: str = ""
    brand: str | None = None
    trick: str = ""  # how it imitates (for reports and the quality bench); "" for unknown
    known_phishing: bool = False
    value: str = ""  # canonical form of the input

    def as_public(self) -> dict:
        return {"verdict": self.verdict, "kind": self.kind, "matched": self.matched, "reason": self.reason}

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ChannelSpec:
    brand: str
    kind: str
    value: str
    label: str = ""


@dataclass
class _Token:
    brand: str
    text: str
    plain: str
    fold: str
    matched: str  # the official website to name in the answer
    grams: frozenset[str] = field(default_factory=frozenset)
    # An ordinary English word (curve, ledger, exodus) or a name with its suffix run in (cryptocom):
    # found inside a longer name it only counts beside scam words or junk, never inside other words
    # (exodustravels, cryptocompare are other businesses).
    wordish: bool = False
    suffix: str = ""  # of the official site, without dots ("fi" for curve.fi): curve-fi.app copies it
    # A brand named after its address ("Crypto.com"): the name's last letters are a suffix ("com"),
    # which runs on into ordinary words (cryptocompare, cryptocomics) and is no place for a typo.
    tail: str = ""

    @property
    def short(self) -> bool:
        return len(self.plain) <= 4


@dataclass
class _Handle:
    brand: str
    kind: str
    value: str  # as registered, for display
    lower: str
    core: str  # skeleton without underscores and digits


class RegistryIndex:
    """Everything needed to judge a value, built once from the registry and the blocklist."""

    def __init__(self, channels: list[ChannelSpec], blocked: list[tuple[str, str]] | None = None) -> None:
        self.domains: dict[str, tuple[str, str]] = {}  # registrable or host → (brand, registered value)
        self.mail_domains: dict[str, tuple[str, str]] = {}
        # host, path prefix, query pairs that must be present, brand, value
        self.path_scoped: list[tuple[str, str, frozenset[str], str, str]] = []
        self.addresses: dict[str, tuple[str, str]] = {}
        self.handles: dict[str, list[_Handle]] = {"telegram": [], "x": [], "wechat": []}
        self.phones: list[tuple[str, str, str, phonenumbers.PhoneNumber | None]] = []  # e164, brand, value
        self.regions: list[str] = []
        self.tokens: list[_Token] = []
        self.brand_site: dict[str, str] = {}
        self.blocked: dict[str, set[str]] = {}
        for spec in channels:
            self._add(spec)
        for spec in channels:
            if spec.kind in ("website", "email"):
                continue
            self.brand_site.setdefault(spec.brand, spec.value)
        self._add_brand_tokens(channels)
        for kind, value in blocked or []:
            self.blocked.setdefault(_block_kind(kind), set()).add(value.lower())

    # --- building ---------------------------------------------------------------------------
    def _add(self, spec: ChannelSpec) -> None:
        try:
            parsed = parse_value(spec.value)
        except ParseError:
            return
        if spec.kind == "website":
            if parsed.kind in ("telegram", "x"):
                self._add_handle(spec, parsed.handle, parsed.kind)
                return
            host = _strip_www(parsed.host or parsed.value)
            registrable, ext = _registrable(host)
            path = parsed.path.rstrip("/").lower()
            if path and registrable in SHARED_PLATFORMS:
                self._add_scoped(host, path, parsed.query, spec)
                return
            scope, label = _owned_scope(spec.brand, host, registrable, ext)
            self.domains.setdefault(scope, (spec.brand, spec.value))
            self.brand_site.setdefault(spec.brand, spec.value)
            self._add_token(spec.brand, label, spec.value)
        elif spec.kind == "email":
            if parsed.kind != "email":
                return
            self.addresses[parsed.value] = (spec.brand, spec.value)
            registrable, ext = _registrable(parsed.host)
            if registrable not in FREEMAIL:
                scope, label = _owned_scope(spec.brand, parsed.host, registrable, ext)
                self.mail_domains.setdefault(scope, (spec.brand, spec.value))
                self._add_token(spec.brand, label, scope)
        elif spec.kind in ("telegram", "x") and parsed.kind == "website":
            # An invite link (t.me/+AbC…) names no account: only that very link is official.
            if parsed.path.strip("/"):
                self._add_scoped(_strip_www(parsed.host), parsed.path.rstrip("/").lower(), parsed.query, spec)
        elif spec.kind in ("telegram", "x", "wechat"):
            handle = parsed.handle or spec.value.lstrip("@")
            self._add_handle(spec, handle, spec.kind)
        elif spec.kind == "phone":
            digits = parsed.digits or re.sub(r"[^\d+]", "", spec.value)
            number = _parse_phone(digits, [])
            if number is not None:
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                region = phonenumbers.region_code_for_number(
                    number
                ) or phonenumbers.region_code_for_country_code(number.country_code)
                if region and region != "ZZ" and region not in self.regions:
                    self.regions.append(region)
            else:
                # Numbers the metadata does not know (fictional or brand-new ranges) compare as digits.
                e164 = digits if digits.startswith("+") else "+" + digits
            self.phones.append((e164, spec.brand, spec.value, number))

    def _add_scoped(self, host: str, path: str, query: str, spec: ChannelSpec) -> None:
        # Query pairs count only where they name the thing (play.google.com/store/apps/details?id=…).
        pairs = frozenset(pair for pair in query.split("&") if pair.startswith("id="))
        self.path_scoped.append((host, path, pairs, spec.brand, spec.value))

    def _add_handle(self, spec: ChannelSpec, handle: str, kind: str) -> None:
        shown = ("@" + handle) if kind in ("telegram", "x") else handle
        self.handles[kind].append(_Handle(spec.brand, kind, shown, handle.lower(), _handle_core(handle)))

    def _add_token(self, brand: str, label: str, matched: str, *, tail: str = "") -> None:
        text = label.replace("-", "").replace("_", "")
        if len(text) < 3 or text in _GENERIC_TOKENS or text.isdigit():
            return
        if label.startswith("xn--"):
            _, text, _ = normalize_host(label)
        folded = skeleton(text)
        if any(t.fold == folded for t in self.tokens):
            return
        flat = plain(text)
        try:
            site = parse_value(matched).host or matched
        except ParseError:
            site = matched
        suffix = _registrable(site)[1].suffix.replace(".", "")
        self.tokens.append(
            _Token(
                brand,
                text,
                flat,
                folded,
                matched,
                bigrams(flat),
                wordish=bool(tail) or flat in WORDS,
                suffix=suffix,
                tail=tail,
            )
        )

    def _add_brand_tokens(self, channels: list[ChannelSpec]) -> None:
        for brand in sorted({c.brand for c in channels}):
            site = self.brand_site.get(brand)
            # "Huobi/HTX": an operator may write a brand's old and new names together.
            for part in re.split(r"[/|,()]+", brand):
                name = re.sub(r"[\s\-_.]", "", part)
                if site and re.fullmatch(r"\w{3,}", name):
                    dotted = part.strip(". ")
                    tail = dotted.rsplit(".", 1)[-1].lower() if "." in dotted else ""
                    self._add_token(brand, name.lower(), site, tail=tail)

    # --- judging ----------------------------------------------------------------------------
    def judge(self, raw: str) -> Verdict:
        try:
            parsed = parse_value(raw)
        except ParseError as exc:
            return Verdict("unknown", "text", None, str(exc), reason_pair("unknown-text")[1])
        if parsed.kind == "website":
            return self._judge_website(parsed)
        if parsed.kind == "email":
            return self._judge_email(parsed)
        if parsed.kind in ("telegram", "x", "handle"):
            return self._judge_handle(parsed)
        if parsed.kind == "wechat":
            return self._judge_wechat(parsed)
        if parsed.kind == "phone":
            return self._judge_phone(parsed)
        if parsed.kind in ("address", "tx"):
            return self._judge_chain(parsed)
        en, zh = reason_pair("unknown-text")
        return Verdict("unknown", "text", None, en, zh, value=parsed.value)

    def _verdict(
        self,
        verdict: str,
        parsed: Parsed,
        key: str,
        *,
        kind: str | None = None,
        matched: str | None = None,
        brand: str | None = None,
        trick: str = "",
        **params: str,
    ) -> Verdict:
        kind = kind or parsed.kind
        if parsed.kind == "website" and parsed.host_unicode:
            shown = parsed.host_unicode
        elif parsed.kind in ("address", "tx"):
            shown = parsed.handle  # the address itself, not the sentence it was pasted in
        else:
            shown = parsed.raw.strip()
        en, zh = reason_pair(key, value=shown, kind=kind, matched=matched or "", brand=brand or "", **params)
        return Verdict(verdict, kind, matched, en, zh, brand, trick, key == "known-phishing", parsed.value)

    def _judge_website(self, p: Parsed) -> Verdict:
        host = _strip_www(p.host)
        hit = self._official_host(host, p.path, p.query)
        if hit:
            brand, value = hit
            key = "official" if _strip_www(parse_value(value).host) == host else "official-inside"
            return self._verdict("official", p, key, matched=value, brand=brand, trick="official")
        if self._is_blocked("website", host):
            return self._verdict("lookalike", p, "known-phishing", trick="known-phishing")
        if any(parent in KNOWN_LEGITIMATE for parent in _parents(host)):
            return self._verdict("unknown", p, "known-legitimate")
        return (
            self._host_lookalike(p, host)
            or self._path_lookalike(p, host)
            or self._verdict("unknown", p, "unknown")
        )

    def _path_lookalike(self, p: Parsed, host: str) -> Verdict | None:
        """github.com/brand-labs is official; github.com/brand-lab imitates it (on shared platforms
        the account is in the path)."""
        first = next((seg for seg in p.path.lower().split("/") if seg), "")
        if not first:
            return None
        for scoped_host, prefix, _needed, brand, value in self.path_scoped:
            if host != scoped_host or not prefix.strip("/"):
                continue
            official = prefix.strip("/").split("/")[0]
            core, official_core = _handle_core(first), _handle_core(official)
            if (
                core == official_core
                or typo_kind(core, official_core) not in (None, "typo")
                or any(not t.short and t.brand == brand and t.plain in plain(core) for t in self.tokens)
            ):
                return self._verdict(
                    "lookalike", p, "handle-decor", matched=value, brand=brand, trick="path-platform"
                )
        return None

    def _official_host(self, host: str, path: str, query: str = "") -> tuple[str, str] | None:
        for candidate in _parents(host):
            if candidate in self.domains:
                return self.domains[candidate]
            # A brand's own mail domain is the brand's even when no website was registered on it.
            if candidate in self.mail_domains:
                return self.mail_domains[candidate]
        low_path = path.lower().rstrip("/")
        pairs = set(query.split("&"))
        for scoped_host, prefix, needed, brand, value in self.path_scoped:
            if (
                host == scoped_host
                and (low_path == prefix or low_path.startswith(prefix + "/"))
                and needed <= pairs
            ):
                return brand, value
        return None

    def _is_blocked(self, kind: str, value: str) -> bool:
        entries = self.blocked.get(kind)
        if not entries:
            return False
        if kind in ("website", "email-domain"):
            return any(parent in entries for parent in _parents(value))
        return value in entries

    def _host_lookalike(self, p: Parsed, host: str) -> Verdict | None:
        registrable, ext = _registrable(host)
        unicode_labels = _strip_www(p.host_unicode or host).split(".")
        ascii_labels = host.split(".")
        n_sub = len(ext.subdomain.split(".")) if ext.subdomain else 0
        domain_label = unicode_labels[n_sub] if len(unicode_labels) > n_sub else ext.domain
        found = self._label_match(domain_label, ascii_labels[n_sub] if len(ascii_labels) > n_sub else "")
        position = "domain"
        if found is None:
            for i in range(n_sub):
                if unicode_labels[i] in _GENERIC_LABELS:
                    continue
                found = self._label_match(unicode_labels[i], ascii_labels[i])
                if found is not None:
                    position = "subdomain"
                    break
        if found is None:
            joined = "".join(unicode_labels[: n_sub + 1]).replace("-", "")
            found = self._contains_long_token(joined)
            position = "domain"
        if found is None and n_sub:
            # The whole official domain at the front of a foreign one (crypto.com.evil.io), even when its
            # name is too generic to be a brand token.
            for official in self.domains:
                if (
                    host.startswith(official + ".") or ("." + official + ".") in host
                ) and registrable != official:
                    brand, value = self.domains[official]
                    token = next((t for t in self.tokens if t.brand == brand), None) or _Token(
                        brand, official, official, official, value
                    )
                    found, position = ("exact", token, ""), "subdomain"
                    break
        if found is None:
            # The whole domain written with look-alikes (crypt0.com for crypto.com): needed when the
            # brand's name is too generic to be a token of its own.
            tail = ".".join(unicode_labels[-len(registrable.split(".")) :])
            shown = leet(skeleton(tail))
            for official, (brand, value) in self.domains.items():
                if official != registrable and "." in official and leet(skeleton(official)) == shown:
                    token = next((t for t in self.tokens if t.brand == brand), None) or _Token(
                        brand, official, official, official, value
                    )
                    found = ("homoglyph", token, "")
                    break
        if found is None:
            return None
        trick, token, detail = found
        key = trick
        if trick == "exact":
            if position == "subdomain":
                key = "subdomain"
            elif ext.is_private:
                key = "hosting"
            else:
                key = "tld"
        elif trick in ("homoglyph", "typo") and "punycode" in p.tricks:
            key = "punycode"
        elif (
            trick == "combo"
            and position == "domain"
            and ext.is_private
            and _compact(domain_label) == token.plain
        ):
            key = "hosting"
        if position == "subdomain" and key in ("combo", "homoglyph", "typo"):
            key = "subdomain" if key == "combo" else key
        params = {"registrable": registrable, "suffix": ext.suffix}
        if detail:
            params["detail"], params["detail_zh"] = TYPO_EN.get(detail, detail), TYPO_ZH.get(detail, detail)
        return self._verdict(
            "lookalike",
            p,
            key,
            matched=token.matched,
            brand=token.brand,
            trick=key if not detail else f"typo-{detail}",
            **params,
        )

    def _label_match(self, label: str, ascii_label: str) -> tuple[str, _Token, str] | None:
        """(trick, token, typo detail) when this host label imitates a brand name."""
        compact = _compact(label)
        if not compact:
            return None
        p, f = plain(compact), skeleton(compact)
        lt = leet(f)
        non_ascii = not label.isascii() or ascii_label.startswith("xn--")
        hyphenated = "-" in label or "_" in label
        segments = [s for s in re.split(r"[-_]+|(?<=\D)(?=\d)|(?<=\d)(?=\D)", label.lower()) if s]
        # Digits inside a word may stand for letters (0kx, b1nance): the hyphen-separated words too.
        segments += [s for s in re.split(r"[-_]+", label.lower()) if s and s not in segments]
        for token in self.tokens:
            if p == token.plain and not non_ascii and label.isascii():
                return ("hyphen" if hyphenated else "exact"), token, ""
            if p == token.plain or f == token.fold or lt == token.fold:
                return "homoglyph", token, ""
        for token in self.tokens:
            if self._contains(token, p, f, lt, segments):
                return ("homoglyph" if non_ascii and token.plain not in p else "combo"), token, ""
        for token in self.tokens:
            detail = self._typo(token, p, f, segments)
            if detail:
                return ("homoglyph" if non_ascii else "typo"), token, detail
        return None

    def _contains(self, token: _Token, p: str, f: str, lt: str, segments: list[str]) -> bool:
        if not token.short:
            if token.wordish:
                # The letters as written decide; the skeleton only when the name hides behind look-alikes.
                if token.plain in p:
                    return _decorated(token.plain, p, token.suffix, token.tail)
                return _decorated(token.fold, f, token.suffix, token.tail) or _decorated(
                    token.fold, lt, token.suffix, token.tail
                )
            return token.plain in p or token.fold in f or token.fold in lt
        for seg in segments:
            sp, sf = plain(seg), skeleton(seg)
            if sp == token.plain or token.fold in (sf, leet(sf)):
                return True
            # gatesfoundation is two words, not "gate" + a misspelt "foundation"
            # "gate" is a word: beside it only a phishing kit's words count (gate-io-login, not gatehub)
            if token.wordish:
                loose = _is_scam if sp in WORDS or is_compound(sp) else _is_scam_loose
            else:
                loose = _is_vocab if sp in WORDS or is_compound(sp) else _is_vocab_loose
            for form, name in ((sp, token.plain), (sf, token.fold)):
                if form.startswith(name) and loose(form[len(name) :]):
                    return True
                if form.endswith(name) and loose(form[: -len(name)]):
                    return True
        return False

    def _typo(self, token: _Token, p: str, f: str, segments: list[str]) -> str | None:
        if token.tail:
            return None  # the address itself is compared whole (crypt0.com), its name has no typos
        if token.short:
            return _short_typo(token.plain, p, segments)
        if token.plain in p:
            # The name is there, whole: whether it counts is for the containment rules (exodustravels,
            # blockchaincenter are other businesses), not a typo found by cutting the name apart.
            return None
        read = reader(token.plain)
        # One slip leaves most letter pairs of a name in place, even a run of slips leaves some: a label
        # that shares none with the name is not a typo of it (most labels, for most names).
        seen = reader(p)
        if not any(read[i : i + 2] in seen for i in range(len(read) - 1)):
            return None
        # A label that is an English word or two (optimum, blockchair, trustpilot) is another name.
        detail = typo_kind(p, token.plain) or typo_kind(f, token.fold)
        if not detail and scaled_typo(reader(p), read):
            detail = "typo"
        if detail and not other_name(p, token.plain):
            return detail
        for seg in segments:
            if len(seg) >= 4 and seg != p:
                sp = plain(seg)
                detail = typo_kind(sp, token.plain) or typo_kind(skeleton(seg), token.fold)
                if not detail and scaled_typo(reader(seg), read):
                    detail = "typo"
                if detail and not other_name(sp, token.plain):
                    return detail
        m = len(token.plain)
        if len(p) <= m + 1:
            return None
        shared = len(token.grams & bigrams(p))
        if shared >= len(token.grams) - 3:  # one slip spoils three letter pairs at most
            for size in (m - 1, m, m + 1):
                for i in range(len(p) - size + 1):
                    detail = typo_kind(p[i : i + size], token.plain)
                    if detail and _is_vocab(p[:i]) and _is_vocab(p[i + size :]):
                        return detail
        if shared < len(token.grams) // 3:
            return None
        # Slips inside a name run together with scam words (pankaykeswapfarm, metamassklogin): cut the
        # label where only scam words lie before and after, and weigh what is left.
        starts, ends = _vocab_cuts(p)
        for i in starts:
            for j in ends:
                piece = p[i:j]
                if j - i >= 4 and piece != p and abs(len(piece) - m) <= 3:
                    if scaled_typo(reader(piece), read) and not other_name(piece, token.plain):
                        return "typo"
        return None

    def _contains_long_token(self, joined: str) -> tuple[str, _Token, str] | None:
        p, f = plain(joined), skeleton(joined)
        for token in self.tokens:
            if len(token.plain) < 6:
                continue
            if token.wordish:
                if (
                    _decorated(token.plain, p, token.suffix, token.tail)
                    if token.plain in p
                    else _decorated(token.fold, f, token.suffix, token.tail)
                ):
                    return "combo", token, ""
            elif token.plain in p or token.fold in f:
                return "combo", token, ""
        return None

    def _judge_email(self, p: Parsed) -> Verdict:
        if p.value in self.addresses:
            brand, value = self.addresses[p.value]
            return self._verdict("official", p, "official", matched=value, brand=brand, trick="official")
        host = p.host
        for parent in _parents(host):
            hit = self.domains.get(parent) or self.mail_domains.get(parent)
            if hit:
                return self._verdict(
                    "official", p, "official-mailbox", matched=parent, brand=hit[0], trick="official"
                )
        if self._is_blocked("email", p.value) or self._is_blocked("website", host):
            return self._verdict("lookalike", p, "known-phishing", trick="known-phishing")
        if any(parent in KNOWN_LEGITIMATE for parent in _parents(host)):
            return self._verdict("unknown", p, "known-legitimate")
        site = Parsed(
            kind="website", raw=host, value=host, host=host, host_unicode=p.host_unicode, tricks=p.tricks
        )
        found = self._host_lookalike(site, host)
        if found is not None:
            found.kind, found.value = "email", p.value
            shown = p.raw.strip()
            found.reason = found.reason.replace(p.host_unicode or host, shown, 1)
            found.reason_zh = found.reason_zh.replace(p.host_unicode or host, shown, 1)
            return found
        local = _compact(re.sub(r"[.+]", "-", p.local))
        segments = [s for s in re.split(r"[-_.+]+|(?<=\D)(?=\d)|(?<=\d)(?=\D)", p.local) if s]
        pl, fl = plain(local), skeleton(local)
        for token in self.tokens:
            if self._contains(token, pl, fl, leet(fl), segments):
                matched = self._brand_mail(token.brand)
                return self._verdict(
                    "lookalike", p, "mailbox-brand", matched=matched, brand=token.brand, trick="mailbox-brand"
                )
        return self._verdict("unknown", p, "unknown")

    def _brand_mail(self, brand: str) -> str:
        for address, (b, _value) in self.addresses.items():
            if b == brand:
                return address.split("@", 1)[1]
        for domain, (b, _value) in self.domains.items():
            if b == brand:
                return domain
        return brand

    def _judge_handle(self, p: Parsed) -> Verdict:
        kinds = ("telegram", "x") if p.kind == "handle" else (p.kind,)
        for kind in kinds:
            for h in self.handles[kind]:
                if h.lower == p.value:
                    if p.kind == "handle":
                        return self._official_on_one_platform(p, h)
                    return self._verdict(
                        "official", p, "official", kind=kind, matched=h.value, brand=h.brand, trick="official"
                    )
        for kind in kinds:
            if self._is_blocked(kind, p.value):
                return self._verdict("lookalike", p, "known-phishing", kind=kind, trick="known-phishing")
        return self._handle_lookalike(p, kinds) or self._verdict("unknown", p, "unknown")

    def _official_on_one_platform(self, p: Parsed, h: _Handle) -> Verdict:
        """A bare @name pasted without its platform: official where it is registered; on the other
        platform the same name may belong to a scammer, unless it is registered there too."""
        other = "x" if h.kind == "telegram" else "telegram"
        if any(o.lower == p.value for o in self.handles[other]):
            return self._verdict(
                "official", p, "official", kind=h.kind, matched=h.value, brand=h.brand, trick="official"
            )
        theirs = [o.value for o in self.handles[other] if o.brand == h.brand]
        platform = {"telegram": ("Telegram", "Telegram"), "x": ("X (Twitter)", "X（推特）")}
        if theirs:
            accounts = "account is" if len(theirs) == 1 else "accounts are"
            others_en = f"its official {platform[other][0]} {accounts} {', '.join(theirs)}."
            others_zh = f"其官方 {platform[other][1]} 账号是 {'、'.join(theirs)}。"
        else:
            others_en = f"it has no official {platform[other][0]} account."
            others_zh = f"它没有官方 {platform[other][1]} 账号。"
        return self._verdict(
            "official",
            p,
            "official-one-platform",
            kind=h.kind,
            matched=h.value,
            brand=h.brand,
            trick="official",
            platform_en=platform[h.kind][0],
            platform_zh=platform[h.kind][1],
            other_en=platform[other][0],
            other_zh=platform[other][1],
            others_en=others_en,
            others_zh=others_zh,
        )

    def _judge_wechat(self, p: Parsed) -> Verdict:
        for h in self.handles["wechat"]:
            if h.lower == p.value:
                return self._verdict(
                    "official", p, "official", matched=h.value, brand=h.brand, trick="official"
                )
        # A bare word is read as a WeChat ID only: the brand's X name used as a WeChat ID is not its
        # WeChat account, and anyone could have registered it there.
        if self._is_blocked("wechat", p.value):
            return self._verdict("lookalike", p, "known-phishing", trick="known-phishing")
        return self._handle_lookalike(p, ("wechat", "telegram", "x")) or self._verdict(
            "unknown", p, "unknown"
        )

    def _handle_lookalike(self, p: Parsed, kinds: tuple[str, ...]) -> Verdict | None:
        core = _handle_core(p.handle)
        stripped = _strip_words(core)
        candidates = [h for kind in kinds for h in self.handles[kind]]
        for h in candidates:
            if core == h.core or stripped == h.core or (stripped and stripped == _strip_words(h.core)):
                return self._verdict(
                    "lookalike",
                    p,
                    "handle-decor",
                    kind=h.kind,
                    matched=h.value,
                    brand=h.brand,
                    trick="handle-decor",
                )
        for h in candidates:
            detail = typo_kind(core, h.core) or (typo_kind(stripped, h.core) if stripped != core else None)
            # One slip only: two edits in a long account name already make a different name.
            if detail and detail != "typo" and len(h.core) >= 5:
                params = {"detail": TYPO_EN[detail], "detail_zh": TYPO_ZH[detail]}
                return self._verdict(
                    "lookalike",
                    p,
                    "handle-decor",
                    kind=h.kind,
                    matched=h.value,
                    brand=h.brand,
                    trick=f"typo-{detail}",
                    **params,
                )
        segments = [s for s in re.split(r"_+|(?<=\D)(?=\d)|(?<=\d)(?=\D)|(?<=[a-z])(?=[A-Z])", p.handle) if s]
        pl, fl = plain(core), skeleton(core)
        for token in self.tokens:
            hit = self._contains(token, pl, fl, leet(fl), [s.lower() for s in segments])
            if hit or (stripped and not token.short and typo_kind(stripped, token.plain)):
                official = self._official_handle(token.brand, kinds)
                kind = official.kind if official else (kinds[0] if len(kinds) == 1 else "handle")
                return self._verdict(
                    "lookalike",
                    p,
                    "handle-brand",
                    kind=kind,
                    brand=token.brand,
                    matched=official.value if official else token.matched,
                    trick="handle-brand",
                )
        return None

    def _official_handle(self, brand: str, kinds: tuple[str, ...]) -> _Handle | None:
        for kind in kinds:
            for h in self.handles[kind]:
                if h.brand == brand:
                    return h
        return None

    def _judge_chain(self, p: Parsed) -> Verdict:
        """An address or transaction hash is never a channel: say what it is and that support never asks
        for a transfer. A confirmed report of a scam address makes it known phishing."""
        if self._is_blocked(p.kind, p.value.lower()):
            return self._verdict("lookalike", p, "known-phishing", trick="known-phishing")
        if p.kind == "tx":
            key = "tx-hex" if p.chain == "hex" else "tx"
        else:
            key = (
                "address-shortened"
                if "shortened" in p.tricks
                else "address-bad-checksum"
                if "bad-checksum" in p.tricks
                else "address"
            )
        return self._verdict(
            "unknown", p, key, chain=CHAIN_EN.get(p.chain, ""), chain_zh=CHAIN_ZH.get(p.chain, "")
        )

    def _judge_phone(self, p: Parsed) -> Verdict:
        # A national number ("400-820-8820", "(415) 555-0142") is read in every region the registry
        # has numbers in; an exact official match in any of them wins.
        candidates = _phone_candidates(p.digits, self.regions)
        if not candidates:
            return self._verdict("unknown", p, "unknown")
        p.value = candidates[0]
        for e164 in candidates:
            for official, brand, value, _ in self.phones:
                if official == e164:
                    p.value = e164
                    return self._verdict(
                        "official", p, "official", matched=value, brand=brand, trick="official"
                    )
        if any(self._is_blocked("phone", e164) for e164 in candidates):
            return self._verdict("lookalike", p, "known-phishing", trick="known-phishing")
        for official, brand, value, _ in self.phones:
            distance = min(_digit_distance(e164[1:], official[1:]) for e164 in candidates)
            if distance <= 2 and len(official) >= 8:
                detail = "one digit" if distance == 1 else "two digits"
                detail_zh = "一位数字" if distance == 1 else "两位数字"
                return self._verdict(
                    "lookalike",
                    p,
                    "phone-near",
                    matched=value,
                    brand=brand,
                    trick="phone-near",
                    detail=detail,
                    detail_zh=detail_zh,
                )
        return self._verdict("unknown", p, "unknown")


# --- helpers ------------------------------------------------------------------------------------
def _block_kind(kind: str) -> str:
    return {"url": "website", "domain": "website", "handle": "telegram"}.get(kind, kind)


def _strip_www(host: str) -> str:
    return host[4:] if host.startswith("www.") and host.count(".") >= 2 else host


def _parents(host: str) -> list[str]:
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def _registrable(host: str) -> tuple[str, tldextract.tldextract.ExtractResult]:
    ext = _EXTRACT(host)
    if ext.suffix and ext.domain:
        return f"{ext.domain}.{ext.suffix}", ext
    return host, ext


def _owned_scope(
    brand: str, host: str, registrable: str, ext: tldextract.tldextract.ExtractResult
) -> tuple[str, str]:
    """(the domain the brand owns, the label to watch for) for a registered host.

    help.brand.com means the brand owns brand.com. brand.zendesk.com does not make zendesk.com the
    brand's: when the registrable name has nothing to do with the brand's name, only that host (and
    what lies under it) is official, and its first label is the name to watch.
    """
    if host == registrable or _related(brand, ext.domain):
        return registrable, ext.domain
    first = host.split(".")[0]
    return host, (first if _related(brand, first) else "")


def _related(brand: str, label: str) -> bool:
    name = re.sub(r"[^a-z0-9]", "", plain(brand))
    label = _compact(label)
    if not name or len(label) < 3:
        return False
    return name in label or label in name or skeleton(name) == skeleton(label) or name[:4] == label[:4]


def _compact(label: str) -> str:
    return label.lower().replace("-", "").replace("_", "")


def _handle_core(handle: str) -> str:
    return re.sub(r"[_\d]", "", skeleton(handle.replace(".", "").replace("-", "")))


def _strip_words(core: str) -> str:
    changed = True
    while changed and core:
        changed = False
        for word in _HANDLE_WORDS:
            if core.startswith(word) and len(core) > len(word) + 2:
                core, changed = core[len(word) :], True
            if core.endswith(word) and len(core) > len(word) + 2:
                core, changed = core[: -len(word)], True
    return core


@lru_cache(maxsize=4096)
def _vocab_cuts(p: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where a label may be cut so that only scam words lie before (starts) or after (ends)."""
    n = len(p)
    left = [True] + [False] * n  # left[i]: p[:i] is scam words
    for end in range(1, min(n, 24) + 1):
        left[end] = any(left[s] and _vocab_piece(p[s:end]) for s in range(max(0, end - 12), end))
    right = [False] * n + [True]  # right[j]: p[j:] is scam words
    for start in range(n - 1, max(-1, n - 25), -1):
        right[start] = any(
            right[e] and _vocab_piece(p[start:e]) for e in range(start + 1, min(n, start + 12) + 1)
        )
    return tuple(i for i in range(max(0, n - 3)) if left[i]), tuple(j for j in range(n, 3, -1) if right[j])


def _vocab_piece(piece: str) -> bool:
    return piece in VOCAB or piece.isdigit()


@lru_cache(maxsize=16384)
def _is_vocab(rest: str) -> bool:
    """Is rest made only of words scammers add (and digits)? "" counts: nothing was added."""
    if len(rest) > 24:
        return False
    ok = [True] + [False] * len(rest)
    for end in range(1, len(rest) + 1):
        for start in range(max(0, end - 12), end):
            if ok[start] and (rest[start:end] in VOCAB or rest[start:end].isdigit()):
                ok[end] = True
                break
    return ok[-1]


def _decorated(name: str, label: str, suffix: str = "", tail: str = "") -> bool:
    """Is a brand name that is an ordinary word used as a brand inside this label: alone with scam words,
    digits or letters that make no word (curve-finance, ledger365, exodusx) — not inside other words
    (exodustravels, curves, hyperledger, cryptocompare)?"""
    if name not in label or name == label:
        return name == label
    if label in WORDS:
        return False
    start = label.find(name)
    while start >= 0:
        before, after = label[:start], label[start + len(name) :]
        # cryptocom + ics: the name's suffix and what follows make one word (comics, compare)
        if tail and after and (tail + after in WORDS or _words(tail + after) == "plain"):
            start = label.find(name, start + 1)
            continue
        sides = [side for side in (before, after) if side]
        if any(side.isdigit() or _is_scam_loose(side) or _copies_suffix(side, suffix) for side in sides):
            return True
        words = [_words(side) for side in sides]
        # superchainclaim: words, but one of them a scam word; travels, insights, pare: only words
        if any(w == "scam" for w in words) or all(w is None for w in words):
            return True
        start = label.find(name, start + 1)
    return False


def _copies_suffix(side: str, suffix: str) -> bool:
    """curve-fi, lidofi-claim, blockchain-com: the official address with its dot turned into a hyphen."""
    if not suffix:
        return False
    if side.startswith(suffix):
        return _is_vocab(side[len(suffix) :])
    return side.endswith(suffix) and _is_vocab(side[: -len(suffix)])


def _words(rest: str) -> str | None:
    """How rest reads: "scam" when it splits into English words one of which (3+ letters) is a phishing
    kit's word (superchainclaim), "plain" when into ordinary words only (travels, insights, hub), None
    otherwise."""
    if len(rest) > 30:
        return None
    # state per prefix length: None unreachable, False reached by ordinary words, True with a scam word
    state: list[bool | None] = [False] + [None] * len(rest)
    for end in range(1, len(rest) + 1):
        for start in range(max(0, end - 15), end):
            if state[start] is None:
                continue
            piece = rest[start:end]
            scam = len(piece) >= 3 and piece in SCAM_WORDS
            if scam or piece in WORDS or piece in VOCAB:
                state[end] = bool(state[end]) or state[start] or scam
    if state[-1] is None:
        return None
    return "scam" if state[-1] else "plain"


def _is_scam(rest: str) -> bool:
    """Only scam words and digits, at least one of them a phishing kit's word (not hub, labs, pro)."""
    return _is_vocab(rest) and _words(rest) == "scam" if not rest.isdigit() else True


def _is_scam_loose(rest: str) -> bool:
    """_is_scam, or one misspelt kit word (walet, suport)."""
    if _is_scam(rest):
        return True
    return len(rest) >= 5 and any(
        len(w) >= 5 and typo_kind(rest, w) not in (None, "typo") for w in SCAM_WORDS
    )


def _is_vocab_loose(rest: str) -> bool:
    """Scam words, also misspelt ones (okxwalet): only used next to a short brand name."""
    if _is_vocab(rest):
        return True
    return len(rest) >= 5 and any(len(w) >= 5 and typo_kind(rest, w) not in (None, "typo") for w in VOCAB)


def _short_typo(token: str, p: str, segments: list[str]) -> str | None:
    """Names of three or four letters match far too many words; only a doubled letter, a swap or one
    letter slipped inside (okx → okex) of a whole label or segment counts."""
    for form in {p, *segments}:
        head = form[: len(token) + 1]
        if len(head) == len(token) + 1 and head[0] == token[0] and head[-1] == token[-1]:
            for i in range(1, len(head) - 1):
                # okex, okex-wallet, okexchain: the slip, then nothing or only scam words
                if head[:i] + head[i + 1 :] == token and _is_vocab(form[len(head) :]):
                    return "insertion"
        if len(form) == len(token) == 4 and typo_kind(form, token) == "transposition":
            return "transposition"
    return None


def _phone_candidates(text: str, regions: list[str]) -> list[str]:
    text = text.strip()
    attempts: list[tuple[str, str | None]] = []
    if text.startswith("+"):
        attempts.append((text, None))
    else:
        attempts += [(text, region) for region in (regions or ["CN"])]
        attempts.append(("+" + text, None))
    found: list[str] = []
    for candidate, region in attempts:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if e164 not in found:
                found.append(e164)
    # Plain digit forms last, for registered numbers the metadata calls impossible (fictional ranges).
    digits = re.sub(r"\D", "", text)
    raw = ["+" + digits]
    if not text.startswith("+"):
        raw += [f"+{phonenumbers.country_code_for_region(r)}{digits.lstrip('0')}" for r in regions]
    found += [form for form in raw if form not in found and len(form) > 5]
    return found


def _parse_phone(text: str, regions: list[str]) -> phonenumbers.PhoneNumber | None:
    text = text.strip()
    attempts: list[tuple[str, str | None]] = []
    if text.startswith("+"):
        attempts.append((text, None))
    else:
        attempts += [(text, region) for region in (regions or ["CN"])]
        attempts.append(("+" + text, None))
    for candidate, region in attempts:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            return number
    return None


def _digit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance between two digit strings (small, so plain DP is fine)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]

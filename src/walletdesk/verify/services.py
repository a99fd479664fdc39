"""Writes and verdicts of the verify app.

Contracts other apps call (keep stable):
    value_verify(*, value) -> Verdict
    text_find_lookalikes(*, text) -> list[Verdict]
    official_channels_list(*, brand=None) -> list[OfficialChannel]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from walletdesk.accounts.models import supervisor_allowed
from walletdesk.verify import selectors
from walletdesk.verify.engine.judge import RegistryIndex, Verdict
from walletdesk.verify.engine.parse import KINDS, ParseError, parse_value, values_in_text
from walletdesk.verify.engine.reasons import reason_pair
from walletdesk.verify.errors import (
    AntiPhishingCodeInvalid,
    ChannelChangeForbidden,
    ChannelInvalid,
    RegistryInvalid,
    ReportAlreadyReviewed,
    ReportOfficialValue,
    ReportValueSecret,
    VerifyValueInvalid,
)
from walletdesk.verify.models import (
    BlockedValue,
    Brand,
    OfficialChannel,
    PhishingReport,
    ReportStatus,
    SupportCheckCode,
)

official_channels_list = selectors.official_channels_list

# Spellings of the kinds seen in hand-written registry files.
KIND_ALIASES = {
    "twitter": "x",
    "x.com": "x",
    "tg": "telegram",
    "url": "website",
    "site": "website",
    "web": "website",
    "domain": "website",
    "mail": "email",
    "e-mail": "email",
    "tel": "phone",
    "telephone": "phone",
    "hotline": "phone",
    "weixin": "wechat",
    "wx": "wechat",
}
DEMO_REGISTRY = Path(__file__).resolve().parent / "data" / "demo_registry.json"
MAX_VALUE_LENGTH = 2000
CHECK_CODE_TTL = dt.timedelta(minutes=30)
_CHECK_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: it is read aloud


# --- verdicts ---------------------------------------------------------------------------------
def value_verify(*, value: str) -> Verdict:
    """Judge one pasted value against every registered brand: official, lookalike or unknown."""
    if not isinstance(value, str) or not value.strip():
        raise VerifyValueInvalid()
    if len(value) > MAX_VALUE_LENGTH:
        raise VerifyValueInvalid(f"The value is longer than {MAX_VALUE_LENGTH} characters.")
    return value_judge(index=selectors.registry_index_get(), value=value)


def value_judge(*, index: RegistryIndex, value: str) -> Verdict:
    """The engine's verdict, unless the value holds a wallet secret: then the answer is about the
    secret and quotes nothing of it (people paste seed phrases into anything that says "check")."""
    verdict = index.judge(value)
    # A transaction hash looks like a private key to the shield; its own answer already says it may be one.
    if verdict.kind == "tx":
        return verdict
    from walletdesk.shield.services import secrets_find

    if not secrets_find(text=value):
        return verdict
    en, zh = reason_pair("secret")
    return Verdict("unknown", "secret", None, en, zh)


def verdict_share_value(*, verdict: Verdict) -> str | None:
    """What a link to this result may carry (/verify/?value=…), or None when no link may.

    A URL stays in browser history, proxies and server logs. Harmless there: what is public anyway —
    an official channel, an imitation of one, a bare host or a public account. Never an unknown
    address, number, mailbox or WeChat ID (the customer's own, perhaps), a hash, a secret or free text;
    a link's path and query (reset tokens) are dropped. Kept only if it gives the same answer again.
    """
    if verdict.kind in ("secret", "tx", "text") or not verdict.value:
        return None
    public = verdict.kind in ("website", "telegram", "x", "handle")
    if verdict.verdict == "unknown" and not public:
        return None
    candidate = {
        "telegram": f"https://t.me/{verdict.value}",
        "x": f"https://x.com/{verdict.value}",
        "handle": f"@{verdict.value}",
        "wechat": f"WeChat: {verdict.value}",
    }.get(verdict.kind, verdict.value)
    again = selectors.registry_index_get().judge(candidate)
    if (again.verdict, again.kind, again.matched) != (verdict.verdict, verdict.kind, verdict.matched):
        return None
    return candidate


def text_find_lookalikes(*, text: str) -> list[Verdict]:
    """URLs, handles, emails and phones in a message that are look-alikes or known phishing.

    Official and unknown values are left out: the agent's warning chip is only for imitations.
    """
    index = selectors.registry_index_get()
    found: list[Verdict] = []
    for candidate in values_in_text(text or ""):
        verdict = index.judge(candidate)
        if verdict.verdict == "lookalike":
            found.append(verdict)
    return found


def message_lookalike_warnings(*, text: str, locale: str = "zh-hans") -> list[dict[str, Any]]:
    """What the agent's ticket view shows for one customer message: a chip per look-alike and the
    one-click reply explaining it (in the customer's language)."""
    zh = locale.startswith("zh")
    return [
        {
            "value": v.value,
            "kind": v.kind,
            "matched": v.matched,
            "known_phishing": v.known_phishing,
            "chip": ("已确认钓鱼" if v.known_phishing else "仿冒")
            if zh
            else ("Known phishing" if v.known_phishing else "Look-alike"),
            "reason": v.reason_zh if zh else v.reason,
            "reply": lookalike_reply_text(verdict=v, locale=locale),
        }
        for v in text_find_lookalikes(text=text)
    ]


def official_contacts_footer(*, locale: str = "zh-hans", brand: str | None = None) -> str:
    """Plain-text footer for every email: where the official contacts are and how to check a link."""
    if locale.startswith("zh"):
        return (
            f"官方联系方式：{settings.SITE_URL}/contact/ · 验证链接或账号：{settings.SITE_URL}/verify/\n"
            "客服永远不会索要您的助记词、私钥或密码。"
        )
    return (
        f"Official contacts: {settings.SITE_URL}/contact/ · Verify a link or account: {settings.SITE_URL}/verify/\n"
        "Support never asks for your seed phrase, private key or password."
    )


def lookalike_reply_text(*, verdict: Verdict, locale: str = "zh-hans") -> str:
    """The one-click reply an agent sends when a customer's message contains a look-alike."""
    contacts = f"{settings.SITE_URL}/contact/"
    if locale.startswith("zh"):
        return (
            f"请注意：{verdict.reason_zh} 这不是我们的官方渠道，请不要在那里登录、转账或输入助记词。"
            f"客服永远不会索要您的助记词或私钥，也不会主动私信您。官方联系方式请见 {contacts} ，"
            f"也可以在 {settings.SITE_URL}/verify/ 举报该钓鱼地址。"
        )
    return (
        f"Please be careful: {verdict.reason} This is not one of our official channels: do not sign in, "
        f"send funds or type your seed phrase there. Support never asks for your seed phrase or private "
        f"key and never messages you first. Our official contacts are at {contacts} and you can report "
        f"it at {settings.SITE_URL}/verify/."
    )


# --- registry -----------------------------------------------------------------------------------
def registry_validate(*, data: Any) -> tuple[str, list[dict[str, Any]]]:
    """Check a registry document completely before anything is written (all or nothing)."""
    if not isinstance(data, dict):
        raise RegistryInvalid('The registry must be a JSON object with "brand" and "channels".')
    brand = data.get("brand")
    if not isinstance(brand, str) or not brand.strip() or len(brand.strip()) > 100:
        raise RegistryInvalid('"brand" must be a non-empty string of at most 100 characters.')
    channels = data.get("channels")
    if not isinstance(channels, list):
        raise RegistryInvalid('"channels" must be a list of {"kind", "value", "label"} objects.')
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for i, item in enumerate(channels):
        row = _channel_validate(item, where=f"channels[{i}]")
        key = (row["kind"], row["value"].lower())
        if key not in seen:
            seen.add(key)
            rows.append(row)
    return brand.strip(), rows


def _channel_validate(item: Any, *, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise RegistryInvalid(f'{where} must be an object with "kind", "value" and "label".')
    kind, value, label = item.get("kind"), item.get("value"), item.get("label", "")
    label_zh = item.get("label_zh", "")
    kind = KIND_ALIASES.get(kind.strip().lower(), kind.strip().lower()) if isinstance(kind, str) else kind
    if label is None:
        label = ""
    if label_zh is None:
        label_zh = ""
    if kind not in KINDS:
        raise RegistryInvalid(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}.")
    if not isinstance(value, str) or not value.strip() or len(value) > 300:
        raise RegistryInvalid(f'{where}: "value" must be a non-empty string of at most 300 characters.')
    if not isinstance(label, str) or len(label) > 200:
        raise RegistryInvalid(f'{where}: "label" must be a string of at most 200 characters.')
    if not isinstance(label_zh, str) or len(label_zh) > 200:
        raise RegistryInvalid(f'{where}: "label_zh" must be a string of at most 200 characters.')
    locale = item.get("locale", "")
    if not isinstance(locale, str) or len(locale) > 10:
        raise RegistryInvalid(f'{where}: "locale" must be a short language code such as "zh-hans" or "en".')
    active_since = _date_or_none(item.get("active_since"), where)
    problem = channel_value_problem(kind=kind, value=value.strip())
    if problem:
        raise RegistryInvalid(f"{where}: {problem}")
    return {
        "kind": kind,
        "value": value.strip(),
        "label": label.strip(),
        "label_zh": label_zh.strip(),
        "locale": locale.strip(),
        "active_since": active_since,
    }


def _date_or_none(raw: Any, where: str) -> dt.date | None:
    if raw in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(raw)[:10])
    except ValueError:
        raise RegistryInvalid(f'{where}: "active_since" must be a date such as 2024-01-31.') from None


def channel_value_problem(*, kind: str, value: str) -> str:
    """A sentence saying why value cannot be a channel of this kind, or "" when it can."""
    try:
        parsed = parse_value(value)
    except ParseError:
        return f"{value!r} is empty."
    if kind == "website" and parsed.kind != "website":
        return f"{value!r} is not a website address."
    if kind == "website" and "." not in parsed.host:
        return f"{value!r} has no domain name."
    if kind == "email" and parsed.kind != "email":
        return f"{value!r} is not an email address."
    if kind in ("telegram", "x") and parsed.kind not in ("telegram", "x", "handle", "wechat"):
        return f"{value!r} is not a {kind} account name (write it as @name or a t.me / x.com link)."
    if kind == "wechat" and not re.fullmatch(r"[\w\-]{2,64}", parsed.handle or ""):
        return f"{value!r} is not a WeChat ID."
    if kind == "phone":
        # Lenient on purpose: a number the metadata calls impossible (a fictional +1 555 line, a new
        # range) is still compared digit by digit; only something that is not a number is refused.
        if parsed.kind != "phone":
            return f"{value!r} is not a phone number (write it with + and the country code)."
    return ""


def registry_import(*, data: Any, actor: Any | None = None) -> tuple[Brand, int]:
    """Replace one brand's channels with those in data; other brands are left alone.

    Validation runs over the whole document first and the write is one transaction, so a malformed
    file changes nothing.
    """
    name, rows = registry_validate(data=data)
    with transaction.atomic():
        brand = Brand.objects.filter(name__iexact=name).first() or Brand.objects.create(name=name)
        before = list(brand.channels.values("kind", "value"))
        brand.channels.all().delete()
        OfficialChannel.objects.bulk_create([OfficialChannel(brand=brand, **row) for row in rows])
        brand.save(update_fields=["updated_at"])
        _audit(
            actor,
            "verify.registry_import",
            f"brand:{brand.name}",
            {"count": len(rows), "before": len(before), "channels": [(r["kind"], r["value"]) for r in rows]},
        )
        transaction.on_commit(selectors.registry_index_forget)
    selectors.registry_index_forget()
    return brand, len(rows)


def registry_import_file(*, path: str | Path, actor: Any | None = None) -> tuple[Brand, int]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise RegistryInvalid(f"Cannot read {path}: {exc.strerror or exc}.") from None
    except UnicodeDecodeError:
        raise RegistryInvalid(f"{path} is not UTF-8 text.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegistryInvalid(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    return registry_import(data=data, actor=actor)


def registry_load_demo() -> int:
    """Load the DemoWallet registry (called by `walletdesk demo load`); returns the channel count."""
    _brand, count = registry_import_file(path=DEMO_REGISTRY)
    return count


def channel_add(
    *,
    brand_name: str,
    kind: str,
    value: str,
    label: str = "",
    label_zh: str = "",
    locale: str = "",
    active_since: dt.date | None = None,
    actor: Any | None = None,
) -> OfficialChannel:
    """`actor` None is the operator's own command line; a person must be allowed to change the
    registry (registry_change_allowed)."""
    _registry_change_check(actor)
    row = _channel_validate(
        {
            "kind": kind,
            "value": value,
            "label": label,
            "label_zh": label_zh,
            "locale": locale,
            "active_since": active_since.isoformat() if active_since else None,
        },
        where="channel",
    )
    with transaction.atomic():
        brand = Brand.objects.filter(name__iexact=brand_name.strip()).first() or Brand.objects.create(
            name=brand_name.strip()
        )
        try:
            with transaction.atomic():
                channel = OfficialChannel.objects.create(brand=brand, **row)
        except IntegrityError:
            raise ChannelInvalid(f"{brand.name} already has the {kind} {value}.") from None
        _audit(actor, "verify.channel_add", f"brand:{brand.name}", {"kind": kind, "value": row["value"]})
    selectors.registry_index_forget()
    return channel


def channel_remove(*, channel: OfficialChannel, actor: Any | None = None) -> None:
    _registry_change_check(actor)
    with transaction.atomic():
        data = {"kind": channel.kind, "value": channel.value}
        brand = channel.brand
        channel.delete()
        brand.save(update_fields=["updated_at"])
        _audit(actor, "verify.channel_remove", f"brand:{brand.name}", data)
    selectors.registry_index_forget()


# --- reports and the blocklist -------------------------------------------------------------------
def report_create(
    *, value: str, note: str = "", customer_id: str | None = None, ip: str | None = None
) -> PhishingReport:
    verdict = value_verify(value=value)
    if verdict.verdict == "official":
        raise ReportOfficialValue()
    from walletdesk.shield.services import secrets_find, text_redact

    # Reports are stored and read by agents: a secret in the value is refused (nothing else in it is
    # worth keeping), one in the note is cut out like anywhere else.
    if verdict.kind == "secret" or secrets_find(text=value):
        raise ReportValueSecret()
    note = text_redact(text=note or "").text
    key = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest() if ip else ""
    return PhishingReport.objects.create(
        value=value.strip()[:500],
        kind=verdict.kind,
        canonical=(verdict.value or value.strip())[:500],
        note=(note or "").strip()[:2000],
        verdict_at_report=verdict.verdict,
        customer_id=str(customer_id or ""),
        reporter_key=key,
    )


def report_confirm(*, report: PhishingReport, by: Any) -> BlockedValue:
    """An agent confirms a report: the value joins the blocklist Verify shows as known phishing."""
    with transaction.atomic():
        report = PhishingReport.objects.select_for_update().get(pk=report.pk)
        if report.status != ReportStatus.PENDING:
            raise ReportAlreadyReviewed()
        if value_verify(value=report.value).verdict == "official":
            raise ReportOfficialValue()
        report.status, report.reviewed_by, report.reviewed_at = ReportStatus.CONFIRMED, by, timezone.now()
        report.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        kind = "website" if report.kind == "email" and "@" not in report.canonical else report.kind
        blocked, _ = BlockedValue.objects.get_or_create(
            kind=_block_kind(kind),
            canonical=report.canonical.lower(),
            defaults={"value": report.value, "report": report},
        )
        _audit(
            by, "verify.report_confirm", f"report:{report.pk}", {"value": report.value, "kind": report.kind}
        )
    selectors.registry_index_forget()
    return blocked


def report_reject(*, report: PhishingReport, by: Any) -> PhishingReport:
    with transaction.atomic():
        report = PhishingReport.objects.select_for_update().get(pk=report.pk)
        if report.status != ReportStatus.PENDING:
            raise ReportAlreadyReviewed()
        report.status, report.reviewed_by, report.reviewed_at = ReportStatus.REJECTED, by, timezone.now()
        report.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        _audit(by, "verify.report_reject", f"report:{report.pk}", {"value": report.value})
    return report


def _block_kind(kind: str) -> str:
    # A bare @handle was judged as Telegram or X; block it for both by storing it as a handle of each.
    return "telegram" if kind == "handle" else kind


# --- "is this person really support?" ------------------------------------------------------------
def support_check_code_create(*, customer_id: str, ticket_id: str | None = None) -> SupportCheckCode:
    """A fresh one-time code the agent on the customer's ticket can read back to prove who they are."""
    code = "".join(secrets.choice(_CHECK_ALPHABET) for _ in range(6))
    return SupportCheckCode.objects.create(
        code=code,
        customer_id=str(customer_id),
        ticket_id=str(ticket_id or ""),
        expires_at=timezone.now() + CHECK_CODE_TTL,
    )


def agent_id_check(*, agent_code: str) -> dict[str, Any]:
    """Is this agent ID one of our active agents? Only the ID counts; a display name proves nothing."""
    from django.contrib.auth import get_user_model

    code = re.sub(r"\s+", "", agent_code or "").upper()
    if not code or len(code) > 20:
        return {"active": False, "agent_code": code}
    user_model = get_user_model()
    if not hasattr(user_model, "agent_profile"):
        return {"active": False, "agent_code": code}
    user = (
        user_model.objects.filter(is_active=True, agent_profile__agent_code__iexact=code)
        .select_related("agent_profile")
        .first()
    )
    if user is None:
        return {"active": False, "agent_code": code}
    profile = user.agent_profile
    return {"active": True, "agent_code": profile.agent_code, "display_name": profile.display_name}


def anti_phishing_code_set(*, customer: Any, code: str) -> Any:
    """Store the customer's personal anti-phishing code (shown in every email we send them)."""
    code = (code or "").strip()
    if not re.fullmatch(r"[\w]{4,20}", code):
        raise AntiPhishingCodeInvalid()
    from walletdesk.accounts.services import customer_update

    customer = customer_update(customer=customer, anti_phishing_code=code)
    _audit(None, "verify.anti_phishing_code_set", f"customer:{customer.pk}", {})
    return customer


def registry_change_allowed(*, user: Any) -> bool:
    """Supervisors and admins only: the Verify page calls whatever is in the registry "official",
    so one phished or rogue agent account must not be able to list a look-alike domain there."""
    return supervisor_allowed(user)


def _registry_change_check(actor: Any | None) -> None:
    if actor is not None and not registry_change_allowed(user=actor):
        raise ChannelChangeForbidden()


def _audit(actor: Any | None, action: str, target: str, data: dict[str, Any]) -> None:
    from walletdesk.audit.services import audit_record

    audit_record(actor=actor, action=action, target=target, data=data)

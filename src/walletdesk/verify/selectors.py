"""Reads of the verify app: the registry for the contacts page, reports for review, the engine's index."""

from __future__ import annotations

import time

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from walletdesk.core.prepared import PreparedRows
from walletdesk.verify.engine.judge import ChannelSpec, RegistryIndex
from walletdesk.verify.models import (
    BlockedValue,
    OfficialChannel,
    PhishingReport,
    ReportStatus,
    SupportCheckCode,
)

# How long a process trusts its in-memory index before asking the database whether the registry
# changed. Several processes (web, worker, CLI) share one database, so a local flag is not enough.
INDEX_RECHECK_SECONDS = 2.0

_index_cache: dict = {"index": None, "signature": None, "checked": 0.0}


def official_channels_list(*, brand: str | None = None, locale: str | None = None) -> list[OfficialChannel]:
    """Channels for the contacts page and email footers, brand by brand, kind by kind."""
    qs = OfficialChannel.objects.select_related("brand")
    if brand:
        qs = qs.filter(brand__name__iexact=brand)
    channels = list(qs)
    if locale:
        lang = locale.split("-")[0].lower()
        channels = [c for c in channels if not c.locale or c.locale.lower().split("-")[0] == lang]
    return channels


# The channels a theft victim can reach at once and that can freeze an account (a website cannot).
URGENT_KINDS = ("phone", "telegram", "email")


def official_urgent_channels(*, lang: str | None = None) -> list[OfficialChannel]:
    """Phone, Telegram and email channels in every language (a hotline that serves Chinese still
    freezes an English speaker's account), by kind; with `lang`, that language's first."""
    prefix = (lang or "").split("-")[0].lower()

    def other_language(channel: OfficialChannel) -> bool:
        return bool(prefix and channel.locale) and not channel.locale.lower().startswith(prefix)

    channels = [c for c in official_channels_list() if c.kind in URGENT_KINDS]
    return sorted(channels, key=lambda c: (other_language(c), URGENT_KINDS.index(c.kind)))


def report_list_pending() -> QuerySet[PhishingReport]:
    return PhishingReport.objects.filter(status=ReportStatus.PENDING).select_related("reviewed_by")


def report_get(*, report_id: int) -> PhishingReport | None:
    return PhishingReport.objects.filter(pk=report_id).first()


def registry_index_get() -> RegistryIndex:
    """The engine's index, rebuilt only when the registry or the blocklist changed."""
    now = time.monotonic()
    cached = _index_cache["index"]
    if cached is not None and now - _index_cache["checked"] < INDEX_RECHECK_SECONDS:
        return cached
    signature = _registry_signature()
    _index_cache["checked"] = now
    if cached is not None and signature == _index_cache["signature"]:
        return cached
    index = registry_index_build()
    _index_cache.update(index=index, signature=signature)
    return index


def registry_index_forget() -> None:
    """Called after every write in this process so the next verdict sees it at once."""
    _index_cache.update(index=None, signature=None, checked=0.0)


def registry_index_build() -> RegistryIndex:
    channels = [
        ChannelSpec(brand=c.brand.name, kind=c.kind, value=c.value, label=c.label)
        for c in OfficialChannel.objects.select_related("brand").order_by("brand__name", "id")
    ]
    blocked = list(BlockedValue.objects.values_list("kind", "canonical"))
    return RegistryIndex(channels, blocked)


def _registry_signature() -> tuple:
    channels = OfficialChannel.objects.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    blocked = BlockedValue.objects.aggregate(n=Count("id"), top=Max("id"))
    return (channels["n"], channels["last"], channels["top"], blocked["n"], blocked["top"])


def support_check_codes_active(*, customer_id: str) -> QuerySet[SupportCheckCode]:
    return SupportCheckCode.objects.filter(customer_id=str(customer_id), expires_at__gt=timezone.now())


# Every console ticket page shows the customer's live codes: a query compiled once (core.prepared).
_CODES_OF_CUSTOMER = PreparedRows(
    lambda key: SupportCheckCode.objects.filter(customer_id=key).values_list("code", "expires_at"),
    text_keys=True,
)


def support_check_codes_shown(*, customer_id: str) -> list[dict[str, str]]:
    """The customer's unexpired codes, newest first, as {"code": …} rows for verify/_check_codes.html."""
    now = timezone.now()
    return [{"code": code} for code, expires in _CODES_OF_CUSTOMER.rows(str(customer_id)) if expires > now]

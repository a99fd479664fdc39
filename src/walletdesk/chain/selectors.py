"""Reads of the chain configuration."""

from __future__ import annotations

from django.db.models import QuerySet

from walletdesk.chain.errors import ChainUnknown
from walletdesk.chain.models import Chain, TxCheck


def chain_list() -> QuerySet[Chain]:
    return Chain.objects.prefetch_related("assets").order_by("position", "id")


def chain_get(*, chain_id: str) -> Chain:
    chain = chain_list().filter(pk=chain_id).first()
    if chain is None:
        known = ", ".join(Chain.objects.order_by("position", "id").values_list("id", flat=True)) or "none"
        raise ChainUnknown(
            f"The network {chain_id!r} is not configured (configured: {known}).", details={"chain": chain_id}
        )
    return chain


def tx_check_stats() -> dict[str, int]:
    """Self-service checks and how many of them opened no ticket (deflection)."""
    self_service = TxCheck.objects.filter(source__in=["portal", "widget"])
    total = self_service.count()
    with_ticket = self_service.exclude(ticket_ref="").count()
    return {"self_service": total, "deflected": total - with_ticket, "escalated": with_ticket}

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema

from walletdesk.accounts.auth import customer_auth
from walletdesk.wallet import services

router = Router()


class FreezeIn(Schema):
    ticket_id: str | None = None


class FreezeOut(Schema):
    state: str  # frozen | already_frozen | manual (support freezes it by hand; the ticket is urgent)
    account_status: str | None
    ticket_id: int
    ticket_reference: str
    message: str


@router.post("/customer/account/freeze", response=FreezeOut, auth=customer_auth)
def customer_account_freeze(request: HttpRequest, payload: FreezeIn | None = None) -> dict:
    """Freeze the signed-in customer's own wallet account (the token's uid; there is no uid parameter)."""
    from walletdesk.tickets import selectors as tickets

    customer = request.auth
    ticket = None
    if payload is not None and payload.ticket_id:
        ticket = tickets.ticket_get_for_customer(customer=customer, ticket_id=payload.ticket_id)
    locale = customer.locale or "zh-hans"
    result = services.account_freeze_by_customer(
        customer=customer, locale=locale, channel="api", ticket=ticket
    )
    with translation.override(locale):
        message = str(FREEZE_MESSAGES[result.state])
    return {
        "state": result.state,
        "account_status": result.account.status if result.account else None,
        "ticket_id": result.ticket.pk,
        "ticket_reference": result.ticket.reference,
        "message": message,
    }


FREEZE_MESSAGES = {
    "frozen": _("Your account is frozen."),
    "already_frozen": _("Your account is already frozen."),
    "manual": _(
        "We could not freeze your account automatically right now. Support has been alerted and is "
        "freezing it by hand; your ticket is marked urgent."
    ),
}

"""API: the network list, the customer's self-service check (widget), the agent's diagnosis."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from walletdesk.accounts.auth import agent_auth
from walletdesk.chain import product
from walletdesk.chain.errors import CUSTOMER_WORDED_ERRORS
from walletdesk.chain.selectors import chain_list
from walletdesk.chain.services import tx_diagnose
from walletdesk.core.ratelimit import rate_limit_public

router = Router()


class CheckIn(Schema):
    chain: str
    tx: str
    address: str | None = None
    asset: str | None = None
    locale: str = "en"
    via: str = "widget"


class DiagnosisOut(Schema):
    verdict: str
    chain: str
    found_on: str | None
    confirmations: int | None
    required: int
    asset: str | None
    amount: str | None
    to: str | None
    explanation: str


class CheckOut(DiagnosisOut):
    check_id: int
    should_be_credited: bool


@router.get("/chains", auth=None)
def chains_public(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": c.pk,
            "name": c.name,
            "kind": c.kind,
            "confirmations": c.confirmations,
            "assets": [a.symbol for a in c.assets.all()],
        }
        for c in chain_list()
    ]


@router.post("/chain/check", response=CheckOut, auth=None)
def tx_check_public(request: HttpRequest, payload: CheckIn) -> dict[str, Any]:
    """Customer self-service before a ticket (portal / widget); counted for deflection."""
    rate_limit_public(request, "tx-check", limit=20)
    source = "portal" if payload.via == "portal" else "widget"
    try:
        diagnosis, _, check = product.self_service_check(
            chain_id=payload.chain,
            tx_hash=payload.tx,
            address=payload.address,
            locale=payload.locale,
            source=source,
            customer=None,
        )
    except CUSTOMER_WORDED_ERRORS as exc:
        raise type(exc)(fields=exc.fields) from exc
    return {**diagnosis.as_dict(), "check_id": check.pk, "should_be_credited": diagnosis.should_be_credited}


@router.post("/chain/diagnose", response=DiagnosisOut, auth=agent_auth)
def tx_diagnose_agent(request: HttpRequest, payload: CheckIn) -> dict[str, Any]:
    return tx_diagnose(
        chain_id=payload.chain,
        tx_hash=payload.tx,
        address=payload.address,
        asset=payload.asset,
        locale=payload.locale,
    ).as_dict()

"""The same money asked twice on one ticket (a second submit, a second agent) is refused while the
first request is open or paid, and a duplicate can never be paid, even one made concurrently."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.test import Client
from django.utils import translation

from tests.compensation.conftest import ticket_open
from walletdesk.compensation import services
from walletdesk.compensation.errors import CompensationDuplicate, CompensationNotPending
from walletdesk.compensation.models import CompensationRequest, CompensationStatus
from walletdesk.wallet.models import DemoAction


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _ask(ticket, agent, amount="12.5", kind="fee_refund", asset="USDT"):
    return services.compensation_request(
        ticket=ticket, agent=agent, kind=kind, asset=asset, amount=amount, reason="Fee charged twice"
    )


@pytest.mark.django_db
def test_a_second_request_for_the_same_money_is_refused_naming_the_first(ticket, agent, supervisor):
    first = _ask(ticket, agent)

    for who, amount in ((agent, "12.5"), (supervisor, "12.50")):
        with pytest.raises(CompensationDuplicate) as refused:
            _ask(ticket, who, amount=amount)
        assert f"Request #{first.pk} already asks for 12.5 USDT (Fee refund)" in refused.value.message
        assert "waiting for approval" in refused.value.message
        assert refused.value.fields["amount"] == refused.value.message
        assert refused.value.details["existing_id"] == first.pk
    assert CompensationRequest.objects.count() == 1


@pytest.mark.django_db
def test_a_different_amount_kind_asset_or_ticket_is_not_a_duplicate(ticket, holder, agent, supervisor):
    _ask(ticket, agent)

    _ask(ticket, supervisor, amount="7.5")
    _ask(ticket, agent, kind="goodwill")
    _ask(ticket, agent, asset="ETH", amount="0.5")
    _ask(ticket_open(holder, body="another wrong fee"), agent)

    assert CompensationRequest.objects.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "refused"),
    [
        (CompensationStatus.CREDITING, True),
        (CompensationStatus.CREDITED, True),
        (CompensationStatus.FAILED, True),
        (CompensationStatus.REJECTED, False),
        (CompensationStatus.CANCELLED, False),
    ],
)
def test_the_same_money_may_be_asked_again_only_once_the_first_is_rejected_or_cancelled(
    ticket, agent, status, refused
):
    first = _ask(ticket, agent)
    CompensationRequest.objects.filter(pk=first.pk).update(status=status)

    if refused:
        with pytest.raises(CompensationDuplicate):
            _ask(ticket, agent)
    else:
        assert _ask(ticket, agent).pk != first.pk


@pytest.mark.django_db
def test_the_database_refuses_a_second_open_request_for_the_same_money(ticket, agent):
    first = _ask(ticket, agent)
    twin = {f: getattr(first, f) for f in ("ticket", "kind", "asset", "amount", "reason", "wallet_uid")}

    with pytest.raises(IntegrityError), transaction.atomic():
        CompensationRequest.objects.create(**twin, requested_by=agent)
    CompensationRequest.objects.filter(pk=first.pk).update(status=CompensationStatus.FAILED)
    with pytest.raises(IntegrityError), transaction.atomic():
        CompensationRequest.objects.create(**twin, requested_by=agent)


def test_a_twin_of_a_paid_request_cannot_be_approved(wallet, ticket, agent, finance):
    """Rows from before the rule: the same refund asked twice, one already paid."""
    paid = _ask(ticket, agent)
    services.compensation_approve(compensation=paid, by=finance)
    twin = CompensationRequest.objects.create(
        ticket=ticket,
        kind=paid.kind,
        asset=paid.asset,
        amount=paid.amount,
        reason="again",
        wallet_uid=paid.wallet_uid,
        requested_by=agent,
    )

    with pytest.raises(CompensationDuplicate, match=f"Request #{paid.pk} already asks"):
        services.compensation_approve(compensation=twin, by=finance)

    twin.refresh_from_db()
    assert twin.status == CompensationStatus.REQUESTED and twin.attempts == 0
    assert DemoAction.objects.filter(action="credit").count() == 1
    services.compensation_reject(compensation=twin, by=finance, note="duplicate")
    with pytest.raises(CompensationNotPending):
        services.compensation_approve(compensation=twin, by=finance)


@pytest.mark.django_db
def test_the_queue_shows_what_else_the_ticket_was_asked_or_paid(ticket, agent, supervisor, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    paid = _ask(ticket, agent)
    CompensationRequest.objects.filter(pk=paid.pk).update(status=CompensationStatus.CREDITED)
    further = _ask(ticket, agent, amount="3")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(supervisor)

    html = client.get("/console/compensation/").content.decode()

    row = html.split(f'data-request-id="{further.pk}"')[1].split("</tr>")[0]
    assert f"Also on this ticket: #{paid.pk} 12.5 USDT (approved and credited)" in row


@pytest.mark.django_db
def test_the_panel_shows_the_duplicate_as_a_form_error_in_chinese(ticket, agent, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    first = _ask(ticket, agent)
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(agent)
    form = {"kind": "fee_refund", "asset": "USDT", "amount": "12.5", "reason": "again"}

    page = client.post(f"/console/compensation/tickets/{ticket.pk}/request/", form, HTTP_HX_REQUEST="true")

    assert page.status_code == 200
    assert f"申请 #{first.pk} 已就此工单申请 12.5 USDT" in page.content.decode()
    assert CompensationRequest.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_agents_asking_at_the_same_moment_make_one_request(holder, agent, supervisor):
    for round_ in range(5):
        ticket = ticket_open(holder, body=f"wrong fee {round_}")
        start = threading.Barrier(2)
        outcomes: list[str] = []

        amount = str(Decimal("12.5") + round_)

        def ask(who, ticket=ticket, start=start, outcomes=outcomes, amount=amount):
            try:
                start.wait(5)
                _ask(ticket, who, amount=amount)
                outcomes.append("made")
            except CompensationDuplicate:
                outcomes.append("duplicate")
            finally:
                connections.close_all()

        threads = [threading.Thread(target=ask, args=(who,)) for who in (agent, supervisor)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)

        assert sorted(outcomes) == ["duplicate", "made"]
        assert CompensationRequest.objects.filter(ticket=ticket).count() == 1

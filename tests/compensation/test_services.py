"""Compensation services: the two-person rule, caps, idempotent credits through the real connector
(the demo backend over HTTP), a backend that is down, the customer's message, the audit log."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from tests.compensation.conftest import ticket_open
from walletdesk.audit.models import AuditEntry
from walletdesk.chain.devnet.anvil import free_port
from walletdesk.compensation import services
from walletdesk.compensation.errors import (
    ApprovalNotAllowed,
    ApprovalSelfApprove,
    CompensationCreditFailed,
    CompensationInvalid,
    CompensationNotPending,
    CustomerWithoutWallet,
)
from walletdesk.compensation.models import CompensationRequest, CompensationStatus
from walletdesk.compensation.selectors import loss_assess, withdrawals_since
from walletdesk.core.errors import PermissionDenied
from walletdesk.tickets.models import AuthorKind, Message
from walletdesk.wallet import services as wallet_services
from walletdesk.wallet.errors import WalletUnavailable
from walletdesk.wallet.models import DemoAction, DemoBalance
from walletdesk.wallet.services import DEMO_UID


@pytest.fixture(autouse=True)
def _english():
    """Timeline notes are written in the acting agent's language: English here."""
    with translation.override("en"):
        yield


def _ask(ticket, agent, amount="12.5", asset="USDT", kind="fee_refund", reason="Fee charged twice"):
    return services.compensation_request(
        ticket=ticket, agent=agent, kind=kind, asset=asset, amount=amount, reason=reason
    )


def _usdt() -> Decimal:
    return Decimal(DemoBalance.objects.get(account__uid=DEMO_UID, asset="USDT").available)


def _credits() -> int:
    return DemoAction.objects.filter(action="credit").count()


# --- asking ------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_request_is_stored_audited_and_noted_on_the_timeline(ticket, agent):
    made = _ask(ticket, agent, amount="12.50")

    assert (made.status, made.amount, made.wallet_uid) == ("requested", "12.5", DEMO_UID)
    entry = AuditEntry.objects.get(action="compensation.request")
    assert entry.target == f"compensation:{made.pk}" and entry.data["amount"] == "12.5"
    note = Message.objects.get(ticket=ticket, is_internal=True)
    assert "second person" in note.body and "Fee charged twice" in note.body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "asset", "field"),
    [
        ("0", "USDT", "amount"),
        ("-3", "USDT", "amount"),
        ("abc", "USDT", "amount"),
        ("NaN", "USDT", "amount"),
        ("Infinity", "USDT", "amount"),
        ("1e400", "USDT", "amount"),
        ("", "USDT", "amount"),
        ("5000.01", "USDT", "amount"),  # over the cap
        ("0.1000000000000000001", "ETH", "amount"),  # 19 decimals
        ("2.5", "ETH", "amount"),
        ("1", "DOGE", "asset"),  # no cap configured: never credited
        ("1", "<b>", "asset"),
    ],
)
def test_bad_amounts_and_assets_are_form_errors(ticket, agent, amount, asset, field):
    with pytest.raises(CompensationInvalid) as caught:
        _ask(ticket, agent, amount=amount, asset=asset)
    assert field in caught.value.fields and caught.value.status == 400
    assert not CompensationRequest.objects.exists()


@pytest.mark.django_db
def test_the_cap_is_inclusive_and_read_from_settings(ticket, agent, settings):
    assert _ask(ticket, agent, amount="5000").amount == "5000"
    assert _ask(ticket, agent, amount="0.1", asset="btc").asset == "BTC"
    settings.WALLETDESK_COMPENSATION_LIMITS = {"USDT": Decimal("10")}
    with pytest.raises(CompensationInvalid, match="At most 10 USDT"):
        _ask(ticket, agent, amount="10.01")


@pytest.mark.django_db
def test_reason_and_kind_are_required_and_a_customer_without_wallet_cannot_be_credited(
    ticket, agent, customer
):
    with pytest.raises(CompensationInvalid):
        _ask(ticket, agent, reason="  ")
    with pytest.raises(CompensationInvalid):
        _ask(ticket, agent, reason="x" * 501)
    with pytest.raises(CompensationInvalid):
        _ask(ticket, agent, kind="bonus")
    customer.wallet_uid = None
    customer.save()
    with pytest.raises(CustomerWithoutWallet):
        _ask(ticket_open(customer), agent)


@pytest.mark.django_db
def test_someone_who_is_not_an_agent_cannot_ask(ticket, outsider):
    with pytest.raises(PermissionDenied):
        _ask(ticket, outsider)


# --- the two-person rule -------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_requester_cannot_approve_or_reject_even_as_supervisor(ticket, supervisor, finance):
    made = _ask(ticket, supervisor)
    with pytest.raises(ApprovalSelfApprove):
        services.compensation_approve(compensation=made, by=supervisor)
    with pytest.raises(ApprovalSelfApprove):
        services.compensation_reject(compensation=made, by=supervisor, note="no")
    made.refresh_from_db()
    assert made.status == "requested" and made.attempts == 0


@pytest.mark.django_db
def test_an_agent_or_an_editor_cannot_decide(ticket, agent, supervisor, team):
    from walletdesk.accounts.services import agent_create

    editor = agent_create(username="ed", password="editor-pass-123", role="editor", teams=[team]).user
    made = _ask(ticket, supervisor)
    for person in (agent, editor):
        with pytest.raises(ApprovalNotAllowed):
            services.compensation_approve(compensation=made, by=person)
        with pytest.raises(ApprovalNotAllowed):
            services.compensation_reject(compensation=made, by=person, note="no")


@pytest.mark.django_db
def test_an_inactive_supervisor_cannot_decide(ticket, agent, supervisor):
    made = _ask(ticket, agent)
    supervisor.is_active = False
    supervisor.save()
    with pytest.raises(ApprovalNotAllowed):
        services.compensation_approve(compensation=made, by=supervisor)


@pytest.mark.django_db
def test_reject_needs_a_note_and_ends_the_request(ticket, agent, finance):
    made = _ask(ticket, agent)
    with pytest.raises(CompensationInvalid):
        services.compensation_reject(compensation=made, by=finance, note="")

    services.compensation_reject(compensation=made, by=finance, note="Fee was correct")

    assert (made.status, made.decided_by, made.decision_note) == ("rejected", finance, "Fee was correct")
    with pytest.raises(CompensationNotPending):
        services.compensation_approve(compensation=made, by=finance)
    assert AuditEntry.objects.filter(action="compensation.reject", actor=finance).count() == 1


@pytest.mark.django_db
def test_cancel_by_the_requester_not_by_another_agent(ticket, agent, team):
    from walletdesk.accounts.services import agent_create

    other = agent_create(username="agent2", password="agent-pass-456", teams=[team]).user
    made = _ask(ticket, agent)
    with pytest.raises(PermissionDenied):
        services.compensation_cancel(compensation=made, by=other)
    services.compensation_cancel(compensation=made, by=agent)
    assert made.status == "cancelled"
    with pytest.raises(CompensationNotPending):
        services.compensation_cancel(compensation=made, by=agent)


# --- approving: the real connector against the demo backend ---------------------------------------
def test_approval_credits_once_tells_the_customer_and_audits_every_step(wallet, ticket, agent, finance):
    before = _usdt()
    made = _ask(ticket, agent)

    services.compensation_approve(compensation=made, by=finance, note="ok")

    assert made.status == CompensationStatus.CREDITED and made.credited_at is not None
    assert _usdt() == before + Decimal("12.5")
    action = DemoAction.objects.get(action="credit")
    assert (action.idempotency_key, action.by, action.amount) == (f"comp-{made.pk}", "agent:finance1", "12.5")
    told = Message.objects.get(ticket=ticket, author_kind=AuthorKind.SYSTEM, is_internal=False)
    assert told.body == "A refund of 12.5 USDT has been credited to your account."
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["compensation.request", "compensation.approve", "compensation.credited"]
    notes = Message.objects.filter(ticket=ticket, is_internal=True).values_list("body", flat=True)
    assert any("approved and credited" in n for n in notes)

    # Approving again is refused and pays nothing.
    with pytest.raises(CompensationNotPending):
        services.compensation_approve(compensation=made, by=finance)
    assert _credits() == 1 and _usdt() == before + Decimal("12.5")


def test_the_customer_reads_the_message_in_the_tickets_language(wallet, holder, agent, supervisor):
    ticket = ticket_open(holder, body="到账太慢了", locale="zh-hans")
    made = _ask(ticket, agent, amount="3", kind="goodwill", reason="slow arrival")

    services.compensation_approve(compensation=made, by=supervisor)

    told = Message.objects.get(ticket=ticket, author_kind=AuthorKind.SYSTEM, is_internal=False)
    assert told.body == "一笔 3 USDT 的补偿已存入您的账户。"


def test_backend_down_leaves_the_request_failed_and_approvable_again(
    wallet, ticket, agent, finance, settings
):
    before = _usdt()
    made = _ask(ticket, agent)
    live = settings.WALLETDESK_WALLET_URL
    settings.WALLETDESK_WALLET_URL = f"http://127.0.0.1:{free_port()}/api"

    with pytest.raises(CompensationCreditFailed, match="cannot be reached"):
        services.compensation_approve(compensation=made, by=finance)

    made.refresh_from_db()
    assert made.status == "failed" and "cannot be reached" in made.last_error and made.attempts == 1
    assert _usdt() == before
    assert not Message.objects.filter(ticket=ticket, author_kind=AuthorKind.SYSTEM).exists()
    assert AuditEntry.objects.filter(action="compensation.credit_failed").count() == 1

    settings.WALLETDESK_WALLET_URL = live
    services.compensation_approve(compensation=made, by=finance)

    assert (made.status, made.last_error, made.attempts) == ("credited", "", 2)
    assert _usdt() == before + Decimal("12.5") and _credits() == 1


def test_a_credit_whose_answer_was_lost_is_not_paid_twice_on_retry(
    wallet, ticket, agent, finance, monkeypatch
):
    """The backend credited but the answer never arrived (timeout): the request is failed, and the
    retry sends the same key, which the backend answers without crediting again."""
    before = _usdt()
    made = _ask(ticket, agent)
    real = wallet_services.account_credit

    def credit_then_lose_the_answer(**kwargs):
        real(**kwargs)
        raise WalletUnavailable("The wallet backend answered HTTP 504: timeout")

    monkeypatch.setattr(wallet_services, "account_credit", credit_then_lose_the_answer)
    with pytest.raises(CompensationCreditFailed):
        services.compensation_approve(compensation=made, by=finance)
    monkeypatch.setattr(wallet_services, "account_credit", real)

    services.compensation_approve(compensation=made, by=finance)

    assert made.status == "credited" and made.attempts == 2
    assert _credits() == 1 and _usdt() == before + Decimal("12.5")


def test_a_request_stuck_crediting_is_claimed_again_only_once_stale(wallet, ticket, agent, finance):
    made = _ask(ticket, agent)
    CompensationRequest.objects.filter(pk=made.pk).update(status=CompensationStatus.CREDITING)
    with pytest.raises(CompensationNotPending):
        services.compensation_approve(compensation=made, by=finance)
    CompensationRequest.objects.filter(pk=made.pk).update(updated_at=timezone.now() - timedelta(minutes=6))

    services.compensation_approve(compensation=made, by=finance)

    assert made.status == "credited" and _credits() == 1


# --- loss assessment ------------------------------------------------------------------------------
def test_loss_assessment_sums_the_disowned_withdrawals_per_asset(wallet, holder, agent, finance):
    ticket = ticket_open(holder, body="my account was stolen")
    since = timezone.now() - timedelta(hours=72)
    listed = withdrawals_since(ticket=ticket, since=since)
    # Demo: ETH 0.8 pending review (6 h), USDT 200 on hold (26 h); USDT 100 broadcast is 5 days old.
    assert sorted((t.asset, t.amount, t.status) for t in listed) == [
        ("ETH", Decimal("0.8"), "pending_review"),
        ("USDT", Decimal("200"), "security_hold"),
    ]
    older = timezone.now() - timedelta(days=6)
    every = withdrawals_since(ticket=ticket, since=older)
    sent = [t for t in every if t.status == "broadcast"]
    assert len(every) == 3 and len(sent) == 1

    assessed = loss_assess(ticket=ticket, since=older, transfer_ids=[sent[0].id, sent[0].id])
    assert assessed.totals == {"USDT": Decimal("100")} and assessed.ids_of("USDT") == [sent[0].id]

    # Not sent yet (held) or not listed in the period: refused, never summed.
    held = [t for t in every if t.status == "security_hold"][0]
    with pytest.raises(CompensationInvalid, match="not left"):
        loss_assess(ticket=ticket, since=older, transfer_ids=[held.id])
    with pytest.raises(CompensationInvalid, match="not withdrawals"):
        loss_assess(ticket=ticket, since=since, transfer_ids=[sent[0].id])
    with pytest.raises(CompensationInvalid):
        loss_assess(ticket=ticket, since=older, transfer_ids=["999999"])

    # The remedy stores the assessment, is capped by it, and is credited after approval.
    with pytest.raises(CompensationInvalid, match="assessed loss"):
        services.theft_remedy_request(
            ticket=ticket, agent=agent, asset="USDT", amount="100.01", reason="stolen",
            since=older, transfer_ids=[sent[0].id],
        )  # fmt: skip
    with pytest.raises(CompensationInvalid):
        services.theft_remedy_request(
            ticket=ticket, agent=agent, asset="ETH", amount="1", reason="stolen",
            since=older, transfer_ids=[sent[0].id],
        )  # fmt: skip
    made = services.theft_remedy_request(
        ticket=ticket, agent=agent, asset="USDT", amount="100", reason="stolen",
        since=older, transfer_ids=[sent[0].id],
    )  # fmt: skip
    assert made.kind == "theft_remedy" and made.assessment["transfer_ids"] == [sent[0].id]
    assert made.assessment["total"] == "100" and made.assessment["transfers"][0]["status"] == "broadcast"
    services.compensation_approve(compensation=made, by=finance)
    told = Message.objects.get(ticket=ticket, author_kind=AuthorKind.SYSTEM, is_internal=False)
    assert told.body == "100 USDT has been credited to your account to make good your loss."


def test_amount_text_keeps_every_digit():
    assert services.amount_text(Decimal("12.50")) == "12.5"
    assert services.amount_text(Decimal("100")) == "100"
    assert services.amount_text(Decimal("1E+2")) == "100"
    assert (
        services.amount_text(Decimal("123456789012.123456789012345678")) == "123456789012.123456789012345678"
    )

import pytest

from walletdesk.tickets import adapters, outbox
from walletdesk.tickets.errors import DeliveryError, MessageEmpty, TicketClosed
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel, Delivery, Message, Status, Ticket
from walletdesk.tickets.services import ticket_status_set

pytestmark = pytest.mark.django_db


def test_receive_opens_ticket_with_category_defaults(customer, category):
    received = receive(
        InboundMessage(
            channel=Channel.WEB,
            body="My deposit has not arrived",
            customer=customer,
            category=category,
            new_ticket=True,
            intake={"txid": "0xabc"},
        )
    )
    ticket = received.ticket
    assert received.ticket_created
    assert ticket.reference == f"WD-{10000 + ticket.pk}"
    assert ticket.category == category and ticket.team == category.default_team
    assert ticket.status == Status.NEW and ticket.first_response_due_at is not None
    assert ticket.messages.get().body_html.startswith("<p>")


def test_same_external_id_twice_gives_one_message(customer):
    first = receive(
        InboundMessage(channel=Channel.EMAIL, body="hello", email="x@example.com", external_id="<m1@x>")
    )
    second = receive(
        InboundMessage(channel=Channel.EMAIL, body="hello", email="x@example.com", external_id="<m1@x>")
    )
    assert second.duplicate and second.message.pk == first.message.pk
    assert Message.objects.filter(channel=Channel.EMAIL, external_id="<m1@x>").count() == 1


def test_chat_messages_thread_into_the_open_conversation(customer):
    a = receive(InboundMessage(channel=Channel.WIDGET, body="hi", customer=customer))
    b = receive(InboundMessage(channel=Channel.WIDGET, body="anyone?", customer=customer))
    assert a.ticket.pk == b.ticket.pk and b.ticket_created is False


def test_reply_to_solved_ticket_reopens_it(customer, agent):
    received = receive(InboundMessage(channel=Channel.WIDGET, body="hi", customer=customer))
    ticket_status_set(ticket=received.ticket, status=Status.SOLVED, by=agent)
    again = receive(
        InboundMessage(channel=Channel.WIDGET, body="still broken", customer=customer, ticket=received.ticket)
    )
    assert again.ticket.status == Status.OPEN


def test_reply_to_closed_ticket_is_refused(customer, agent):
    received = receive(InboundMessage(channel=Channel.WEB, body="hi", customer=customer, new_ticket=True))
    ticket_status_set(ticket=received.ticket, status=Status.CLOSED, by=agent)
    with pytest.raises(TicketClosed):
        receive(InboundMessage(channel=Channel.WEB, body="again", customer=customer, ticket=received.ticket))


def test_empty_message_is_refused(customer):
    with pytest.raises(MessageEmpty):
        receive(InboundMessage(channel=Channel.WEB, body="   ", customer=customer))
    assert not Ticket.objects.exists()


def test_agent_reply_is_delivered_and_records_first_response(
    customer, agent, django_capture_on_commit_callbacks
):
    ticket = receive(
        InboundMessage(channel=Channel.WEB, body="help", customer=customer, new_ticket=True)
    ).ticket
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.send(ticket=ticket, author=agent, body="We are **on it**")
    message.refresh_from_db()
    ticket.refresh_from_db()
    assert message.delivery_status == Delivery.SENT and message.delivery_attempts == 1
    assert "<strong>on it</strong>" in message.body_html
    assert ticket.first_response_at is not None and ticket.status == Status.WAITING


class FlakyAdapter:
    def __init__(self, failures, retry_after=None):
        self.failures = failures
        self.retry_after = retry_after
        self.calls = 0

    def deliver(self, message):
        self.calls += 1
        if self.calls <= self.failures:
            raise DeliveryError("SMTP server said 421 try later", retry_after=self.retry_after)
        return f"ok-{message.pk}"


@pytest.fixture
def flaky(monkeypatch):
    """A FlakyAdapter in Telegram's place for one test (the registry is process-wide)."""

    def register(failures, retry_after=None):
        adapter = FlakyAdapter(failures, retry_after)
        monkeypatch.setitem(adapters._adapters, Channel.TELEGRAM, adapter)
        return adapter

    return register


def test_outbox_retries_after_a_failing_adapter(customer, agent, flaky, django_capture_on_commit_callbacks):
    adapter = flaky(failures=1)
    ticket = receive(InboundMessage(channel=Channel.TELEGRAM, body="hi", telegram_id="42")).ticket
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.send(ticket=ticket, author=agent, body="hello")
    message.refresh_from_db()
    # The first attempt failed: still pending, error shown, a retry scheduled with backoff.
    assert message.delivery_status == Delivery.PENDING
    assert message.delivery_attempts == 1 and "421" in message.delivery_error
    assert message.next_attempt_at is not None
    outbox.deliver(message=message)
    message.refresh_from_db()
    assert message.delivery_status == Delivery.SENT and message.delivery_attempts == 2
    # Delivering again is a no-op: at-least-once queues, exactly-once state.
    outbox.deliver(message=message)
    assert adapter.calls == 2


def test_a_wait_the_channel_asks_for_beats_a_shorter_backoff(customer, agent, flaky):
    from django.utils import timezone

    flaky(failures=1, retry_after=1800)  # Telegram's flood control: come back in 30 minutes
    ticket = receive(InboundMessage(channel=Channel.TELEGRAM, body="hi", telegram_id="44")).ticket
    message = outbox.send(ticket=ticket, author=agent, body="hello")
    outbox.deliver(message=message)
    message.refresh_from_db()
    assert message.delivery_status == Delivery.PENDING
    assert 1790 < (message.next_attempt_at - timezone.now()).total_seconds() <= 1800


def test_worker_dying_mid_delivery_is_swept_up(customer, agent, flaky, settings):
    from datetime import timedelta

    from django.utils import timezone

    flaky(failures=0)
    ticket = receive(InboundMessage(channel=Channel.TELEGRAM, body="hi", telegram_id="43")).ticket
    message = Message.objects.create(
        ticket=ticket,
        author_kind="agent",
        author_user=agent,
        body="lost",
        body_html="<p>lost</p>",
        channel=Channel.TELEGRAM,
        delivery_status=Delivery.PENDING,
    )
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    assert outbox.stale_deliveries_requeue() == 1
    message.refresh_from_db()
    assert message.delivery_status == Delivery.SENT


def test_internal_note_is_never_delivered(customer, agent):
    ticket = receive(
        InboundMessage(channel=Channel.WEB, body="help", customer=customer, new_ticket=True)
    ).ticket
    note = outbox.send(ticket=ticket, author=agent, body="check the ledger", internal=True)
    assert note.delivery_status == Delivery.NONE and note.is_internal


def test_a_tx_hash_in_the_txid_field_is_kept_but_a_key_in_the_body_is_not(customer, category):
    tx = "7c3f0e5b9a6d4c2e8f1a0b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e"
    key = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    received = receive(
        InboundMessage(
            channel=Channel.WEB,
            customer=customer,
            category=category,
            new_ticket=True,
            body=f"my private key is {key}",
            intake={"txid": tx},
        )
    )
    assert received.ticket.intake["txid"] == tx
    assert key not in received.message.body and received.ticket.secret_leaks == 1


def test_triage_sets_category_priority_and_entities_when_the_customer_did_not_choose(customer, db):
    from walletdesk.demo.services import demo_core_load

    demo_core_load()
    text = (
        "My account was hacked last night and someone withdrew 1,200 USDT to "
        "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE on TRC20, I never did that!"
    )
    received = receive(InboundMessage(channel=Channel.WIDGET, body=text, customer=customer, locale="en"))
    ticket = received.ticket
    assert ticket.category.slug == "account_theft" and ticket.category_source == "triage"
    assert ticket.priority == "urgent" and ticket.team.slug == "security"
    entities = received.message.entities
    assert entities["addresses"] == ["TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"]
    assert {"value": "1200", "asset": "USDT"} in entities["amounts"] and "TRC20" in entities["networks"]


def test_a_customers_own_category_choice_wins_over_triage(customer, category):
    received = receive(
        InboundMessage(
            channel=Channel.WEB,
            body="I cannot log in, password wrong",
            customer=customer,
            category=category,
            new_ticket=True,
        )
    )
    assert received.ticket.category == category and received.ticket.category_source == "customer"


def test_a_complaint_raises_priority(customer, db):
    from walletdesk.demo.services import demo_core_load

    demo_core_load()
    received = receive(
        InboundMessage(
            channel=Channel.WIDGET,
            customer=customer,
            locale="zh-hans",
            body="你们客服太慢了，等了三天都没人回复，我要投诉，必须给我一个解释并赔偿！",
        )
    )
    assert received.ticket.complaint and received.ticket.priority in ("high", "urgent")


def test_a_pasted_seed_phrase_is_redacted_and_the_customer_warned(
    customer, django_capture_on_commit_callbacks
):
    from mnemonic import Mnemonic

    phrase = Mnemonic("english").to_mnemonic(bytes(16))
    with django_capture_on_commit_callbacks(execute=True):
        received = receive(
            InboundMessage(
                channel=Channel.WIDGET,
                customer=customer,
                locale="en",
                body=f"the support guy on telegram asked for this: {phrase}",
            )
        )
    message = received.message
    assert "abandon" not in message.body and "the support guy on telegram asked" in message.body
    assert message.shield_findings[0]["kind"] == "mnemonic"
    warning = Message.objects.get(ticket=received.ticket, author_kind="system")
    assert "never" in warning.body.lower() and warning.delivery_status == Delivery.SENT
    # The portal, the widget and transcripts show body_html: the theft-report link is clickable there.
    assert '/support/new/?category=account_theft" rel="noopener noreferrer nofollow">' in warning.body_html


def test_automation_is_queued_only_when_it_has_work(
    customer, monkeypatch, django_capture_on_commit_callbacks
):
    from walletdesk.tickets import tasks

    queued = []
    monkeypatch.setattr(tasks, "message_automate", lambda *args: queued.append(args))

    def arrive(body, **kw):
        with django_capture_on_commit_callbacks(execute=True):
            received = receive(
                InboundMessage(channel=Channel.WEB, customer=customer, new_ticket=True, body=body, **kw)
            )
        return received

    arrive("How do I change my phone number?")
    assert queued == []
    tx = "0x" + "ab" * 32
    deposit = arrive(f"my USDT deposit has not arrived, tx {tx}")
    assert deposit.message.entities.get("tx_hashes") and queued == [(deposit.message.pk, 0)]


def test_automation_conditions(customer, category):
    from walletdesk.tickets.automation import automation_wanted
    from walletdesk.tickets.models import Category, Priority

    received = receive(InboundMessage(channel=Channel.WEB, body="hi", customer=customer, new_ticket=True))
    ticket, message = received.ticket, received.message
    assert not automation_wanted(ticket=ticket, message=message, secrets_found=0)
    assert automation_wanted(ticket=ticket, message=message, secrets_found=1)
    message.entities = {"tx_hashes": ["0x" + "cd" * 32]}
    ticket.category = category  # deposit: the hash is looked up
    assert automation_wanted(ticket=ticket, message=message, secrets_found=0)
    ticket.category = Category.objects.create(slug="trading", name_zh="交易", name_en="Trading")
    assert not automation_wanted(ticket=ticket, message=message, secrets_found=0)
    message.entities = {}
    ticket.category = Category.objects.create(slug="account_theft", name_zh="盗号", name_en="Theft")
    ticket.priority = Priority.URGENT
    assert automation_wanted(ticket=ticket, message=message, secrets_found=0)


def test_live_events_of_a_new_ticket_and_of_a_reply(customer, agent, monkeypatch):
    from walletdesk.tickets import events

    sent = []
    monkeypatch.setattr(events, "publish", lambda group, event: sent.append((group, event["type"])))
    received = receive(InboundMessage(channel=Channel.WEB, body="hi", customer=customer, new_ticket=True))
    t, c = received.ticket.pk, customer.pk
    # Nobody can be watching a ticket that did not exist: the inbox and the customer hear of it.
    assert sorted(sent) == sorted(
        [
            ("inbox.all", "ticket.changed"),
            (f"customer.{c}", "ticket.changed"),
            (f"customer.{c}", "message.added"),
        ]
    )
    sent.clear()
    receive(InboundMessage(channel=Channel.WEB, body="more", customer=customer, ticket=received.ticket))
    assert (f"ticket.{t}", "message.added") in sent and (f"ticket.{t}", "ticket.changed") in sent


def test_automatic_status_changes_are_on_the_timeline(customer, agent):
    from walletdesk.tickets.models import EventKind

    ticket = receive(
        InboundMessage(channel="web", body="提现没到账", customer=customer, new_ticket=True)
    ).ticket
    reply = outbox.send(ticket=ticket, author=agent, body="我们正在查看")
    outbox.send(ticket=ticket, author=agent, body="内部备注", internal=True)
    receive(InboundMessage(channel="web", body="还是没到", customer=customer, ticket=ticket))

    changes = [(e.data["old"], e.data["new"], e.actor) for e in ticket.events.filter(kind=EventKind.STATUS)]
    assert changes == [(Status.NEW, Status.WAITING, agent), (Status.WAITING, Status.OPEN, None)]
    assert ticket.events.get(kind=EventKind.STATUS, actor=agent).data["message_id"] == reply.pk

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests.conftest import jwt_for
from walletdesk.accounts.errors import IdentityTokenExpired, IdentityTokenInvalid
from walletdesk.chat import selectors, services
from walletdesk.chat.availability import business_hours_parse, business_hours_set
from walletdesk.chat.errors import (
    AgentAtCapacity,
    BusinessHoursInvalid,
    ClientIdInvalid,
    ConversationTaken,
    EmailInvalid,
    VisitorTokenInvalid,
)
from walletdesk.chat.models import Conversation, ConversationStatus
from walletdesk.tickets.errors import IntakeInvalid, MessageEmpty
from walletdesk.tickets.models import Message, Status


def _client_id(text):
    import hashlib

    return "c-" + hashlib.sha256(text.encode()).hexdigest()[:20]


def _say(customer, text, client_id=None, **kwargs):
    return services.chat_message_receive(
        customer=customer, body=text, client_id=client_id or _client_id(text), **kwargs
    )


def test_first_message_opens_a_widget_ticket_and_joins_the_queue(visitor):
    result = _say(visitor, "hello there")
    assert result.received.ticket.channel == "widget"
    assert result.conversation.status == ConversationStatus.QUEUED
    assert [e.ticket_id for e in selectors.queue_snapshot().entries] == [result.received.ticket.pk]


def test_resent_message_with_the_same_client_id_is_stored_once(visitor):
    first = _say(visitor, "my deposit is missing", client_id="abc12345")
    again = _say(visitor, "my deposit is missing", client_id="abc12345")
    assert again.duplicate and again.received.message.pk == first.received.message.pk
    assert Message.objects.filter(ticket=first.received.ticket).count() == 1
    assert Conversation.objects.count() == 1


def test_same_client_id_from_two_customers_are_two_messages(visitor, other_visitor):
    a = _say(visitor, "one", client_id="samesame1")
    b = _say(other_visitor, "two", client_id="samesame1")
    assert not b.duplicate and a.received.ticket.pk != b.received.ticket.pk


def test_follow_up_messages_stay_in_the_same_chat(visitor):
    first = _say(visitor, "first question")
    second = _say(visitor, "more details")
    assert second.received.ticket.pk == first.received.ticket.pk
    assert second.conversation.pk == first.conversation.pk


@pytest.mark.parametrize("client_id", ["", "short", "has space in it", "x" * 65, "quote'quote1"])
def test_bad_client_id_is_refused(visitor, client_id):
    with pytest.raises(ClientIdInvalid):
        services.chat_message_receive(customer=visitor, body="hi", client_id=client_id)


def test_empty_message_is_refused(visitor):
    with pytest.raises(MessageEmpty):
        _say(visitor, "   ", client_id="empty-msg-1")


def test_category_intake_is_validated_and_stored(visitor, category):
    with pytest.raises(IntakeInvalid) as exc:
        _say(visitor, "deposit missing", category_slug="deposit", intake={})
    assert exc.value.fields == {"txid": "required"}
    result = _say(
        visitor,
        "deposit missing",
        client_id="with-intake-1",
        category_slug="deposit",
        intake={"txid": "0x" + "ab" * 32, "junk": "dropped"},
    )
    assert result.received.ticket.category == category
    assert result.received.ticket.intake == {"txid": "0x" + "ab" * 32}


def test_visitor_token_must_be_long_and_random_looking(db):
    for bad in (None, "", "1", "a" * 31, "bad token with spaces but long enough 12345"):
        with pytest.raises(VisitorTokenInvalid):
            services.widget_customer_resolve(identity_token=None, visitor_token=bad)


def test_identity_token_wins_and_bad_ones_are_refused(customer):
    assert services.widget_customer_resolve(identity_token=jwt_for(customer), visitor_token=None) == customer
    forged = jwt_for(customer)[:-4] + "AAAA"
    with pytest.raises(IdentityTokenInvalid):
        services.widget_customer_resolve(identity_token=forged, visitor_token="v" * 43)
    with pytest.raises(IdentityTokenExpired):
        services.widget_customer_resolve(identity_token=jwt_for(customer, ttl=-120), visitor_token=None)


def test_queue_positions_follow_arrival_and_shrink_when_an_agent_accepts(
    visitor, other_visitor, online_agent
):
    a = _say(visitor, "first in line")
    b = _say(other_visitor, "second in line")
    snap = selectors.queue_snapshot()
    assert [(e.customer_id, e.position) for e in snap.entries] == [(visitor.pk, 1), (other_visitor.pk, 2)]
    assert snap.entries[0].wait_seconds is not None
    services.conversation_accept(conversation=a.conversation, agent=online_agent)
    snap = selectors.queue_snapshot()
    assert [(e.customer_id, e.position) for e in snap.entries] == [(other_visitor.pk, 1)]
    a.received.ticket.refresh_from_db()
    assert a.received.ticket.assignee == online_agent and a.received.ticket.status == Status.OPEN
    assert b.conversation.pk != a.conversation.pk


def test_second_agent_cannot_take_an_accepted_chat(visitor, online_agent, second_agent):
    chat = _say(visitor, "help").conversation
    services.conversation_accept(conversation=chat, agent=online_agent)
    with pytest.raises(ConversationTaken):
        services.conversation_accept(conversation=chat, agent=second_agent)
    # accepting again is a no-op for the agent who has it
    assert services.conversation_accept(conversation=chat, agent=online_agent).agent == online_agent


def test_capacity_limits_concurrent_chats(visitor, other_visitor, online_agent):
    profile = online_agent.agent_profile
    profile.capacity = 1
    profile.save()
    services.conversation_accept(conversation=_say(visitor, "one").conversation, agent=online_agent)
    with pytest.raises(AgentAtCapacity):
        services.conversation_accept(conversation=_say(other_visitor, "two").conversation, agent=online_agent)


def test_outsider_cannot_accept(visitor, outsider):
    from walletdesk.chat.errors import AgentNotAvailable

    with pytest.raises(AgentNotAvailable):
        services.conversation_accept(conversation=_say(visitor, "hi").conversation, agent=outsider)


def test_transfer_to_agent_and_to_team(visitor, online_agent, second_agent, team):
    chat = _say(visitor, "please transfer me").conversation
    services.conversation_accept(conversation=chat, agent=online_agent)
    moved = services.conversation_transfer(conversation=chat, by=online_agent, to_agent=second_agent)
    assert moved.agent == second_agent and moved.status == ConversationStatus.ACTIVE
    back = services.conversation_transfer(conversation=chat, by=second_agent, to_team=team)
    assert back.status == ConversationStatus.QUEUED and back.agent is None and back.team == team
    assert back.queued_at == chat.queued_at  # keeps its place, does not start over
    back.ticket.refresh_from_db()
    assert back.ticket.assignee is None and back.ticket.team == team


def test_auto_assign_gives_waiting_chat_to_least_loaded_online_agent(
    visitor, online_agent, second_agent, django_capture_on_commit_callbacks
):
    services.chat_settings_set(auto_assign=True)
    busy = second_agent.agent_profile
    busy.capacity = 1
    busy.save()
    with django_capture_on_commit_callbacks(execute=True):
        chat = _say(visitor, "auto please").conversation
    chat.refresh_from_db()
    assert chat.status == ConversationStatus.ACTIVE and chat.agent == online_agent


def test_solving_ends_chat_asks_for_rating_and_feeds_handling_times(visitor, online_agent):
    chat = _say(visitor, "solve me").conversation
    services.conversation_accept(conversation=chat, agent=online_agent)
    ticket = services.chat_solve(ticket=chat.ticket, by=online_agent)
    chat.refresh_from_db()
    assert ticket.status == Status.SOLVED and chat.status == ConversationStatus.ENDED
    assert len(selectors.handling_samples()) == 1
    services.chat_rate(ticket=ticket, rating="5", comment="great")
    ticket.refresh_from_db()
    assert (ticket.csat_rating, ticket.csat_comment) == (5, "great")
    from walletdesk.core.errors import ValidationFailed

    for bad in (0, 6, "x", None):
        with pytest.raises(ValidationFailed):
            services.chat_rate(ticket=ticket, rating=bad)


def test_writing_again_after_solved_starts_a_new_chat_on_a_new_ticket(visitor, online_agent):
    chat = _say(visitor, "first time").conversation
    services.conversation_accept(conversation=chat, agent=online_agent)
    services.chat_solve(ticket=chat.ticket, by=online_agent)
    again = _say(visitor, "one more thing")
    assert again.conversation.pk != chat.pk and again.conversation.status == ConversationStatus.QUEUED
    assert again.received.ticket_created and again.received.ticket.pk != chat.ticket_id


def test_read_marks_only_move_forward(visitor):
    chat = _say(visitor, "read me").conversation
    assert services.conversation_read(conversation=chat, side="agent", upto=10)
    assert not services.conversation_read(conversation=chat, side="agent", upto=5)
    chat.refresh_from_db()
    assert chat.agent_read_upto == 10


def test_agent_reply_with_same_client_id_is_sent_once(visitor, online_agent):
    ticket = _say(visitor, "reply twice?").received.ticket
    first, dup1 = services.agent_reply_send(
        ticket=ticket, agent=online_agent, body="hello", client_id="agent-reply-1"
    )
    again, dup2 = services.agent_reply_send(
        ticket=ticket, agent=online_agent, body="hello", client_id="agent-reply-1"
    )
    assert (dup1, dup2) == (False, True) and again.pk == first.pk
    assert Message.objects.filter(ticket=ticket, author_kind="agent").count() == 1


def test_availability_business_hours_and_nobody_online(db, agent):
    business_hours_set(spec="mon-fri 09:00-18:00")
    tz = timezone.get_current_timezone()
    saturday = timezone.make_aware(timezone.datetime(2026, 11, 28, 12, 0), tz)
    with time_machine.travel(saturday, tick=False):
        closed = selectors.chat_availability()
        assert (closed.open, closed.reason) == (False, "closed_hours")
        assert timezone.localtime(closed.back_at).strftime("%a %H:%M") == "Mon 09:00"
    monday = timezone.make_aware(timezone.datetime(2026, 11, 30, 10, 0), tz)
    with time_machine.travel(monday, tick=False):
        assert selectors.chat_availability().reason == "nobody_online"
        services.agent_presence_change(agent=agent, presence="online")
        assert selectors.chat_availability().open
    # presence expires without console heartbeats
    with time_machine.travel(monday + timedelta(minutes=5), tick=False):
        assert selectors.chat_availability().reason == "nobody_online"


def test_business_hours_spec_errors_are_clear():
    assert business_hours_parse("mon-fri 09:00-18:00; sat 10:00-14:00")[-1][0] == 5
    for bad in ("monday 9-5", "fri-mon 09:00-18:00", "mon 18:00-09:00", "xyz 09:00-10:00", "mon 25:00-26:00"):
        with pytest.raises(BusinessHoursInvalid):
            business_hours_parse(bad)


def test_offline_message_becomes_an_email_ticket(visitor):
    received = services.offline_message_receive(
        customer=visitor, email="Vis@Example.com", body="are you there?", client_id="offline-0001"
    )
    assert received.ticket.channel == "email" and received.ticket.intake["reply_email"] == "vis@example.com"
    visitor.refresh_from_db()
    assert visitor.email == "vis@example.com"
    assert Conversation.objects.get(ticket=received.ticket).status == ConversationStatus.OFFLINE
    again = services.offline_message_receive(
        customer=visitor, email="vis@example.com", body="are you there?", client_id="offline-0001"
    )
    assert again.duplicate
    with pytest.raises(EmailInvalid):
        services.offline_message_receive(
            customer=visitor, email="not-an-email", body="x", client_id="offline-0002"
        )


def test_transcript_has_customer_visible_messages_only(visitor, online_agent):
    from walletdesk.chat.transcripts import transcript_render
    from walletdesk.tickets import outbox

    ticket = _say(visitor, "what is my balance <script>alert(1)</script>").received.ticket
    outbox.send(ticket=ticket, author=online_agent, body="Your balance is **fine**")
    outbox.send(ticket=ticket, author=online_agent, body="internal: customer seems confused", internal=True)
    html = transcript_render(ticket=ticket, locale="en")
    assert "Your balance is <strong>fine</strong>" in html
    assert "customer seems confused" not in html
    assert "<script>alert" not in html
    assert "Keep this transcript" in html and ticket.reference in html


def test_transcript_email_is_sent_and_rate_limited(settings, visitor):
    from walletdesk.chat.transcripts import EMAILS_PER_HOUR, transcript_email_request
    from walletdesk.core.errors import RateLimited

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.WALLETDESK_RATE_LIMIT_ENABLED = True
    ticket = _say(visitor, "mail me the transcript").received.ticket
    transcript_email_request(customer=visitor, ticket=ticket, email="me@example.com", locale="zh-hans")
    assert mail.outbox[0].to == ["me@example.com"] and ticket.reference in mail.outbox[0].subject
    assert "mail me the transcript" in mail.outbox[0].attachments[0][1]
    with pytest.raises(EmailInvalid):
        transcript_email_request(customer=visitor, ticket=ticket, email="nope", locale="en")
    for _ in range(EMAILS_PER_HOUR - 1):
        transcript_email_request(customer=visitor, ticket=ticket, email="me@example.com", locale="en")
    with pytest.raises(RateLimited):
        transcript_email_request(customer=visitor, ticket=ticket, email="me@example.com", locale="en")


def test_viewers_are_listed_once_per_agent_and_leave(visitor, online_agent, second_agent):
    ticket = _say(visitor, "who is looking").received.ticket
    services.viewer_join(ticket=ticket, user=online_agent, channel_name="tab-1")
    services.viewer_join(ticket=ticket, user=online_agent, channel_name="tab-2")
    viewers = services.viewer_join(ticket=ticket, user=second_agent, channel_name="tab-3")
    assert [v["name"] for v in viewers] == ["Agent One", "Agent Two"]
    services.viewer_leave(channel_name="tab-3")
    assert [v["name"] for v in selectors.viewers_for_ticket(ticket_id=ticket.pk)] == ["Agent One"]


def test_chat_solved_from_the_console_frees_capacity_even_if_the_customer_left(
    visitor, other_visitor, online_agent
):
    from walletdesk.tickets.services import ticket_status_set

    profile = online_agent.agent_profile
    profile.capacity = 1
    profile.save()
    chat = _say(visitor, "gone away").conversation
    services.conversation_accept(conversation=chat, agent=online_agent)
    ticket_status_set(ticket=chat.ticket, status=Status.SOLVED, by=online_agent)  # not through chat_solve
    nxt = _say(other_visitor, "next please").conversation
    assert (
        services.conversation_accept(conversation=nxt, agent=online_agent).status == ConversationStatus.ACTIVE
    )

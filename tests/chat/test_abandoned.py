"""A customer who closed the widget while waiting no longer holds the agents' queue (walk-through:
gone 7+ minutes, still queued, and "接入" connected the agent to nobody)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from walletdesk.chat import selectors, services
from walletdesk.chat.errors import ConversationCustomerGone
from walletdesk.chat.models import Conversation, ConversationStatus
from walletdesk.tickets.models import Status


def _wait_in_queue(customer, text="is anyone there?"):
    return services.chat_message_receive(customer=customer, body=text, client_id="abandon-001").conversation


def _queued_ids():
    return [e.conversation_id for e in selectors.queue_snapshot().entries]


def test_a_customer_gone_past_the_limit_leaves_the_queue_and_keeps_an_open_ticket(visitor):
    conversation = _wait_in_queue(visitor)
    with time_machine.travel(timezone.now() + timedelta(minutes=4), tick=False):
        assert services.queue_abandoned_sweep() == 0  # a slow reconnect is not leaving
        assert _queued_ids() == [conversation.pk]
    with time_machine.travel(
        timezone.now() + services.CUSTOMER_GONE_AFTER + timedelta(seconds=30), tick=False
    ):
        assert services.queue_abandoned_sweep() == 1
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.OFFLINE and conversation.ended_at
    assert _queued_ids() == []
    # The question is not lost: the ticket stays open for a reply the customer reads on return.
    assert conversation.ticket.status in (Status.NEW, Status.OPEN)


def test_a_reconnect_within_the_limit_keeps_the_place(visitor, other_visitor):
    first = _wait_in_queue(visitor, "first in line")
    second = services.chat_message_receive(
        customer=other_visitor, body="second", client_id="abandon-002"
    ).conversation
    start = timezone.now()
    with time_machine.travel(start + timedelta(minutes=4), tick=False):
        services.chat_customer_seen(customer=visitor)  # the widget came back (hello) or pinged
    with time_machine.travel(start + timedelta(minutes=7), tick=False):
        assert services.queue_abandoned_sweep() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == ConversationStatus.QUEUED and second.status == ConversationStatus.OFFLINE
    assert _queued_ids() == [first.pk]


@pytest.mark.parametrize(
    ("lang", "words"), [("zh-hans", "客户已关闭聊天"), ("en", "The customer closed the chat")]
)
def test_accepting_a_chat_whose_customer_is_gone_says_so(visitor, online_agent, lang, words):
    conversation = _wait_in_queue(visitor)
    with time_machine.travel(timezone.now() + timedelta(minutes=7), tick=False):
        with pytest.raises(ConversationCustomerGone) as refused:
            services.conversation_accept(conversation=conversation, agent=online_agent)
    assert words in refused.value.message_in(lang)
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.OFFLINE and conversation.agent_id is None
    assert not Conversation.objects.filter(agent=online_agent).exists()


def test_auto_assign_skips_a_gone_customer_and_takes_the_next(visitor, other_visitor, online_agent):
    gone = _wait_in_queue(visitor, "left already")
    start = timezone.now()
    with time_machine.travel(start + timedelta(minutes=6), tick=False):
        here = services.chat_message_receive(
            customer=other_visitor, body="still here", client_id="abandon-003"
        )
        services.agent_heartbeat(agent=online_agent)  # the console stayed open meanwhile
        services.chat_settings_set(auto_assign=True)
        assert services.queue_dispatch() == 1
    gone.refresh_from_db()
    here.conversation.refresh_from_db()
    assert gone.status == ConversationStatus.OFFLINE
    assert (
        here.conversation.status == ConversationStatus.ACTIVE
        and here.conversation.agent_id == online_agent.pk
    )


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_the_widget_reconnecting_refreshes_the_customers_place():
    from channels.db import database_sync_to_async

    from tests.chat.test_consumers import next_of, widget

    comm = await widget({"visitor": "r" * 43})
    await next_of(comm, "welcome")
    await comm.send_json_to({"type": "message", "client_id": "client-gone-1", "body": "hello?"})
    await next_of(comm, "ack")
    await comm.disconnect()
    earlier = timezone.now() - timedelta(minutes=4)
    await database_sync_to_async(Conversation.objects.update)(customer_seen_at=earlier)
    again = await widget({"visitor": "r" * 43})
    await next_of(again, "welcome")
    conversation = await database_sync_to_async(Conversation.objects.get)()
    assert conversation.customer_seen_at > earlier + timedelta(minutes=3)
    await again.disconnect()

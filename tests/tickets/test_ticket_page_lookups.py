"""The ticket page's and ticket API's lookups from queries compiled once (core.prepared): the same
objects and rows the ORM gave, related objects filled in, and odd ids answered as "not found"."""

import pytest
from django.contrib.auth import get_user_model

from tests.tickets.test_pages import PNG, login_agent
from walletdesk.accounts.backends import AgentModelBackend
from walletdesk.tickets import selectors, services
from walletdesk.tickets.attachments import UploadedFile
from walletdesk.tickets.errors import TicketNotFound
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.outbox import send

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(agent, customer, category):
    """A ticket with a customer message carrying two files, an agent reply, a note and events."""
    first = receive(
        InboundMessage(
            channel="web",
            customer=customer,
            category=category,
            new_ticket=True,
            body="txid 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 <b>bold</b>",
            attachments=[
                UploadedFile(filename="one.png", content=PNG),
                UploadedFile(filename="two.png", content=PNG),
            ],
        )
    )
    ticket = first.ticket
    send(ticket=ticket, author=agent, body="We are **checking**.")
    send(ticket=ticket, author=agent, body="ledger checked", internal=True)
    services.ticket_assign(ticket=ticket, agent=agent, by=agent)
    services.ticket_tags_set(ticket=ticket, tags=["vip", "usdt"], by=agent)
    return ticket


def test_ticket_for_agent_matches_the_orm_and_needs_no_more_queries(
    agent, conversation, django_assert_num_queries
):
    expected = type(conversation).objects.select_related(*selectors.TICKET_RELATED).get(pk=conversation.pk)
    with django_assert_num_queries(1):
        ticket = selectors.ticket_get_for_agent(agent=agent, ticket_id=str(conversation.pk))
    fields = [f.attname for f in type(ticket)._meta.concrete_fields]
    assert [getattr(ticket, f) for f in fields] == [getattr(expected, f) for f in fields]
    with django_assert_num_queries(0):
        assert ticket.customer.name == expected.customer.name
        assert ticket.category.slug == expected.category.slug
        assert ticket.team == expected.team
        assert ticket.assignee.agent_profile.display_name == "Agent One"
    with django_assert_num_queries(1):
        console = selectors.ticket_get_for_agent(
            agent=agent, ticket_id=conversation.reference, related=selectors.CONSOLE_TICKET_RELATED
        )
    with django_assert_num_queries(0):
        assert (console.pk, console.customer.pk, console.category.pk) == (
            conversation.pk,
            expected.customer.pk,
            expected.category.pk,
        )
        assert console.created_at == expected.created_at and console.created_at.tzinfo is not None


@pytest.mark.parametrize("ticket_id", ["0", "999999", str(2**63), str(2**80), "WD-0", "nonsense"])
def test_unknown_and_overflowing_ids_are_not_found(agent, conversation, ticket_id):
    with pytest.raises(TicketNotFound):
        selectors.ticket_get_for_agent(agent=agent, ticket_id=ticket_id)
    with pytest.raises(TicketNotFound):
        selectors.ticket_get_for_agent(
            agent=agent, ticket_id=ticket_id, related=selectors.CONSOLE_TICKET_RELATED
        )


def test_huge_ticket_ids_are_a_404_page_not_an_error(client, agent):
    login_agent(client, agent, "agent-pass-123")
    assert client.get(f"/console/tickets/{2**80}/").status_code == 404


def test_messages_for_agent_come_with_authors_and_attachments(agent, conversation, django_assert_num_queries):
    with django_assert_num_queries(2):
        messages = selectors.messages_for_agent(ticket=conversation)
    with django_assert_num_queries(0):
        kinds = [(m.author_kind, m.is_internal) for m in messages]
        files = [[a.filename for a in m.attachments.all()] for m in messages]
        authors = [m.author_user.agent_profile.display_name for m in messages if m.author_user_id]
    assert kinds[:3] == [("customer", False), ("agent", False), ("agent", True)]
    assert files[0] == ["one.png", "two.png"] and files[1] == [] and files[2] == []
    assert authors[:2] == ["Agent One", "Agent One"]
    assert messages[0].entities == conversation.messages.order_by("id").first().entities


def test_conversation_rows_group_attachments_and_keep_order(conversation):
    rows = selectors.conversation_for_agent(ticket=conversation)
    assert [r["id"] for r in rows] == list(conversation.messages.order_by("id").values_list("id", flat=True))
    assert [a["filename"] for a in rows[0]["attachment_rows"]] == ["one.png", "two.png"]
    assert rows[0]["attachment_rows"][0]["size"] == len(PNG)
    assert rows[0]["created_at"].tzinfo is not None and isinstance(rows[0]["entities"], dict)
    assert selectors.tag_names(ticket=conversation) == ["usdt", "vip"]
    events = selectors.events_for_agent(ticket=conversation)
    assert [e["kind"] for e in events][:1] == ["created"] and isinstance(events[0]["data"], dict)


def test_api_ticket_lists_files_per_message(agent_client, conversation):
    body = agent_client.get(f"/api/v1/tickets/{conversation.pk}").json()
    files = [[a["filename"] for a in m["attachments"]] for m in body["messages"]]
    assert files[:3] == [["one.png", "two.png"], [], []]


@pytest.mark.parametrize(("language", "note"), [("en", "internal note"), ("zh-hans", "内部备注")])
def test_ticket_page_shows_files_chips_notes_and_timeline(client, agent, conversation, language, note):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    login_agent(client, agent, "agent-pass-123")
    page = client.get(f"/console/tickets/{conversation.pk}/").content.decode()
    assert f'<html lang="{language}">' in page
    for piece in (
        "one.png",
        "two.png",
        "&lt;b&gt;bold&lt;/b&gt;",  # the customer's markup is shown, never run
        "<strong>checking</strong>",
        "ledger checked",
        f'class="chip warn">{note}<',
        "chip-tx",  # triage's entity chip for the transaction hash
        'id="timeline"',
        'value="usdt, vip"',
        'data-local="seconds"',
    ):
        assert piece in page, piece
    assert "<b>bold</b>" not in page


def test_session_user_comes_with_profile_or_without_one(agent, outsider, django_assert_num_queries):
    backend = AgentModelBackend()
    with django_assert_num_queries(1):
        user = backend.get_user(agent.pk)
    with django_assert_num_queries(0):
        assert user.agent_profile.display_name == "Agent One" and user.agent_profile.user is user
    with django_assert_num_queries(1):
        plain = backend.get_user(str(outsider.pk))
    with django_assert_num_queries(0):
        assert plain.username == "outsider" and not hasattr(plain, "agent_profile")
    get_user_model().objects.filter(pk=agent.pk).update(is_active=False)
    assert backend.get_user(agent.pk) is None
    assert (
        backend.get_user(999999) is None and backend.get_user("x") is None and backend.get_user(2**70) is None
    )

"""selectors.ticket_view_for_agent: the ticket page's four lookups sent together (one round trip on
PostgreSQL, core.prepared.rows_together) give what the separate selectors give; a ticket that is
not there, or a user who is no agent, gets nothing."""

import pytest

from walletdesk.core.prepared import rows_together
from walletdesk.tickets import outbox, selectors, services
from walletdesk.tickets.errors import TicketNotFound
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_ticket(customer, category, agent):
    ticket = receive(
        InboundMessage(
            channel=Channel.WEB,
            customer=customer,
            category=category,
            new_ticket=True,
            subject="Deposit missing 充值未到账",
            body="I sent 0.5 ETH to 0x52908400098527886E0F7030069857D2E4169EE7",
        )
    ).ticket
    outbox.send(ticket=ticket, author=agent, body="Looking into it", internal=False, attachments=[])
    outbox.send(ticket=ticket, author=agent, body="note to self", internal=True, attachments=[])
    services.ticket_tags_set(ticket=ticket, tags=["vip", "deposit"], by=agent)
    ticket.refresh_from_db()
    return ticket


def test_the_ticket_view_is_what_the_separate_selectors_give(agent, busy_ticket):
    view = selectors.ticket_view_for_agent(agent=agent, ticket_id=str(busy_ticket.pk))
    alone = selectors.ticket_get_for_agent(
        agent=agent, ticket_id=busy_ticket.pk, related=selectors.CONSOLE_TICKET_RELATED
    )
    assert view.ticket.pk == alone.pk and view.ticket.subject == alone.subject
    assert view.ticket.customer == alone.customer and view.ticket.category == alone.category
    assert view.ticket.created_at == alone.created_at and view.ticket.intake == alone.intake
    assert view.conversation == selectors.conversation_for_agent(ticket=alone)
    assert len(view.conversation) == 3 and view.conversation[2]["is_internal"]
    assert view.events == selectors.events_for_agent(ticket=alone) and view.events
    assert view.tags == selectors.tag_names(ticket=alone) == ["deposit", "vip"]
    # By its reference too, as the page's address may carry it.
    assert selectors.ticket_view_for_agent(agent=agent, ticket_id=busy_ticket.reference).ticket.pk == alone.pk


@pytest.mark.parametrize("ticket_id", ["999999", "9" * 30, "WD-nonsense"])
def test_a_ticket_that_is_not_there_is_not_found(agent, busy_ticket, ticket_id):
    with pytest.raises(TicketNotFound):
        selectors.ticket_view_for_agent(agent=agent, ticket_id=ticket_id)


def test_someone_who_is_no_agent_gets_nothing(outsider, busy_ticket):
    with pytest.raises(TicketNotFound):
        selectors.ticket_view_for_agent(agent=outsider, ticket_id=busy_ticket.pk)


def test_rows_together_is_each_query_on_its_own(busy_ticket):
    queries = [(selectors._EVENTS, busy_ticket.pk), (selectors._TAGS, busy_ticket.pk), (selectors._TAGS, 0)]
    assert rows_together(queries) == [query.rows(key) for query, key in queries]


def test_the_check_codes_are_what_verify_shows_for_the_customer(agent, customer, other_customer, busy_ticket):
    from datetime import timedelta

    from django.utils import timezone

    from walletdesk.verify.models import SupportCheckCode
    from walletdesk.verify.selectors import support_check_codes_shown

    now = timezone.now()
    for code, owner, minutes in [
        ("FIRST1", customer, 5),
        ("GONE22", customer, -1),
        ("NEWER3", customer, 10),
        ("ELSE44", other_customer, 5),
    ]:
        SupportCheckCode.objects.create(
            code=code, customer_id=str(owner.pk), expires_at=now + timedelta(minutes=minutes)
        )
    view = selectors.ticket_view_for_agent(agent=agent, ticket_id=busy_ticket.pk)
    assert view.check_codes == support_check_codes_shown(customer_id=str(customer.pk))
    assert [c["code"] for c in view.check_codes] == ["NEWER3", "FIRST1"]

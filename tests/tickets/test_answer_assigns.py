"""The first agent to answer or solve an unassigned ticket owns it: the rating, the low-rated export
and the agents' table credit who did the work. An assigned ticket keeps its assignee."""

import pytest

from walletdesk.tickets import outbox, services
from walletdesk.tickets.models import Channel, EventKind, Status, TicketEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer, category):
    return services.ticket_create_by_customer(
        customer=customer, channel=Channel.WEB, body="where is my deposit", category=None
    ).ticket


def test_a_reply_to_an_unassigned_ticket_assigns_its_author(ticket, agent):
    outbox.send(ticket=ticket, author=agent, body="Looking into it.")
    ticket.refresh_from_db()
    assert ticket.assignee == agent
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.ASSIGNED, actor=agent).count() == 1


def test_an_internal_note_or_a_system_message_assigns_nobody(ticket, agent):
    outbox.send(ticket=ticket, author=agent, body="checking the chain first", internal=True)
    outbox.send(ticket=ticket, author=None, body="We received your request.", author_kind="system")
    ticket.refresh_from_db()
    assert ticket.assignee is None


def test_a_reply_keeps_someone_elses_assignment(ticket, agent, supervisor):
    services.ticket_assign(ticket=ticket, agent=supervisor, by=supervisor)
    outbox.send(ticket=ticket, author=agent, body="Covering for my colleague.")
    ticket.refresh_from_db()
    assert ticket.assignee == supervisor


def test_solving_an_unassigned_ticket_assigns_who_solved_it(ticket, agent):
    services.ticket_status_set(ticket=ticket, status=Status.SOLVED, by=agent)
    ticket.refresh_from_db()
    assert ticket.assignee == agent and ticket.status == Status.SOLVED


def test_a_user_without_an_agent_profile_is_not_made_assignee(ticket, outsider):
    services.ticket_status_set(ticket=ticket, status=Status.SOLVED, by=outsider)
    ticket.refresh_from_db()
    assert ticket.assignee is None

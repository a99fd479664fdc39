import pytest
from django.db import connection

from walletdesk.tickets import selectors

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's partial-index matching")
@pytest.mark.parametrize(
    ("view", "index"),
    [("mine", "ticket_assignee_open"), ("team", "ticket_team_open")],
)
def test_inbox_views_walk_their_partial_index(agent, view, index):
    qs = selectors.ticket_list_for_agent(agent=agent, filters=selectors.TicketFilters(view=view))[:26]
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row[-1]) for row in cur.fetchall())
    assert index in plan, plan


def test_inbox_counts_count_open_tickets_only(agent, customer, category):
    from walletdesk.tickets.inbox import InboundMessage, receive
    from walletdesk.tickets.services import ticket_assign, ticket_status_set

    made = [
        receive(
            InboundMessage(channel="web", body=f"q{i}", customer=customer, category=category, new_ticket=True)
        ).ticket
        for i in range(4)
    ]
    ticket_assign(ticket=made[0], agent=agent, by=agent)
    ticket_status_set(ticket=made[1], status="solved", by=agent)
    ticket_status_set(ticket=made[2], status="waiting", by=agent)
    counts = selectors.inbox_counts(agent=agent)
    assert counts == {"open": 3, "mine": 1, "unassigned": 2, "team": 3}


def test_agents_share_the_large_counts(agent, team, customer, category, django_assert_num_queries):
    from walletdesk.accounts.services import agent_create
    from walletdesk.tickets.inbox import InboundMessage, receive

    receive(InboundMessage(channel="web", body="q", customer=customer, category=category, new_ticket=True))
    other = agent_create(username="agent2", password="agent-pass-456", display_name="Two", teams=[team]).user
    first = selectors.inbox_counts(agent=agent)
    # The second agent of the same team counts only their own tickets (after reading their teams).
    with django_assert_num_queries(2):
        second = selectors.inbox_counts(agent=other)
    assert first["open"] == second["open"] == 1 and second == {**first, "mine": 0}


@pytest.mark.parametrize("written", ["{ref}", "{lower}", "WD{n}", "wd {n}", "#WD-{n}", "WD－{n}", " WD_{n} "])
def test_a_ticket_number_is_found_however_it_is_written(agent, customer, category, written):
    from walletdesk.tickets.inbox import InboundMessage, receive

    ticket = receive(
        InboundMessage(
            channel="web", body="提现没到账", customer=customer, category=category, new_ticket=True
        )
    ).ticket
    number = ticket.reference.removeprefix("WD-")
    text = written.format(ref=ticket.reference, lower=ticket.reference.lower(), n=number)
    page = selectors.ticket_page_for_agent(
        agent=agent, filters=selectors.TicketFilters(view="all", text=text)
    )
    assert [t.pk for t in page.tickets] == [ticket.pk]


@pytest.mark.parametrize("text", ["WD-", "WDX10002", "WD-10002-3", "10002 WD", "WD-" + "9" * 13])
def test_text_that_only_resembles_a_ticket_number_is_no_reference(text):
    from walletdesk.tickets.models import ticket_pk_from_reference

    assert ticket_pk_from_reference(text) is None

"""The supervisors' reports page: who may see it, its figures on a known set, its CSV and its filter."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.tickets.test_pages import login_agent
from walletdesk.reports import selectors, tables
from walletdesk.tickets import outbox
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.services import ticket_assign, ticket_rate, ticket_status_set

pytestmark = pytest.mark.django_db

# 10:00 in Shanghai: the desk's day is the same in UTC and local time for the whole test.
START = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def _ticket(customer, category, agent, *, at, reply_after_min=None, subject="Deposit missing", channel="web"):
    with time_machine.travel(at, tick=False):
        ticket = receive(
            InboundMessage(
                channel=channel, customer=customer, new_ticket=True, subject=subject, body="not credited",
                category=category,
            )
        ).ticket  # fmt: skip
    if reply_after_min is not None:
        with time_machine.travel(at + timedelta(minutes=reply_after_min), tick=False):
            outbox.send(ticket=ticket, author=agent, body="Looking into it")
    ticket.refresh_from_db()
    return ticket


@pytest.fixture
def known(customer, category, agent):
    """Three tickets answered after 10, 60 and 300 minutes (the SLA is 240): two within it."""
    return [
        _ticket(customer, category, agent, at=START + timedelta(hours=i), reply_after_min=minutes)
        for i, minutes in enumerate((10, 60, 300))
    ]


def _period():
    return selectors.Period(first_day=START.date(), last_day=START.date() + timedelta(days=1))


def test_first_response_figures_on_three_known_tickets(known):
    now = START + timedelta(days=2)
    report = selectors.report_get(period=_period(), team_id=None, lang="en", now=now)
    o = report.overall
    assert (o.tickets, o.met, o.breached) == (3, 2, 1)
    assert o.attainment == pytest.approx(200 / 3)
    # Nearest rank: the median of 600 s, 3600 s and 18000 s is the 2nd, the p90 the 3rd.
    assert o.frt_p50 == pytest.approx(3600, abs=1)
    assert o.frt_p90 == pytest.approx(18000, abs=1)
    assert o.res_p50 is None and o.solved == 0
    (team_row,) = report.by_team
    assert (team_row.label, team_row.tickets, team_row.met) == ("Support", 3, 2)
    (category_row,) = report.by_category
    assert category_row.label == "Deposit" and category_row.frt_p50 == pytest.approx(3600, abs=1)
    (agent_row,) = report.agents  # unassigned until answered: the first reply made them the agent's
    assert (agent_row.label, agent_row.tickets, agent_row.replies) == ("Agent One", 3, 3)


def test_agents_are_credited_with_their_assigned_tickets(known, agent, supervisor):
    ticket_assign(ticket=known[0], agent=agent, by=supervisor)
    with time_machine.travel(START + timedelta(hours=3), tick=False):
        ticket_status_set(ticket=known[0], status="solved", by=agent)
    ticket_rate(ticket=known[0], rating=4)
    report = selectors.report_get(period=_period(), team_id=None, lang="en", now=START + timedelta(days=2))
    (row,) = report.agents  # all three: the agent's replies to the other two assigned them as well
    assert (row.tickets, row.solved, row.replies, row.ratings, row.csat) == (3, 1, 3, 1, 4.0)
    assert row.frt_p50 == pytest.approx(3600, abs=1)  # the three tickets' first responses, as overall


def test_resolution_csat_and_complaints(known, agent):
    with time_machine.travel(START + timedelta(hours=10), tick=False):
        ticket_status_set(ticket=known[0], status="solved", by=agent)
    ticket_rate(ticket=known[0], rating=5)
    ticket_rate(ticket=known[1], rating=1, comment="=cmd|' /C calc'!A0 too slow")
    report = selectors.report_get(period=_period(), team_id=None, lang="en", now=START + timedelta(days=2))
    assert report.overall.solved == 1
    assert report.overall.res_p50 == pytest.approx(10 * 3600, abs=1)
    assert report.overall.ratings == 2 and report.overall.csat == pytest.approx(3.0)
    assert report.ratings == {5: 1, 4: 0, 3: 0, 2: 0, 1: 1}
    assert [r["id"] for r in report.low_rated] == [known[1].pk]


def test_the_waiting_queue_lists_overdue_and_soon_due_tickets(customer, category, agent):
    now = START + timedelta(hours=5)
    overdue = _ticket(customer, category, agent, at=now - timedelta(hours=5))  # due 1 h ago
    soon = _ticket(customer, category, agent, at=now - timedelta(minutes=210))  # due in 30 min
    _ticket(customer, category, agent, at=now - timedelta(minutes=60))  # due in 3 h
    _ticket(customer, category, agent, at=now - timedelta(hours=6), reply_after_min=30)  # answered
    queue = selectors.sla_queue(team_id=None, now=now)
    assert (queue.overdue, queue.due_soon) == (1, 1)
    assert [(r.id, r.overdue) for r in queue.rows] == [(overdue.pk, True), (soon.pk, False)]


def test_csv_cells_that_would_run_as_formulas_are_prefixed():
    table = tables.Table(
        "t", "T", ["=Header", "n"], [["=1+1", 3], ["+x", -2], ["-y", 1.5], ["@z", None], ["ok", 0]]
    )
    text = tables.table_csv(table)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["'=Header", "n"],
        ["'=1+1", "3"],
        ["'+x", "-2"],
        ["'-y", "1.5"],
        ["'@z", ""],
        ["ok", "0"],
    ]
    assert tables.csv_guard("\tcmd") == "'\tcmd"


# --- the page -------------------------------------------------------------------------------------
@pytest.fixture
def supervisor_client(client, supervisor):
    login_agent(client, supervisor, "super-pass-123")
    return client


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/console/reports/")
    assert response.status_code == 302 and response["Location"].startswith("/console/login/")


def test_agents_get_a_403_with_the_reason(client, agent):
    login_agent(client, agent, "agent-pass-123")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.get("/console/reports/")
    assert response.status_code == 403
    assert "Only supervisors and administrators may see the reports." in response.content.decode()
    assert 'href="/console/reports/"' not in response.content.decode()  # no nav link for agents


def test_supervisors_see_the_report_in_both_languages(supervisor_client, known):
    supervisor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = supervisor_client.get("/console/reports/?period=30d").content.decode()
    assert 'href="/console/reports/"' in page and "First-response SLA attainment" in page
    supervisor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    response = supervisor_client.get("/console/reports/?period=30d")
    page = response.content.decode()
    assert response.status_code == 200
    assert ">报表</a>" in page and "首次响应 SLA 达成率" in page


def test_custom_period_and_team_reach_the_figures(supervisor_client, known, team):
    url = f"/console/reports/?period=custom&first_day={START.date()}&last_day={START.date()}&team={team.pk}"
    response = supervisor_client.get(url)
    assert response.status_code == 200
    assert response.context["report"].overall.tickets == 3


def test_every_bad_field_is_reported_at_once(supervisor_client):
    supervisor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = supervisor_client.get(
        "/console/reports/?period=custom&first_day=2026-11-20&last_day=2026-11-01&team=777"
    ).content.decode()
    assert "There is no such team." in page and "The first day comes after the last day." in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("period=custom&first_day=2026-11-20", "Give both dates of a custom period."),
        ("period=custom&first_day=2026-11-20&last_day=2026-11-01", "The first day comes after the last day."),
        ("period=custom&first_day=2025-01-01&last_day=2025-12-31", "A custom period is at most 92 days."),
        ("period=custom&first_day=2026-13-45&last_day=2026-11-01", "Enter a valid date."),
        ("period=yesterday", "Select a valid choice."),
        ("team=999999", "There is no such team."),
        ("team=abc", "There is no such team."),
        ("export=secrets", "Select a valid choice."),
    ],
)
def test_bad_filters_are_form_errors(supervisor_client, query, message):
    supervisor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = supervisor_client.get(f"/console/reports/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_duration_column_in_csv_names_its_unit():
    table = tables.Table("t", "T", ["Ticket", "First response"], [["WD-1", tables.Duration(90)]])
    rows = list(csv.reader(io.StringIO(tables.table_csv(table))))
    assert rows == [["Ticket", "First response (minutes)"], ["WD-1", "1.5"]]


def test_csv_export_of_a_table(supervisor_client, known, agent):
    ticket_rate(ticket=known[1], rating=1, comment="@SUM(A1) bad")
    supervisor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = supervisor_client.get("/console/reports/?period=30d&export=low_rated")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Ticket", "Subject", "Stars", "Comment"]
    assert rows[1][0] == known[1].reference and rows[1][3] == "'@SUM(A1) bad"


def test_page_queries_do_not_grow_with_tickets(supervisor_client, customer, category, agent):
    def count() -> int:
        supervisor_client.get("/console/reports/?period=30d")  # warm per-process copies
        with CaptureQueriesContext(connection) as queries:
            assert supervisor_client.get("/console/reports/?period=30d").status_code == 200
        return len(queries)

    now = datetime.now(UTC)
    _ticket(customer, category, agent, at=now - timedelta(hours=2), reply_after_min=5)
    few = count()
    for i in range(6):
        ticket = _ticket(
            customer, category, agent, at=now - timedelta(hours=3, minutes=i), reply_after_min=20
        )
        ticket_rate(ticket=ticket, rating=1 + i % 5, comment="meh")
    assert count() == few


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_supervisors_nav_link_is_the_same_in_both_console_layouts(supervisor, language):
    from tests.tickets.test_console_layout import (
        test_the_jinja_layout_renders_as_the_django_console_layout as same,
    )

    same(supervisor, language)


def test_customer_text_is_escaped_on_the_page(supervisor_client, customer, category, agent):
    _ticket(
        customer, category, agent, at=datetime.now(UTC) - timedelta(hours=5), subject="<script>x()</script>"
    )
    page = supervisor_client.get("/console/reports/?period=7d").content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt;" in page and "<script>x()" not in page


def test_csv_has_full_subjects_and_comments(supervisor_client, customer, category, agent):
    # The CSV writes stored values whole; a subject the ticket got from the first line of its
    # message (no subject given) is stored shortened to 80 characters + "…" by tickets.inbox.
    subject = "提现一直没到账 " + "Withdrawal stuck since Monday, " * 9 + "END"  # 288 characters
    comment = "慢 " + "nobody answered for days " * 20 + "END"
    ticket = _ticket(customer, category, agent, at=datetime.now(UTC) - timedelta(hours=30), subject=subject)
    ticket_rate(ticket=ticket, rating=1, comment=comment)
    rows = {}
    for table in ("low_rated", "queue"):
        response = supervisor_client.get(f"/console/reports/?period=7d&export={table}")
        rows[table] = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[table][1][1] == ticket.subject == subject, table
    assert rows["low_rated"][1][3] == comment


@pytest.mark.parametrize(
    ("language", "default", "zone"),
    [
        (
            "en",
            '<option value="7d" selected>Last 7 days (default)</option>',
            "(Asia/Shanghai time, both days included)",
        ),
        (
            "zh-hans",
            '<option value="7d" selected>最近 7 天（默认）</option>',
            "（Asia/Shanghai 时间，含首尾两天）",
        ),
    ],
)
def test_the_period_shown_is_the_period_used(supervisor_client, settings, language, default, zone):
    settings.TIME_ZONE = "Asia/Shanghai"
    supervisor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    page = supervisor_client.get("/console/reports/").content.decode()
    assert default in page and '<option value="today" selected>' not in page
    first, last = selectors.period_last(7).first_day, selectors.period_last(7).last_day
    assert f"{first:%Y-%m-%d}" in page and f"{last:%Y-%m-%d}" in page and zone in page
    page = supervisor_client.get("/console/reports/?period=today").content.decode()
    assert '<option value="today" selected>' in page and '<option value="7d" selected>' not in page

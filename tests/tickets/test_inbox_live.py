"""The inbox rows partial (what the live refresh fetches): the Due column, the urgent chip, the
views' counts swapped in, long subjects that may break, and one query count however many tickets."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test.utils import CaptureQueriesContext

from tests.tickets.test_console_ux import _create
from tests.tickets.test_pages import login_agent
from walletdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def signed_in(client, agent):
    login_agent(client, agent, "agent-pass-123")
    return client


def _due(ticket, minutes, answered=False):
    Ticket.objects.filter(pk=ticket.pk).update(
        first_response_due_at=NOW + timedelta(minutes=minutes),
        first_response_at=NOW - timedelta(minutes=1) if answered else None,
    )


def _cell(html, ticket):
    row = re.search(rf'<tr data-ticket-id="{ticket.pk}".*?</tr>', html, re.S).group(0)
    return re.search(r'<td class="inbox-due small">(.*?)</td>', row, re.S).group(1)


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("en", ["overdue 2 h", "in 35 min", "in 3 h", ""]),
        ("zh-hans", ["已超时 2 小时", "剩 35 分钟", "剩 3 小时", ""]),
    ],
)
def test_due_column_relative_and_coloured(signed_in, customer, category, lang, texts):
    late, soon, later, answered = (_create(customer, category, subject=f"s{i}") for i in range(4))
    _due(late, -125)
    _due(soon, 35)
    _due(later, 180)
    _due(answered, -300, answered=True)
    signed_in.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
    with time_machine.travel(NOW, tick=False):
        html = signed_in.get("/console/", {"view": "all"}, **HX).content.decode()
    cells = [_cell(html, t) for t in (late, soon, later, answered)]
    assert [re.sub(r"<[^>]+>", "", c) for c in cells] == texts
    assert (
        'class="due-over"' in cells[0] and 'class="due-soon"' in cells[1] and 'class="due-later"' in cells[2]
    )
    assert 'datetime="2026-11-20T09:55:00Z"' in cells[0]


def test_urgent_ticket_gets_a_chip_and_long_subjects_may_break(signed_in, customer, category):
    theft = _create(customer, category, subject="x" * 300)
    Ticket.objects.filter(pk=theft.pk).update(priority="urgent")
    signed_in.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    html = signed_in.get("/console/", **HX).content.decode()
    row = re.search(rf'<tr data-ticket-id="{theft.pk}" class="inbox-urgent">.*?</tr>', html, re.S).group(0)
    assert '<td class="inbox-subject subject-cell"><span class="chip urgent">Urgent</span>' in row
    # The htmx partial brings the views' counts along (out of band); the full page has them once.
    assert html.count('hx-swap-oob="true"') == 4 and 'id="inbox-count-open" hx-swap-oob="true">1<' in html
    page = signed_in.get("/console/").content.decode()
    assert page.count('id="inbox-count-open"') == 1 and "hx-swap-oob" not in page
    assert "tickets/inbox-live.js" in page


def test_portal_subject_cell_may_break(client, customer, category):
    from walletdesk.accounts.views import CUSTOMER_SESSION

    _create(customer, category, subject="0x" + "ab" * 32)
    session = client.session
    session[CUSTOMER_SESSION] = customer.pk
    session.save()
    html = client.get("/support/tickets/").content.decode()
    assert '<td class="subject-cell">0x' in html


def test_rows_partial_query_count_is_constant(signed_in, customer, category):
    from django.core.cache import cache
    from django.db import connection

    def queries():
        cache.clear()  # counts are cached for a few seconds: count them every time
        with CaptureQueriesContext(connection) as ctx:
            assert signed_in.get("/console/", {"view": "all"}, **HX).status_code == 200
        return len(ctx.captured_queries)

    _create(customer, category)
    queries()  # the first page also fills the per-process copies (console choices, categories)
    # The per-process copies are re-read when their shared version key is gone and a second has
    # passed (cache.clear() above removes it): on a slow machine one of two pages pays that. The
    # fewer of two pages is the page's own count.
    few = min(queries(), queries())
    for i in range(12):
        _create(customer, category, subject=f"more {i}")
    assert min(queries(), queries()) == few

"""On PostgreSQL the console ticket page's own lookups (session row, session user, ticket, messages,
events, tags) are prepared once per connection: the server parses and plans them on the first page
only, and a later page reuses them. Same rows and query count as before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.tickets.test_pages import login_agent
from tests.tickets.test_ticket_page_lookups import conversation  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE from_sql = false")
        return [row[0] for row in cursor.fetchall()]


def test_ticket_page_lookups_are_prepared_once_per_connection(client, agent, conversation):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: other databases have no server-side prepared statements")
    login_agent(client, agent, "agent-pass-123")
    assert client.get(f"/console/tickets/{conversation.pk}/").status_code == 200  # fills the caches
    with CaptureQueriesContext(connection) as first_queries:
        first = client.get(f"/console/tickets/{conversation.pk}/")
    assert first.status_code == 200
    prepared = _prepared_statements()
    for table in (
        "auth_user",
        "tickets_ticket",
        "tickets_message",
        "tickets_ticketevent",
        "tickets_tickettag",
    ):
        assert any(f'FROM "{table}"' in sql for sql in prepared), table

    with CaptureQueriesContext(connection) as again_queries:
        again = client.get(f"/console/tickets/{conversation.pk}/")
    assert again.status_code == 200
    assert again.content.count(b'class="card message') == first.content.count(b'class="card message') == 3
    # The second page ran the same statements and had nothing new to prepare.
    assert len(again_queries) == len(first_queries)
    assert sorted(_prepared_statements()) == sorted(prepared)

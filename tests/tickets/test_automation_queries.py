"""The automation task after a customer message reads what it decides on in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from walletdesk.tickets import tasks
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel

pytestmark = pytest.mark.django_db


def test_automation_reads_the_category_with_the_message(customer, category, monkeypatch):
    body = "my deposit did not arrive, txid 0x" + "ab" * 32
    message = receive(
        InboundMessage(channel=Channel.WEB, body=body, customer=customer, category=category, new_ticket=True)
    ).message
    seen = []
    from walletdesk.tickets import automation

    monkeypatch.setattr(automation, "transactions_diagnose", lambda *, message: seen.append(message))
    with CaptureQueriesContext(connection) as queries:
        tasks.message_automate.call_local(message.pk, 0)
    assert len(seen) == 1 and seen[0].ticket.category.slug == "deposit"  # the diagnosis was wanted
    assert len(queries.captured_queries) == 1, [q["sql"] for q in queries.captured_queries]

"""Canary: one known seed phrase goes in through every entry point; afterwards no four consecutive
words of it may be found in the database dump, the logs, the search indexes or webhook payloads."""

import io
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.db import connection
from mnemonic import Mnemonic

from walletdesk.shield.services import phrase_leaks

pytestmark = pytest.mark.django_db(transaction=True)

EN = Mnemonic("english").to_mnemonic(bytes(range(16)))
ZH = Mnemonic("chinese_simplified").to_mnemonic(bytes(range(100, 132)))
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


class _Collector(BaseHTTPRequestHandler):
    bodies: list[str] = []

    def do_POST(self):  # noqa: N802
        self.bodies.append(self.rfile.read(int(self.headers["Content-Length"])).decode())
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook_sink(settings):
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    _Collector.bodies = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WALLETDESK_WEBHOOK_URLS = [f"http://127.0.0.1:{server.server_port}/hook"]
    yield _Collector.bodies
    server.shutdown()


@pytest.fixture
def log_stream():
    """What the configured handlers (with the shield filter) write."""
    stream = io.StringIO()
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)]
    assert handlers, "the LOGGING config installs a console handler"
    old = [h.setStream(stream) for h in handlers]
    yield stream
    for handler, previous in zip(handlers, old, strict=True):
        handler.setStream(previous)


def _database_dump() -> str:
    chunks = []
    with connection.cursor() as cur:
        for table in connection.introspection.table_names(include_views=False):
            if table.startswith("huey") or table.endswith(
                ("_config", "_data", "_idx", "_content", "_docsize")
            ):
                continue
            cur.execute(f'SELECT * FROM "{table}"')
            chunks.append(json.dumps(cur.fetchall(), ensure_ascii=False, default=str))
    return "\n".join(chunks)


@pytest.mark.parametrize("phrase", [EN, ZH], ids=["english", "chinese"])
def test_a_seed_phrase_leaks_nowhere(phrase, customer, agent, category, webhook_sink, log_stream):
    from walletdesk.helpcenter.services import article_save
    from walletdesk.tickets import outbox
    from walletdesk.tickets.attachments import UploadedFile
    from walletdesk.tickets.inbox import InboundMessage, receive
    from walletdesk.tickets.models import Message

    received = receive(
        InboundMessage(
            channel="web",
            customer=customer,
            category=category,
            new_ticket=True,
            subject=f"help {phrase}",
            body=f"support asked me for my words: {phrase} is that ok?",
            intake={"txid": phrase},
            attachments=[UploadedFile(filename=f"{phrase}.png", content=PNG)],
        )
    )
    receive(InboundMessage(channel="widget", customer=customer, body=phrase, external_id="c-1"))
    receive(
        InboundMessage(
            channel="email",
            email="someone@example.com",
            body=f"my phrase:\n{phrase}",
            external_id="<canary@x>",
        )
    )
    outbox.send(ticket=received.ticket, author=agent, body=f"did you mean {phrase}?")
    outbox.send(ticket=received.ticket, author=agent, body=f"note: {phrase}", internal=True)
    article_save(slug="canary-article", locale="en", title="Backups", body=f"Example: {phrase}")
    logging.getLogger("walletdesk.canary").warning("customer wrote %s", phrase)

    dump = _database_dump()
    assert "support asked me for my words" in dump  # the rest of the text was kept
    assert phrase_leaks(haystack=dump, phrase=phrase) == []
    assert phrase_leaks(haystack=log_stream.getvalue(), phrase=phrase) == []
    assert webhook_sink, "webhooks were delivered"
    assert phrase_leaks(haystack="\n".join(webhook_sink), phrase=phrase) == []
    with connection.cursor() as cur:
        cur.execute("SELECT * FROM tickets_search")
        assert phrase_leaks(haystack=json.dumps(cur.fetchall(), ensure_ascii=False), phrase=phrase) == []
    # The customer was warned in their language, the agent sees the banner.
    received.ticket.refresh_from_db()
    assert received.ticket.secret_leaks >= 3
    assert Message.objects.filter(ticket=received.ticket, author_kind="system").exists()

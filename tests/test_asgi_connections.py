"""HTTP under ASGI must not leave a database connection open per request (each request's sync code
runs in a thread of its own there, so a persistent connection is never reused): it is closed, or
handed back to the process's pool (PostgreSQL, settings.DB_POOL)."""

import sqlite3

import pytest
from asgiref.testing import ApplicationCommunicator
from django.core.handlers.asgi import ASGIHandler
from django.db import connection
from django.db.backends.signals import connection_created


def _is_closed(raw) -> bool:
    if connection.settings_dict["OPTIONS"].get("pool"):  # closing gives it back to the pool
        return raw.closed or any(raw is idle for idle in connection.pool._pool)
    if isinstance(raw, sqlite3.Connection):
        try:
            raw.execute("select 1")
        except sqlite3.ProgrammingError:
            return True
        return False
    return bool(raw.closed)


async def _get(path: str) -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    app = ApplicationCommunicator(ASGIHandler(), scope)
    await app.send_input({"type": "http.request", "body": b"", "more_body": False})
    start = await app.receive_output(10)
    while True:
        message = await app.receive_output(10)
        if not message.get("more_body"):
            break
    await app.wait(10)
    return start["status"]


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_asgi_http_requests_close_their_connections():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("Django never closes an in-memory SQLite database; the PostgreSQL run checks this")
    opened = []

    def remember(sender, connection, **kwargs):
        opened.append(connection.connection)

    connection_created.connect(remember)
    try:
        statuses = [await _get("/help/en/") for _ in range(3)]
    finally:
        connection_created.disconnect(remember)

    assert statuses == [200, 200, 200]
    assert opened, "the page read nothing from the database: pick a page that does"
    assert all(_is_closed(raw) for raw in opened)


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_asgi_http_requests_reuse_pooled_connections():
    if not connection.settings_dict["OPTIONS"].get("pool"):
        pytest.skip(
            "no connection pool: PostgreSQL under ASGI has one (WALLETDESK_DB_POOL=true, as make test-postgres sets)"
        )
    pool = connection.pool
    await _get("/help/en/")
    before = pool.get_stats()
    statuses = [await _get("/help/en/") for _ in range(5)]
    after = pool.get_stats()

    assert statuses == [200] * 5
    # Five sequential requests borrow and return; none opens a connection of its own.
    assert after.get("connections_num", 0) == before.get("connections_num", 0)
    assert after["requests_num"] >= before.get("requests_num", 0) + 5
    # Every borrowed connection came back (others may be held elsewhere in a full suite's process:
    # a live server thread's, the test's own).
    assert after["pool_available"] >= before["pool_available"]

"""Browser-test fixtures: a real uvicorn (HTTP + WebSocket) in a thread of this process, against the
test database, and Debian's Chromium through Playwright. Shared by every browser test.

The server runs in-thread (not a subprocess) so it sees pytest-django's test database (SQLite in
memory with a shared cache, or the PostgreSQL test database) and the test's settings overrides.
Tests that use it need `transactional_db`: the server's threads cannot see uncommitted data."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

# Assertions that wait for a live update (a WebSocket push, a frame booting) get as long as the
# actions do on a busy CI machine; 5 s, Playwright's default, failed there now and then.
expect.set_options(timeout=20_000)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self) -> None:
        import uvicorn

        from walletdesk.asgi import application

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # A different origin for the same server: the "wallet's website" that embeds the widget.
        self.host_url = f"http://localhost:{self.port}"
        config = uvicorn.Config(
            application,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
            ws="websockets-sansio",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="live-uvicorn", daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the live server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server_thread(django_db_setup: None) -> Iterator[LiveServer]:
    server = LiveServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def live(live_server_thread: LiveServer, transactional_db: None, settings) -> LiveServer:
    """The running server, configured for this test: widget origins, no TOTP for the test agent."""
    settings.WALLETDESK_SITE_URL = live_server_thread.url
    settings.SITE_URL = live_server_thread.url
    settings.WALLETDESK_WIDGET_ORIGINS = [live_server_thread.host_url, live_server_thread.url]
    settings.WALLETDESK_REQUIRE_2FA = False
    return live_server_thread


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Module-scoped: Playwright's sync API allows one instance at a time, and other modules may
    start their own."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make test-deps)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in the test thread, which Django takes for
    # an async context; the test's own ORM calls are plain sync code, so allow them while it runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(browser):  # noqa: ANN201 - a factory of Playwright contexts, closed after the test
    contexts = []

    def make(**kwargs):  # noqa: ANN202
        context = browser.new_context(locale=kwargs.pop("locale", "en-US"), accept_downloads=True, **kwargs)
        context.set_default_timeout(30000)  # the CI machine may be busy
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    if contexts:
        # A closed page's sockets are torn down by the server a moment later, and their disconnect
        # handlers write; the test database is flushed right after this fixture ("table is locked").
        time.sleep(0.3)


@pytest.fixture
def agent_page(live, new_context, online_agent):  # noqa: ANN201
    """A console page factory for the online test agent (session cookie set in its own context)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(online_agent)
    context = new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live.url,
            }
        ]
    )

    def open_page(path: str):  # noqa: ANN202
        page = context.new_page()
        page.goto(live.url + path)
        return page

    return open_page


@pytest.fixture
def online_agent(db, team):  # noqa: ANN201
    from walletdesk.accounts.services import agent_create, agent_presence_set

    profile = agent_create(
        username="agent1", password="agent-pass-123", display_name="Agent One", teams=[team]
    )
    agent_presence_set(profile=profile, presence="online")
    return profile.user

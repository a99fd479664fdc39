"""Browser-test fixtures: a real uvicorn (HTTP + WebSocket) in a thread of this process, against the
test database, and Debian's Chromium through Playwright. Shared by every browser test.

The server runs in-thread (not a subprocess) so it sees pytest-django's test database (SQLite in
memory with a shared cache, or the PostgreSQL test database) and the test's settings overrides.
Tests that use it need `transactional_db`: the server's threads cannot see uncommitted data.

One server and one Chromium per test process: modules elsewhere import these fixtures, which gives
each of them a copy of the fixture of its own, so both live in this module and the fixtures hand
them out (each importing module used to start another server and another Chromium)."""

from __future__ import annotations

import os
import socket
import threading
import time
import warnings
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

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Until every request and socket the server took has been handled to the end: the browser
        closes a page's sockets, the server tears them down a moment later, and their disconnect
        handlers write, which must happen before the test database is flushed."""
        deadline = time.monotonic() + timeout
        while self.server.server_state.tasks:
            if time.monotonic() > deadline:
                warnings.warn(
                    f"the live server still runs {len(self.server.server_state.tasks)} tasks", stacklevel=2
                )
                return
            time.sleep(0.01)


_live_server: LiveServer | None = None


@pytest.fixture(scope="session")
def live_server_thread(django_db_setup: None) -> Iterator[LiveServer]:
    global _live_server
    if _live_server is None:
        _live_server = LiveServer()
        _live_server.start()
    yield _live_server
    _live_server.stop()  # at the end of the session; the other copies' calls find it stopped


@pytest.fixture
def live(live_server_thread: LiveServer, transactional_db: None, settings) -> LiveServer:
    """The running server, configured for this test: widget origins, no TOTP for the test agent."""
    settings.WALLETDESK_SITE_URL = live_server_thread.url
    settings.SITE_URL = live_server_thread.url
    settings.WALLETDESK_WIDGET_ORIGINS = [live_server_thread.host_url, live_server_thread.url]
    settings.WALLETDESK_REQUIRE_2FA = False
    return live_server_thread


class SharedChromium:
    """Playwright and one headless Chromium, kept from one test to the next while the tests use them
    (launching both costs about a second of CPU); tests/conftest.py stops them before a test that
    does not, since Playwright's sync API keeps an event loop running in the test thread that async
    tests and other Playwright users cannot share."""

    def __init__(self) -> None:
        self._playwright = None
        self._browser = None
        self._async_unsafe: str | None = None

    def get(self):  # noqa: ANN201 - a Playwright Browser
        if self._browser is not None and not self._browser.is_connected():
            self.stop()  # Chromium went away under an earlier test: start afresh
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            # Django takes the running loop for an async context; the tests' own ORM calls are plain
            # sync code, so allow them while Playwright runs.
            self._async_unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        return self._browser

    def stop(self) -> None:
        if self._playwright is None:
            return
        try:
            if self._browser.is_connected():
                self._browser.close()
        finally:
            self._playwright.stop()
            self._playwright = self._browser = None
            if self._async_unsafe is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = self._async_unsafe


shared_chromium = SharedChromium()


@pytest.fixture
def browser():  # noqa: ANN201 - a Playwright Browser; each test gets its own contexts (new_context)
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make test-deps)")
    return shared_chromium.get()


@pytest.fixture
def new_context(browser, live):  # noqa: ANN201 - a factory of Playwright contexts, closed after the test
    """Requests `live` so that its pages are closed and the server idle before the test database is
    flushed, whatever order a test names its fixtures in."""
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
        live.wait_idle()


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

"""An agent signs in with password + TOTP, opens a ticket and replies; the customer's portal page
shows the reply without a reload. Real Chromium (Debian's), real HTTP server."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_people(browser):
    """The customer and the agent, each in a browser context of their own: in one they would share
    cookies, and the customer's page polling with the agent's session (or the reverse) makes the
    test depend on timing."""
    contexts = [browser.new_context(), browser.new_context()]
    yield contexts
    for context in contexts:
        context.close()


def test_agent_replies_with_totp_and_customer_sees_it_live(two_people, live_server, settings, category):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from walletdesk.accounts.identity import identity_token_sign
    from walletdesk.accounts.services import agent_create
    from walletdesk.tickets.services import ticket_create_by_customer

    settings.WALLETDESK_REQUIRE_2FA = True
    agent = agent_create(username="mei", password="mei-pass-1234", display_name="Mei").user
    device = TOTPDevice.objects.create(user=agent, name="phone", confirmed=True)
    token = identity_token_sign(wallet_uid="uid-live", name="Live Customer", locale="en")

    customer_browser, agent_browser = two_people
    customer_page = customer_browser.new_page()
    customer_page.goto(f"{live_server.url}/support/login/?token={token}")
    from walletdesk.accounts.models import Customer

    customer = Customer.objects.get(wallet_uid="uid-live")
    ticket = ticket_create_by_customer(
        customer=customer,
        channel="web",
        category=category,
        body="My USDT deposit is missing",
        intake={"txid": "0x" + "ab" * 32},
    ).ticket
    customer_page.goto(f"{live_server.url}/support/tickets/{ticket.pk}/")
    assert "My USDT deposit is missing" in customer_page.content()

    agent_page = agent_browser.new_page()
    agent_page.goto(f"{live_server.url}/console/")
    agent_page.fill("#username", "mei")
    agent_page.fill("#password", "mei-pass-1234")
    agent_page.click("button[type=submit]")
    agent_page.fill("#token", "000000" if totp(device.bin_key) != 0 else "111111")
    agent_page.click("button[type=submit]")
    assert "not valid" in agent_page.content()  # a wrong code is refused
    import time

    time.sleep(1.5)  # django-otp throttles the next try for 1 s after a failure
    agent_page.fill("#token", f"{totp(device.bin_key):06d}")
    agent_page.click("button[type=submit]")
    agent_page.wait_for_url(f"{live_server.url}/console/")
    agent_page.click(f"text={ticket.reference}")
    agent_page.fill("#reply-body", "We found your deposit: it is **confirming**.")
    agent_page.click("#send-reply")
    agent_page.wait_for_selector("text=We found your deposit")

    # No reload on the customer's side: the conversation refreshes itself.
    customer_page.wait_for_selector("text=We found your deposit", timeout=10000)
    assert "<strong>confirming</strong>" in customer_page.inner_html("#messages")


@pytest.fixture
def new_york_page(browser):
    """A page whose reader lives in New York and reads US English."""
    context = browser.new_context(locale="en-US", timezone_id="America/New_York")
    yield context.new_page()
    context.close()


def test_times_show_in_the_readers_zone(new_york_page, live_server, category):
    """The server writes China time with its zone; the page shows the reader's own clock."""
    from datetime import UTC, datetime

    from walletdesk.accounts.identity import identity_token_sign
    from walletdesk.accounts.models import Customer
    from walletdesk.tickets.models import Message, Ticket
    from walletdesk.tickets.services import ticket_create_by_customer

    token = identity_token_sign(wallet_uid="uid-ny", name="NY Customer", locale="en")
    page = new_york_page
    page.goto(f"{live_server.url}/support/login/?token={token}")
    ticket = ticket_create_by_customer(
        customer=Customer.objects.get(wallet_uid="uid-ny"),
        channel="web",
        category=category,
        body="Where is my deposit?",
        intake={"txid": "0x" + "ab" * 32},
        locale="en",
    ).ticket
    stamp = datetime(2026, 11, 26, 9, 27, tzinfo=UTC)  # 17:27 in Shanghai, 04:27 in New York
    Ticket.objects.filter(pk=ticket.pk).update(created_at=stamp, last_message_at=stamp)
    Message.objects.filter(ticket=ticket).update(created_at=stamp)
    page.goto(f"{live_server.url}/support/tickets/{ticket.pk}/")
    page.wait_for_selector("#messages time[data-localized]")
    shown = page.inner_text("#messages time")
    assert "04:27" in shown and "EST" in shown, shown
    assert "17:27" in page.get_attribute("#messages time", "title")  # the server's text stays as a hint

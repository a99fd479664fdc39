"""Two agents with one ticket open (the trial's 79_second_agent): one takes it and replies; the
other's page shows the new assignee, status and timeline without a reload, says a colleague is
writing and then that a reply was sent, keeps the side form it was editing, and does not send its
own reply over the colleague's answer until it has been shown."""

import re

import pytest

pytestmark = [pytest.mark.browser]


def _console(live, new_context, user, locale):  # noqa: ANN202 - a Playwright Page factory
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = new_context(locale=locale)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live.url,
            }
        ]
    )
    return context.new_page()


def test_the_second_agents_page_stays_true_and_does_not_send_over_the_first_ones_reply(
    live, new_context, online_agent, supervisor, customer, category
):
    from walletdesk.tickets.models import Message, Ticket
    from walletdesk.tickets.services import ticket_create_by_customer

    ticket = ticket_create_by_customer(
        customer=customer, channel="email", category=None, body="我的账户被盗了，USDT 全部被提走了"
    ).ticket
    url = f"{live.url}/console/tickets/{ticket.pk}/"
    boss = _console(live, new_context, supervisor, "zh-CN")  # the trial's supervisor, in Chinese
    errors = []
    boss.on("pageerror", lambda exc: errors.append(str(exc)))
    boss.goto(url)
    agent = _console(live, new_context, online_agent, "en-US")
    agent.goto(url)
    boss.locator("#chat-live-viewers", has_text="Agent One").wait_for()  # both sockets watch
    agent.locator("#chat-live-viewers", has_text="super1").wait_for()
    assert boss.locator("#assignee").input_value() == ""
    timeline_before = boss.locator("#timeline li").count()

    # The supervisor starts a reply and picks a priority it has not saved yet.
    boss.locator("#reply-body").fill("主管：请立即冻结账户。")
    boss.select_option("#priority", "low")
    agent.locator("#reply-typing", has_text="super1 is writing a reply").wait_for()

    agent.get_by_role("button", name="Take it").click()
    agent.wait_for_url(url)
    boss.wait_for_function(
        f"document.getElementById('assignee').value === '{online_agent.pk}'"
    )  # taken, no reload
    agent.locator("#reply-body").fill("We received your report: freeze your account in the app now.")
    agent.locator("#send-reply").click()
    agent.wait_for_url(url)

    reply = boss.locator("#conversation article", has_text="freeze your account in the app now")
    reply.wait_for()
    warning = boss.locator("#reply-collision")
    warning.wait_for()
    assert "Agent One" in warning.inner_text() and "发送了新回复" in warning.inner_text()
    ticket.refresh_from_db()
    boss.wait_for_function(f"document.getElementById('status').value === '{ticket.status}'")
    boss.wait_for_function(f"document.querySelectorAll('#timeline li').length > {timeline_before}")
    assert ticket.get_status_display() in boss.locator("#ticket-meta").inner_text()
    # What the supervisor was editing is kept, and flagged.
    assert boss.locator("#reply-body").input_value() == "主管：请立即冻结账户。"
    assert boss.locator("#priority").input_value() == "low"
    assert boss.locator("#fields-form .live-stale").is_visible()
    # The live message's time follows the history's rule: the agent's clock with date and zone.
    stamp = reply.locator("time")
    assert stamp.get_attribute("data-local") == "seconds"
    assert re.search(r"\d{2}:\d{2}:\d{2}", stamp.inner_text())
    assert stamp.get_attribute("data-localized") == "1"

    # A further reply that changes nothing the side shows adds its timeline line without the
    # page reading itself again (a live chat sends many).
    page_reads = []
    boss.on("request", lambda r: page_reads.append(r.url) if r.url == url else None)
    agent.locator("#reply-body").fill("Then tell us the address the funds went to.")
    agent.locator("#send-reply").click()
    agent.wait_for_url(url)
    second = Message.objects.filter(ticket=ticket, author_user=online_agent).latest("id")
    boss.locator(f'#timeline li[data-kind="reply"] a[href="#m{second.pk}"]').wait_for()
    boss.wait_for_timeout(500)
    assert page_reads == []

    boss.get_by_role("button", name="发送回复").click()  # sent without reading: refused, kept
    boss.locator("#reply-body-error", has_text="Agent One").wait_for()
    assert boss.locator("#reply-body").input_value() == "主管：请立即冻结账户。"
    assert not Message.objects.filter(ticket=ticket, author_user=supervisor).exists()
    boss.get_by_role("button", name="发送回复").click()  # now it has been shown: sent
    boss.wait_for_url(url)
    assert Message.objects.filter(ticket=ticket, author_user=supervisor, is_internal=False).count() == 1
    assert Ticket.objects.get(pk=ticket.pk).assignee_id == online_agent.pk
    assert errors == []

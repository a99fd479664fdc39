"""Console side of the chat UX fixes (issue 4): accepting from the inbox opens the ticket by its
number, the live panel sits above the history, a note does not leave the next reply internal, and a
solved chat offers no Accept."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    agent_page,
    browser,
    live,
    live_server_thread,
    new_context,
    online_agent,
)

pytestmark = pytest.mark.browser


def start_widget_chat(context, live, text: str):  # noqa: ANN001, ANN201
    page = context.new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator("#wd-first").fill(text)
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    return frame


def test_accepting_from_the_inbox_opens_the_ticket_by_its_number(live, new_context, agent_page):
    from walletdesk.tickets.models import Ticket

    start_widget_chat(new_context(), live, "my deposit is missing")
    ticket = Ticket.objects.get()
    inbox = agent_page("/console/")
    row = inbox.locator("#chat-live-queue tr").first
    expect(row.get_by_role("link", name=ticket.reference)).to_be_visible()
    row.get_by_role("button").click()
    inbox.wait_for_url(re.compile(rf"/console/tickets/{ticket.pk}/$"))
    panel = inbox.locator("#chat-live")
    expect(panel).to_be_visible()
    # the live chat continues the history, not under the timeline, and while it is live it is the
    # one composer (the ticket's own reply form is hidden). Measured inside the page in one go:
    # focusing the chat box may scroll between calls.
    inbox.wait_for_function(
        """() => {
            const top = (id) => document.getElementById(id).getBoundingClientRect();
            const history = top("conversation"), live = top("chat-live");
            return history.bottom <= live.top && document.getElementById("reply-form").hidden;
        }""",
        timeout=10_000,
    )


def test_a_note_does_not_leave_the_next_reply_internal_and_a_solved_chat_has_no_accept(
    live, new_context, agent_page
):
    from walletdesk.tickets.models import Message, Ticket

    frame = start_widget_chat(new_context(), live, "hello there")
    ticket = Ticket.objects.get()
    desk = agent_page(f"/console/tickets/{ticket.pk}/")
    expect(desk.locator("#chat-live-accept")).to_be_visible()
    desk.locator("#chat-live-internal").check()
    expect(desk.locator("#chat-live-send")).to_have_text("Add internal note")
    desk.locator("#chat-live-body").fill("check the TRON explorer")
    desk.locator("#chat-live-body").press("Enter")
    desk.locator("#conversation article.internal", has_text="check the TRON explorer").wait_for()
    expect(desk.locator("#chat-live-internal")).not_to_be_checked()
    expect(desk.locator("#chat-live-send")).to_have_text("Send to the customer")
    desk.locator("#chat-live-body").fill("Hello, I am looking at it")
    desk.locator("#chat-live-body").press("Enter")
    frame.locator(".wd-msg.agent", has_text="Hello, I am looking at it").wait_for()
    internal = dict(Message.objects.filter(author_kind="agent").values_list("body", "is_internal"))
    assert internal == {"check the TRON explorer": True, "Hello, I am looking at it": False}
    desk.locator("#chat-live-solve").click()
    frame.locator("#wd-rating").wait_for()
    expect(desk.locator("#chat-live-accept")).to_be_hidden()

"""The widget's conversation reads top to bottom in time, a refused message included (trial, session 8:
after a too-long message was refused, every later message went in above its bubble, out of view)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def open_widget(context, live):
    page = context.new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    return page.frame_locator("#walletdesk-chat-frame")


def conversation(frame) -> list[str]:
    """Each bubble as kind and the start of its text, in the order the customer sees them."""
    return frame.locator("#wd-messages > li").evaluate_all(
        """items => items.map(li => {
            const kind = ["failed", "pending", "system", "agent", "customer"].find(k => li.classList.contains(k));
            return kind + ": " + li.querySelector(".wd-body").textContent.trim().slice(0, 20);
        })"""
    )


def test_messages_after_a_refused_one_come_below_it(live, new_context, agent_page):
    from walletdesk.tickets.models import Ticket

    frame = open_widget(new_context(), live)
    frame.locator("#wd-first").fill("my deposit is missing")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()

    frame.locator("#wd-input").fill("x" * 20_001)
    frame.locator("#wd-input").press("Enter")
    expect(frame.locator(".wd-msg.customer.failed .wd-meta")).to_contain_text("Not sent")
    # The refused text went back into the box to be fixed; the customer writes something else.
    frame.locator("#wd-input").fill("the txid is 0xabc")
    frame.locator("#wd-input").press("Enter")
    frame.locator(".wd-msg.customer[data-id]", has_text="the txid is 0xabc").wait_for()

    desk = agent_page(f"/console/tickets/{Ticket.objects.get().pk}/")
    desk.click("#chat-live-accept")
    frame.locator(".wd-msg.system", has_text="Agent One").wait_for()
    desk.locator("#chat-live-body").fill("Let me check that")
    desk.locator("#chat-live-body").press("Enter")
    frame.locator(".wd-msg.agent", has_text="Let me check that").wait_for()
    frame.locator("#wd-input").fill("thanks")
    frame.locator("#wd-input").press("Enter")
    frame.locator(".wd-msg.customer[data-id]", has_text="thanks").wait_for()

    assert conversation(frame) == [
        "customer: my deposit is missin",
        "failed: " + "x" * 20,
        "customer: the txid is 0xabc",
        "system: Agent One (agent ID ",
        "agent: Let me check that",
        "customer: thanks",
    ]
    # The last one is what the customer sees: the list is scrolled to its end, the read mark under the
    # last message (it may come a moment later) in view too.
    frame.locator(".wd-msg.customer[data-id]", has_text="thanks").locator(".wd-read").wait_for()
    at_end = frame.locator("#wd-messages").evaluate("l => l.scrollHeight - l.scrollTop - l.clientHeight < 2")
    assert at_end

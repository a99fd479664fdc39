"""The live-chat flows a person clicks through: widget on a wallet's page (another origin) ↔ agent."""

import re

import pytest

pytestmark = pytest.mark.browser

XSS = '<script>window.__pwned = 1</script> **bold** <img src=x onerror="window.__pwned = 1">'


def open_widget(context, live):
    page = context.new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    return page, page.frame_locator("#walletdesk-chat-frame")


def start_chat(frame, text):
    frame.locator("#wd-first").fill(text)
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").last.wait_for()


def customer_bodies():
    from walletdesk.tickets.models import Message

    return list(Message.objects.filter(author_kind="customer").order_by("id").values_list("body", flat=True))


def only_ticket():
    from walletdesk.tickets.models import Ticket

    return Ticket.objects.get()


def test_customer_and_agent_talk_both_ways_with_typing(live, new_context, agent_page):
    page, frame = open_widget(new_context(), live)
    frame.locator("#wd-safety-text").get_by_text("never asks for your seed phrase").wait_for()
    start_chat(frame, "My deposit has not arrived")
    ticket = only_ticket()
    assert ticket.channel == "widget"
    desk = agent_page(f"/console/live-chat/{ticket.pk}/")
    desk.locator("#chat-live-messages li", has_text="My deposit has not arrived").wait_for()
    desk.locator("#chat-live-state", has_text="queued").wait_for()
    desk.click("#chat-live-accept")
    frame.locator(".wd-msg.system", has_text="Agent One").wait_for()
    # agent typing → customer sees it
    desk.locator("#chat-live-body").press_sequentially("Let me check", delay=20)
    frame.locator("#wd-typing", has_text="Support is typing").wait_for()
    desk.locator("#chat-live-body").press("Enter")
    frame.locator(".wd-msg.agent", has_text="Let me check").wait_for()
    # customer typing → agent sees a (redacted) preview
    frame.locator("#wd-input").press_sequentially("the txid is 0xabc", delay=20)
    desk.locator("#chat-live-typing", has_text="Customer is typing").wait_for()
    frame.locator("#wd-input").press("Enter")
    desk.locator("#chat-live-messages li", has_text="the txid is 0xabc").wait_for()
    assert customer_bodies() == ["My deposit has not arrived", "the txid is 0xabc"]


def test_queue_position_changes_when_the_chat_ahead_is_accepted(live, new_context, agent_page):
    _, first = open_widget(new_context(), live)
    start_chat(first, "first customer")
    _, second = open_widget(new_context(), live)
    start_chat(second, "second customer")
    second.locator("#wd-queue", has_text="1 ahead of you").wait_for()
    desk = agent_page("/console/live-chat/")
    desk.locator("#chat-live-queue tr").nth(1).wait_for()
    desk.locator("#chat-live-queue button").first.click()
    second.locator("#wd-queue", has_text="You are next").wait_for()
    first.locator(".wd-msg.system", has_text="Agent One").wait_for()


def test_reconnect_after_going_offline_loses_and_duplicates_nothing(live, new_context, online_agent):
    context = new_context()
    _, frame = open_widget(context, live)
    start_chat(frame, "before the tunnel")
    context.set_offline(True)
    for text in ("in the tunnel 1", "in the tunnel 2"):
        frame.locator("#wd-input").fill(text)
        frame.locator("#wd-input").press("Enter")
    frame.locator(".wd-msg.customer.pending", has_text="in the tunnel 2").wait_for()
    context.set_offline(False)
    frame.locator(".wd-msg.customer[data-id]", has_text="in the tunnel 2").wait_for(timeout=30000)
    assert frame.locator(".wd-msg.customer").count() == 3
    assert customer_bodies() == ["before the tunnel", "in the tunnel 1", "in the tunnel 2"]


def test_nobody_online_falls_back_to_an_email_ticket(live, new_context):
    _, frame = open_widget(new_context(), live)
    frame.locator("#wd-offline-text", has_text="No agent is online").wait_for()
    frame.locator("#wd-offline-email").fill("me@example.com")
    frame.locator("#wd-offline-body").fill("Please call me back about my withdrawal")
    frame.locator("#wd-offline-send").click()
    done = frame.locator("#wd-offline-done")
    done.wait_for()
    ticket = only_ticket()
    assert ticket.reference in done.inner_text() and "me@example.com" in done.inner_text()
    assert ticket.channel == "email" and ticket.customer.email == "me@example.com"


def test_transcript_download_has_the_conversation(live, new_context, online_agent):
    from walletdesk.tickets import outbox

    page, frame = open_widget(new_context(), live)
    start_chat(frame, "please keep a record")
    outbox.send(ticket=only_ticket(), author=online_agent, body="Your withdrawal is **on its way**")
    frame.locator(".wd-msg.agent", has_text="on its way").wait_for()
    with page.expect_download() as info:
        frame.locator("#wd-transcript").click()
    html = open(info.value.path(), encoding="utf-8").read()
    assert "please keep a record" in html and "<strong>on its way</strong>" in html
    assert only_ticket().reference in html and "Keep this transcript" in html


def test_script_in_a_message_renders_inert_on_both_sides(live, new_context, agent_page):
    page, frame = open_widget(new_context(), live)
    start_chat(frame, XSS)
    bubble = frame.locator(".wd-msg.customer[data-id]").last
    assert "<script>" in bubble.inner_text() and bubble.locator("strong", has_text="bold").count() == 1
    desk = agent_page(f"/console/live-chat/{only_ticket().pk}/")
    desk.locator("#chat-live-messages li", has_text="window.__pwned").wait_for()
    page.wait_for_timeout(300)
    assert desk.evaluate("window.__pwned") is None
    assert page.frames[1].evaluate("window.__pwned") is None and page.evaluate("window.__pwned") is None


@pytest.mark.parametrize("kind", ["forged", "expired"])
def test_bad_identity_token_is_refused(live, new_context, customer, kind):
    from tests.conftest import jwt_for

    token = jwt_for(customer)[:-2] + "xx" if kind == "forged" else jwt_for(customer, ttl=-300)
    page = new_context().new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.evaluate("token => walletdesk('identify', {token})", token)
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator("#wd-status", has_text=re.compile("could not verify your identity")).wait_for()
    assert frame.locator("#wd-prechat").is_hidden()

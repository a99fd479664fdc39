"""The live-chat flows a person clicks through: widget on a wallet's page (another origin) ↔ agent."""

import re

import pytest
from playwright.sync_api import expect

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
    desk.locator("#chat-live-state", has_text="Waiting in queue").wait_for()
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


def test_the_seed_phrase_warning_links_the_theft_report_beside_the_chat(live, new_context, online_agent):
    from mnemonic import Mnemonic

    page, frame = open_widget(new_context(), live)
    start_chat(frame, "support asked me for this: " + Mnemonic("english").to_mnemonic(bytes(16)))
    link = frame.locator(".wd-msg.system a", has_text="report a stolen account")
    link.wait_for()
    assert link.get_attribute("href") == live.url + "/support/new/?category=account_theft"
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")


@pytest.mark.parametrize(
    ("locale", "warning", "link"),
    [
        ("en", "will never ask for your seed phrase", "report a stolen account"),
        ("zh-hans", "绝不会向您索要助记词", "提交账户被盗报告"),
    ],
)
def test_an_offline_message_with_a_seed_phrase_is_warned_about_in_the_widget(
    live, new_context, locale, warning, link
):
    """Nobody online: the message becomes an email ticket, and the confirmation carries the same
    warning the live chat and the portal give, in the widget's language."""
    from mnemonic import Mnemonic

    _, frame = open_widget(new_context(), live)
    frame.locator("#wd-lang").select_option(locale)
    frame.locator("#wd-offline-email").fill("me@example.com")
    frame.locator("#wd-offline-body").fill(
        "support asked me for " + Mnemonic("english").to_mnemonic(bytes(16))
    )
    frame.locator("#wd-offline-send").click()
    alert = frame.locator("#wd-offline-warning[role=alert]")
    expect(alert).to_contain_text(warning)
    anchor = alert.locator("a", has_text=link)
    assert anchor.get_attribute("href") == live.url + "/support/new/?category=account_theft"
    assert anchor.get_attribute("target") == "_blank" and "noopener" in anchor.get_attribute("rel")
    expect(frame.locator("#wd-offline-done")).to_contain_text(only_ticket().reference)


def test_an_offline_message_without_a_secret_shows_no_warning(live, new_context):
    _, frame = open_widget(new_context(), live)
    frame.locator("#wd-offline-email").fill("me@example.com")
    frame.locator("#wd-offline-body").fill("Please call me back")
    frame.locator("#wd-offline-send").click()
    frame.locator("#wd-offline-done").wait_for()
    expect(frame.locator("#wd-offline-warning")).to_be_hidden()


HOLD_HOST_STORAGE = """
window.addEventListener("message", function (e) {
  if (e.data && e.data.type === "wd.storage-get") e.stopImmediatePropagation();
}, true);
"""


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_a_language_picked_before_the_frame_boots_is_kept(live, new_context, locale):
    """The cross-site frame waits (up to 1 s) for the host page's copy of its storage; a language the
    visitor picks in that time must not be put back when the frame boots."""
    context = new_context()
    context.add_init_script(HOLD_HOST_STORAGE)  # the host never answers: the frame boots on its timeout
    page, frame = open_widget(context, live)
    frame.locator("#wd-lang").select_option(locale)
    expected = {"en": "Start chat", "zh-hans": "开始咨询"}[locale]
    expect(frame.locator("#wd-start")).to_have_text(expected)
    page.wait_for_timeout(1500)  # past the boot timeout
    expect(frame.locator("#wd-lang")).to_have_value(locale)
    expect(frame.locator("#wd-start")).to_have_text(expected)


@pytest.mark.parametrize(
    ("locale", "name"), [("en", "Attach an image or PDF"), ("zh-hans", "添加图片或 PDF")]
)
def test_the_attach_button_is_a_drawn_icon_with_a_name(live, new_context, online_agent, locale, name):
    page, frame = open_widget(new_context(), live)
    frame.locator("#wd-lang").select_option(locale)
    start_chat(frame, "Here is a screenshot")
    attach = frame.get_by_role("button", name=name, exact=True)
    expect(attach.locator("svg")).to_have_count(1)  # waits for the name in the chosen language
    assert "📎" not in frame.locator(".wd-tools").inner_text()
    with page.expect_file_chooser() as chooser:
        attach.click()
    assert chooser.value.is_multiple() is False


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


def open_widget_same_site(context, live):
    """The widget on a page of its own site (support.wallet.example in wallet.example): the frame has
    first-party storage."""
    page = context.new_page()
    page.goto(live.url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    return page, page.frame_locator("#walletdesk-chat-frame")


# On another site, a browser that blocks third-party storage (Chromium's incognito contexts, which
# Playwright uses) denies the frame its localStorage: the frame then keeps its state in the host page's.
WIDGET_PLACEMENTS = [
    pytest.param(open_widget_same_site, id="same-site"),
    pytest.param(open_widget, id="cross-site-storage-blocked"),
]


def test_a_cross_site_frame_has_no_storage_of_its_own(live, new_context, online_agent):
    """The premise of the cross-site cases below: without it they would test the same-site path twice."""
    page, frame = open_widget(new_context(), live)
    frame.locator("#wd-first").wait_for()
    widget_frame = next(f for f in page.frames if "/widget/frame/" in f.url)
    denied = widget_frame.evaluate(
        "() => { try { localStorage.setItem('x', '1'); return false; } catch (e) { return true; } }"
    )
    assert denied


@pytest.mark.parametrize("open_placed", WIDGET_PLACEMENTS)
def test_drafts_survive_a_reload(live, new_context, online_agent, open_placed):
    """Nothing typed is lost across a reload: the pre-chat text and the chat box's draft come back."""
    page, frame = open_placed(new_context(), live)
    frame.locator("#wd-first").fill("draft before the chat 草稿")
    page.wait_for_timeout(100)
    page.reload()  # the chat reopens by itself in this tab
    expect(frame.locator("#wd-first")).to_have_value("draft before the chat 草稿")
    start_chat(frame, "the first message")
    frame.locator("#wd-input").press_sequentially("half a sentence", delay=10)
    page.reload()  # the chat reopens by itself in this tab
    frame.locator(".wd-msg.customer[data-id]", has_text="the first message").wait_for()
    expect(frame.locator("#wd-input")).to_have_value("half a sentence")
    expect(frame.locator("#wd-first")).to_have_value("")
    assert customer_bodies() == ["the first message"]


@pytest.mark.parametrize("open_placed", WIDGET_PLACEMENTS)
def test_a_message_sent_but_not_acknowledged_survives_a_reload(live, new_context, online_agent, open_placed):
    """The server never answered (socket swallowed): after a reload the outbox is resent, once."""
    context = new_context()
    swallow, routed = {"on": False}, []

    def route(ws) -> None:  # noqa: ANN001 - Playwright's WebSocketRoute
        routed.append(ws)
        if not swallow["on"]:
            ws.connect_to_server()

    context.route_web_socket(re.compile(r"/ws/chat/"), route)
    page, frame = open_placed(context, live)
    start_chat(frame, "before the hang")
    swallow["on"] = True
    for ws in routed:  # drop the live socket; the reconnect lands on a silent one
        ws.close()
    frame.locator("#wd-input").fill("typed while the server was silent")
    frame.locator("#wd-input").press("Enter")
    frame.locator(".wd-msg.customer.pending", has_text="typed while the server was silent").wait_for()
    page.wait_for_timeout(300)
    assert customer_bodies() == ["before the hang"]
    swallow["on"] = False
    page.reload()  # the chat reopens by itself in this tab
    frame.locator(".wd-msg.customer[data-id]", has_text="typed while the server was silent").wait_for()
    page.wait_for_timeout(300)
    assert customer_bodies() == ["before the hang", "typed while the server was silent"]
    assert frame.locator(".wd-msg.customer", has_text="typed while the server was silent").count() == 1


def test_a_txid_that_is_not_a_hash_gets_the_servers_reason(live, new_context, online_agent, category):
    page, frame = open_widget(new_context(locale="en-US"), live)
    frame.locator(f".wd-cats button[data-slug='{category.slug}']").click()
    frame.locator("input[data-key='txid']").fill("TRC20")
    frame.locator("#wd-first").fill("my deposit has not arrived")
    frame.locator("#wd-start").click()
    reason = frame.locator("[data-error-for='txid']")
    expect(reason).to_contain_text("transaction hash")
    assert frame.locator("input[data-key='txid']").input_value() == "TRC20"  # nothing typed is lost


@pytest.mark.parametrize(("locale", "typed"), [("zh-hans", "充值未到账"), ("en", "deposit not credited")])
def test_on_a_phone_help_suggestions_are_not_hidden_under_the_start_button(
    live, new_context, online_agent, locale, typed
):
    """At 390 px a category's intake form fills the screen: the suggestions that appear under the
    text box used to run under the start bar, which was stuck over the scrolling form."""
    from walletdesk.demo.services import demo_core_load
    from walletdesk.helpcenter.services import kb_demo_load
    from walletdesk.tickets.selectors import categories_forget

    demo_core_load()  # the shipped categories: deposit asks for five things
    categories_forget()
    kb_demo_load()
    page, frame = open_widget(new_context(viewport={"width": 390, "height": 844}, is_mobile=True), live)
    frame.locator("#wd-lang").select_option(locale)
    frame.locator("#wd-categories button[data-slug=deposit]").click()
    frame.locator("#wd-first").fill(typed)
    links = frame.locator("#wd-suggest li a")
    expect(links.nth(2)).to_be_attached()  # the demo help center has several on deposits
    page.wait_for_timeout(200)  # the scroll into view
    bar_top = frame.locator(".wd-start-bar").bounding_box()["y"]
    for link in links.all():
        box = link.bounding_box()
        assert box["y"] + box["height"] <= bar_top, (box, bar_top)
        # Nothing is drawn over it: the link is what a tap at its middle reaches.
        on_top = link.evaluate(
            "a => { const r = a.getBoundingClientRect();"
            " const el = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
            " return a.contains(el); }"
        )
        assert on_top
    expect(frame.locator("#wd-start")).to_be_in_viewport()


@pytest.mark.parametrize(("locale", "send"), [("en", "Send to the customer"), ("zh-hans", "发送给客户")])
def test_a_live_chat_ticket_page_has_one_composer_and_the_conversation_once(
    live, new_context, agent_page, locale, send
):
    """The ticket page showed the live panel's box and list and the ticket's Markdown form and
    history: while the chat is live, the live box is the one composer and the history the one list."""
    _, frame = open_widget(new_context(), live)
    start_chat(frame, "where is my deposit")
    ticket = only_ticket()
    from django.conf import settings

    desk = agent_page(f"/console/tickets/{ticket.pk}/")
    desk.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": locale, "url": live.url}])
    desk.reload()
    expect(desk.locator("#chat-live-send")).to_have_text(send)
    desk.locator("#chat-live-accept").click()
    frame.locator(".wd-msg.system", has_text="Agent One").wait_for()
    expect(desk.locator("#reply-form")).to_be_hidden()
    expect(desk.locator("textarea:visible")).to_have_count(1)
    expect(desk.locator("#chat-live-body")).to_be_visible()
    messages = "#conversation article:visible, #chat-live-messages li:visible"  # not the subject line
    expect(desk.locator(messages, has_text="where is my deposit")).to_have_count(1)
    desk.locator("#chat-live-body").fill("Looking now")
    desk.locator("#chat-live-body").press("Enter")
    frame.locator(".wd-msg.agent", has_text="Looking now").wait_for()
    expect(desk.locator(messages, has_text="Looking now")).to_have_count(1)
    desk.locator("#chat-live-solve").click()
    expect(desk.locator("#reply-form")).to_be_visible()  # ended: the ticket's own form is back

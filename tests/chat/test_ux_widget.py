"""Widget UX found by a user test (issue 4): the start form keeps what was typed and says what is
missing, the rating panel closes, the emoji panel stays shut until asked, errors speak the widget's
language. Driven through headless Chromium like tests/browser (same live server and fixtures)."""

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

FIELDS = [
    {"key": "account", "type": "text", "required": True, "label_zh": "账户", "label_en": "Account"},
    {
        "key": "txid",
        "type": "txid",
        "required": True,
        "label_zh": "交易哈希",
        "label_en": "Transaction hash",
        "help_zh": "在提现记录中复制",
        "help_en": "Copy it from your withdrawal history",
    },
    {"key": "network", "type": "network", "required": False, "label_zh": "网络", "label_en": "Network"},
    {
        "key": "amount",
        "type": "text",
        "required": False,
        "label_zh": "币种和数量",
        "label_en": "Asset and amount",
    },
    {"key": "error", "type": "text", "required": False, "label_zh": "错误信息", "label_en": "Error message"},
    {"key": "shot", "type": "file", "required": False, "label_zh": "截图", "label_en": "Screenshot"},
]


@pytest.fixture
def withdrawal(team):  # noqa: ANN201
    from walletdesk.tickets.services import category_upsert

    return category_upsert(
        slug="withdrawal",
        name_zh="提现失败或延迟",
        name_en="Withdrawal failed or delayed",
        description_zh="提现失败、长时间审核、未到账",
        description_en="Withdrawal failed, pending review for long, not received",
        team=team,
        intake_fields=FIELDS,
    )


def open_widget(context, live, viewport=None):  # noqa: ANN001, ANN201
    page = context.new_page()
    if viewport:
        page.set_viewport_size(viewport)
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    return page, page.frame_locator("#walletdesk-chat-frame")


def pick(frame, slug: str) -> None:  # noqa: ANN001
    frame.locator(f'#wd-categories button[data-slug="{slug}"]').click()


def customer_bodies() -> list[str]:
    from walletdesk.tickets.models import Message

    return list(Message.objects.filter(author_kind="customer").order_by("id").values_list("body", flat=True))


@pytest.mark.parametrize(
    ("locale", "missing"), [("en-US", "This field is required"), ("zh-CN", "请填写此项")]
)
def test_a_missing_required_field_is_marked_by_the_field_and_nothing_is_sent(
    live, new_context, online_agent, withdrawal, locale, missing
):
    page, frame = open_widget(new_context(locale=locale), live)
    pick(frame, "withdrawal")
    frame.locator('#wd-prepare input[data-key="account"]').fill("demo-uid-1001")
    frame.locator("#wd-first").fill("提不出来，一直审核中")
    frame.locator("#wd-start").click()
    error = frame.locator('[data-error-for="txid"]')
    expect(error).to_have_text(missing)
    expect(frame.locator('#wd-prepare input[data-key="txid"]')).to_have_attribute("aria-invalid", "true")
    expect(frame.locator("#wd-prechat")).to_be_visible()
    expect(frame.locator("#wd-first")).to_have_value("提不出来，一直审核中")
    expect(frame.locator('#wd-prepare input[data-key="account"]')).to_have_value("demo-uid-1001")
    page.wait_for_timeout(300)
    assert customer_bodies() == []
    frame.locator('#wd-prepare input[data-key="txid"]').fill("0x" + "ab" * 32)
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]", has_text="提不出来").wait_for()
    from walletdesk.tickets.models import Ticket

    ticket = Ticket.objects.get()
    assert ticket.intake == {"account": "demo-uid-1001", "txid": "0x" + "ab" * 32}
    assert customer_bodies() == ["提不出来，一直审核中"]


def test_a_server_refusal_brings_the_form_back_with_the_values_and_the_error(
    live, new_context, online_agent, withdrawal
):
    """The operator made a field required after the form was loaded: the server refuses the start
    message; the form comes back with everything typed and the reason by the field."""
    from walletdesk.tickets.services import category_upsert

    page, frame = open_widget(new_context(), live)
    pick(frame, "withdrawal")
    frame.locator('#wd-prepare input[data-key="account"]').fill("demo-uid-1001")
    frame.locator('#wd-prepare input[data-key="txid"]').fill("0x" + "cd" * 32)
    frame.locator("#wd-first").fill("My withdrawal is stuck")
    stricter = [dict(f, required=True) if f["key"] == "network" else f for f in FIELDS]
    category_upsert(
        slug="withdrawal",
        name_zh="提现",
        name_en="Withdrawal",
        team=withdrawal.default_team,
        intake_fields=stricter,
    )
    frame.locator("#wd-start").click()
    expect(frame.locator('[data-error-for="network"]')).to_have_text("This field is required")
    expect(frame.locator("#wd-prechat")).to_be_visible()
    expect(frame.locator("#wd-first")).to_have_value("My withdrawal is stuck")
    expect(frame.locator('#wd-prepare input[data-key="txid"]')).to_have_value("0x" + "cd" * 32)
    assert frame.locator(".wd-msg.customer").count() == 0  # no stray "not sent" bubble
    assert customer_bodies() == []
    frame.locator('#wd-prepare input[data-key="network"]').fill("TRC20")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]", has_text="My withdrawal is stuck").wait_for()
    from walletdesk.tickets.models import Ticket

    assert Ticket.objects.get().intake["network"] == "TRC20"
    assert customer_bodies() == ["My withdrawal is stuck"]


def test_the_start_form_fits_and_says_the_description_is_missing(live, new_context, online_agent, withdrawal):
    page, frame = open_widget(new_context(locale="zh-CN"), live, viewport={"width": 1280, "height": 900})
    pick(frame, "withdrawal")
    box = frame.locator("#wd-first").bounding_box()
    assert box is not None and box["height"] >= 40, box
    for key, value in (("account", "demo-uid-1001"), ("txid", "0x" + "ef" * 32)):
        frame.locator(f'#wd-prepare input[data-key="{key}"]').fill(value)
    start = frame.locator("#wd-start")
    start.click()
    expect(frame.locator('[data-error-for="body"]')).to_have_text("请描述您的问题")
    expect(frame.locator("#wd-first")).to_have_attribute("aria-invalid", "true")
    frame_box = page.locator("#walletdesk-chat-frame").bounding_box()
    start_box = start.bounding_box()
    assert start_box["y"] + start_box["height"] <= frame_box["y"] + frame_box["height"] + 1
    page.wait_for_timeout(200)
    assert customer_bodies() == []


def test_the_prepare_heading_is_its_own_line(live, new_context, online_agent, withdrawal):
    _, frame = open_widget(new_context(), live)
    pick(frame, "withdrawal")
    expect(frame.locator("#wd-prepare .wd-prepare-head")).to_have_text("Please have ready:")
    expect(frame.locator("#wd-prepare .wd-cat-desc")).to_have_text(
        "Withdrawal failed, pending review for long, not received"
    )


def test_the_rating_panel_closes_after_rating_and_the_thanks_show_in_its_place(
    live, new_context, online_agent
):
    from walletdesk.chat.services import chat_solve
    from walletdesk.tickets.models import Ticket

    page, frame = open_widget(new_context(), live)
    frame.locator("#wd-first").fill("please help")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    chat_solve(ticket=Ticket.objects.get(), by=online_agent)
    rating = frame.locator("#wd-rating")
    expect(rating).to_be_visible()
    frame.locator('#wd-stars button[data-value="4"]').click()
    frame.locator("#wd-rate-comment").fill("quick answer")
    frame.locator("#wd-rate-send").click()
    thanks = frame.locator("#wd-rated")
    expect(thanks).to_have_text("Thank you for your rating!")
    expect(thanks).to_be_in_viewport()
    page.wait_for_timeout(800)  # the ticket's own "rated" change arrives too: it must not reopen the panel
    expect(rating).to_be_hidden()
    ticket = Ticket.objects.get()
    assert (ticket.csat_rating, ticket.csat_comment) == (4, "quick answer")


def test_sending_a_rating_without_stars_says_so(live, new_context, online_agent):
    from walletdesk.chat.services import chat_solve
    from walletdesk.tickets.models import Ticket

    _, frame = open_widget(new_context(locale="zh-CN"), live)
    frame.locator("#wd-first").fill("请帮忙")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    chat_solve(ticket=Ticket.objects.get(), by=online_agent)
    frame.locator("#wd-rate-send").click()
    expect(frame.locator("#wd-rate-error")).to_have_text("请先选择星级")
    assert Ticket.objects.get().csat_rating is None


def test_the_emoji_panel_opens_only_when_asked(live, new_context, online_agent):
    _, frame = open_widget(new_context(), live)
    frame.locator("#wd-first").fill("hello")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    panel = frame.locator("#wd-emoji-panel")
    expect(panel).to_be_hidden()
    frame.locator("#wd-emoji").click()
    expect(panel).to_be_visible()
    panel.locator("button").first.click()
    frame.locator("#wd-emoji").click()
    expect(panel).to_be_hidden()
    expect(frame.locator("#wd-input")).to_have_value(re.compile("😀"))


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en-US", "Not sent: The message is too long"), ("zh-CN", "未发送：消息过长")],
)
def test_a_refused_message_is_explained_in_the_widgets_language(
    live, new_context, online_agent, locale, expected
):
    _, frame = open_widget(new_context(locale=locale), live)
    frame.locator("#wd-first").fill("hello")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    frame.locator("#wd-input").fill("A" * 20_001)
    frame.locator("#wd-input").press("Enter")
    failed = frame.locator(".wd-msg.customer.failed .wd-meta")
    expect(failed).to_contain_text(expected)

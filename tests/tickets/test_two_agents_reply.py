"""Two agents on one ticket: a reply written on a page that did not show a colleague's newer answer
is not sent over it. The page comes back with that answer, the draft kept and a notice; sending
again sends. The page's live parts (tickets/console/ticket_body.html) carry the ids the console's
script refreshes."""

import re

import pytest
from django.utils import translation

from walletdesk.tickets import outbox, selectors, services
from walletdesk.tickets.models import Channel, Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer, category):
    return services.ticket_create_by_customer(
        customer=customer, channel=Channel.WEB, body="my account was stolen", category=None
    ).ticket


@pytest.fixture
def console(client, settings, supervisor):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(supervisor)
    return client


def _seen_upto(page: str) -> str:
    return re.search(r'name="seen_upto" value="(\d+)"', page).group(1)


def _replies(ticket, user) -> int:
    return Message.objects.filter(ticket=ticket, author_user=user, is_internal=False).count()


def test_the_page_names_the_newest_message_it_shows(console, ticket):
    page = console.get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert _seen_upto(page) == str(ticket.messages.latest("id").pk)
    for part in (
        'id="ticket-meta"',
        'id="assign-form"',
        'id="fields-form"',
        'id="timeline"',
        'id="reply-collision"',
    ):
        assert part in page


def test_a_reply_over_a_colleagues_unseen_answer_comes_back_with_the_draft(
    console, ticket, agent, supervisor
):
    seen = _seen_upto(console.get(f"/console/tickets/{ticket.pk}/").content.decode())
    outbox.send(ticket=ticket, author=agent, body="Freeze your account in the app now.")
    with translation.override("en"):
        response = console.post(
            f"/console/tickets/{ticket.pk}/",
            {"action": "reply", "body": "Please freeze the account.", "seen_upto": seen},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    page = response.content.decode()
    assert response.status_code == 409
    assert _replies(ticket, supervisor) == 0
    assert "A new reply from Agent One was sent while you were writing" in page
    assert "Please freeze the account." in page  # the draft
    assert "Freeze your account in the app now." in page  # the colleague's answer, to review
    # The page now shows that answer: sending again sends.
    again = console.post(
        f"/console/tickets/{ticket.pk}/",
        {"action": "reply", "body": "Please freeze the account.", "seen_upto": _seen_upto(page)},
    )
    assert again.status_code == 302
    assert _replies(ticket, supervisor) == 1


def test_the_notice_is_in_chinese_for_a_chinese_console(console, ticket, agent):
    seen = _seen_upto(console.get(f"/console/tickets/{ticket.pk}/").content.decode())
    outbox.send(ticket=ticket, author=agent, body="已收到。")
    console.cookies["django_language"] = "zh-hans"
    response = console.post(
        f"/console/tickets/{ticket.pk}/", {"action": "reply", "body": "请冻结账户。", "seen_upto": seen}
    )
    assert response.status_code == 409
    assert "你在撰写回复时，Agent One 发送了新回复" in response.content.decode()


def test_notes_the_customers_messages_and_ones_own_replies_do_not_stop_a_reply(
    console, ticket, agent, supervisor, customer
):
    seen = _seen_upto(console.get(f"/console/tickets/{ticket.pk}/").content.decode())
    outbox.send(ticket=ticket, author=agent, body="checking the chain", internal=True)
    outbox.send(ticket=ticket, author=supervisor, body="First answer from this page's own agent.")
    response = console.post(
        f"/console/tickets/{ticket.pk}/", {"action": "reply", "body": "And a second one.", "seen_upto": seen}
    )
    assert response.status_code == 302
    assert _replies(ticket, supervisor) == 2


def test_an_internal_note_is_not_held_back(console, ticket, agent, supervisor):
    seen = _seen_upto(console.get(f"/console/tickets/{ticket.pk}/").content.decode())
    outbox.send(ticket=ticket, author=agent, body="Answered.")
    response = console.post(
        f"/console/tickets/{ticket.pk}/", {"action": "note", "body": "noted", "seen_upto": seen}
    )
    assert response.status_code == 302


@pytest.mark.parametrize("bad", ["abc", "-1", "9" * 40, ""])
def test_a_tampered_seen_upto_is_a_clear_error_and_sends_nothing(console, ticket, supervisor, bad):
    response = console.post(
        f"/console/tickets/{ticket.pk}/",
        {"action": "reply", "body": "hello", "seen_upto": bad},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "This page is out of date. Reload it, then send your reply again." in response.content.decode()
    assert _replies(ticket, supervisor) == 0


def test_replies_by_others_since_names_each_colleague_once_in_order(ticket, agent, supervisor):
    start = ticket.messages.latest("id").pk
    outbox.send(ticket=ticket, author=agent, body="one")
    outbox.send(ticket=ticket, author=supervisor, body="two")
    outbox.send(ticket=ticket, author=agent, body="three")
    assert selectors.replies_by_others_since(ticket=ticket, after_id=start, agent=supervisor) == ["Agent One"]
    assert selectors.replies_by_others_since(ticket=ticket, after_id=start, agent=agent) == ["super1"]
    last = ticket.messages.latest("id").pk
    assert selectors.replies_by_others_since(ticket=ticket, after_id=last, agent=supervisor) == []

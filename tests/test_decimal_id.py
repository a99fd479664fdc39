"""Ids typed by people and scripts: plain ASCII decimals only, never a 500."""

import pytest

from tests.conftest import jwt_for
from walletdesk.core.ids import decimal_id
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel


@pytest.mark.parametrize(("raw", "expected"), [("42", 42), (" 7 ", 7), (42, 42), ("9" * 18, int("9" * 18))])
def test_plain_decimals_are_ids(raw, expected):
    assert decimal_id(raw) == expected


@pytest.mark.parametrize("raw", ["²", "٣", "-1", "1.5", "", "abc", "9" * 19, True, None, 3.0, ["1"]])
def test_anything_else_is_none(raw):
    assert decimal_id(raw) is None


@pytest.mark.django_db
@pytest.mark.parametrize("rating", ["²", "٣", ""])
def test_a_rating_of_unicode_digits_is_a_400_not_a_500(client, customer, rating):
    ticket = receive(
        InboundMessage(channel=Channel.WEB, body="hi", customer=customer, new_ticket=True)
    ).ticket
    client.get(f"/support/login/?token={jwt_for(customer)}")
    assert client.post(f"/support/tickets/{ticket.pk}/rate/", {"rating": rating}).status_code == 400

"""Ids that are digits to str.isdigit() but not to int() ("²", "٣") are a 404, not a 500."""

import pytest

from tests.conftest import jwt_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw", ["²", "%C2%B2", "٣"])
def test_unicode_digits_in_ticket_ids_are_not_found(client, agent_client, customer, raw):
    assert agent_client.get(f"/api/v1/tickets/{raw}").status_code == 404
    assert agent_client.get(f"/api/v1/chat/canned?ticket={raw}").status_code == 404
    client.get(f"/support/login/?token={jwt_for(customer)}")
    assert client.get(f"/support/tickets/{raw}/").status_code == 404

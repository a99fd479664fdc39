"""A tampered review form (id not a number, or too big for the database) is a no-op, not a 500."""

import pytest

from walletdesk.verify.models import OfficialChannel

pytestmark = pytest.mark.django_db


@pytest.fixture
def console_client(client, agent, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(agent)
    return client


@pytest.mark.parametrize("bad_id", ["abc", "1.5", "-3", "9" * 30, ""])
def test_console_review_actions_with_a_bad_id_change_nothing(console_client, demo_registry, bad_id):
    channels = OfficialChannel.objects.count()

    for action, field in (("confirm", "report_id"), ("reject", "report_id"), ("remove", "channel_id")):
        response = console_client.post("/console/verify/", {"action": action, field: bad_id})
        assert response.status_code == 302

    assert OfficialChannel.objects.count() == channels

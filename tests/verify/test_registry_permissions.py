"""Who may change the official-channel registry: whatever is in it, the Verify page calls official."""

import pytest

from walletdesk.audit.models import AuditEntry
from walletdesk.verify.errors import ChannelChangeForbidden
from walletdesk.verify.models import OfficialChannel
from walletdesk.verify.services import channel_add, channel_remove, value_verify

pytestmark = pytest.mark.django_db

LOOKALIKE = {"action": "add", "brand": "DemoWallet", "kind": "website", "value": "demowallet-help.io"}


@pytest.fixture
def signed_in(client, settings):
    settings.WALLETDESK_REQUIRE_2FA = False

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def test_an_agent_cannot_make_a_lookalike_official_from_the_console(signed_in, agent, demo_registry):
    client = signed_in(agent)
    response = client.post("/console/verify/", LOOKALIKE, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "Only supervisors and admins may change the official channels." in response.content.decode()
    assert value_verify(value="demowallet-help.io").verdict != "official"
    assert not AuditEntry.objects.filter(action="verify.channel_add").exists()


def test_an_agent_cannot_remove_an_official_channel(signed_in, agent, demo_registry):
    channel = OfficialChannel.objects.filter(kind="website").first()
    signed_in(agent).post("/console/verify/", {"action": "remove", "channel_id": channel.pk})
    assert OfficialChannel.objects.filter(pk=channel.pk).exists()


def test_the_console_offers_registry_changes_to_supervisors_only(signed_in, agent, supervisor, demo_registry):
    agent_page = signed_in(agent).get("/console/verify/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'value="add"' not in agent_page and 'value="remove"' not in agent_page
    assert "Only supervisors and admins may change" in agent_page
    supervisor_page = signed_in(supervisor).get("/console/verify/").content.decode()
    assert 'value="add"' in supervisor_page and 'value="remove"' in supervisor_page


def test_a_supervisor_adds_a_channel(signed_in, supervisor, demo_registry):
    signed_in(supervisor).post("/console/verify/", LOOKALIKE)
    assert value_verify(value="demowallet-help.io").verdict == "official"


def test_services_refuse_an_agent_but_not_the_operators_command_line(agent, demo_registry):
    with pytest.raises(ChannelChangeForbidden):
        channel_add(brand_name="DemoWallet", kind="website", value="demowallet-help.io", actor=agent)
    channel = OfficialChannel.objects.filter(kind="website").first()
    with pytest.raises(ChannelChangeForbidden):
        channel_remove(channel=channel, actor=agent)
    added = channel_add(brand_name="DemoWallet", kind="website", value="demowallet-help.io")
    assert added.pk is not None


def test_a_zh_agent_reads_the_refusal_in_chinese(signed_in, agent, demo_registry):
    client = signed_in(agent)
    response = client.post("/console/verify/", LOOKALIKE, follow=True, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.content.decode().count("只有主管和管理员可以修改官方渠道") == 2  # the error and the note


def test_the_registry_table_names_channel_kinds_in_the_readers_language(signed_in, supervisor, demo_registry):
    page = signed_in(supervisor).get("/console/verify/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<span class="chip">网站</span>' in page and '<span class="chip">website</span>' not in page
    assert "服务语言" in page and 'value="DemoWallet"' in page

"""A supervisor in /admin/ runs the team and the knowledge and sees the data, and no more."""

import pytest
from django.contrib.auth.models import Group

from walletdesk.accounts.models import AgentProfile
from walletdesk.accounts.services import SUPERVISORS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in_supervisor(client, supervisor, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(supervisor)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/verify/officialchannel/",
        "/admin/verify/officialchannel/add/",
        "/admin/helpcenter/article/add/",
        "/admin/accounts/team/add/",
        "/admin/tickets/category/",
        "/admin/tickets/ticket/",
        "/admin/audit/auditentry/",
    ],
)
def test_supervisor_opens_what_they_run(signed_in_supervisor, url):
    response = signed_in_supervisor.get(url)
    assert response.status_code == 200, url
    assert b"You don\xe2\x80\x99t have permission" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/user/",
        "/admin/tickets/ticket/add/",
        "/admin/accounts/apitoken/add/",
        "/admin/auth/group/",
    ],
)
def test_supervisor_cannot_touch_users_tokens_or_create_tickets_behind_the_console(signed_in_supervisor, url):
    assert signed_in_supervisor.get(url).status_code == 403, url


def test_supervisor_cannot_change_anyones_role(signed_in_supervisor, agent):
    profile = AgentProfile.objects.get(user=agent)
    page = signed_in_supervisor.get(f"/admin/accounts/agentprofile/{profile.pk}/change/")
    assert page.status_code == 200
    assert b'name="role"' not in page.content
    signed_in_supervisor.post(
        f"/admin/accounts/agentprofile/{profile.pk}/change/",
        {"display_name": "Agent One", "capacity": 7, "languages": '["en"]', "presence": profile.presence,
         "teams": [t.pk for t in profile.teams.all()], "role": "admin"},
    )  # fmt: skip
    profile.refresh_from_db()
    assert profile.role == "agent"


def test_an_admin_making_someone_supervisor_gives_the_group_and_staff(client, agent, settings):
    from walletdesk.accounts.services import agent_create

    settings.WALLETDESK_REQUIRE_2FA = False
    admin_user = agent_create(username="root1", password="root-pass-12345", role="admin").user
    client.force_login(admin_user)
    profile = AgentProfile.objects.get(user=agent)
    form = client.get(f"/admin/accounts/agentprofile/{profile.pk}/change/").context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["role"] = "supervisor"
    response = client.post(f"/admin/accounts/agentprofile/{profile.pk}/change/", data)
    assert response.status_code == 302, response.content[:2000]
    agent.refresh_from_db()
    assert agent.is_staff and agent.groups.filter(name=SUPERVISORS_GROUP).exists()


def test_group_holds_the_listed_permissions_after_migrate(supervisor):
    group = Group.objects.get(name=SUPERVISORS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_officialchannel", "view_ticket", "add_article"} <= codenames
    assert "change_ticket" not in codenames and "delete_ticket" not in codenames
    assert supervisor.has_perm("verify.change_officialchannel")

"""`walletdesk agent`: an operator creates accounts on a real install; bad input is a sentence, not a trace."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from walletdesk.accounts.models import AgentProfile

pytestmark = pytest.mark.django_db


def _create(monkeypatch, *args, password="a-long-Passphrase-7"):
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    out = io.StringIO()
    call_command("agent", "create", *args, "--password-stdin", stdout=out)
    return out.getvalue()


def test_creates_a_supervisor_in_a_team_who_signs_in_with_the_password(monkeypatch, team, client):
    out = _create(monkeypatch, "li.na", "--role", "supervisor", "--name", "李娜", "--teams", team.slug)
    profile = AgentProfile.objects.get(user__username="li.na")
    assert profile.role == "supervisor" and profile.display_name == "李娜"
    assert list(profile.teams.all()) == [team] and profile.user.is_staff and not profile.user.is_superuser
    assert "created li.na (supervisor" in out and "/console/login/" in out
    assert profile.user.check_password("a-long-Passphrase-7")
    response = client.post("/console/login/", {"username": "li.na", "password": "a-long-Passphrase-7"})
    assert response["Location"] == "/console/login/enrol/"


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["x", "--role", "boss"], "a-long-Passphrase-7", "--role must be one of"),
        (["x", "--teams", "nope"], "a-long-Passphrase-7", "No team nope"),
        (["x", "--languages", "fr"], "a-long-Passphrase-7", "--languages takes"),
        (["x", "--capacity", "0"], "a-long-Passphrase-7", "--capacity must be"),
        (["x"], "short", "Password refused"),
        (["x"], "password123", "Password refused"),
        (["x"], "8675309422", "Password refused: This password is entirely numeric"),
        (["bad name!"], "a-long-Passphrase-7", "Username 'bad name!' refused: Enter a valid username"),
    ],
)
def test_bad_input_is_refused_with_a_sentence_and_creates_nothing(monkeypatch, team, args, password, message):
    with pytest.raises(CommandError, match=message):
        _create(monkeypatch, *args, password=password)
    assert not get_user_model().objects.filter(username=args[0]).exists()


def test_an_existing_name_is_refused(monkeypatch, agent):
    with pytest.raises(CommandError, match="already exists"):
        _create(monkeypatch, agent.username.upper())


def test_list_shows_role_teams_and_2fa(monkeypatch, agent, team):
    out = io.StringIO()
    call_command("agent", "list", stdout=out)
    assert f"{agent.username}\tagent\t{team.slug}\tno-2fa\tactive" in out.getvalue()
    teams = io.StringIO()
    call_command("agent", "teams", stdout=teams)
    assert team.slug in teams.getvalue()

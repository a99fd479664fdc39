"""walletdesk agent: the operator's way to create the first accounts of a real install.

walletdesk agent create USERNAME [--role agent|supervisor|admin|finance|editor] [--name N] [--email E]
                                 [--languages zh-hans,en] [--teams slug,slug] [--capacity 5] [--password-stdin]
walletdesk agent list
walletdesk agent teams

The password is asked twice at the prompt (or read from stdin with --password-stdin) and checked by
Django's password validators. The new person enrols a TOTP device at their first console sign-in.
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import translation

from walletdesk.accounts.models import AgentProfile, AgentRole, Team
from walletdesk.accounts.services import agent_create

LANGUAGES = ("zh-hans", "en")


class Command(BaseCommand):
    help = "Agents: create one (with role, teams, languages), list them, list the teams."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
        create = sub.add_parser("create", help="create an agent account")
        create.add_argument("username")
        create.add_argument("--role", default=AgentRole.AGENT, help=f"one of {', '.join(AgentRole.values)}")
        create.add_argument("--name", default="", help="the name customers see (default: the username)")
        create.add_argument("--email", default="")
        create.add_argument("--languages", default="zh-hans,en", help="comma-separated: zh-hans, en")
        create.add_argument("--teams", default="", help="comma-separated team slugs (walletdesk agent teams)")
        create.add_argument("--capacity", type=int, default=5, help="open chats at once (1-50)")
        create.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
        sub.add_parser("list", help="every agent with role, teams and whether 2FA is enrolled")
        sub.add_parser("teams", help="the teams and their slugs")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _create(self, options: dict[str, Any]) -> None:
        username = options["username"].strip()
        if not username:
            raise CommandError("The username is empty.")
        with translation.override("en"):  # the command speaks English; validators follow the locale
            try:
                get_user_model()._meta.get_field("username").run_validators(username)
            except ValidationError as exc:
                raise CommandError(f"Username {username!r} refused: " + " ".join(exc.messages)) from exc
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise CommandError(f"An account named {username!r} already exists.")
        role = options["role"]
        if role not in AgentRole.values:
            raise CommandError(f"--role must be one of {', '.join(AgentRole.values)}, not {role!r}.")
        languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
        unknown = [code for code in languages if code not in LANGUAGES]
        if not languages or unknown:
            raise CommandError(f"--languages takes zh-hans and/or en, not {options['languages']!r}.")
        slugs = [slug.strip() for slug in options["teams"].split(",") if slug.strip()]
        teams = list(Team.objects.filter(slug__in=slugs))
        missing = sorted(set(slugs) - {team.slug for team in teams})
        if missing:
            raise CommandError(f"No team {', '.join(missing)}: `walletdesk agent teams` lists them.")
        if not 1 <= options["capacity"] <= 50:
            raise CommandError("--capacity must be between 1 and 50.")
        password = self._password(username, options["password_stdin"])
        with transaction.atomic():
            profile = agent_create(
                username=username,
                password=password,
                role=role,
                display_name=options["name"].strip(),
                email=options["email"].strip(),
                languages=languages,
                teams=teams,
                capacity=options["capacity"],
            )
        self.stdout.write(
            f"created {profile.user.username} ({profile.role}, {profile.agent_code}); "
            "they enrol their authenticator app at the first sign-in on /console/login/"
        )

    def _password(self, username: str, from_stdin: bool) -> str:
        if from_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
            if getpass.getpass("Password (again): ") != password:
                raise CommandError("The two passwords differ; nothing was created.")
        user = get_user_model()(username=username)
        with translation.override("en"):
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise CommandError("Password refused: " + " ".join(exc.messages)) from exc
        return password

    def _list(self, options: dict[str, Any]) -> None:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
        profiles = (
            AgentProfile.objects.select_related("user").prefetch_related("teams").order_by("user__username")
        )
        for profile in profiles:
            teams = ",".join(team.slug for team in profile.teams.all()) or "-"
            state = "active" if profile.user.is_active else "disabled"
            totp = "2fa" if profile.user_id in enrolled else "no-2fa"
            self.stdout.write(f"{profile.user.username}\t{profile.role}\t{teams}\t{totp}\t{state}")

    def _teams(self, options: dict[str, Any]) -> None:
        for team in Team.objects.order_by("slug"):
            self.stdout.write(f"{team.slug}\t{team.name_en}\t{team.name_zh}")

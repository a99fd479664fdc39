from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Demo data: `walletdesk demo load` (idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("action", choices=["load"])

    def handle(self, *args: Any, **options: Any) -> None:
        from walletdesk.demo.services import demo_load

        try:
            report = demo_load()
        except Exception as exc:  # a half-loaded demo must say why, not print a traceback
            raise CommandError(f"demo load failed: {exc}") from exc
        self.stdout.write("demo data loaded: " + ", ".join(f"{k}={v}" for k, v in report.loaded.items()))
        for username, password, secret in report.logins:
            self.stdout.write(
                f"  agent console login: {username} / {password}  TOTP secret (add to an authenticator app): {secret}"
            )
        self.stdout.write("  demo customer: open /support/demo/ (signs a wallet token for uid demo-uid-1001)")

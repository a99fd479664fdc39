"""walletdesk mail: email intake.

walletdesk mail fetch [--limit N]   read the IMAP folder's new mails once and say what was stored
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from walletdesk.channels_email import services
from walletdesk.core.errors import DomainError

_SAID = {
    "new_ticket": "new ticket",
    "threaded": "added to",
    "duplicate": "already stored in",
    "skipped": "skipped",
    "held": "held",
}


class Command(BaseCommand):
    help = "Email intake: fetch new mails from the IMAP mailbox (WALLETDESK_IMAP_*)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
        fetch = sub.add_parser("fetch", help="read the new mails once")
        fetch.add_argument("--limit", type=int, default=services.MAX_PER_POLL, help="at most this many mails")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1.")
        try:
            result = services.mailbox_poll(limit=options["limit"])
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        for outcome in result.outcomes:
            said = " ".join(filter(None, [_SAID[outcome.status], outcome.reference, outcome.detail]))
            self.stdout.write(f"uid {outcome.uid}: {said}")
        counts = ", ".join(
            f"{result.count(status)} {label}"
            for status, label in (
                ("new_ticket", "new tickets"),
                ("threaded", "added to tickets"),
                ("duplicate", "duplicates"),
                ("skipped", "skipped (auto-replies, bounces)"),
                ("held", "held"),
            )
        )
        self.stdout.write(f"{result.mailbox}: {len(result.outcomes)} new mails: {counts}.")

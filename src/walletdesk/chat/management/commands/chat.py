"""walletdesk chat: operator commands for live chat.

walletdesk chat status                         queue, agents online, hours, routing
walletdesk chat hours                          show opening hours
walletdesk chat hours "mon-fri 09:00-18:00; sat 10:00-14:00"
walletdesk chat hours --always                 open around the clock (no hours)
walletdesk chat routing --auto-assign true|false
walletdesk chat canned list
walletdesk chat canned add SHORTCUT --title T --zh 中文 --en English [--replace]
walletdesk chat canned remove SHORTCUT
walletdesk chat canned defaults [--overwrite]  add the starter replies (zh/en) that are missing
walletdesk chat transcript WD-10001 [--locale en] [--out file.html]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation

from walletdesk.chat import availability, selectors, services, transcripts
from walletdesk.chat.models import BusinessHours
from walletdesk.core.errors import DomainError, ValidationFailed


def _bool(raw: str) -> bool:
    if raw.lower() not in ("true", "false"):
        raise CommandError(f"--auto-assign takes true or false, not {raw!r}.")
    return raw.lower() == "true"


class Command(BaseCommand):
    help = "Live chat: status, opening hours, routing, canned replies, transcripts."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
        sub.add_parser("status", help="queue, agents online, hours, routing")
        hours = sub.add_parser("hours", help="show or set opening hours")
        hours.add_argument("spec", nargs="?", help='e.g. "mon-fri 09:00-18:00; sat 10:00-14:00"')
        hours.add_argument("--always", action="store_true", help="open around the clock")
        routing = sub.add_parser("routing", help="automatic assignment of waiting chats")
        routing.add_argument("--auto-assign", required=True, metavar="true|false")
        canned = sub.add_parser("canned", help="canned replies")
        canned.add_argument("op", choices=["list", "add", "remove", "defaults"])
        canned.add_argument("shortcut", nargs="?")
        canned.add_argument("--title", default="")
        canned.add_argument("--zh", default="")
        canned.add_argument("--en", default="")
        canned.add_argument(
            "--overwrite", action="store_true", help="defaults: also replace replies with the same shortcut"
        )
        canned.add_argument(
            "--replace", action="store_true", help="add: overwrite the reply with this shortcut"
        )
        transcript = sub.add_parser("transcript", help="write a ticket's chat transcript (HTML)")
        transcript.add_argument("reference", help="WD-10001 or the ticket id")
        transcript.add_argument("--locale", default=None, choices=["zh-hans", "en"])
        transcript.add_argument("--out", default=None, help="file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        # Operator commands speak English whatever the site's default language (as `verify` does);
        # a transcript still renders in its --locale.
        try:
            with translation.override("en"):
                getattr(self, f"do_{options['action']}")(options)
        except DomainError as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
            raise CommandError(f"{exc.message}{' (' + detail + ')' if detail else ''}") from exc

    def do_status(self, options: dict) -> None:
        snapshot = selectors.queue_snapshot()
        hours = list(BusinessHours.objects.all())
        state = "open" if snapshot.availability.open else f"closed ({snapshot.availability.reason})"
        self.stdout.write(f"chat: {state}; hours: {availability.business_hours_describe(hours)}")
        self.stdout.write(f"auto-assign: {'on' if selectors.chat_settings_get().auto_assign else 'off'}")
        online = selectors.agents_online_list()
        active = selectors.active_chats_by_agent(agent_ids=[p.user_id for p in online])
        self.stdout.write(f"agents online: {len(online)}, free slots: {snapshot.free_slots}")
        for profile in online:
            self.stdout.write(f"  {profile}: {len(active.get(profile.user_id, []))}/{profile.capacity} chats")
        self.stdout.write(f"waiting: {len(snapshot.entries)}")
        now = timezone.now()
        for entry in snapshot.entries:
            waited = int((now - entry.queued_at).total_seconds())
            estimate = "?" if entry.wait_seconds is None else f"{int(entry.wait_seconds)}s"
            self.stdout.write(
                f"  #{entry.position} ticket {entry.ticket_id}: waiting {waited}s, estimate {estimate} more"
            )

    def do_hours(self, options: dict) -> None:
        if options["always"] and options["spec"]:
            raise CommandError("Give either hours or --always, not both.")
        if options["always"]:
            availability.business_hours_set(spec="")
        elif options["spec"] is not None:
            if not options["spec"].strip():
                raise CommandError('Empty hours: use --always for 24/7, or e.g. "mon-fri 09:00-18:00".')
            availability.business_hours_set(spec=options["spec"])
        hours = list(BusinessHours.objects.all())
        self.stdout.write(
            f"opening hours ({timezone.get_current_timezone_name()}): "
            f"{availability.business_hours_describe(hours)}"
        )

    def do_routing(self, options: dict) -> None:
        current = services.chat_settings_set(auto_assign=_bool(options["auto_assign"]))
        self.stdout.write(f"auto-assign: {'on' if current.auto_assign else 'off'}")

    def do_canned(self, options: dict) -> None:
        op, shortcut = options["op"], options["shortcut"]
        if op == "list":
            for reply in selectors.canned_reply_list():
                self.stdout.write(f"{reply.shortcut}\t{reply.title}")
            return
        if op == "defaults":
            from walletdesk.chat.management.canned import canned_defaults_load

            written = canned_defaults_load(overwrite=options["overwrite"])
            self.stdout.write(f"added {written} canned replies")
            return
        if not shortcut:
            raise CommandError(f"canned {op} needs a SHORTCUT.")
        if op == "add":
            try:
                reply = services.canned_reply_upsert(
                    shortcut=shortcut,
                    title=options["title"],
                    body_zh=options["zh"],
                    body_en=options["en"],
                    new=not options["replace"],
                )
            except ValidationFailed as exc:
                if exc.details.get("codes", {}).get("shortcut") != "taken":
                    raise
                raise CommandError(
                    f"A canned reply {shortcut.strip().lower()!r} exists already: add --replace to "
                    "overwrite it, or choose another shortcut."
                ) from exc
            self.stdout.write(f"saved canned reply {reply.shortcut}")
        else:
            services.canned_reply_delete(shortcut=shortcut)
            self.stdout.write(f"removed canned reply {shortcut}")

    def do_transcript(self, options: dict) -> None:
        from walletdesk.tickets.models import Ticket
        from walletdesk.tickets.selectors import _ticket_pk

        ticket = Ticket.objects.filter(pk=_ticket_pk(options["reference"])).first()
        if ticket is None:
            raise CommandError(f"No ticket {options['reference']}.")
        html = transcripts.transcript_render(ticket=ticket, locale=options["locale"] or ticket.locale)
        if options["out"]:
            try:
                Path(options["out"]).write_text(html, encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"Cannot write {options['out']}: {exc.strerror}.") from exc
            self.stdout.write(f"wrote {options['out']} ({len(html)} characters)")
        else:
            self.stdout.write(html)

"""`walletdesk verify VALUE` or `walletdesk verify --jsonl` (reads {"id", "value"} lines on stdin).

Prints {"verdict", "kind", "matched", "reason"} per value; with --jsonl one object per line carrying
the line's id. A bad line gets {"id", "error"} in its place (so outputs stay aligned with inputs) and
the command exits 1 at the end.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from walletdesk.core.errors import DomainError
from walletdesk.verify import selectors, services


class Command(BaseCommand):
    # Run once per file of JSON lines by scripts: Django's system checks would import the whole
    # URL configuration (every view and API module) first, for URLs this command never serves.
    requires_system_checks: list[str] = []
    help = "Tell whether a website, email, handle, phone number or WeChat ID is official, a look-alike or unknown."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("value", nargs="?", help="What the customer pasted.")
        parser.add_argument(
            "--jsonl", action="store_true", help='Read {"id", "value"} JSON lines from stdin.'
        )

    def handle(self, *args: Any, **options: Any) -> None:
        _utf8_stdout()

        # The JSON reasons are English; error sentences match them (the API and pages translate).
        with translation.override("en"):
            self._handle(options)

    def _handle(self, options: dict[str, Any]) -> None:
        if options["jsonl"]:
            if options["value"]:
                raise CommandError("Give either a VALUE or --jsonl (lines on standard input), not both.")
            bad = self._jsonl()
            if bad:
                raise CommandError(f'{bad} line(s) could not be checked; see the "error" objects above.')
            return
        if options["value"] is None:
            raise CommandError('Give a VALUE to check, or --jsonl to read {"id", "value"} lines from stdin.')
        try:
            verdict = services.value_verify(value=options["value"])
        except DomainError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(json.dumps(verdict.as_public(), ensure_ascii=False))

    def _jsonl(self) -> int:
        index = selectors.registry_index_get()  # one index for the whole batch
        bad = 0
        out = self.stdout
        for number, line in enumerate(_stdin_lines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                bad += 1
                out.write(json.dumps({"id": None, "error": f"line {number} is not JSON: {exc.msg}"}))
                continue
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("value"), str)
                or not item["value"].strip()
            ):
                bad += 1
                ident = item.get("id") if isinstance(item, dict) else None
                out.write(
                    json.dumps({"id": ident, "error": f'line {number} needs a non-empty string "value"'})
                )
                continue
            verdict = services.value_judge(index=index, value=item["value"])
            result = {"id": item.get("id"), **verdict.as_public()}
            out.write(json.dumps(result, ensure_ascii=False))
        return bad


def _stdin_lines() -> Any:
    """UTF-8 lines whatever the machine's locale says (pasted values are full of non-ASCII)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a StringIO in tests
        return sys.stdin
    return (raw.decode("utf-8", errors="replace") for raw in buffer)


def _utf8_stdout() -> None:
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8")

"""`walletdesk triage`: triage messages from the command line.

`walletdesk triage --jsonl` reads {"id", "text"} lines on stdin (or --input FILE) and prints one
JSON line per message; `walletdesk triage "text"` prints one result for a person to read.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from walletdesk.triage.services import Triage, message_triage


def _jsonl_line(msg_id: object, result: Triage) -> str:
    entities = result.entities
    return json.dumps(
        {
            "id": msg_id,
            "category": result.category,
            "complaint": result.complaint,
            "entities": {
                "tx_hashes": entities.tx_hashes,
                "addresses": entities.addresses,
                "networks": entities.networks,
                "amounts": entities.amounts,
            },
        },
        ensure_ascii=False,
    )


class Command(BaseCommand):
    # Triage reads no database and no URLs: skipping the system checks keeps start-up short
    # and the command usable while another app's module is mid-edit.
    requires_system_checks: list[str] = []
    help = 'Triage messages: --jsonl reads {"id","text"} lines and prints one result line each.'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", help="One message to triage (for people).")
        parser.add_argument("--jsonl", action="store_true", help='Read {"id","text"} JSON lines.')
        parser.add_argument("--input", help="Read JSON lines from this file instead of stdin.")

    def handle(self, *args: Any, **options: Any) -> None:
        # Messages are Chinese as often as not: never let a C locale turn them into an encoding
        # error half way through a batch.
        for stream in (sys.stdin, sys.stdout, sys.stderr):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8")
        if options["jsonl"]:
            if options["text"]:
                raise CommandError("Give either --jsonl (messages on stdin) or one text, not both.")
            self._jsonl(options.get("input"))
            return
        text = options["text"]
        if text is None:
            raise CommandError(
                'Nothing to triage: pass a text, or --jsonl with {"id","text"} lines on stdin.'
            )
        result = message_triage(text=text)
        self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))

    def _jsonl(self, path: str | None) -> None:
        if path:
            try:
                with open(path, encoding="utf-8-sig") as fh:
                    bad = self._stream(fh)
            except OSError as exc:
                raise CommandError(f"Cannot read {path}: {exc.strerror}.") from exc
        else:
            bad = self._stream(sys.stdin)
        if bad:
            raise CommandError(
                f'{bad} input line(s) were not valid {{"id", "text"}} JSON; see the messages above.'
            )

    def _stream(self, lines: TextIO) -> int:
        """Triage every line; a bad line is reported on stderr and skipped, the rest still run."""
        bad = 0
        out = self.stdout
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.lstrip("\ufeff"))
            except json.JSONDecodeError as exc:
                bad += 1
                self.stderr.write(f"line {number}: not JSON ({exc.msg}).")
                continue
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                bad += 1
                self.stderr.write(f'line {number}: expected an object with a string "text".')
                continue
            out.write(_jsonl_line(row.get("id"), message_triage(text=row["text"])))
        return bad

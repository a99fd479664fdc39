"""`walletdesk shield scan`: find and redact wallet secrets in text read from stdin.

Plain mode reads all of stdin as one text and prints one JSON object:
    {"findings": [{"kind": K, "start": int, "end": int}], "redacted": str}
--jsonl reads one {"id": str, "text": str} object per line and prints one
{"id", "findings", "redacted"} object per line, in input order. A malformed line gets a
sentence on stderr naming its line number, the other lines are still processed, and the
command exits with status 1 at the end. Offsets are Python string indices into the text.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from walletdesk.shield.services import text_redact


class Command(BaseCommand):
    # Run once per file of JSON lines by scripts: Django's system checks would import the whole
    # URL configuration (every view and API module) first, for URLs this command never serves.
    requires_system_checks: list[str] = []
    help = "Scan text for wallet secrets (seed phrases, private keys, keystore files) and redact them."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="ACTION")
        actions.required = True
        scan = actions.add_parser(
            "scan", help="Read text on stdin, print findings and the redacted text as JSON."
        )
        scan.add_argument(
            "--jsonl",
            action="store_true",
            help='Read lines of {"id": str, "text": str}; print one result per line.',
        )
        scan.add_argument(
            "--locale",
            choices=["zh-hans", "en"],
            default=None,
            help="Language of the markers that replace secrets (default: the text's own).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        raw = sys.stdin.buffer.read()
        try:
            data = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(f"stdin is not UTF-8 text (byte {exc.start} is invalid).") from exc
        out = sys.stdout
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8")
        if not options["jsonl"]:
            out.write(_dump(_result(data, options["locale"])) + "\n")
            return
        failures = 0
        for number, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item_id, text = _parse_line(line)
            except ValueError as exc:
                failures += 1
                sys.stderr.write(f"line {number}: {exc}\n")
                continue
            out.write(_dump({"id": item_id, **_result(text, options["locale"])}) + "\n")
        out.flush()
        if failures:
            raise CommandError(f"{failures} line(s) could not be scanned; see the messages above.")


def _result(text: str, locale: str | None) -> dict[str, Any]:
    redaction = text_redact(text=text, locale=locale)
    return {"findings": [finding.as_dict() for finding in redaction.findings], "redacted": redaction.text}


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


def _parse_line(line: str) -> tuple[str, str]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno}).") from exc
    if not isinstance(item, dict):
        raise ValueError('expected a JSON object like {"id": "1", "text": "..."}.')
    item_id, text = item.get("id"), item.get("text")
    if not isinstance(item_id, str):
        raise ValueError('"id" must be a string.')
    if not isinstance(text, str):
        raise ValueError('"text" must be a string.')
    return item_id, text

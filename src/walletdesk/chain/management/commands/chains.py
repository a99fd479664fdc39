"""`walletdesk chains import FILE` and `walletdesk chains list`."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from walletdesk.chain.errors import ChainsFileInvalid
from walletdesk.chain.management.commands._db import chain_tables_ensure
from walletdesk.chain.selectors import chain_list
from walletdesk.chain.services import chains_import


class Command(BaseCommand):
    # An operator command that must answer fast; `walletdesk check` runs the system checks.
    requires_system_checks: list[str] = []
    help = "Configure the supported networks and assets."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Create or replace the chains in a JSON chains file.")
        importer.add_argument("file", help='JSON: {"chains": [{"id", "name", "kind", "rpc", "chain_id", …}]}')
        sub.add_parser("list", help="Print the configured chains and assets as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        chain_tables_ensure()
        if options["action"] == "list":
            self.stdout.write(json.dumps(_chains_as_file(), indent=2, ensure_ascii=False))
            return
        path = options["file"]
        try:
            with open(path, encoding="utf-8") as handle:
                # Decimal keeps "min_deposit": 0.1 exact even when the operator wrote a JSON number.
                data = json.load(handle, parse_float=Decimal)
        except OSError as exc:
            _exit(f"Cannot read the chains file {path}: {exc.strerror or exc}.")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            _exit(f"The chains file {path} is not valid JSON: {exc}.")
        try:
            chains = chains_import(data=data)
        except ChainsFileInvalid as exc:
            _exit(f"The chains file {path} was not imported: {exc.message}.")
        for chain in chains:
            assets = ", ".join(a.symbol for a in chain.assets.all()) or "no assets"
            self.stdout.write(
                f"imported {chain.pk}: {chain.name} ({chain.kind}, {chain.confirmations} "
                f"confirmations; {assets})"
            )


def _exit(sentence: str) -> None:
    sys.stderr.write(sentence.rstrip(".") + ".\n")
    raise SystemExit(2)


def _chains_as_file() -> dict[str, Any]:
    return {
        "chains": [
            {
                "id": c.pk,
                "name": c.name,
                "kind": c.kind,
                "rpc": c.rpc,
                "chain_id": c.chain_id,
                "confirmations": c.confirmations,
                "block_time": c.block_seconds,
                "assets": [
                    {"symbol": a.symbol, "native": True, "decimals": a.decimals, "min_deposit": a.min_deposit}
                    if a.native
                    else {
                        "symbol": a.symbol,
                        "contract": a.contract,
                        "decimals": a.decimals,
                        "min_deposit": a.min_deposit,
                    }
                    for a in c.assets.all()
                ],
            }
            for c in chain_list()
        ]
    }

"""`walletdesk diagnose --chain ID --tx HASH [--address ADDR] [--asset SYMBOL] [--locale en|zh-hans]`."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from walletdesk.chain.errors import AddressMalformed, ChainUnknown, ChainUnreachable, TxHashMalformed
from walletdesk.chain.management.commands._db import chain_tables_ensure
from walletdesk.chain.services import tx_diagnose


class Command(BaseCommand):
    # An operator command that must answer fast; `walletdesk check` runs the system checks.
    requires_system_checks: list[str] = []
    help = "Diagnose a deposit or withdrawal transaction from the chain itself; prints one JSON object."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--chain", required=True, help="configured chain id the customer chose")
        parser.add_argument("--tx", required=True, help="transaction hash (any case, with or without 0x)")
        parser.add_argument("--address", help="the customer's deposit address on that chain")
        parser.add_argument("--asset", help="the asset the customer believes they sent, e.g. USDT")
        parser.add_argument("--locale", default="en", help="language of the explanation: en or zh-hans")

    def handle(self, *args: Any, **options: Any) -> None:
        chain_tables_ensure()
        try:
            diagnosis = tx_diagnose(
                chain_id=options["chain"],
                tx_hash=options["tx"],
                address=options["address"],
                asset=options["asset"],
                locale=options["locale"],
            )
        except (ChainUnknown, TxHashMalformed, AddressMalformed, ChainUnreachable) as exc:
            sys.stderr.write(exc.message.rstrip(".") + ".\n")
            raise SystemExit(2) from None
        self.stdout.write(json.dumps(diagnosis.as_dict(), ensure_ascii=False))

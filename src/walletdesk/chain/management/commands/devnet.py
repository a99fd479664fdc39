"""`walletdesk devnet`: a local anvil matching demo_chains.json, with demo deposits to diagnose."""

from __future__ import annotations

import signal
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from walletdesk.chain.devnet.anvil import AnvilMissing, anvil_start

# Anvil's first default account deploys first, so the demo token lands at the address in
# data/demo_chains.json; the second default account is the demo customer's deposit address.
DEMO_USDT = "0x5fbdb2315678afecb367f032d93f642f64180aa3"
DEMO_CUSTOMER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"


class Command(BaseCommand):
    help = "Run anvil on 127.0.0.1:8545 with the demo USDT token and a few demo deposits (Ctrl-C stops it)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8545)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            node = anvil_start(chain_id=31337, port=options["port"])
        except (AnvilMissing, RuntimeError) as exc:
            sys.stderr.write(f"{exc}\n")
            raise SystemExit(2) from None
        try:
            token = node.deploy_token(6)
            if token.lower() != DEMO_USDT:
                self.stderr.write(f"note: the token is at {token}, not where demo_chains.json expects it")
            deposits = {
                "confirmed 120 USDT": node.token_transfer(token, DEMO_CUSTOMER, 120_000_000),
                "below minimum 5 USDT": node.token_transfer(token, DEMO_CUSTOMER, 5_000_000),
                "confirmed 0.5 ETH": node.send(frm=node.accounts[0], to=DEMO_CUSTOMER, value=5 * 10**17),
            }
            fake = node.deploy_token(6)
            deposits["fake 'USDT' (unsupported)"] = node.token_transfer(fake, DEMO_CUSTOMER, 900_000_000)
            node.mine(12)
            deposits["confirming 50 USDT"] = node.token_transfer(token, DEMO_CUSTOMER, 50_000_000)
            self.stdout.write(f"anvil on {node.url} (chain id 31337); demo deposits to {DEMO_CUSTOMER}:")
            for label, tx in deposits.items():
                self.stdout.write(f"  {label:28} {tx}")
            self.stdout.write("try: walletdesk diagnose --chain eth --tx <hash>   (Ctrl-C stops anvil)")
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            if node.process is not None:
                node.process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            node.stop()

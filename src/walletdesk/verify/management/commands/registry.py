"""`walletdesk registry import FILE | export [--brand NAME] | load-demo`: the official-channel registry."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from walletdesk.core.errors import DomainError
from walletdesk.verify import selectors, services


class Command(BaseCommand):
    help = "Manage the official-channel registry that Verify checks against."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser(
            "import", help='Replace one brand\'s channels with FILE: {"brand", "channels": [...]}'
        )
        imp.add_argument("file")
        exp = sub.add_parser("export", help="Print the registry (one brand or all) as JSON.")
        exp.add_argument("--brand", default=None)
        sub.add_parser("load-demo", help="Load the DemoWallet registry.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("en"):
            self._handle(options)

    def _handle(self, options: dict[str, Any]) -> None:
        action = options["action"]
        try:
            if action == "import":
                brand, count = services.registry_import_file(path=options["file"])
                self.stdout.write(f"Imported {count} channels for {brand.name}.")
            elif action == "load-demo":
                count = services.registry_load_demo()
                self.stdout.write(f"Imported {count} channels for DemoWallet.")
            else:
                self.stdout.write(json.dumps(_export(options["brand"]), ensure_ascii=False, indent=2))
        except DomainError as exc:
            raise CommandError(exc.message) from None


def _export(brand: str | None) -> list[dict[str, Any]]:
    brands: dict[str, list[dict[str, str]]] = {}
    for channel in selectors.official_channels_list(brand=brand):
        brands.setdefault(channel.brand.name, []).append(
            {
                "kind": channel.kind,
                "value": channel.value,
                "label": channel.label,
                "label_zh": channel.label_zh,
                "locale": channel.locale,
            }
        )
    return [{"brand": name, "channels": channels} for name, channels in brands.items()]

"""`walletdesk triage_train`: fit the shipped model on the labelled set (build/dev time)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from walletdesk.triage.dataset import (
    LABELLED_PATH,
    LabelledRowInvalid,
    labelled_build,
    labelled_load,
    labelled_write,
)
from walletdesk.triage.model import MODEL_PATH, model_write
from walletdesk.triage.training import model_fit


class Command(BaseCommand):
    # Triage reads no database and no URLs: skipping the system checks keeps start-up short
    # and the command usable while another app's module is mid-edit.
    requires_system_checks: list[str] = []
    help = "Train the triage model on data/labelled.jsonl and write data/model.npz."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--regenerate",
            action="store_true",
            help=(
                "Rebuild data/labelled.jsonl from the phrase templates, handwritten.jsonl and "
                "every data/written_*.jsonl first."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        if options["regenerate"]:
            try:
                rows = labelled_build()
            except LabelledRowInvalid as exc:
                raise CommandError(f"Training stopped: {exc}") from None
            labelled_write(rows)
        rows = labelled_load()
        model_write(model_fit(rows), MODEL_PATH)
        self.stdout.write(
            f"trained on {len(rows)} messages from {LABELLED_PATH.name} in "
            f"{time.perf_counter() - started:.1f}s -> {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB)"
        )

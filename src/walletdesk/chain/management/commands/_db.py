"""Operator commands on a database that predates this app's tables."""

from __future__ import annotations

import sys

from django.core.management import call_command
from django.db import connection


def chain_tables_ensure() -> None:
    """Apply pending migrations on the embedded SQLite database; on PostgreSQL say what to run.

    `walletdesk` migrates a SQLite file only when it does not exist yet; an older file without the
    chain tables would otherwise turn the first `chains import` into a traceback.
    """
    if "chain_chain" in connection.introspection.table_names():
        return
    if connection.vendor == "sqlite":
        call_command("migrate", "chain", verbosity=0, interactive=False)
        return
    sys.stderr.write("The database has no chain tables yet: run `walletdesk migrate` first.\n")
    raise SystemExit(2)

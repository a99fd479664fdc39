"""The `walletdesk` console script: manage.py plus the operator commands each app adds."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["serve"]:
        # ASGI runs each request in a thread of its own: connections come from a pool (settings.DB_POOL).
        os.environ.setdefault("WALLETDESK_DB_POOL", "true")
    import django
    from django.conf import settings
    from django.core.management import execute_from_command_line

    django.setup()
    _migrate_fresh_sqlite(args, settings)
    execute_from_command_line(["walletdesk", *args])


def _migrate_fresh_sqlite(args: list[str], settings: object) -> None:
    """An operator command on the embedded SQLite database finds it migrated.

    A fresh clone (no file yet) or a file from an older checkout (pending migrations) is brought up
    to date quietly. PostgreSQL is left to an explicit `walletdesk migrate`: an operator decides
    when a shared production schema changes.
    """
    if not args or args[0] in (
        "migrate",
        "makemigrations",
        "help",
        "--help",
        "-h",
        "version",
        "--version",
        "check",
    ):
        return
    db = settings.DATABASES["default"]  # type: ignore[attr-defined]
    if not db["ENGINE"].endswith("sqlite3"):
        return
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", verbosity=0, interactive=False)


if __name__ == "__main__":
    main()

"""The `walletdesk` console script: manage.py plus the operator commands each app adds."""

from __future__ import annotations

import os
import sys

# Commands that never open the database: no migration check either.
_NO_DATABASE = frozenset({"shield", "triage"})
# Commands that migrate, or only print, themselves.
_NO_MIGRATE_CHECK = frozenset(
    {"migrate", "makemigrations", "help", "--help", "-h", "version", "--version", "check"}
)


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
    if not args or args[0] in _NO_MIGRATE_CHECK or args[0] in _NO_DATABASE:
        return
    db = settings.DATABASES["default"]  # type: ignore[attr-defined]
    if not db["ENGINE"].endswith("sqlite3"):
        return
    if migrations_unapplied():
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def migrations_unapplied() -> bool:
    """Whether a migration file on disk is missing from the database's table of applied ones.

    Names only: the migration executor's plan imports every migration module and builds the graph
    (~0.1 s of CPU, paid by every command). A squashed migration that Django has not yet marked as
    applied reads as unapplied here, and `migrate` then only records it.
    """
    import importlib.util
    import pkgutil

    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return True
    applied = set(recorder.applied_migrations())
    for app_config in apps.get_app_configs():
        module_name, _ = MigrationLoader.migrations_module(app_config.label)
        spec = importlib.util.find_spec(module_name) if module_name else None
        if spec is None or not spec.submodule_search_locations:
            continue
        for module in pkgutil.iter_modules(spec.submodule_search_locations):
            # The files MigrationLoader reads: modules, not packages, not private.
            if module.ispkg or module.name[0] in "_~":
                continue
            if (app_config.label, module.name) not in applied:
                return True
    return False


if __name__ == "__main__":
    main()

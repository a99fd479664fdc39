"""The `walletdesk` console script: manage.py plus the operator commands each app adds."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    import django
    from django.conf import settings
    from django.core.management import execute_from_command_line

    django.setup()
    _migrate_fresh_sqlite(args, settings)
    execute_from_command_line(["walletdesk", *args])


def _migrate_fresh_sqlite(args: list[str], settings: object) -> None:
    """An operator command on a machine that never ran migrate gets a ready embedded database.

    Only for the default SQLite file and only when it does not exist yet: PostgreSQL and an
    existing file are left to an explicit `walletdesk migrate`.
    """
    from pathlib import Path

    if not args or args[0] in ("migrate", "makemigrations", "help", "--help", "-h", "version", "--version"):
        return
    db = settings.DATABASES["default"]  # type: ignore[attr-defined]
    if not db["ENGINE"].endswith("sqlite3"):
        return
    path = Path(str(db["NAME"]))
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


if __name__ == "__main__":
    main()

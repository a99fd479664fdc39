"""Every `walletdesk` command pays for what django.setup() imports; the data commands pay for no more.

Scripts run `walletdesk triage|shield scan|verify|kb search --jsonl` once per file, so start-up is
most of what such a run costs. These tests name what must stay out (a module list, not a timing).
"""

import os
import subprocess
import sys

import pytest

# Each of these cost tenths of a second of CPU at start-up, and none is needed to set Django up:
# the search engine's segmenters, the API framework, the task queue (and the redis and psycopg
# clients huey.storage imports), the admin modules' services (JWT, the Verify engine), the URL
# configuration with every view, and the migration modules.
NOT_AT_SETUP = (
    "jieba",
    "pypinyin",
    "numpy",
    "ninja",
    "pydantic",
    "huey",
    "redis",
    "psycopg",
    "jwt",
    "phonenumbers",
    "tldextract",
    "walletdesk.urls",
    "walletdesk.api",
    "walletdesk.tickets.selectors",
    "walletdesk.accounts.services",
    "walletdesk.verify.selectors",
    "walletdesk.helpcenter.search",
)


def _run(code: str, tmp_path, stdin: str = "") -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(DJANGO_SETTINGS_MODULE="walletdesk.settings", WALLETDESK_VAR_DIR=str(tmp_path))
    probe = f"import sys\ntry:\n    {code}\nfinally:\n    print(repr(sorted(sys.modules)), file=sys.stderr)\n"
    done = subprocess.run(
        [sys.executable, "-c", probe], input=stdin, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return eval(done.stderr.strip().splitlines()[-1])  # noqa: S307 - our own repr() of a list of names


def test_django_setup_leaves_the_heavy_modules_unimported(tmp_path):
    loaded = _run("import django; django.setup()", tmp_path)
    assert [name for name in NOT_AT_SETUP if name in loaded] == []


def test_shield_scan_loads_neither_the_urls_nor_the_migrations(tmp_path):
    stdin = '{"id": "a", "text": "hello"}\n'
    loaded = _run("from walletdesk.cli import main; main(['shield', 'scan', '--jsonl'])", tmp_path, stdin)
    unwanted = ("walletdesk.urls", "django.db.migrations.loader", "jieba", "huey", "ninja")
    assert [name for name in unwanted if name in loaded] == []


@pytest.mark.django_db
def test_migration_check_sees_a_migration_missing_from_the_database():
    from django.db.migrations.recorder import MigrationRecorder

    from walletdesk.cli import migrations_unapplied

    assert migrations_unapplied() is False
    MigrationRecorder.Migration.objects.filter(app="tickets", name="0001_initial").delete()
    assert migrations_unapplied() is True

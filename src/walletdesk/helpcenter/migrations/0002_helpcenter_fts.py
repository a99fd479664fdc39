"""The database's own full-text index over pre-segmented tokens.

SQLite: an FTS5 table (rowid = article id). PostgreSQL: a weighted tsvector column with a GIN
index, built with the 'simple' configuration because the tokens are already segmented and stemmed.
"""

from django.db import migrations


def fts_create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS helpcenter_fts USING fts5("
            "title, tags, body, tokenize = 'unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        schema_editor.execute("ALTER TABLE helpcenter_articleindex ADD COLUMN IF NOT EXISTS tsv tsvector")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS helpcenter_articleindex_tsv ON helpcenter_articleindex USING GIN (tsv)"
        )


def fts_drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS helpcenter_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS helpcenter_articleindex_tsv")
        schema_editor.execute("ALTER TABLE helpcenter_articleindex DROP COLUMN IF EXISTS tsv")


class Migration(migrations.Migration):
    dependencies = [("helpcenter", "0001_helpcenter_initial")]

    operations = [migrations.RunPython(fts_create, fts_drop)]

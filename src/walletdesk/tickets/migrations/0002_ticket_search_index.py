from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            # No foreign key: Django's flush truncates only its own tables, and a new ticket's
            # document replaces whatever a deleted ticket with the same id left behind.
            "CREATE TABLE tickets_search (ticket_id bigint PRIMARY KEY, document tsvector NOT NULL)"
        )
        schema_editor.execute("CREATE INDEX tickets_search_gin ON tickets_search USING GIN (document)")
    else:
        # unicode61 splits on our pre-segmented spaces; rowid is the ticket id.
        schema_editor.execute(
            "CREATE VIRTUAL TABLE tickets_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')"
        )


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS tickets_search")


class Migration(migrations.Migration):
    dependencies = [("tickets", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]

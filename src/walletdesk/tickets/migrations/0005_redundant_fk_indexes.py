"""Drop the plain foreign-key indexes that a composite index already starts with.

tickets_ticket.customer_id is served by ticket_customer_recent (customer_id, id DESC),
tickets_message.ticket_id by message_ticket_order (ticket_id, id) and tickets_tickettag.ticket_id
by ticket_tag_unique (ticket_id, name): every lookup, join and cascade on those columns can use the
composite one, while each extra index cost every new ticket and message one more index insert.

Only the indexes are dropped: Django's own AlterField would rebuild the tables on SQLite (a copy of
every message) and drop and re-validate the foreign keys on PostgreSQL. The names are the ones
Django gave them in 0001 on both databases.
"""

import django.db.models.deletion
from django.db import migrations, models

REDUNDANT = [
    ("tickets_message_ticket_id_a1134910", "tickets_message", "ticket_id"),
    ("tickets_ticket_customer_id_f2d9135a", "tickets_ticket", "customer_id"),
    ("tickets_tickettag_ticket_id_4536f20f", "tickets_tickettag", "ticket_id"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("tickets", "0004_event_reply_intake_search"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    sql=f'DROP INDEX IF EXISTS "{name}"',
                    reverse_sql=f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}")',
                )
                for name, table, column in REDUNDANT
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="message",
                    name="ticket",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="messages",
                        to="tickets.ticket",
                    ),
                ),
                migrations.AlterField(
                    model_name="ticket",
                    name="customer",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tickets",
                        to="accounts.customer",
                    ),
                ),
                migrations.AlterField(
                    model_name="tickettag",
                    name="ticket",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tag_rows",
                        to="tickets.ticket",
                    ),
                ),
            ],
        ),
    ]

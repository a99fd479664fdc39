"""The indexes a new ticket and message pay for: no plain foreign-key index that a composite index
already starts with (each one was an extra index insert per row, and no query needed it)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def _indexes(table: str) -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {name: info["columns"] for name, info in constraints.items() if info["index"] or info["unique"]}


@pytest.mark.parametrize(
    ("table", "column", "composite"),
    [
        ("tickets_ticket", "customer_id", "ticket_customer_recent"),
        ("tickets_message", "ticket_id", "message_ticket_order"),
        ("tickets_tickettag", "ticket_id", "ticket_tag_unique"),
    ],
)
def test_a_foreign_key_led_by_a_composite_index_has_no_index_of_its_own(table, column, composite):
    indexes = _indexes(table)
    assert indexes[composite][0] == column
    assert [name for name, columns in indexes.items() if columns == [column]] == []


def test_the_other_foreign_keys_keep_their_indexes():
    # Filters on team, assignee and category span every status; the composite ones hold open tickets.
    columns = list(_indexes("tickets_ticket").values())
    for column in ("team_id", "assignee_id", "category_id"):
        assert [column] in columns

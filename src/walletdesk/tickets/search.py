"""Ticket text search in the database's own full-text index.

SQLite: an FTS5 table keyed by ticket id. PostgreSQL: a tsvector column with a GIN index, built with
the 'simple' configuration over tokens we segment ourselves (jieba), so both databases see the same
words. One document per ticket: subject, reference, the intake answers (account, txid, address ...)
and every message, the agents' replies and notes included: a hash or address an agent pasted is as
much a way back to the ticket as one the customer wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import connection

from walletdesk.core.textsearch import index_text, tokens
from walletdesk.tickets.models import TICKET_NUMBER_OFFSET

MAX_DOC_CHARS = 20000


def _is_pg() -> bool:
    return connection.vendor == "postgresql"


def document_tokens(text: str) -> str:
    """`text` as the index stores it (its search tokens). Costly for long Chinese text: callers
    compute it before their writing transaction and pass it to `ticket_index` as `document`."""
    return index_text(text)


def ticket_index(
    *, ticket_id: int, text: str = "", document: str | None = None, append: bool = True, new: bool = False
) -> None:
    """Add `text` (or its ready `document` of tokens) to the ticket's document, or replace it.
    Caller is inside the writing transaction. `new`: the ticket was created in this transaction,
    so there is no document to read or replace."""
    doc = (document if document is not None else index_text(text))[:MAX_DOC_CHARS]
    with connection.cursor() as cur:
        if _is_pg():
            if append:
                cur.execute(
                    "INSERT INTO tickets_search (ticket_id, document) VALUES (%s, to_tsvector('simple', %s)) "
                    "ON CONFLICT (ticket_id) DO UPDATE SET document = tickets_search.document || EXCLUDED.document",
                    [ticket_id, doc],
                )
            else:
                cur.execute(
                    "INSERT INTO tickets_search (ticket_id, document) VALUES (%s, to_tsvector('simple', %s)) "
                    "ON CONFLICT (ticket_id) DO UPDATE SET document = EXCLUDED.document",
                    [ticket_id, doc],
                )
        elif new:
            cur.execute("INSERT INTO tickets_search (rowid, body) VALUES (%s, %s)", [ticket_id, doc])
        else:
            old = ""
            if append:
                cur.execute("SELECT body FROM tickets_search WHERE rowid = %s", [ticket_id])
                row = cur.fetchone()
                old = row[0] if row else ""
            cur.execute("DELETE FROM tickets_search WHERE rowid = %s", [ticket_id])
            body = (old + " " + doc).strip()[:MAX_DOC_CHARS] if old else doc
            cur.execute("INSERT INTO tickets_search (rowid, body) VALUES (%s, %s)", [ticket_id, body])


def new_ticket_index_sql(*, source: str, document: str) -> tuple[str, list[Any]]:
    """PostgreSQL: the INSERT of a new ticket's search document for a statement that creates the
    ticket in the same go and learns its id as it runs (`source`: the WITH query whose `id` is the
    new ticket's). `document`: the tokens of everything but the reference, whose tokens
    ("WD-10042" -> "wd 10042") are put in front here, as `document_tokens(ticket.reference)`."""
    sql = (
        f"INSERT INTO tickets_search (ticket_id, document) SELECT {source}.id, "
        f"to_tsvector('simple', left('wd ' || ({source}.id + %s)::text || ' ' || %s, %s)) FROM {source}"
    )
    return sql, [TICKET_NUMBER_OFFSET, document, MAX_DOC_CHARS]


def intake_text(intake: dict[str, Any]) -> str:
    """The intake answers as indexable text (values only: the keys are the same on every ticket)."""
    return " ".join(str(v) for v in intake.values() if isinstance(v, str | int | float) and str(v).strip())


def _fts5_query(words: list[str]) -> str:
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def ticket_ids_matching_batches(query: str, *, before_id: int | None, batch: int) -> Iterator[list[int]]:
    """Ids of tickets whose document holds every word of the query, newest first, a batch at a time."""
    words = list(dict.fromkeys(tokens(query)))[:12]
    if not words:
        return
    if _is_pg():
        tsquery = " & ".join("'" + w.replace("'", "''").replace("\\", "") + "'" for w in words)
        sql = (
            "SELECT ticket_id FROM tickets_search WHERE document @@ to_tsquery('simple', %s) "
            "AND ticket_id < %s ORDER BY ticket_id DESC LIMIT %s"
        )
        match = tsquery
    else:
        sql = "SELECT rowid FROM tickets_search WHERE tickets_search MATCH %s AND rowid < %s ORDER BY rowid DESC LIMIT %s"
        match = _fts5_query(words)
    upper = before_id if before_id is not None else 2**62
    while True:
        with connection.cursor() as cur:
            cur.execute(sql, [match, upper, batch])
            ids = [row[0] for row in cur.fetchall()]
        if not ids:
            return
        yield ids
        if len(ids) < batch:
            return
        upper = ids[-1]
        batch = min(batch * 4, 2000)  # the other filters reject many: widen the next look

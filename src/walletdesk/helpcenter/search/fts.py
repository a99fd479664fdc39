"""Candidate retrieval in the database's own full-text index (SQLite FTS5, PostgreSQL tsvector+GIN).

The rows hold tokens already produced by `analysis.analyze`, so both engines only split on spaces.
"""

from __future__ import annotations

from django.db import connection

CANDIDATE_LIMIT = 100


def fts_available() -> bool:
    return connection.vendor in ("sqlite", "postgresql")


def fts_write(*, article_id: int, title: str, tags: str, body: str) -> None:
    """Replace the FTS row of one article. Caller is inside the transaction that saved it."""
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("DELETE FROM helpcenter_fts WHERE rowid = %s", [article_id])
            cur.execute(
                "INSERT INTO helpcenter_fts (rowid, title, tags, body) VALUES (%s, %s, %s, %s)",
                [article_id, title, tags, body],
            )
        elif connection.vendor == "postgresql":
            cur.execute(
                # array_to_tsvector takes the lexemes verbatim: no parser, so no dependence on
                # the server's lc_ctype deciding whether a Chinese character is a letter.
                "UPDATE helpcenter_articleindex SET tsv = "
                "setweight(array_to_tsvector(%s::text[]), 'A') || setweight(array_to_tsvector(%s::text[]), 'B') "
                "|| setweight(array_to_tsvector(%s::text[]), 'D') WHERE article_id = %s",
                [title.split(), tags.split(), body.split(), article_id],
            )


def fts_delete(*, article_id: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("DELETE FROM helpcenter_fts WHERE rowid = %s", [article_id])
    # PostgreSQL: the tsvector lives in the ArticleIndex row, deleted with it.


def fts_clear() -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("DELETE FROM helpcenter_fts")


def fts_candidates(terms: list[str], limit: int = CANDIDATE_LIMIT) -> list[int] | None:
    """Ids of articles containing any of `terms`, best first by the engine's own rank.

    None when the database has no full-text index (the caller then scores every document).
    """
    terms = [t for t in terms if t.isalnum()]
    if not terms:
        return []
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            match = " OR ".join(f'"{t}"' for t in terms)
            cur.execute(
                "SELECT rowid FROM helpcenter_fts WHERE helpcenter_fts MATCH %s "
                "ORDER BY bm25(helpcenter_fts, 3.0, 2.0, 1.0) LIMIT %s",
                [match, limit],
            )
        elif connection.vendor == "postgresql":
            # Quoted lexemes in a tsquery literal are taken verbatim, matching array_to_tsvector.
            query = " | ".join(f"'{t}'" for t in terms)
            cur.execute(
                "SELECT article_id FROM helpcenter_articleindex, CAST(%s AS tsquery) q "
                "WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT %s",
                [query, limit],
            )
        else:
            return None
        return [row[0] for row in cur.fetchall()]

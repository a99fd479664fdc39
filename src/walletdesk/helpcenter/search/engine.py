"""Django glue for search: the per-process snapshot, kept in step with the database.

Every search checks a cheap version stamp (row count and newest update of the index and of the
synonym table), so an import or an editor's save in any process is visible to the next query.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db.models import Count, Max

from walletdesk.helpcenter.search import fts, ranking
from walletdesk.helpcenter.search.analysis import detect_locale

_lock = threading.Lock()
_cached: tuple[tuple, ranking.Snapshot] | None = None


@dataclass(frozen=True)
class RankedDoc:
    id: int
    slug: str
    locale: str
    title: str
    score: float


def _version() -> tuple:
    from walletdesk.helpcenter.models import ArticleIndex, Synonym

    idx = ArticleIndex.objects.aggregate(n=Count("pk"), t=Max("updated_at"))
    syn = Synonym.objects.aggregate(n=Count("pk"), t=Max("updated_at"))
    return (idx["n"], idx["t"], syn["n"], syn["t"])


def _load() -> ranking.Snapshot:
    from walletdesk.helpcenter.models import ArticleIndex, Synonym

    rows = [
        {
            "id": r["article_id"],
            "slug": r["article__slug"],
            "locale": r["article__locale"],
            "group": r["article__group"],
            "title": r["article__title"],
            "title_tokens": r["title_tokens"],
            "tag_tokens": r["tag_tokens"],
            "body_tokens": r["body_tokens"],
        }
        for r in ArticleIndex.objects.values(
            "article_id",
            "article__slug",
            "article__locale",
            "article__group",
            "article__title",
            "title_tokens",
            "tag_tokens",
            "body_tokens",
        )
    ]
    synonyms = [(s.term, s.expansion_list) for s in Synonym.objects.all()]
    return ranking.snapshot_build(rows, synonyms)


def _vectors_load(ids: list[int]) -> dict[int, ranking.Vector]:
    from walletdesk.helpcenter.models import ArticleIndex

    rows = ArticleIndex.objects.filter(article_id__in=ids).values_list(
        "article_id", "title_tokens", "tag_tokens", "body_tokens"
    )
    return {pk: ranking.vector_from_tokens(t, g, b) for pk, t, g, b in rows}


def snapshot_get() -> ranking.Snapshot:
    global _cached
    version = _version()
    cached = _cached
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        if _cached is None or _cached[0] != version:
            _cached = (version, _load())
        return _cached[1]


def snapshot_forget() -> None:
    global _cached
    _cached = None


def search_ranked(*, query: str, locale: str | None = None, limit: int = 10) -> list[RankedDoc]:
    """Best articles for a query, one per topic; `locale` prefers a language, it does not filter."""
    query = (query or "").strip()[:300]
    if not query or limit <= 0:
        return []
    snap = snapshot_get()
    concepts = ranking.query_concepts(snap, query)
    tokens = {t for c in concepts for t in c.tokens()}
    tokens |= {alt for t in list(tokens) for alt in snap.equivalents.get(t, {})}
    known = sorted(t for t in tokens if snap.df.get(t))
    candidates = fts.fts_candidates(known) if fts.fts_available() else None
    prefer = locale or detect_locale(query)
    ranked = ranking.rank(snap, concepts, candidates, _vectors_load, prefer, limit)
    return [RankedDoc(d.id, d.slug, d.locale, d.title, round(score, 4)) for d, score in ranked]

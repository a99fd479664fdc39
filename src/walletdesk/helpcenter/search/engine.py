"""Django glue for search: the per-process snapshot, kept in step with the database.

Each index or synonym change replaces a version token in its own transaction. A process reads
the token at most once per VERSION_CHECK_SECONDS (searches in between run without any SQL), so an
import or an editor's save in another process is visible within that time, and in the process
that made it at once.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models.functions import Substr

from walletdesk.helpcenter.search import fts, ranking, topics
from walletdesk.helpcenter.search.analysis import cjk_words, detect_locale, markdown_plain

# Which subjects of a question exclude each other (deposit, withdrawal, …): bundled, like the
# segmenter's dictionary.
RIVALS_FILE = Path(__file__).resolve().parent.parent / "data" / "topics.txt"

# Snippets come from the snapshot: the first characters of each article's plain text.
EXCERPT_CHARS = 600

_lock = threading.Lock()
_cached: tuple[str, ranking.Snapshot] | None = None
# A round trip to the database per search was most of the wall time under load (PostgreSQL: a
# second process to be scheduled); a second of staleness across processes is invisible to editors.
# settings.WALLETDESK_SEARCH_VERSION_CHECK_SECONDS = 0 checks before every search.
VERSION_CHECK_SECONDS = 1.0
_checked_at = float("-inf")


@dataclass(frozen=True)
class RankedDoc:
    id: int
    slug: str
    locale: str
    title: str
    score: float
    excerpt: str


STATE_KEY = "search"


def _version() -> str:
    # Raw SQL: this runs before every search and the ORM's query building costs more than the read.
    with connection.cursor() as cur:
        cur.execute("SELECT version FROM helpcenter_indexstate WHERE key = %s", [STATE_KEY])
        row = cur.fetchone()
    return row[0] if row else ""


def index_changed() -> None:
    """Call inside the transaction that changed the index or the synonyms."""
    from walletdesk.helpcenter.models import IndexState

    token = uuid.uuid4().hex
    if not IndexState.objects.filter(key=STATE_KEY).update(version=token):
        IndexState.objects.update_or_create(key=STATE_KEY, defaults={"version": token})
    # This process re-reads the token at its next search: now (its own transaction sees the
    # change) and again once the change is committed.
    _recheck()
    transaction.on_commit(_recheck)


def _recheck() -> None:
    global _checked_at
    _checked_at = float("-inf")


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
            "excerpt": " ".join(markdown_plain(r["head"] or "").split())[:EXCERPT_CHARS],
        }
        for r in ArticleIndex.objects.annotate(head=Substr("article__body", 1, EXCERPT_CHARS * 2)).values(
            "article_id",
            "article__slug",
            "article__locale",
            "article__group",
            "article__title",
            "title_tokens",
            "tag_tokens",
            "body_tokens",
            "head",
        )
    ]
    synonyms = [(s.term, s.expansion_list) for s in Synonym.objects.all()]
    return ranking.snapshot_build(rows, synonyms, topics.rivals_load(RIVALS_FILE))


def _vectors_load(ids: list[int]) -> dict[int, ranking.RawVector]:
    from walletdesk.helpcenter.models import ArticleIndex

    rows = ArticleIndex.objects.filter(article_id__in=ids).values_list(
        "article_id", "title_tokens", "tag_tokens", "body_tokens"
    )
    return {pk: ranking.raw_vector(t, g, b) for pk, t, g, b in rows}


def snapshot_get() -> ranking.Snapshot:
    global _cached, _checked_at
    cached = _cached
    now = time.monotonic()
    ttl = getattr(settings, "WALLETDESK_SEARCH_VERSION_CHECK_SECONDS", VERSION_CHECK_SECONDS)
    if cached is not None and now - _checked_at < ttl:
        return cached[1]
    version = _version()
    _checked_at = now
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        if _cached is None or _cached[0] != version:
            _cached = (version, _load())
        return _cached[1]


def snapshot_forget() -> None:
    global _cached
    _cached = None
    _recheck()


# Postings the FTS query may touch: enough for every candidate a small help center has, and a
# bound on the work at thousands of articles (very common terms then add little to the choice).
FTS_POSTINGS_BUDGET = 3000


def _selective(snap: ranking.Snapshot, tokens: set[str]) -> list[str]:
    known = sorted((t for t in tokens if snap.df.get(t)), key=lambda t: (snap.df[t], t))
    chosen, postings = [], 0
    for term in known:
        if len(chosen) >= 3 and postings + snap.df[term] > FTS_POSTINGS_BUDGET:
            break
        chosen.append(term)
        postings += snap.df[term]
    return chosen


@dataclass(frozen=True)
class SearchResult:
    docs: list[RankedDoc]
    # Index terms the query stands for (its words, their synonyms and spelling fixes): what a
    # snippet marks.
    terms: frozenset[str]
    ceiling: float  # the most any article could score for this query


# Weakest alternative that is still the customer's word for highlighting: typos at distance 1,
# homophones, synonyms; not character bigrams (0.4) or distance-2 guesses.
HIGHLIGHT_MIN_WEIGHT = 0.5
# The relevance cut. A query needs at least one real term the index knows (see _real_terms:
# weight ≥ a one-letter typo's), and an article must reach this share of the most the query
# could score (every concept matched, fully saturated). On the four evaluation sets (562
# queries) the lowest share of a correct answer in the top 10 is 0.12; junk matching one
# common word or a stray number scores lower.
REAL_TERM_MIN_WEIGHT = 0.8
MIN_RELATIVE_SCORE = 0.1


def search(*, query: str, locale: str | None = None, limit: int = 10) -> SearchResult:
    """Best articles for a query, one per topic; `locale` prefers a language, it does not filter."""
    query = strip_markup((query or "").strip()[:300])
    if not query or limit <= 0:
        return SearchResult([], frozenset(), 0.0)
    snap = snapshot_get()
    query = ranking.pinyin_rewrite(snap, query)
    parsed = ranking.query_parse(snap, query)
    concepts = parsed.concepts
    tokens = {t for c in concepts for t in c.tokens()}
    tokens |= {alt for t in list(tokens) for alt in snap.equivalents.get(t, {})}
    prefer = locale or detect_locale(query)
    plan = ranking.plan_build(snap, concepts, parsed.steer)
    terms = _highlight_terms(snap, concepts)
    ceiling = ranking.plan_ceiling(plan)
    if not _real_terms(snap, concepts):
        return SearchResult([], terms, ceiling)
    if snap.in_memory:
        ranked = ranking.rank_dense(snap, plan, prefer, limit)
    else:
        candidates = fts.fts_candidates(_selective(snap, tokens)) if fts.fts_available() else None
        ranked = ranking.rank(snap, plan, candidates, _vectors_load, prefer, limit)
    floor = MIN_RELATIVE_SCORE * ceiling
    docs = [
        RankedDoc(d.id, d.slug, d.locale, d.title, round(score, 4), d.excerpt)
        for d, score in ranked
        if score >= floor
    ]
    return SearchResult(docs, terms, ceiling)


def search_ranked(*, query: str, locale: str | None = None, limit: int = 10) -> list[RankedDoc]:
    """Best articles for a query, one per topic; `locale` prefers a language, it does not filter."""
    return search(query=query, locale=locale, limit=limit).docs


_SCRIPT_RE = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.I | re.S)
_TAG_RE = re.compile(r"<[/!?]?[A-Za-z][^>]*>?|&[#\w]+;")
_CJK_CHAR_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _highlight_terms(snap: ranking.Snapshot, concepts: list[ranking.Concept]) -> frozenset[str]:
    terms = {
        t for c in concepts for phrase, w in c.phrases.items() if w >= HIGHLIGHT_MIN_WEIGHT for t in phrase
    }
    terms |= {alt for t in list(terms) for alt in snap.equivalents.get(t, {})}  # the ranking counts them
    # A long Chinese synonym (充值未到账) is one index word; an article writes its parts.
    for t in [t for t in terms if len(t) >= 4 and _CJK_CHAR_RE.match(t)]:
        terms.update(w for w in cjk_words(t) if len(w) >= 2)
    return frozenset(terms)


def strip_markup(query: str) -> str:
    """A pasted tag, script or entity is not something a customer asks about (only the text
    between tags is kept)."""
    if "<" not in query and "&" not in query:
        return query
    return " ".join(_TAG_RE.sub(" ", _SCRIPT_RE.sub(" ", query)).split())


def _real_terms(snap: ranking.Snapshot, concepts: list[ranking.Concept]) -> set[str]:
    """Index terms that stand for a word the customer typed: the word, its synonym or a
    one-letter typo of it, or two Chinese characters written together in an article (jieba may
    cut the article and the query differently). Not a bare number or a lone Chinese character."""
    return {
        t
        for c in concepts
        for phrase, w in c.phrases.items()
        for t in phrase
        if snap.df.get(t)
        and not t.isdigit()
        and (
            (w >= REAL_TERM_MIN_WEIGHT and not (len(t) == 1 and _CJK_CHAR_RE.match(t)))
            or (len(t) >= 2 and _CJK_CHAR_RE.match(t))
        )
    }

"""Help-center reads: search (one function for portal, widget and console), public pages, reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from walletdesk.helpcenter.errors import ArticleNotFound
from walletdesk.helpcenter.models import Article, ArticleStatus, Category, SearchEvent
from walletdesk.helpcenter.search.engine import search
from walletdesk.helpcenter.snippets import markdown_text, snippet_make


@dataclass(frozen=True)
class ArticleHit:
    slug: str
    title: str
    locale: str
    score: float
    url: str
    snippet: str  # plain text, "…" where text was left out
    snippet_html: str = ""  # the same, escaped, matched words in <mark>
    marks: tuple = ()  # [start, end) UTF-16 offsets of the matched words in `snippet`


def _bodies(ids: list[int]) -> dict[int, str]:
    # Raw SQL: on every search, and building the ORM query cost more than running it.
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT id, body FROM {Article._meta.db_table} WHERE id IN ({', '.join(['%s'] * len(ids))})",  # noqa: S608 - placeholders only
            ids,
        )
        return dict(cur.fetchall())


def article_search(
    *, query: str, locale: str | None = None, limit: int = 10, snippets: bool = True
) -> list[ArticleHit]:
    """Published articles answering `query`, best first, one per topic; [] when nothing answers.

    `locale` ("zh-hans" | "en") is the language to show when a topic has both versions; without
    it the query's own language is used. A topic that exists only in the other language is still
    returned when it answers best. Every caller that shows hits (portal, widget, suggestions)
    gets its snippets from here.
    """
    result = search(query=query, locale=locale, limit=max(0, min(limit, 50)))
    bodies = _bodies([r.id for r in result.docs]) if snippets and result.docs else {}
    hits = []
    for r in result.docs:
        snip = snippet_make(markdown_text(bodies.get(r.id, "")), result.terms) if snippets else None
        hits.append(
            ArticleHit(
                r.slug,
                r.title,
                r.locale,
                r.score,
                f"/help/{r.locale}/a/{r.slug}/",
                snip.text if snip else "",
                str(snip.html) if snip else "",
                tuple(tuple(m) for m in snip.marks_utf16()) if snip else (),
            )
        )
    return hits


def article_get_public(*, locale: str, slug: str) -> Article:
    article = (
        Article.objects.select_related("category")
        .filter(slug=slug, locale=locale, status=ArticleStatus.PUBLISHED)
        .first()
    )
    if article is None:
        raise ArticleNotFound()
    return article


def article_list_public(*, locale: str, category: Category | None = None) -> QuerySet[Article]:
    qs = Article.objects.select_related("category").filter(status=ArticleStatus.PUBLISHED, locale=locale)
    if category is not None:
        qs = qs.filter(category=category)
    return qs.order_by("category__position", "title")


def article_popular(*, locale: str, limit: int = 6) -> list[Article]:
    """Most viewed published articles in a language: what an empty search page offers."""
    return list(article_list_public(locale=locale).order_by("-view_count", "title")[:limit])


def article_translations(*, article: Article, published_only: bool = True) -> list[Article]:
    qs = Article.objects.filter(group=article.group).exclude(pk=article.pk)
    if published_only:
        qs = qs.filter(status=ArticleStatus.PUBLISHED)
    return list(qs.order_by("locale"))


def article_related(*, article: Article, limit: int = 5) -> list[Article]:
    """Same language; same category first, then shared tags."""
    qs = (
        Article.objects.filter(status=ArticleStatus.PUBLISHED, locale=article.locale)
        .exclude(group=article.group)
        .select_related("category")
    )
    tags = set(article.tags)
    candidates = list(qs.filter(Q(category=article.category) if article.category_id else Q(pk__in=[]))[:50])
    candidates += [a for a in qs.exclude(category=article.category)[:200] if tags & set(a.tags)]
    candidates.sort(key=lambda a: (a.category_id != article.category_id, -len(tags & set(a.tags)), a.title))
    return candidates[:limit]


def category_list_public(*, locale: str) -> list[tuple[Category, list[Article]]]:
    articles = list(article_list_public(locale=locale))
    out: dict[int | None, list[Article]] = {}
    for a in articles:
        out.setdefault(a.category_id, []).append(a)
    cats = {c.pk: c for c in Category.objects.filter(pk__in=[k for k in out if k])}
    return [(cats[k], v) for k, v in out.items() if k in cats] + (
        [(Category(slug="general", name_zh="其他", name_en="Other"), out[None])] if None in out else []
    )


def category_get(*, slug: str) -> Category:
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        raise ArticleNotFound("No such section.")
    return category


def search_event_get(*, event_id: int) -> SearchEvent:
    event = SearchEvent.objects.filter(pk=event_id).first()
    if event is None:
        from walletdesk.helpcenter.errors import SearchEventNotFound

        raise SearchEventNotFound()
    return event


def search_report_gaps(*, days: int = 30, limit: int = 50) -> dict[str, list[dict]]:
    """Searches with no result and with results nobody clicked, grouped by query: what to write next."""
    since = timezone.now() - timedelta(days=days)
    base = SearchEvent.objects.filter(created_at__gte=since)
    no_result = (
        base.filter(result_count=0).values("query").annotate(n=Count("pk")).order_by("-n", "query")[:limit]
    )
    no_click = (
        base.filter(result_count__gt=0, clicked_slug="", deflected=False)
        .values("query")
        .annotate(n=Count("pk"))
        .order_by("-n", "query")[:limit]
    )
    return {"no_result": list(no_result), "no_click": list(no_click)}


def deflection_stats(*, days: int = 30) -> dict[str, int]:
    since = timezone.now() - timedelta(days=days)
    base = SearchEvent.objects.filter(created_at__gte=since)
    return {
        "searches": base.count(),
        "deflected": base.filter(deflected=True).count(),
        "clicked": base.exclude(clicked_slug="").count(),
    }

"""Public help-center API: the widget's suggestions, feedback, clicks and deflections."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from walletdesk.core.ratelimit import rate_limit_public
from walletdesk.helpcenter import selectors, services
from walletdesk.helpcenter.errors import ArticleNotFound, SearchQueryInvalid
from walletdesk.helpcenter.models import Article, ArticleStatus, Locale, SearchSource

router = Router()


class HitOut(Schema):
    slug: str
    title: str
    locale: str
    score: float
    url: str
    snippet: str  # plain text
    snippet_html: str  # the same, escaped, matched words in <mark>
    marks: list[list[int]]  # [start, end) of the matched words in `snippet`, UTF-16 offsets


class SearchOut(Schema):
    results: list[HitOut]
    search_id: int | None = None


class ClickIn(Schema):
    slug: str


class FeedbackIn(Schema):
    helpful: bool
    comment: str = ""


class OkOut(Schema):
    ok: bool = True


def _locale(value: str | None) -> str | None:
    if not value:
        return None
    if value not in Locale.values:
        raise SearchQueryInvalid(_("locale must be zh-hans or en."), fields={"locale": "zh-hans | en"})
    return value


@router.get("/help/search", response=SearchOut)
def help_search(
    request: HttpRequest,
    q: str = "",
    locale: str | None = None,
    limit: int = 5,
    track: bool = False,
    source: str = SearchSource.WIDGET,
) -> dict:
    """Suggestions as the customer types. `track=true` (sent once typing pauses) logs the search
    for the editors' report and returns its id for click / deflection counting."""
    rate_limit_public(request, "help_search", limit=settings.WALLETDESK_RATE_LIMIT_PUBLIC * 3)
    if not 1 <= limit <= 20:
        raise SearchQueryInvalid(_("limit must be between 1 and 20."), fields={"limit": "1–20"})
    if len(q) > 300:
        raise SearchQueryInvalid(_("The query is too long (300 characters at most)."), fields={"q": "≤ 300"})
    hits = selectors.article_search(query=q, locale=_locale(locale), limit=limit)
    search_id = None
    if track and q.strip():
        source = source if source in SearchSource.values else SearchSource.WIDGET
        event = services.search_event_record(
            query=q, locale=locale or "", source=source, slugs=[h.slug for h in hits]
        )
        search_id = event.pk
    return {
        "results": [{**h.__dict__, "marks": [list(m) for m in h.marks]} for h in hits],
        "search_id": search_id,
    }


@router.post("/help/searches/{search_id}/click", response=OkOut)
def help_search_click(request: HttpRequest, search_id: int, payload: ClickIn) -> dict:
    rate_limit_public(request, "help_event")
    event = selectors.search_event_get(event_id=search_id)
    services.search_event_click(event=event, slug=payload.slug)
    return {"ok": True}


@router.post("/help/searches/{search_id}/deflect", response=OkOut)
def help_search_deflect(request: HttpRequest, search_id: int) -> dict:
    """The customer read the suggestions and chose not to open a ticket."""
    rate_limit_public(request, "help_event")
    event = selectors.search_event_get(event_id=search_id)
    services.search_event_deflect(event=event)
    return {"ok": True}


@router.post("/help/articles/{slug}/feedback", response=OkOut)
def help_article_feedback(request: HttpRequest, slug: str, payload: FeedbackIn) -> dict:
    rate_limit_public(request, "help_feedback", limit=20)
    article = Article.objects.filter(slug=slug, status=ArticleStatus.PUBLISHED).first()
    if article is None:
        raise ArticleNotFound()
    services.feedback_record(article=article, helpful=payload.helpful, comment=payload.comment)
    return {"ok": True}

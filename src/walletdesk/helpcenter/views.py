"""Public help-center pages (/help/<locale>/…) and the editors' console (/console/help/…)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.core.errors import RateLimited
from walletdesk.core.markdown import markdown_render
from walletdesk.core.ratelimit import rate_limit_public
from walletdesk.helpcenter import selectors, services
from walletdesk.helpcenter.errors import ArticleInvalid, ArticleNotFound
from walletdesk.helpcenter.models import Article, ArticleStatus, Category, Locale, SearchSource
from walletdesk.helpcenter.permissions import editor_ok
from walletdesk.helpcenter.ui import TEXT


def _locale_or_404(locale: str) -> str:
    if locale not in Locale.values:
        raise Http404("Unknown language")
    return locale


def _ctx(locale: str, **extra: object) -> dict:
    other = "en" if locale == "zh-hans" else "zh-hans"
    return {"loc": locale, "other_loc": other, "t": TEXT[locale], **extra}


def _render(request: HttpRequest, locale: str, template: str, ctx: dict, status: int = 200) -> HttpResponse:
    with translation.override(locale):
        return render(request, template, ctx, status=status)


@require_GET
def help_root(request: HttpRequest) -> HttpResponse:
    lang = translation.get_language() or settings.LANGUAGE_CODE
    return HttpResponseRedirect("/help/en/" if lang.startswith("en") else "/help/zh-hans/")


@require_GET
def help_home(request: HttpRequest, locale: str) -> HttpResponse:
    locale = _locale_or_404(locale)
    sections = [
        (cat, cat.name_for(locale), articles)
        for cat, articles in selectors.category_list_public(locale=locale)
    ]
    return _render(request, locale, "helpcenter/home.html", _ctx(locale, sections=sections))


@require_GET
def help_section(request: HttpRequest, locale: str, category: str) -> HttpResponse:
    locale = _locale_or_404(locale)
    try:
        cat = selectors.category_get(slug=category)
    except ArticleNotFound as exc:
        raise Http404(exc.message) from exc
    articles = list(selectors.article_list_public(locale=locale, category=cat))
    return _render(
        request,
        locale,
        "helpcenter/section.html",
        _ctx(locale, category=cat, name=cat.name_for(locale), articles=articles),
    )


@require_GET
def help_article(request: HttpRequest, locale: str, slug: str) -> HttpResponse:
    locale = _locale_or_404(locale)
    try:
        article = selectors.article_get_public(locale=locale, slug=slug)
    except ArticleNotFound as exc:
        other = Article.objects.filter(slug=slug, status=ArticleStatus.PUBLISHED).first()
        if other is not None:  # right slug, wrong language segment: send to the canonical URL
            return HttpResponseRedirect(other.url)
        raise Http404(exc.message) from exc
    services.article_view_count(article=article)
    ctx = _ctx(
        locale,
        article=article,
        category_name=article.category.name_for(locale) if article.category else "",
        translations=selectors.article_translations(article=article),
        related=selectors.article_related(article=article),
    )
    return _render(request, locale, "helpcenter/article.html", ctx)


@require_POST
def help_article_feedback(request: HttpRequest, locale: str, slug: str) -> HttpResponse:
    locale = _locale_or_404(locale)
    try:
        rate_limit_public(request, "help_feedback", limit=20)
        article = selectors.article_get_public(locale=locale, slug=slug)
    except ArticleNotFound as exc:
        raise Http404(exc.message) from exc
    except RateLimited as exc:
        return HttpResponse(exc.message, status=429)
    helpful = request.POST.get("helpful")
    if helpful not in ("yes", "no"):
        return HttpResponse("helpful must be yes or no", status=400)
    services.feedback_record(
        article=article, helpful=helpful == "yes", comment=request.POST.get("comment", "")
    )
    if request.headers.get("HX-Request"):
        return _render(request, locale, "helpcenter/_feedback_thanks.html", _ctx(locale))
    return HttpResponseRedirect(article.url + "?thanks=1")


@require_GET
def help_search_page(request: HttpRequest, locale: str) -> HttpResponse:
    """The portal's search: a full page, or (htmx, as the customer types) the result list only."""
    locale = _locale_or_404(locale)
    query = request.GET.get("q", "").strip()[:300]
    try:
        rate_limit_public(request, "help_search", limit=settings.WALLETDESK_RATE_LIMIT_PUBLIC * 3)
    except RateLimited as exc:
        return HttpResponse(exc.message, status=429)
    hits = selectors.article_search(query=query, locale=locale, limit=10) if query else []
    partial = bool(request.headers.get("HX-Request"))
    search_id = None
    if query and not partial:  # typing produces partial requests; a submitted search is logged
        search_id = services.search_event_record(
            query=query, locale=locale, source=SearchSource.PORTAL, slugs=[h.slug for h in hits]
        ).pk
    ctx = _ctx(locale, query=query, hits=hits, search_id=search_id)
    if not query and not partial:  # nothing asked yet: a hint, the most read articles, the sections
        ctx["popular"] = selectors.article_popular(locale=locale)
        ctx["sections"] = [
            (cat, cat.name_for(locale), len(articles))
            for cat, articles in selectors.category_list_public(locale=locale)
        ]
    return _render(request, locale, "helpcenter/_results.html" if partial else "helpcenter/search.html", ctx)


@require_GET
def help_ask(request: HttpRequest, locale: str) -> HttpResponse:
    """Before a ticket: the customer describes the problem, sees articles, and may stop there."""
    locale = _locale_or_404(locale)
    return _render(request, locale, "helpcenter/ask.html", _ctx(locale, query=request.GET.get("q", "")))


@require_GET
def help_sitemap(request: HttpRequest) -> HttpResponse:
    articles = list(Article.objects.filter(status=ArticleStatus.PUBLISHED).order_by("group", "locale"))
    by_group: dict[str, list[Article]] = {}
    for a in articles:
        by_group.setdefault(a.group, []).append(a)
    ctx = {"articles": [(a, by_group[a.group]) for a in articles], "site": settings.SITE_URL}
    return render(request, "helpcenter/sitemap.xml", ctx, content_type="application/xml")


# --- console ---------------------------------------------------------------------------------


def _editor_required(request: HttpRequest) -> HttpResponse | None:
    if editor_ok(request):
        return None
    return _denied(request)


def _denied(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    # A console page with the way back, not a bare line of text: agents reach these pages from
    # the console's own "Articles" link.
    return render(request, "helpcenter/console_forbidden.html", status=403)


@require_GET
def console_articles(request: HttpRequest) -> HttpResponse:
    """Every agent reads the list (to find an article to link in a reply); editors also edit."""
    may_edit = editor_ok(request)
    if not may_edit and not agent_session_ok(request):
        return _denied(request)
    groups: dict[str, dict[str, Article]] = {}
    for a in Article.objects.select_related("category").order_by("group", "locale"):
        groups.setdefault(a.group, {})[a.locale] = a
    rows = [(group, v.get("zh-hans"), v.get("en")) for group, v in sorted(groups.items())]
    return render(request, "helpcenter/console_list.html", {"rows": rows, "may_edit": may_edit})


@require_http_methods(["GET", "POST"])
def console_article_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    if (denied := _editor_required(request)) is not None:
        return denied
    article = Article.objects.filter(slug=slug).first() if slug else None
    if slug and article is None:
        raise Http404("No such article")
    errors: dict[str, str] = {}
    data = {
        "slug": article.slug if article else request.GET.get("slug", ""),
        "locale": article.locale if article else request.GET.get("locale", "zh-hans"),
        "title": article.title if article else "",
        "body": article.body if article else "",
        "category": article.category.slug if article and article.category else "",
        "tags": ", ".join(article.tags) if article else "",
        "status": article.status if article else ArticleStatus.DRAFT,
        "group": article.group if article else request.GET.get("group", ""),
    }
    if request.method == "POST":
        data = {key: request.POST.get(key, "").strip() for key in data}
        if article is not None:
            data["slug"] = article.slug  # the slug is the URL: renaming would break links
        try:
            saved, _changed = services.article_save(
                slug=data["slug"],
                locale=data["locale"],
                title=data["title"],
                body=data["body"],
                category=data["category"] or None,
                tags=data["tags"],
                status=data["status"] or ArticleStatus.DRAFT,
                group=data["group"] or None,
                author=request.user,
            )
            return HttpResponseRedirect(f"/console/help/a/{saved.slug}/?saved=1")
        except ArticleInvalid as exc:
            errors = exc.fields or {"form": exc.message}
    ctx = {
        "article": article,
        "data": data,
        "errors": errors,
        "preview": markdown_render(data["body"]) if data["body"] else "",
        "categories": Category.objects.all(),
        "locales": Locale.choices,
        "statuses": ArticleStatus.choices,
        "saved": request.GET.get("saved") == "1",
    }
    return render(request, "helpcenter/console_edit.html", ctx, status=400 if errors else 200)


@require_POST
def console_preview(request: HttpRequest) -> HttpResponse:
    """Live preview: the same renderer and sanitiser as the published page."""
    if (denied := _editor_required(request)) is not None:
        return denied
    return HttpResponse(markdown_render(request.POST.get("body", "")[:100_000]))


@require_GET
def console_article_history(request: HttpRequest, slug: str) -> HttpResponse:
    if (denied := _editor_required(request)) is not None:
        return denied
    article = Article.objects.filter(slug=slug).first()
    if article is None:
        raise Http404("No such article")
    revisions = article.revisions.select_related("author").order_by("-number")
    return render(request, "helpcenter/console_history.html", {"article": article, "revisions": revisions})


@require_GET
def console_report(request: HttpRequest) -> HttpResponse:
    if (denied := _editor_required(request)) is not None:
        return denied
    try:
        days = max(1, min(int(request.GET.get("days", "30")), 365))
    except ValueError:
        days = 30
    ctx = {
        "days": days,
        "gaps": selectors.search_report_gaps(days=days),
        "stats": selectors.deflection_stats(days=days),
    }
    return render(request, "helpcenter/console_report.html", ctx)

"""Help-center writes: articles (with revisions and the search index), feedback, search events."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from walletdesk.core.markdown import markdown_render
from walletdesk.helpcenter.errors import ArticleInvalid, SearchEventNotFound, SearchQueryInvalid
from walletdesk.helpcenter.models import (
    Article,
    ArticleFeedback,
    ArticleIndex,
    ArticleRevision,
    ArticleStatus,
    Category,
    Locale,
    SearchEvent,
    Synonym,
)
from walletdesk.helpcenter.search import analyze, fts
from walletdesk.helpcenter.search.analysis import markdown_plain
from walletdesk.helpcenter.search.engine import index_changed
from walletdesk.shield.services import text_redact

DATA_DIR = Path(__file__).resolve().parent / "data"
_SLUG_RE = re.compile(r"^[\w-]{1,200}$", re.UNICODE)
_LOCALE_SUFFIX_RE = re.compile(r"-(zh-hans|zh-cn|zh|cn|hans|en|en-us|en-gb)$")
_LOCALE_ALIASES = {
    "zh": Locale.ZH_HANS,
    "zh-hans": Locale.ZH_HANS,
    "zh_hans": Locale.ZH_HANS,
    "zh-cn": Locale.ZH_HANS,
    "zh_cn": Locale.ZH_HANS,
    "zh-sg": Locale.ZH_HANS,
    "cn": Locale.ZH_HANS,
    "en": Locale.EN,
    "en-us": Locale.EN,
    "en_us": Locale.EN,
    "en-gb": Locale.EN,
}


def locale_parse(value: object) -> str | None:
    return _LOCALE_ALIASES.get(str(value or "").strip().lower())


def slug_stem(slug: str) -> str:
    """The translation-group key: the slug without its -zh / -en language suffix."""
    return _LOCALE_SUFFIX_RE.sub("", slug.lower()) or slug.lower()


def category_get_or_create(*, name: str, locale: str | None = None) -> Category | None:
    name = (name or "").strip()
    if not name:
        return None
    slug = slugify(name, allow_unicode=True)[:100] or "general"
    category, created = Category.objects.get_or_create(slug=slug)
    if created:
        if locale == Locale.EN or name.isascii():
            category.name_en = name
        else:
            category.name_zh = name
        category.save()
    return category


def article_index(*, article: Article) -> None:
    """Put a published article into the search index, or take a draft out. Runs in the save's transaction."""
    index_changed()
    if article.status != ArticleStatus.PUBLISHED:
        ArticleIndex.objects.filter(article=article).delete()
        fts.fts_delete(article_id=article.pk)
        return
    title = " ".join(analyze(article.title))
    tags = " ".join(analyze(" ".join(article.tags)))
    body = " ".join(analyze(markdown_plain(article.body)))
    ArticleIndex.objects.update_or_create(
        article=article, defaults={"title_tokens": title, "tag_tokens": tags, "body_tokens": body}
    )
    fts.fts_write(article_id=article.pk, title=title, tags=tags, body=body)


def index_rebuild() -> int:
    """Re-segment every published article (after the user dictionary or the analyser changed)."""
    rows = []
    for article in Article.objects.filter(status=ArticleStatus.PUBLISHED).iterator():
        rows.append(
            ArticleIndex(
                article_id=article.pk,
                title_tokens=" ".join(analyze(article.title)),
                tag_tokens=" ".join(analyze(" ".join(article.tags))),
                body_tokens=" ".join(analyze(markdown_plain(article.body))),
            )
        )
    with transaction.atomic():
        ArticleIndex.objects.all().delete()
        fts.fts_clear()
        ArticleIndex.objects.bulk_create(rows, batch_size=500)
        for row in rows:
            fts.fts_write(
                article_id=row.article_id, title=row.title_tokens, tags=row.tag_tokens, body=row.body_tokens
            )
        index_changed()
    return len(rows)


def _clean_tags(tags: Iterable[Any] | str | None) -> list[str]:
    if tags is None:
        return []
    if isinstance(tags, str):
        tags = re.split(r"[,，、;；]", tags)
    out: list[str] = []
    for tag in tags:
        tag = str(tag).strip()
        if tag and tag not in out:
            out.append(tag[:60])
    return out


def article_save(
    *,
    slug: str,
    locale: str,
    title: str,
    body: str,
    category: str | None = None,
    tags: Iterable[str] | str | None = None,
    status: str = ArticleStatus.PUBLISHED,
    group: str | None = None,
    author: Any = None,
    source: str = "console",
) -> tuple[Article, bool]:
    """Create or update the article `slug`; returns (article, changed). A change makes a revision."""
    slug = (slug or "").strip()
    parsed_locale = locale_parse(locale)
    errors: dict[str, str] = {}
    if not _SLUG_RE.match(slug):
        errors["slug"] = _("Use letters, digits and hyphens (1–200 characters).")
    if not parsed_locale:
        errors["locale"] = _("Locale must be zh-hans or en, not %(locale)s.") % {"locale": repr(locale)}
    if not (title or "").strip():
        errors["title"] = _("A title is required.")
    if not (body or "").strip():
        errors["body"] = _("The article has no text.")
    if status not in ArticleStatus.values:
        errors["status"] = _("Status must be draft or published.")
    if errors:
        raise ArticleInvalid("; ".join(f"{k}: {v}" for k, v in errors.items()), fields=errors)
    tag_list = _clean_tags(tags)
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(slug=slug).first()
        cat = category_get_or_create(name=category, locale=parsed_locale) if category else None
        new = article is None
        if new:
            article = Article(slug=slug)
        before = None if new else (article.title, article.body, article.tags, article.status, article.locale)
        article.locale = parsed_locale
        article.group = (group or (article.group if not new else "") or slug_stem(slug))[:200]
        # Articles are written by people too: a pasted example phrase must not be published.
        article.title = text_redact(text=title.strip(), locale=parsed_locale).text[:300]
        article.body = text_redact(text=body.strip(), locale=parsed_locale).text + "\n"
        article.body_html = markdown_render(article.body)
        article.tags = tag_list
        article.status = status
        if cat is not None or new:
            article.category = cat
        if author is not None and getattr(author, "pk", None):
            article.author = author
        if status == ArticleStatus.PUBLISHED and article.published_at is None:
            article.published_at = timezone.now()
        after = (article.title, article.body, article.tags, article.status, article.locale)
        changed = new or before != after
        article.save()
        if changed:
            number = (article.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
            ArticleRevision.objects.create(
                article=article,
                number=number,
                title=article.title,
                body=article.body,
                tags=article.tags,
                status=article.status,
                author=article.author if author is None else author,
                source=source,
            )
        article_index(article=article)
    return article, changed


def article_delete(*, article: Article) -> None:
    with transaction.atomic():
        fts.fts_delete(article_id=article.pk)
        index_changed()
        article.delete()


def article_view_count(*, article: Article) -> None:
    Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + 1)


def feedback_record(*, article: Article, helpful: bool, comment: str = "") -> ArticleFeedback:
    with transaction.atomic():
        fb = ArticleFeedback.objects.create(
            article=article, helpful=helpful, comment=(comment or "").strip()[:2000]
        )
        counter = "helpful_yes" if helpful else "helpful_no"
        Article.objects.filter(pk=article.pk).update(**{counter: F(counter) + 1})
    return fb


def search_event_record(*, query: str, locale: str, source: str, slugs: list[str]) -> SearchEvent:
    return SearchEvent.objects.create(
        query=query.strip()[:300],
        locale=locale or "",
        source=source,
        result_count=len(slugs),
        top_slugs=slugs[:20],  # every suggestion the API can return (limit ≤ 20) stays clickable
    )


# A search's click and deflection come from the page that just ran it; an older id (they are
# sequential, so guessable) would only let anyone rewrite the editors' figures.
SEARCH_EVENT_OPEN_FOR = timedelta(hours=1)


def _search_event_still_open(event: SearchEvent) -> None:
    if event.created_at < timezone.now() - SEARCH_EVENT_OPEN_FOR:
        raise SearchEventNotFound()


def search_event_click(*, event: SearchEvent, slug: str) -> SearchEvent:
    """Counts a click on one of the articles this search suggested, and only on those."""
    _search_event_still_open(event)
    if slug not in (event.top_slugs or []):
        raise SearchQueryInvalid(
            _("That article was not among this search's results."), fields={"slug": "not suggested"}
        )
    SearchEvent.objects.filter(pk=event.pk).update(clicked_slug=slug)
    event.clicked_slug = slug
    return event


def search_event_deflect(*, event: SearchEvent) -> SearchEvent:
    """The customer saw suggestions before creating a ticket and stopped there."""
    _search_event_still_open(event)
    SearchEvent.objects.filter(pk=event.pk).update(deflected=True)
    event.deflected = True
    return event


def synonym_save(*, term: str, expansions: list[str] | str, note: str = "") -> Synonym:
    term = (term or "").strip()
    if isinstance(expansions, str):
        expansions = [e.strip() for e in re.split(r"[,，]", expansions) if e.strip()]
    if not term or not expansions:
        raise ArticleInvalid(_("A synonym needs a term and at least one expansion."))
    synonym, _created = Synonym.objects.update_or_create(
        term=term[:100], defaults={"expansions": ", ".join(expansions), "note": note[:200]}
    )
    return synonym


def synonyms_parse(text: str) -> dict[str, list[str]]:
    """The seed format: `a | b | c` (each maps to the others) or `a => x, y` (one direction)."""
    table: dict[str, list[str]] = {}

    def put(term: str, exps: Iterable[str]) -> None:
        bucket = table.setdefault(term, [])
        for e in exps:
            if e != term and e not in bucket:
                bucket.append(e)

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" in line:
            left, right = line.split("=>", 1)
            exps = [e.strip() for e in right.split(",") if e.strip()]
            for term in (t.strip() for t in left.split(",") if t.strip()):
                put(term, exps)
        else:
            group = [t.strip() for t in line.split("|") if t.strip()]
            for term in group:
                put(term, group)
    return table


def synonyms_seed_defaults() -> int:
    """Add the bundled synonyms that are missing; editors' own edits are never overwritten."""
    table = synonyms_parse((DATA_DIR / "synonyms.txt").read_text(encoding="utf-8"))
    existing = set(Synonym.objects.values_list("term", flat=True))
    new = [
        Synonym(term=term[:100], expansions=", ".join(exps), note="default")
        for term, exps in table.items()
        if term[:100] not in existing and exps
    ]
    with transaction.atomic():
        Synonym.objects.bulk_create(new, batch_size=500)
        if new:
            index_changed()
    return len(new)


def kb_demo_load() -> int:
    """Import the bundled demo help center (idempotent); returns the number of articles in it."""
    from walletdesk.helpcenter.importer import kb_import_dir

    synonyms_seed_defaults()
    categories_seed_defaults()
    report = kb_import_dir(path=DATA_DIR / "articles")
    if report.errors:
        name, line, message = report.errors[0]
        raise ArticleInvalid(f"demo article {name}:{line}: {message}")
    return report.imported


def categories_seed_defaults() -> int:
    """Bilingual names and order of the demo sections (data/categories.yaml)."""
    import yaml

    rows = yaml.safe_load((DATA_DIR / "categories.yaml").read_text(encoding="utf-8")) or []
    for position, row in enumerate(rows):
        Category.objects.update_or_create(
            slug=row["slug"], defaults={"name_zh": row["zh"], "name_en": row["en"], "position": position}
        )
    return len(rows)

"""Help-center articles (one row per language version), their history, feedback and search logs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Locale(models.TextChoices):
    ZH_HANS = "zh-hans", "简体中文"
    EN = "en", "English"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Category(models.Model):
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    name_zh = models.CharField(max_length=200, blank=True)
    name_en = models.CharField(max_length=200, blank=True)
    position = models.PositiveIntegerField(default=100)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.slug

    def name_for(self, locale: str) -> str:
        if locale == Locale.EN:
            return self.name_en or self.name_zh or self.slug
        return self.name_zh or self.name_en or self.slug


class Article(models.Model):
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    locale = models.CharField(max_length=10, choices=Locale.choices)
    # Language versions of one topic share a group key (the slug stem without -zh/-en).
    group = models.CharField(max_length=200, db_index=True)
    title = models.CharField(max_length=300)
    body = models.TextField(help_text="Markdown")
    body_html = models.TextField(blank=True, editable=False)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    tags = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    view_count = models.PositiveIntegerField(default=0)
    helpful_yes = models.PositiveIntegerField(default=0)
    helpful_no = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["group", "locale"]
        indexes = [models.Index(fields=["status", "locale"], name="helpcenter_art_status_loc")]

    def __str__(self) -> str:
        return self.slug

    @property
    def url(self) -> str:
        return f"/help/{self.locale}/a/{self.slug}/"

    @property
    def is_published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED


class ArticleRevision(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    body = models.TextField()
    tags = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=ArticleStatus.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=20, default="console")  # console | import
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="helpcenter_rev_unique")]


class ArticleFeedback(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class ArticleIndex(models.Model):
    """Pre-segmented tokens of one published article (space-separated), the source of the FTS rows.

    SQLite keeps them in the FTS5 table `helpcenter_fts` (rowid = article id); PostgreSQL in the
    `tsv` tsvector column added by migration 0002 (GIN index, 'simple' config).
    """

    article = models.OneToOneField(Article, primary_key=True, on_delete=models.CASCADE, related_name="index")
    title_tokens = models.TextField()
    tag_tokens = models.TextField()
    body_tokens = models.TextField()
    updated_at = models.DateTimeField(auto_now=True, db_index=True)


class IndexState(models.Model):
    """One row whose version token changes with every change to the index or the synonyms.

    Each process's search snapshot compares it (a primary-key read) before answering, so a save in
    any process is visible to the next search everywhere. A random token rather than a counter:
    a rolled-back transaction must never let two different indexes share a version.
    """

    key = models.CharField(max_length=20, primary_key=True)
    version = models.CharField(max_length=32, default="")


class Synonym(models.Model):
    """Editors' synonym and slang table: a query containing `term` also searches `expansions`."""

    term = models.CharField(_("term"), max_length=100, unique=True)
    expansions = models.TextField(
        _("expansions"), help_text=_("Comma-separated words or phrases, any language")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self) -> str:
        return f"{self.term} → {self.expansions}"

    @property
    def expansion_list(self) -> list[str]:
        return [part.strip() for part in self.expansions.replace("，", ",").split(",") if part.strip()]


class SearchSource(models.TextChoices):
    PORTAL = "portal", _("Portal")
    WIDGET = "widget", _("Widget")
    TICKET_FORM = "ticket_form", _("Ticket form")
    CONSOLE = "console", _("Console")


class SearchEvent(models.Model):
    """One customer search, kept for the no-result / no-click report and deflection counts."""

    query = models.CharField(max_length=300)
    locale = models.CharField(max_length=10, blank=True)
    source = models.CharField(max_length=20, choices=SearchSource.choices, default=SearchSource.PORTAL)
    result_count = models.PositiveIntegerField()
    top_slugs = models.JSONField(default=list, blank=True)
    clicked_slug = models.CharField(max_length=200, blank=True)
    deflected = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

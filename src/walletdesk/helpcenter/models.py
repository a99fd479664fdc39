"""Help-center articles (one row per language version), their history, feedback and search logs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Locale(models.TextChoices):
    ZH_HANS = "zh-hans", "简体中文"
    EN = "en", _("English")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Category(models.Model):
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, verbose_name=_("Slug"))
    name_zh = models.CharField(max_length=200, blank=True, verbose_name=_("Name (Chinese)"))
    name_en = models.CharField(max_length=200, blank=True, verbose_name=_("Name (English)"))
    position = models.PositiveIntegerField(default=100, verbose_name=_("Position"))

    class Meta:
        verbose_name = _("Section")
        ordering = ["position", "slug"]
        verbose_name_plural = _("Sections")

    def __str__(self) -> str:
        return self.slug

    def name_for(self, locale: str) -> str:
        if locale == Locale.EN:
            return self.name_en or self.name_zh or self.slug
        return self.name_zh or self.name_en or self.slug


class Article(models.Model):
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True, verbose_name=_("Slug"))
    locale = models.CharField(max_length=10, choices=Locale.choices, verbose_name=_("Locale"))
    # Language versions of one topic share a group key (the slug stem without -zh/-en).
    group = models.CharField(max_length=200, db_index=True, verbose_name=_("Group"))
    title = models.CharField(max_length=300, verbose_name=_("Title"))
    body = models.TextField(help_text="Markdown", verbose_name=_("Body"))
    body_html = models.TextField(blank=True, editable=False, verbose_name=_("Body HTML"))
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("Section"),
    )
    tags = models.JSONField(default=list, blank=True, verbose_name=_("Tags"))
    status = models.CharField(
        max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT, verbose_name=_("Status")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Author"),
    )
    view_count = models.PositiveIntegerField(default=0, verbose_name=_("View count"))
    helpful_yes = models.PositiveIntegerField(default=0, verbose_name=_("Helpful votes"))
    helpful_no = models.PositiveIntegerField(default=0, verbose_name=_("Not helpful votes"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Published at"))

    class Meta:
        verbose_name = _("Article")
        verbose_name_plural = _("Articles")
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
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("Article")
    )
    number = models.PositiveIntegerField(verbose_name=_("Number"))
    title = models.CharField(max_length=300, verbose_name=_("Title"))
    body = models.TextField(verbose_name=_("Body"))
    tags = models.JSONField(default=list, blank=True, verbose_name=_("Tags"))
    status = models.CharField(max_length=10, choices=ArticleStatus.choices, verbose_name=_("Status"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Author"),
    )
    source = models.CharField(max_length=20, default="console", verbose_name=_("Source"))  # console | import
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Article revision")
        verbose_name_plural = _("Article revisions")
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="helpcenter_rev_unique")]


class ArticleFeedback(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("Article")
    )
    helpful = models.BooleanField(verbose_name=_("Helpful"))
    comment = models.TextField(blank=True, max_length=2000, verbose_name=_("Comment"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Article feedback")
        verbose_name_plural = _("Article feedback")
        ordering = ["-created_at"]


class ArticleIndex(models.Model):
    """Pre-segmented tokens of one published article (space-separated), the source of the FTS rows.

    SQLite keeps them in the FTS5 table `helpcenter_fts` (rowid = article id); PostgreSQL in the
    `tsv` tsvector column added by migration 0002 (GIN index, 'simple' config).
    """

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="index", verbose_name=_("Article")
    )
    title_tokens = models.TextField(verbose_name=_("Title tokens"))
    tag_tokens = models.TextField(verbose_name=_("Tag tokens"))
    body_tokens = models.TextField(verbose_name=_("Body tokens"))
    updated_at = models.DateTimeField(auto_now=True, db_index=True, verbose_name=_("Updated at"))

    class Meta:
        verbose_name = _("Article index")
        verbose_name_plural = _("Article indexes")


class IndexState(models.Model):
    """One row whose version token changes with every change to the index or the synonyms.

    Each process's search snapshot compares it (a primary-key read) before answering, so a save in
    any process is visible to the next search everywhere. A random token rather than a counter:
    a rolled-back transaction must never let two different indexes share a version.
    """

    key = models.CharField(max_length=20, primary_key=True, verbose_name=_("Key"))
    version = models.CharField(max_length=32, default="", verbose_name=_("Version"))

    class Meta:
        verbose_name = _("Index state")
        verbose_name_plural = _("Index states")


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

    query = models.CharField(max_length=300, verbose_name=_("Query"))
    locale = models.CharField(max_length=10, blank=True, verbose_name=_("Locale"))
    source = models.CharField(
        max_length=20, choices=SearchSource.choices, default=SearchSource.PORTAL, verbose_name=_("Source")
    )
    result_count = models.PositiveIntegerField(verbose_name=_("Result count"))
    top_slugs = models.JSONField(default=list, blank=True, verbose_name=_("Top slugs"))
    clicked_slug = models.CharField(max_length=200, blank=True, verbose_name=_("Clicked slug"))
    deflected = models.BooleanField(default=False, verbose_name=_("Deflected"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Search event")
        verbose_name_plural = _("Search events")
        ordering = ["-created_at"]

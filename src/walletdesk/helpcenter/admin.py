from django.contrib import admin

from walletdesk.helpcenter.models import (
    Article,
    ArticleFeedback,
    ArticleRevision,
    Category,
    SearchEvent,
    Synonym,
)


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    """Editors maintain the synonym and slang table here; searches pick changes up at once."""

    list_display = ("term", "expansions", "note", "updated_at")
    search_fields = ("term", "expansions")


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("slug", "name_zh", "name_en", "position")


class RevisionInline(admin.TabularInline):
    model = ArticleRevision
    extra = 0
    fields = ("number", "title", "status", "author", "source", "created_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "slug",
        "locale",
        "title",
        "status",
        "category",
        "view_count",
        "helpful_yes",
        "helpful_no",
    )
    list_filter = ("status", "locale", "category")
    search_fields = ("slug", "title")
    readonly_fields = ("view_count", "helpful_yes", "helpful_no", "body_html")
    inlines = [RevisionInline]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        # Through the service so revisions and the search index stay in step.
        from walletdesk.helpcenter.services import article_save

        saved, _ = article_save(
            slug=obj.slug,
            locale=obj.locale,
            title=obj.title,
            body=obj.body,
            category=obj.category.slug if obj.category else None,
            tags=obj.tags,
            status=obj.status,
            group=obj.group or None,
            author=request.user,
        )
        obj.pk = saved.pk


@admin.register(SearchEvent)
class SearchEventAdmin(admin.ModelAdmin):
    list_display = ("query", "locale", "source", "result_count", "clicked_slug", "deflected", "created_at")
    list_filter = ("source", "deflected", "locale")


@admin.register(ArticleFeedback)
class ArticleFeedbackAdmin(admin.ModelAdmin):
    list_display = ("article", "helpful", "comment", "created_at")

from django import forms
from django.contrib import admin

from walletdesk.tickets.intake import intake_fields_problems
from walletdesk.tickets.models import Attachment, Category, Message, Ticket, TicketEvent, TicketTag


class CategoryForm(forms.ModelForm):
    # No Meta: the admin builds the form for Category with every field and this check.
    def clean_intake_fields(self):
        fields = self.cleaned_data.get("intake_fields")
        problems = intake_fields_problems(fields if fields is not None else [])
        if problems:
            raise forms.ValidationError(problems)
        return fields if fields is not None else []


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryForm
    list_display = (
        "slug",
        "name_zh",
        "name_en",
        "default_team",
        "default_priority",
        "first_response_minutes",
        "position",
    )
    list_editable = ("position",)


class MessageInline(admin.TabularInline):
    model = Message
    fields = ("author_kind", "body", "is_internal", "delivery_status", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


class TagInline(admin.TabularInline):
    model = TicketTag
    extra = 0


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = (
        "reference",
        "subject",
        "customer",
        "channel",
        "category",
        "status",
        "priority",
        "assignee",
        "last_message_at",
    )
    list_filter = ("status", "priority", "channel", "category", "team", "complaint")
    search_fields = ("subject", "customer__email", "customer__wallet_uid")
    raw_id_fields = ("customer", "assignee")
    list_select_related = ("customer", "category", "assignee")
    inlines = [TagInline, MessageInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ("filename", "content_type", "size", "ticket", "created_at")
    raw_id_fields = ("ticket", "message")


@admin.register(TicketEvent)
class TicketEventAdmin(admin.ModelAdmin):
    list_display = ("ticket", "kind", "actor", "created_at")
    list_filter = ("kind",)
    raw_id_fields = ("ticket",)

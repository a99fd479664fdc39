import json

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from walletdesk.tickets.intake import FIELD_TYPES, intake_fields_problems
from walletdesk.tickets.models import Attachment, Category, Message, Ticket, TicketEvent, TicketTag

_INTAKE_EXAMPLE = [
    {"key": "txid", "type": "txid", "label_zh": "交易哈希", "label_en": "Transaction hash", "required": True},
    {
        "key": "amount",
        "type": "amount",
        "label_zh": "金额",
        "label_en": "Amount",
        "help_zh": "含币种，例如 100 USDT",
        "help_en": "With the coin, e.g. 100 USDT",
    },
]


class IntakeFieldsFormField(forms.JSONField):
    """The stored JSON, indented and with Chinese labels as characters: the stock widget showed
    one line of \\u4ea4\\u6613 escapes that operators had to edit blind."""

    def to_python(self, value):
        # An empty box means no fields; JSONField reads it as None, like the text null, which
        # intake_fields_problems refuses.
        if isinstance(value, str) and not value.strip():
            return []
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value  # what the operator typed, kept so the error can be fixed in place
        return json.dumps(value, indent=2, ensure_ascii=False, cls=self.encoder)


def _intake_help() -> str:
    return format_html(
        "{}<br><code>key</code>: {}<br><code>type</code>: {}<br><code>label_zh</code>, "
        "<code>label_en</code>: {}<br><code>help_zh</code>, <code>help_en</code>: {}<br>"
        "<code>required</code>: {}<br>{}<pre>{}</pre>",
        gettext("A list of the fields the customer fills in for this category; each field is an object:"),
        gettext("lower-case letters, digits or _, starting with a letter, unique in the list"),
        gettext("one of %(types)s (default text)") % {"types": ", ".join(FIELD_TYPES)},
        gettext("the field's name in Chinese and in English (both required)"),
        gettext("a hint under the field (optional)"),
        gettext("true or false (default false)"),
        gettext("Example:"),
        json.dumps(_INTAKE_EXAMPLE, indent=2, ensure_ascii=False),
    )


class CategoryForm(forms.ModelForm):
    # No Meta: the admin builds the form for Category with every field and this check.
    # initial=list: a new category's form showed the literal text null (the declared field has no
    # model default) and saving it untouched stored a category without fields.
    intake_fields = IntakeFieldsFormField(
        label=_("Intake fields"),
        required=False,
        initial=list,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 80, "style": "font-family: monospace"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per form, so the help reads in the operator's language.
        self.fields["intake_fields"].help_text = _intake_help()

    def clean_intake_fields(self):
        fields = self.cleaned_data.get("intake_fields")
        problems = intake_fields_problems(fields)
        if problems:
            raise forms.ValidationError(problems)
        return fields


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

    @admin.display(description=_("Reference"), ordering="pk")
    def reference(self, ticket: Ticket) -> str:
        return ticket.reference


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ("filename", "content_type", "size", "ticket", "created_at")
    raw_id_fields = ("ticket", "message")


@admin.register(TicketEvent)
class TicketEventAdmin(admin.ModelAdmin):
    list_display = ("ticket", "kind", "actor", "created_at")
    list_filter = ("kind",)
    raw_id_fields = ("ticket",)

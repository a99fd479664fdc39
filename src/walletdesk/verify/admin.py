"""Django admin for the registry and reports; every change goes to the audit log like the console's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from walletdesk.verify import selectors
from walletdesk.verify.models import BlockedValue, Brand, OfficialChannel, PhishingReport
from walletdesk.verify.services import channel_value_problem


def _audit(request: HttpRequest, action: str, obj: Any, data: dict[str, Any]) -> None:
    from walletdesk.audit.services import audit_record

    audit_record(actor=request.user, action=action, target=f"{obj._meta.model_name}:{obj.pk}", data=data)
    selectors.registry_index_forget()


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        _audit(
            request, f"verify.admin_{'change' if change else 'add'}", obj, {"fields": list(form.changed_data)}
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        _audit(request, "verify.admin_delete", obj, {"repr": str(obj)})
        super().delete_model(request, obj)


class ChannelForm(forms.ModelForm):
    class Meta:
        model = OfficialChannel
        fields = ("brand", "kind", "value", "label", "label_zh", "locale", "active_since")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        problem = channel_value_problem(kind=data.get("kind", ""), value=(data.get("value") or "").strip())
        if problem:
            raise forms.ValidationError(problem)
        return data


class ChannelInline(admin.TabularInline):
    model = OfficialChannel
    form = ChannelForm
    extra = 1
    fields = ("kind", "value", "label", "label_zh", "locale", "active_since")


@admin.register(Brand)
class BrandAdmin(AuditedAdmin):
    list_display = ("name", "updated_at")
    inlines = [ChannelInline]


@admin.register(OfficialChannel)
class OfficialChannelAdmin(AuditedAdmin):
    list_display = ("brand", "kind", "value", "label", "label_zh", "locale", "active_since")
    list_filter = ("brand", "kind")
    search_fields = ("value", "label", "label_zh")
    form = ChannelForm


@admin.register(PhishingReport)
class PhishingReportAdmin(admin.ModelAdmin):
    list_display = ("value", "kind", "status", "verdict_at_report", "created_at", "reviewed_by")
    list_filter = ("status", "kind")
    readonly_fields = (
        "value",
        "kind",
        "canonical",
        "verdict_at_report",
        "customer_id",
        "reporter_key",
        "reviewed_by",
        "reviewed_at",
        "created_at",
    )


@admin.register(BlockedValue)
class BlockedValueAdmin(AuditedAdmin):
    list_display = ("value", "kind", "canonical", "created_at")
    search_fields = ("value", "canonical")

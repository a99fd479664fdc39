from django.contrib import admin

from walletdesk.compensation.models import CompensationRequest


@admin.register(CompensationRequest)
class CompensationRequestAdmin(admin.ModelAdmin):
    """Read-only: money moves only through the services (two-person rule, connector, audit log)."""

    list_display = (
        "id",
        "ticket",
        "kind",
        "amount",
        "asset",
        "status",
        "requested_by",
        "decided_by",
        "created_at",
    )
    list_filter = ("status", "kind", "asset")
    search_fields = ("wallet_uid", "reason")
    raw_id_fields = ("ticket",)

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

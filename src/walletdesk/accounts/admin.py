from django.contrib import admin

from walletdesk.accounts.models import AgentProfile, ApiToken, Customer, Team
from walletdesk.accounts.services import agent_role_apply


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("slug", "name_zh", "name_en")


@admin.register(AgentProfile)
class AgentProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "display_name", "role", "agent_code", "capacity", "presence")
    list_filter = ("role", "presence", "teams")
    search_fields = ("user__username", "display_name", "agent_code")
    filter_horizontal = ("teams",)

    def get_readonly_fields(self, request, obj=None):
        # A supervisor runs the team (teams, capacity, languages) but cannot give anyone, or
        # themselves, another role: that is an administrator's decision.
        if request.user.is_superuser:
            return ("agent_code",)
        return ("agent_code", "user", "role")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "role" in form.changed_data:
            agent_role_apply(obj)


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "email", "wallet_uid", "telegram_id", "locale", "created_at")
    search_fields = ("name", "email", "wallet_uid", "telegram_id", "phone")
    list_filter = ("locale",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
    search_fields = ("name", "user__username")

from django.contrib import admin

from walletdesk.channels_email.models import HeldMail, MailboxState


@admin.register(MailboxState)
class MailboxStateAdmin(admin.ModelAdmin):
    list_display = ("host", "user", "folder", "uidvalidity", "last_uid", "polled_at")
    readonly_fields = list_display


@admin.register(HeldMail)
class HeldMailAdmin(admin.ModelAdmin):
    list_display = ("created_at", "mailbox", "uid", "sender", "message_id", "reason")
    readonly_fields = (*list_display, "uidvalidity")
    list_filter = ("mailbox",)

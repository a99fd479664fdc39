"""The official-channel registry, phishing reports and their blocklist, and support check codes.

Cross-app references (customer, ticket) are plain ids in this first cut so the app does not depend on
tables that are still being written; agents are Django users.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChannelKind(models.TextChoices):
    WEBSITE = "website", _("Website")
    EMAIL = "email", _("Email")
    TELEGRAM = "telegram", _("Telegram")
    X = "x", _("X (Twitter)")
    PHONE = "phone", _("Phone")
    WECHAT = "wechat", _("WeChat official account")


class Brand(models.Model):
    """One brand the operator runs; an operator may run sister brands and Verify checks all of them."""

    name = models.CharField(max_length=100, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OfficialChannel(models.Model):
    brand = models.ForeignKey(Brand, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(max_length=16, choices=ChannelKind.choices)
    value = models.CharField(max_length=300)
    label = models.CharField(max_length=200, blank=True)
    # Empty means every language; "zh-hans" or "en" limits where the contacts page lists it.
    locale = models.CharField(max_length=10, blank=True)
    active_since = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["brand__name", "kind", "id"]
        constraints = [
            models.UniqueConstraint(fields=["brand", "kind", "value"], name="verify_channel_unique_value"),
        ]

    def __str__(self) -> str:
        return f"{self.brand.name} {self.kind} {self.value}"


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    CONFIRMED = "confirmed", _("Confirmed phishing")
    REJECTED = "rejected", _("Not phishing")


class PhishingReport(models.Model):
    """A customer's report of a suspected phishing site or account, reviewed by an agent."""

    value = models.CharField(max_length=500)
    kind = models.CharField(max_length=16)
    canonical = models.CharField(max_length=500, db_index=True)
    note = models.TextField(blank=True)
    verdict_at_report = models.CharField(max_length=16, blank=True)
    customer_id = models.CharField(max_length=64, blank=True)
    # A salted hash, not the address: enough to spot one person flooding the queue.
    reporter_key = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, choices=ReportStatus.choices, default=ReportStatus.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="verify_report_status_idx")]


class BlockedValue(models.Model):
    """Confirmed phishing: Verify shows these as known phishing whatever they look like."""

    kind = models.CharField(max_length=16)
    canonical = models.CharField(max_length=500)
    value = models.CharField(max_length=500)
    report = models.ForeignKey(
        PhishingReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["kind", "canonical"], name="verify_blocked_unique")]


class SupportCheckCode(models.Model):
    """A one-time code a signed-in customer asks for; the agent handling their ticket sees it and can
    say it back, which a scammer on Telegram or X cannot do."""

    code = models.CharField(max_length=12, db_index=True)
    customer_id = models.CharField(max_length=64, db_index=True)
    ticket_id = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

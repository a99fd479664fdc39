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

    name = models.CharField(max_length=100, unique=True, verbose_name=_("Name"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))

    class Meta:
        verbose_name = _("Brand")
        verbose_name_plural = _("Brands")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OfficialChannel(models.Model):
    brand = models.ForeignKey(
        Brand, on_delete=models.CASCADE, related_name="channels", verbose_name=_("Brand")
    )
    kind = models.CharField(max_length=16, choices=ChannelKind.choices, verbose_name=_("Kind"))
    value = models.CharField(max_length=300, verbose_name=_("Value"))
    # The note beside the channel on the contacts page: label in English (and for any other language),
    # label_zh for Chinese pages. Two fields rather than one "English / 中文" text: a page in one
    # language showed both, and guessing where a free-text note splits goes wrong on notes like
    # "Buy/Sell" or "9:00 / 21:00".
    label = models.CharField(max_length=200, blank=True, verbose_name=_("Label"))
    label_zh = models.CharField(max_length=200, blank=True, verbose_name=_("Label (Chinese)"))
    # Empty means every language; "zh-hans" or "en" limits where the contacts page lists it.
    locale = models.CharField(max_length=10, blank=True, verbose_name=_("Locale"))
    active_since = models.DateField(null=True, blank=True, verbose_name=_("Active since"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))

    class Meta:
        verbose_name = _("Official channel")
        verbose_name_plural = _("Official channels")
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

    value = models.CharField(max_length=500, verbose_name=_("Value"))
    kind = models.CharField(max_length=16, verbose_name=_("Kind"))
    canonical = models.CharField(max_length=500, db_index=True, verbose_name=_("Canonical"))
    note = models.TextField(blank=True, verbose_name=_("Note"))
    verdict_at_report = models.CharField(max_length=16, blank=True, verbose_name=_("Verdict at report"))
    customer_id = models.CharField(max_length=64, blank=True, verbose_name=_("Customer ID"))
    # A salted hash, not the address: enough to spot one person flooding the queue.
    reporter_key = models.CharField(max_length=64, blank=True, verbose_name=_("Reporter key"))
    status = models.CharField(
        max_length=16, choices=ReportStatus.choices, default=ReportStatus.PENDING, verbose_name=_("Status")
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Reviewed by"),
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Reviewed at"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Phishing report")
        verbose_name_plural = _("Phishing reports")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="verify_report_status_idx")]


class BlockedValue(models.Model):
    """Confirmed phishing: Verify shows these as known phishing whatever they look like."""

    kind = models.CharField(max_length=16, verbose_name=_("Kind"))
    canonical = models.CharField(max_length=500, verbose_name=_("Canonical"))
    value = models.CharField(max_length=500, verbose_name=_("Value"))
    report = models.ForeignKey(
        PhishingReport,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Report"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Blocked value")
        verbose_name_plural = _("Blocked values")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["kind", "canonical"], name="verify_blocked_unique")]


class SupportCheckCode(models.Model):
    """A one-time code a signed-in customer asks for; the agent handling their ticket sees it and can
    say it back, which a scammer on Telegram or X cannot do."""

    code = models.CharField(max_length=12, db_index=True, verbose_name=_("Code"))
    customer_id = models.CharField(max_length=64, db_index=True, verbose_name=_("Customer ID"))
    ticket_id = models.CharField(max_length=64, blank=True, db_index=True, verbose_name=_("Ticket ID"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    expires_at = models.DateTimeField(verbose_name=_("Expires at"))

    class Meta:
        verbose_name = _("Support check code")
        verbose_name_plural = _("Support check codes")
        ordering = ["-created_at", "-id"]

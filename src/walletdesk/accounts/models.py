from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    slug = models.SlugField(unique=True, verbose_name=_("Slug"))
    name_zh = models.CharField(max_length=100, verbose_name=_("Name (Chinese)"))
    name_en = models.CharField(max_length=100, verbose_name=_("Name (English)"))

    class Meta:
        verbose_name = _("Team")
        verbose_name_plural = _("Teams")

    def __str__(self) -> str:
        # The admin's pickers and filters name teams in the operator's language.
        return self.name_for(get_language() or "")

    def name_for(self, locale: str) -> str:
        return self.name_zh if locale.startswith("zh") else self.name_en


class AgentRole(models.TextChoices):
    AGENT = "agent", _("Agent")
    SUPERVISOR = "supervisor", _("Supervisor")
    ADMIN = "admin", _("Administrator")
    FINANCE = "finance", _("Finance")
    EDITOR = "editor", _("Editor")


class Presence(models.TextChoices):
    ONLINE = "online", _("Online")
    AWAY = "away", _("Away")
    OFFLINE = "offline", _("Offline")


class AgentProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agent_profile",
        verbose_name=_("User"),
    )
    role = models.CharField(
        max_length=20, choices=AgentRole.choices, default=AgentRole.AGENT, verbose_name=_("Role")
    )
    display_name = models.CharField(max_length=100, blank=True, verbose_name=_("Display name"))
    # The public agent ID a customer can check on the Verify page ("is this person really support?").
    agent_code = models.CharField(max_length=20, unique=True, verbose_name=_("Agent code"))
    languages = models.JSONField(default=list, blank=True, verbose_name=_("Languages"))
    teams = models.ManyToManyField(Team, blank=True, related_name="agents", verbose_name=_("Teams"))
    capacity = models.PositiveSmallIntegerField(default=5, verbose_name=_("Capacity"))
    presence = models.CharField(
        max_length=10, choices=Presence.choices, default=Presence.OFFLINE, verbose_name=_("Presence")
    )
    presence_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Presence at"))

    class Meta:
        verbose_name = _("Agent profile")
        verbose_name_plural = _("Agent profiles")

    def __str__(self) -> str:
        return self.display_name or self.user.get_username()

    @property
    def is_supervisor(self) -> bool:
        return self.role in (AgentRole.SUPERVISOR, AgentRole.ADMIN)


def supervisor_allowed(user: Any) -> bool:
    """An active supervisor or admin: who may change what every agent works with or that customers
    trust (the official-channel registry, canned replies), see every team's figures, or unfreeze."""
    profile = getattr(user, "agent_profile", None)
    return bool(user.is_active and profile is not None and profile.is_supervisor)


class Customer(models.Model):
    wallet_uid = models.CharField(
        max_length=64, unique=True, null=True, blank=True, verbose_name=_("Wallet UID")
    )
    name = models.CharField(max_length=200, blank=True, verbose_name=_("Name"))
    email = models.EmailField(blank=True, db_index=True, verbose_name=_("Email"))
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("Phone"))
    telegram_id = models.CharField(
        max_length=64, unique=True, null=True, blank=True, verbose_name=_("Telegram ID")
    )
    # An anonymous widget visitor is bound to a random token kept in the browser.
    visitor_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, verbose_name=_("Visitor token")
    )
    locale = models.CharField(max_length=10, default="zh-hans", verbose_name=_("Locale"))
    anti_phishing_code = models.CharField(max_length=32, blank=True, verbose_name=_("Anti-phishing code"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Customer")
        verbose_name_plural = _("Customers")

    def __str__(self) -> str:
        return customer_label(self.pk, self.name, self.email, self.wallet_uid)

    @property
    def display_name(self) -> str:
        return str(self)


def customer_label(pk: int | None, name: str, email: str, wallet_uid: str | None) -> str:
    """How a customer is named on agent pages; lists call it with plain row values."""
    return name or email or wallet_uid or gettext("visitor %(number)s") % {"number": pk}


class ApiToken(models.Model):
    """A personal API token for an agent or an integration; only its SHA-256 is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("User")
    )
    name = models.CharField(max_length=100, verbose_name=_("Name"))
    prefix = models.CharField(max_length=12, db_index=True, verbose_name=_("Prefix"))
    digest = models.CharField(max_length=64, unique=True, verbose_name=_("Digest"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    last_used_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Last used at"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Revoked at"))

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")


class CustomerLoginLink(models.Model):
    """An emailed one-time sign-in link for the portal; only the digest is stored."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="login_links", verbose_name=_("Customer")
    )
    digest = models.CharField(max_length=64, unique=True, verbose_name=_("Digest"))
    expires_at = models.DateTimeField(verbose_name=_("Expires at"))
    used_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Used at"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Customer login link")
        verbose_name_plural = _("Customer login links")

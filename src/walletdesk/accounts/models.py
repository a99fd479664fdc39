from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    slug = models.SlugField(unique=True)
    name_zh = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.name_en

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
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agent_profile"
    )
    role = models.CharField(max_length=20, choices=AgentRole.choices, default=AgentRole.AGENT)
    display_name = models.CharField(max_length=100, blank=True)
    # The public agent ID a customer can check on the Verify page ("is this person really support?").
    agent_code = models.CharField(max_length=20, unique=True)
    languages = models.JSONField(default=list, blank=True)
    teams = models.ManyToManyField(Team, blank=True, related_name="agents")
    capacity = models.PositiveSmallIntegerField(default=5)
    presence = models.CharField(max_length=10, choices=Presence.choices, default=Presence.OFFLINE)
    presence_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.user.get_username()

    @property
    def is_supervisor(self) -> bool:
        return self.role in (AgentRole.SUPERVISOR, AgentRole.ADMIN)


class Customer(models.Model):
    wallet_uid = models.CharField(max_length=64, unique=True, null=True, blank=True)
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True, db_index=True)
    phone = models.CharField(max_length=40, blank=True)
    telegram_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # An anonymous widget visitor is bound to a random token kept in the browser.
    visitor_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    locale = models.CharField(max_length=10, default="zh-hans")
    anti_phishing_code = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return customer_label(self.pk, self.name, self.email, self.wallet_uid)

    @property
    def display_name(self) -> str:
        return str(self)


def customer_label(pk: int | None, name: str, email: str, wallet_uid: str | None) -> str:
    """How a customer is named on agent pages; lists call it with plain row values."""
    return name or email or wallet_uid or f"visitor {pk}"


class ApiToken(models.Model):
    """A personal API token for an agent or an integration; only its SHA-256 is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)


class CustomerLoginLink(models.Model):
    """An emailed one-time sign-in link for the portal; only the digest is stored."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="login_links")
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

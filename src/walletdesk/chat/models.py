"""Live chat: the queue entry (Conversation) beside the ticket, canned replies, business hours,
and who is looking at a ticket right now (collision warning)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from walletdesk.accounts.models import Customer, Team
from walletdesk.tickets.models import Ticket


class ConversationStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting in queue")
    ACTIVE = "active", _("With an agent")
    ENDED = "ended", _("Ended")
    OFFLINE = "offline", _("Left as a ticket (offline)")


LIVE_STATUSES = (ConversationStatus.QUEUED, ConversationStatus.ACTIVE)


class Conversation(models.Model):
    """One live-chat session on a ticket: from joining the queue until the agent ends it.

    The messages live on the ticket (tickets.inbox / outbox); this row only holds the chat state
    that tickets do not have: queue time, who accepted, read marks.
    """

    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="chat_conversations", verbose_name=_("Ticket")
    )
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="chat_conversations", verbose_name=_("Customer")
    )
    status = models.CharField(
        max_length=10,
        choices=ConversationStatus.choices,
        default=ConversationStatus.QUEUED,
        verbose_name=_("Status"),
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chats",
        verbose_name=_("Agent"),
    )
    # A transfer to a team sends the chat back to the queue for that team's agents.
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("Team"))
    locale = models.CharField(max_length=10, default="zh-hans", verbose_name=_("Locale"))
    reply_email = models.EmailField(
        blank=True, verbose_name=_("Reply email")
    )  # offline: where the answer goes
    queued_at = models.DateTimeField(default=timezone.now, verbose_name=_("Queued at"))
    accepted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Accepted at"))
    ended_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Ended at"))
    # Read receipts: the highest message id each side has seen.
    # The customer's widget was last connected (hello, then its pings); a waiting chat whose customer
    # has been gone longer than services.CUSTOMER_GONE_AFTER leaves the queue (queue_abandoned_sweep).
    customer_seen_at = models.DateTimeField(default=timezone.now, verbose_name=_("Customer last connected"))
    customer_read_upto = models.BigIntegerField(default=0, verbose_name=_("Customer read up to"))
    agent_read_upto = models.BigIntegerField(default=0, verbose_name=_("Agent read up to"))

    class Meta:
        verbose_name = _("Conversation")
        verbose_name_plural = _("Conversations")
        constraints = [
            # At most one live chat per ticket: two tabs sending the first message at once share it.
            models.UniqueConstraint(
                fields=["ticket"],
                condition=Q(status__in=["queued", "active"]),
                name="chat_one_live_conversation_per_ticket",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "queued_at", "id"], name="chat_conv_queue"),
            models.Index(fields=["agent", "status"], name="chat_conv_agent_status"),
            models.Index(fields=["status", "-ended_at"], name="chat_conv_recent_ended"),
        ]

    def __str__(self) -> str:
        return f"chat {self.pk} on ticket {self.ticket_id} ({self.status})"

    @property
    def handling_seconds(self) -> float | None:
        if self.accepted_at and self.ended_at:
            return (self.ended_at - self.accepted_at).total_seconds()
        return None


class CannedReply(models.Model):
    shortcut = models.SlugField(max_length=40, unique=True, verbose_name=_("Shortcut"))
    title = models.CharField(max_length=120, verbose_name=_("Title"))
    body_zh = models.TextField(verbose_name=_("Body (Chinese)"))
    body_en = models.TextField(verbose_name=_("Body (English)"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Canned reply")
        verbose_name_plural = _("Canned replies")
        ordering = ["shortcut"]

    def __str__(self) -> str:
        return self.shortcut

    def body_for(self, locale: str) -> str:
        return self.body_zh if locale.startswith("zh") else self.body_en


class BusinessHours(models.Model):
    """Opening hours per weekday (0 = Monday) in settings.TIME_ZONE. No rows at all means 24/7."""

    weekday = models.PositiveSmallIntegerField(unique=True, verbose_name=_("Weekday"))
    opens = models.TimeField(verbose_name=_("Opens"))
    closes = models.TimeField(verbose_name=_("Closes"))

    class Meta:
        verbose_name = _("Business hours")
        verbose_name_plural = _("Business hours")
        ordering = ["weekday"]

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ChatSettings(models.Model):
    """One row: operator switches for the chat (set with `walletdesk chat routing`)."""

    auto_assign = models.BooleanField(default=False, verbose_name=_("Auto-assign"))

    class Meta:
        verbose_name = _("Chat settings")
        verbose_name_plural = _("Chat settings")

    def __str__(self) -> str:
        return f"auto_assign={self.auto_assign}"


class TicketViewer(models.Model):
    """An agent's console socket that has a ticket open; stale rows expire (heartbeat)."""

    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="chat_viewers", verbose_name=_("Ticket")
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("User"))
    channel_name = models.CharField(max_length=200, verbose_name=_("Channel name"))
    seen_at = models.DateTimeField(default=timezone.now, verbose_name=_("Seen at"))

    class Meta:
        verbose_name = _("Ticket viewer")
        verbose_name_plural = _("Ticket viewers")
        constraints = [
            models.UniqueConstraint(fields=["ticket", "channel_name"], name="chat_viewer_unique_socket")
        ]

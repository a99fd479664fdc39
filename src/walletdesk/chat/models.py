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

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="chat_conversations")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="chat_conversations")
    status = models.CharField(
        max_length=10, choices=ConversationStatus.choices, default=ConversationStatus.QUEUED
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="chats"
    )
    # A transfer to a team sends the chat back to the queue for that team's agents.
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL)
    locale = models.CharField(max_length=10, default="zh-hans")
    reply_email = models.EmailField(blank=True)  # offline: where the answer goes
    queued_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Read receipts: the highest message id each side has seen.
    customer_read_upto = models.BigIntegerField(default=0)
    agent_read_upto = models.BigIntegerField(default=0)

    class Meta:
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
    shortcut = models.SlugField(max_length=40, unique=True)
    title = models.CharField(max_length=120)
    body_zh = models.TextField()
    body_en = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["shortcut"]

    def __str__(self) -> str:
        return self.shortcut

    def body_for(self, locale: str) -> str:
        return self.body_zh if locale.startswith("zh") else self.body_en


class BusinessHours(models.Model):
    """Opening hours per weekday (0 = Monday) in settings.TIME_ZONE. No rows at all means 24/7."""

    weekday = models.PositiveSmallIntegerField(unique=True)
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        ordering = ["weekday"]

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ChatSettings(models.Model):
    """One row: operator switches for the chat (set with `walletdesk chat routing`)."""

    auto_assign = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"auto_assign={self.auto_assign}"


class TicketViewer(models.Model):
    """An agent's console socket that has a ticket open; stale rows expire (heartbeat)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="chat_viewers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    channel_name = models.CharField(max_length=200)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ticket", "channel_name"], name="chat_viewer_unique_socket")
        ]

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from walletdesk.accounts.models import Customer, Team

TICKET_NUMBER_OFFSET = 10000


class Channel(models.TextChoices):
    WEB = "web", _("Web portal")
    WIDGET = "widget", _("Live chat")
    API = "api", _("API")
    EMAIL = "email", _("Email")
    TELEGRAM = "telegram", _("Telegram")
    PHONE = "phone", _("Phone callback")
    X = "x", _("X")


class Status(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING = "waiting", _("Waiting on customer")
    ON_HOLD = "on_hold", _("On hold")
    SOLVED = "solved", _("Solved")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING, Status.ON_HOLD)


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


PRIORITY_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2, Priority.URGENT: 3}


class Category(models.Model):
    slug = models.SlugField(unique=True)
    name_zh = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    description_zh = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    # [{"key", "type": text|txid|network|amount|textarea|file, "required", "label_zh", "label_en", "help_zh", "help_en"}]
    intake_fields = models.JSONField(default=list, blank=True)
    default_team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL)
    default_priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    first_response_minutes = models.PositiveIntegerField(default=240)
    is_complaint = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.slug

    def name_for(self, locale: str) -> str:
        return self.name_zh if locale.startswith("zh") else self.name_en

    def description_for(self, locale: str) -> str:
        return self.description_zh if locale.startswith("zh") else self.description_en


class Ticket(models.Model):
    # No index of its own: ticket_customer_recent (customer, -id) starts with it and serves every
    # lookup by customer; a second one only cost each new ticket another index insert.
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="tickets", db_index=False)
    channel = models.CharField(max_length=12, choices=Channel.choices)
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL)
    category_source = models.CharField(max_length=10, default="customer")  # customer | triage | agent
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
    )
    subject = models.CharField(max_length=300)
    locale = models.CharField(max_length=10, default="zh-hans")
    intake = models.JSONField(default=dict, blank=True)
    complaint = models.BooleanField(default=False)
    secret_leaks = models.PositiveIntegerField(default=0)  # the agent's banner: secrets were redacted here
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    first_response_due_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    csat_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    csat_comment = models.TextField(blank=True)

    class Meta:
        indexes = [
            # The inbox is read newest activity first; each view walks one of these in order and stops
            # after a page, so a page costs the same at 1k and 1M tickets.
            models.Index(fields=["-last_message_at", "-id"], name="ticket_recent"),
            models.Index(
                fields=["-last_message_at", "-id"],
                name="ticket_open_recent",
                condition=models.Q(status__in=OPEN_STATUSES),
            ),
            models.Index(
                fields=["assignee", "-last_message_at", "-id"],
                name="ticket_assignee_open",
                condition=models.Q(status__in=OPEN_STATUSES),
            ),
            models.Index(
                fields=["team", "-last_message_at", "-id"],
                name="ticket_team_open",
                condition=models.Q(status__in=OPEN_STATUSES),
            ),
            models.Index(fields=["status", "-last_message_at", "-id"], name="ticket_status_recent"),
            models.Index(fields=["customer", "-id"], name="ticket_customer_recent"),
            # Supervisors' reports (reports.selectors): a period's tickets by creation time, and the
            # unanswered queue by due time (a small index: a ticket leaves it at its first reply).
            models.Index(fields=["created_at"], name="ticket_created"),
            models.Index(
                fields=["first_response_due_at"],
                name="ticket_first_response_due",
                condition=models.Q(first_response_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        return ticket_reference(self.pk)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def ticket_reference(pk: int | None) -> str:
    return f"WD-{TICKET_NUMBER_OFFSET + pk}" if pk else "WD-?"


# How people write a ticket number: "WD-10002", "wd10002", "#WD 10002", "WD－10002" (a full-width
# hyphen from a Chinese keyboard).
_REFERENCE = re.compile(r"#?\s*WD\s*[-－_—–]?\s*(\d{1,12})", re.IGNORECASE)


def ticket_pk_from_reference(reference: str) -> int | None:
    """The ticket id a written ticket number names, or None when the text is not one."""
    match = _REFERENCE.fullmatch(reference.strip())
    if match is None:
        return None
    pk = int(match.group(1)) - TICKET_NUMBER_OFFSET
    return pk if pk > 0 else None


class TicketTag(models.Model):
    # ticket_tag_unique (ticket, name) starts with it: no index of its own.
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="tag_rows", db_index=False)
    name = models.CharField(max_length=50, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ticket", "name"], name="ticket_tag_unique")]


class AuthorKind(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    AGENT = "agent", _("Agent")
    SYSTEM = "system", _("System")


class Delivery(models.TextChoices):
    NONE = "none", _("Not sent")  # inbound messages and internal notes
    PENDING = "pending", _("Queued")
    SENT = "sent", _("Delivered")
    FAILED = "failed", _("Failed")


class Message(models.Model):
    # message_ticket_order (ticket, id) starts with it: no index of its own.
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages", db_index=False)
    author_kind = models.CharField(max_length=10, choices=AuthorKind.choices)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    body = models.TextField()
    body_html = models.TextField()
    channel = models.CharField(max_length=12, choices=Channel.choices)
    # (channel, external_id) makes receive idempotent: a redelivered email or webhook is one message.
    external_id = models.CharField(max_length=200, null=True, blank=True)
    is_internal = models.BooleanField(default=False)
    delivery_status = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.NONE)
    delivery_attempts = models.PositiveSmallIntegerField(default=0)
    delivery_error = models.CharField(max_length=500, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    entities = models.JSONField(default=dict, blank=True)
    shield_findings = models.JSONField(default=list, blank=True)  # kinds and positions only, never secrets
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "external_id"], name="message_channel_external_unique"
            ),
        ]
        indexes = [models.Index(fields=["ticket", "id"], name="message_ticket_order")]


class Attachment(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="attachments/%Y/%m/")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)


class EventKind(models.TextChoices):
    CREATED = "created", _("created")
    ASSIGNED = "assigned", _("assigned")
    STATUS = "status", _("status changed")
    PRIORITY = "priority", _("priority changed")
    CATEGORY = "category", _("category changed")
    TAGS = "tags", _("tags changed")
    TEAM = "team", _("team changed")
    NOTE = "note", _("internal note")
    REPLY = "reply", _("public reply")
    SECRET = "secret", _("secret redacted")
    RATED = "rated", _("rated")


class TicketEvent(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

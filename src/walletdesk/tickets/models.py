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
    slug = models.SlugField(unique=True, verbose_name=_("Slug"))
    name_zh = models.CharField(max_length=100, verbose_name=_("Name (Chinese)"))
    name_en = models.CharField(max_length=100, verbose_name=_("Name (English)"))
    description_zh = models.TextField(blank=True, verbose_name=_("Description (Chinese)"))
    description_en = models.TextField(blank=True, verbose_name=_("Description (English)"))
    # [{"key", "type": text|txid|network|amount|textarea|file, "required", "label_zh", "label_en", "help_zh", "help_en"}]
    intake_fields = models.JSONField(default=list, blank=True, verbose_name=_("Intake fields"))
    default_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("Default team")
    )
    default_priority = models.CharField(
        max_length=10, choices=Priority.choices, default=Priority.NORMAL, verbose_name=_("Default priority")
    )
    first_response_minutes = models.PositiveIntegerField(
        default=240, verbose_name=_("First response minutes")
    )
    is_complaint = models.BooleanField(default=False, verbose_name=_("Complaint category"))
    position = models.PositiveSmallIntegerField(default=100, verbose_name=_("Position"))

    class Meta:
        verbose_name = _("Category")
        ordering = ["position", "slug"]
        verbose_name_plural = _("Categories")

    def __str__(self) -> str:
        return self.slug

    def name_for(self, locale: str) -> str:
        return self.name_zh if locale.startswith("zh") else self.name_en

    def description_for(self, locale: str) -> str:
        return self.description_zh if locale.startswith("zh") else self.description_en


class Ticket(models.Model):
    # No index of its own: ticket_customer_recent (customer, -id) starts with it and serves every
    # lookup by customer; a second one only cost each new ticket another index insert.
    customer = models.ForeignKey(
        Customer, on_delete=models.PROTECT, related_name="tickets", db_index=False, verbose_name=_("Customer")
    )
    channel = models.CharField(max_length=12, choices=Channel.choices, verbose_name=_("Channel"))
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("Category")
    )
    category_source = models.CharField(
        max_length=10, default="customer", verbose_name=_("Category source")
    )  # customer | triage | agent
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NEW, verbose_name=_("Status")
    )
    priority = models.CharField(
        max_length=10, choices=Priority.choices, default=Priority.NORMAL, verbose_name=_("Priority")
    )
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("Team"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
        verbose_name=_("Assignee"),
    )
    subject = models.CharField(max_length=300, verbose_name=_("Subject"))
    locale = models.CharField(max_length=10, default="zh-hans", verbose_name=_("Locale"))
    intake = models.JSONField(default=dict, blank=True, verbose_name=_("Intake"))
    complaint = models.BooleanField(default=False, verbose_name=_("Complaint"))
    secret_leaks = models.PositiveIntegerField(
        default=0, verbose_name=_("Secret leaks")
    )  # the agent's banner: secrets were redacted here
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))
    last_message_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Last message at"))
    first_response_due_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("First response due at")
    )
    first_response_at = models.DateTimeField(null=True, blank=True, verbose_name=_("First response at"))
    solved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Solved at"))
    closed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Closed at"))
    csat_rating = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("CSAT rating"))
    csat_comment = models.TextField(blank=True, verbose_name=_("CSAT comment"))

    class Meta:
        verbose_name = _("Ticket")
        verbose_name_plural = _("Tickets")
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
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="tag_rows", db_index=False, verbose_name=_("Ticket")
    )
    name = models.CharField(max_length=50, db_index=True, verbose_name=_("Name"))

    class Meta:
        verbose_name = _("Ticket tag")
        verbose_name_plural = _("Ticket tags")
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
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="messages", db_index=False, verbose_name=_("Ticket")
    )
    author_kind = models.CharField(max_length=10, choices=AuthorKind.choices, verbose_name=_("Author kind"))
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("Author user"),
    )
    body = models.TextField(verbose_name=_("Body"))
    body_html = models.TextField(verbose_name=_("Body HTML"))
    channel = models.CharField(max_length=12, choices=Channel.choices, verbose_name=_("Channel"))
    # The customer who wrote it; None for agents' and system messages. The ticket's customer, kept
    # here for message_customer_external_unique: a constraint cannot reach the ticket's row.
    customer = models.ForeignKey(
        Customer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # message_customer_external_unique starts with it
        verbose_name=_("Customer"),
    )
    # The sender's own id for the message (an email's Message-ID, the wallet's request id, the
    # widget's client id): unique per customer and channel, which makes receive idempotent.
    external_id = models.CharField(max_length=200, null=True, blank=True, verbose_name=_("External ID"))
    is_internal = models.BooleanField(default=False, verbose_name=_("Internal note"))
    delivery_status = models.CharField(
        max_length=10, choices=Delivery.choices, default=Delivery.NONE, verbose_name=_("Delivery status")
    )
    delivery_attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("Delivery attempts"))
    delivery_error = models.CharField(max_length=500, blank=True, verbose_name=_("Delivery error"))
    delivered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Delivered at"))
    next_attempt_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Next attempt at"))
    read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Read at"))
    entities = models.JSONField(default=dict, blank=True, verbose_name=_("Entities"))
    shield_findings = models.JSONField(
        default=list, blank=True, verbose_name=_("Shield findings")
    )  # kinds and positions only, never secrets
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Message")
        verbose_name_plural = _("Messages")
        ordering = ["id"]
        constraints = [
            # Per customer: two customers' apps may both send "req-1", and neither reaches (or
            # blocks, or learns of) the other's message through it.
            models.UniqueConstraint(
                fields=["customer", "channel", "external_id"], name="message_customer_external_unique"
            ),
        ]
        indexes = [models.Index(fields=["ticket", "id"], name="message_ticket_order")]


class Attachment(models.Model):
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("Ticket")
    )
    message = models.ForeignKey(
        Message,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("Message"),
    )
    file = models.FileField(upload_to="attachments/%Y/%m/", verbose_name=_("File"))
    filename = models.CharField(max_length=200, verbose_name=_("Filename"))
    content_type = models.CharField(max_length=100, verbose_name=_("Content type"))
    size = models.PositiveIntegerField(verbose_name=_("Size"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Attachment")
        verbose_name_plural = _("Attachments")


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
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="events", verbose_name=_("Ticket")
    )
    kind = models.CharField(max_length=12, choices=EventKind.choices, verbose_name=_("Kind"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("Actor")
    )
    data = models.JSONField(default=dict, blank=True, verbose_name=_("Data"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Ticket event")
        verbose_name_plural = _("Ticket events")
        ordering = ["id"]

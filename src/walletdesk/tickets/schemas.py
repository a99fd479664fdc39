from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Field, Schema


class AttachmentOut(Schema):
    id: int
    filename: str
    content_type: str
    size: int


class MessageOut(Schema):
    id: int
    author_kind: str
    author_name: str = ""
    body: str
    body_html: str
    is_internal: bool
    delivery_status: str
    created_at: datetime
    entities: dict[str, Any] = {}
    attachments: list[AttachmentOut] = []


class TicketOut(Schema):
    id: int
    reference: str
    subject: str
    status: str
    priority: str
    channel: str
    category: str | None
    team: str | None
    assignee_id: int | None
    customer_id: int
    locale: str
    complaint: bool
    tags: list[str] = []
    created_at: datetime
    last_message_at: datetime | None
    first_response_at: datetime | None
    solved_at: datetime | None


class TicketDetailOut(TicketOut):
    intake: dict[str, Any] = {}
    secret_leaks: int = 0
    csat_rating: int | None = None
    messages: list[MessageOut]


class TicketPage(Schema):
    items: list[TicketOut]
    next_cursor: str | None


class CustomerTicketOut(Schema):
    id: int
    reference: str
    subject: str
    status: str
    category: str | None
    created_at: datetime
    last_message_at: datetime | None


class CustomerTicketDetailOut(CustomerTicketOut):
    intake: dict[str, Any] = {}
    messages: list[MessageOut]


class ReplyIn(Schema):
    body: str = Field(..., max_length=20000)


class AssignIn(Schema):
    assignee_id: int | None


class TicketPatchIn(Schema):
    status: str | None = None
    priority: str | None = None
    category: str | None = None
    # Checked in tickets.services (ticket_tags_clean): the limit holds for the tag as stored.
    tags: list[str] | None = Field(
        None,
        description="The ticket's tags, replacing its own; each at most 50 characters, trimmed and lower-cased.",
    )
    team: str | None = None


class TicketCreateIn(Schema):
    category: str
    subject: str = Field("", max_length=300)
    body: str = Field(..., max_length=20000)
    intake: dict[str, str] = {}
    external_id: str | None = Field(None, max_length=160)  # unique per customer and channel


class CategoryOut(Schema):
    slug: str
    name: str
    description: str
    intake_fields: list[dict[str, Any]]

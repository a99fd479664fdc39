"""Attachments: the type comes from the bytes, never from the name or the client's header."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile

from walletdesk.tickets.errors import AttachmentRejected
from walletdesk.tickets.models import Attachment, Message

ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"}


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    content: bytes


def attachment_check(upload: UploadedFile) -> str:
    """Return the sniffed content type or raise AttachmentRejected."""
    if len(upload.content) > settings.WALLETDESK_MAX_ATTACHMENT_BYTES:
        raise AttachmentRejected(details={"filename": upload.filename, "size": len(upload.content)})
    kind = filetype.guess(upload.content[:8192])
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise AttachmentRejected(details={"filename": upload.filename})
    return kind.mime


def attachment_store(*, message: Message, upload: UploadedFile, filename: str) -> Attachment:
    content_type = attachment_check(upload)
    safe_name = "".join(ch for ch in filename if ch.isprintable() and ch not in "/\\")[:200] or "file"
    attachment = Attachment(
        ticket_id=message.ticket_id,
        message=message,
        filename=safe_name,
        content_type=content_type,
        size=len(upload.content),
    )
    attachment.file.save(uuid.uuid4().hex, ContentFile(upload.content), save=False)
    attachment.save()
    return attachment


def attachments_known(message: Message, stored: list[Attachment]) -> None:
    """Fill `message.attachments.all()` with what this request just stored (the cache prefetch_related
    fills), so the live event and the API answer do not read back rows written a moment ago."""
    # A message stored a moment ago with no files has none to find: none() costs a tenth of the
    # filtered queryset, which was built on every creation.
    queryset = Attachment.objects.filter(message=message) if stored else Attachment.objects.none()
    queryset._result_cache = list(stored)
    queryset._prefetch_done = True
    cache = message.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[Attachment._meta.get_field("message").remote_field.cache_name] = queryset

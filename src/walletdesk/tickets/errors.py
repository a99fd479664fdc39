from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError, NotFound


class TicketNotFound(NotFound):
    code = "ticket_not_found"
    message = _("Ticket not found.")


class TicketClosed(DomainError):
    code = "ticket_closed"
    status = 409
    message = _("This ticket is closed; open a new request instead.")


class ExternalIdTaken(DomainError):
    code = "external_id_taken"
    status = 409
    message = _("This request id was already used for another request; send this one with a new id.")


class CategoryUnknown(DomainError):
    code = "category_unknown"
    status = 400
    message = _("Unknown category.")


class IntakeInvalid(DomainError):
    code = "intake_invalid"
    status = 400
    message = _("Some required details are missing or invalid.")


class MessageEmpty(DomainError):
    code = "message_empty"
    status = 400
    message = _("The message is empty.")


class MessageTooLong(DomainError):
    code = "message_too_long"
    status = 400
    message = _("The message is too long (20,000 characters at most).")


class AttachmentRejected(DomainError):
    code = "attachment_rejected"
    status = 400
    message = _("This file cannot be attached: images (PNG, JPEG, GIF, WebP) and PDF up to 10 MB only.")


class StatusInvalid(DomainError):
    code = "status_invalid"
    status = 400
    message = _("Unknown status.")


class AssigneeInvalid(DomainError):
    code = "assignee_invalid"
    status = 400
    message = _("This person is not an active agent.")


class DeliveryError(Exception):
    """A transient delivery failure: the outbox retries with backoff, or after `retry_after`
    seconds when the channel said how long to wait (Telegram's flood control) and that is longer."""

    def __init__(self, message: str = "", *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class DeliveryRejected(Exception):
    """A permanent delivery failure: no retry (bad address, blocked bot)."""


class RepliedMeanwhile(DomainError):
    """A colleague answered the customer after the page the reply was written on was shown."""

    code = "replied_meanwhile"
    status = 409
    page_status = 409

"""Domain errors: each app's errors.py subclasses DomainError; one API handler maps them to 4xx."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A request that cannot be done, with a stable code and a message a person can read."""

    code: str = "invalid"
    status: int = 400
    message = _("The request cannot be done.")

    def __init__(
        self,
        message: str | None = None,
        *,
        details: dict[str, Any] | None = None,
        fields: dict[str, str] | None = None,
    ) -> None:
        self.message_given = message is not None
        self.message = str(message) if message is not None else str(self.message)
        self.details = details or {}
        self.fields = fields or {}
        super().__init__(self.message)

    def message_in(self, locale: str) -> str:
        """The message in `locale`: `message` was rendered in the raising thread's language (a
        socket's database thread has the site default); a message the raiser wrote is kept."""
        if self.message_given:
            return self.message
        with translation.override(locale):
            return str(type(self).message)


class NotFound(DomainError):
    code = "not_found"
    status = 404
    message = _("Not found.")


class PermissionDenied(DomainError):
    code = "forbidden"
    status = 403
    message = _("You may not do this.")


class ValidationFailed(DomainError):
    code = "validation_failed"
    status = 400
    message = _("Some fields are invalid.")


class RateLimited(DomainError):
    code = "rate_limited"
    status = 429
    message = _("Too many requests; try again later.")

    def __init__(self, retry_after: int, message: str | None = None) -> None:
        super().__init__(message, details={"retry_after": retry_after})
        self.retry_after = retry_after


class Unauthenticated(DomainError):
    code = "unauthenticated"
    status = 401
    message = _("Authentication required.")


def page_not_found(request: Any, exception: Exception | None = None) -> Any:
    """handler404 (walletdesk.urls): an agent under /console/ gets the console's layout with a way
    back to the inbox; everyone else the customer site's page (404.html)."""
    from django.shortcuts import render

    from walletdesk.accounts.auth import agent_session_ok

    console = request.path.startswith("/console/") and agent_session_ok(request)
    template = "core/console_404.html" if console else "404.html"
    return render(request, template, {"request_path": request.path}, status=404)

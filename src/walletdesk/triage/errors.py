"""Triage domain errors."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError


class TriageTextInvalid(DomainError):
    code = "triage_text_invalid"
    status = 400
    message = _("The message text must be a string.")

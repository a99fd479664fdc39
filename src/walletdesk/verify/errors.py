"""Errors of the verify app; the API turns them into 4xx bodies and commands into a sentence + exit 1."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError, NotFound, PermissionDenied


class RegistryInvalid(DomainError):
    code = "registry_invalid"
    status = 400
    message = _("The registry file is not valid; nothing was changed.")


class VerifyValueInvalid(DomainError):
    code = "verify_value_invalid"
    status = 400
    message = _("Paste a website, email address, @handle, phone number or WeChat ID to check.")


class ChannelInvalid(DomainError):
    code = "channel_invalid"
    status = 400
    message = _("This channel cannot be saved.")


class ChannelChangeForbidden(PermissionDenied):
    code = "channel_change_forbidden"
    message = _("Only supervisors and admins may change the official channels.")


class ReportNotFound(NotFound):
    code = "report_not_found"
    message = _("No such phishing report.")


class ReportAlreadyReviewed(DomainError):
    code = "report_already_reviewed"
    status = 409
    message = _("This report has already been reviewed.")


class ReportOfficialValue(DomainError):
    code = "report_official_value"
    status = 400
    message = _("This is an official channel; it cannot be added to the phishing blocklist.")


class ReportValueSecret(DomainError):
    code = "report_value_secret"
    status = 400
    message = _(
        "This looks like a seed phrase or private key: it was not sent to anyone. Report only the link, "
        "address or account."
    )


class VerifyValueInUrl(DomainError):
    code = "verify_value_in_url"
    status = 400
    message = _(
        "Send this value in the body of POST /api/v1/verify: in a URL it stays in browser history and "
        "server logs."
    )


class AntiPhishingCodeInvalid(DomainError):
    code = "anti_phishing_code_invalid"
    status = 400
    message = _("The anti-phishing code must be 4 to 20 letters or digits.")

"""Errors of the wallet connector and of the demo wallet backend.

The connector raises them with the backend's own words (English, technical); the class message is the
headline an agent reads in their language (views._agent_error).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError, NotFound, Unauthenticated, ValidationFailed


class WalletUnavailable(DomainError):
    code = "wallet_unavailable"
    status = 503
    message = _("The wallet backend cannot be reached right now.")


class WalletAccountNotFound(NotFound):
    code = "wallet_account_not_found"
    message = _("No wallet account has this uid.")


class WalletRejected(DomainError):
    """The backend understood the request and refused it (bad amount, unknown asset, …)."""

    code = "wallet_rejected"
    status = 409
    message = _("The wallet backend refused this action.")


class WalletRequestInvalid(ValidationFailed):
    code = "wallet_request_invalid"
    message = _("The wallet request is invalid.")


class WalletSignatureInvalid(Unauthenticated):
    code = "wallet_signature_invalid"
    message = _("The request signature is missing, stale or wrong.")

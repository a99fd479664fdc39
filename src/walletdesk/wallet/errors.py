"""Errors of the wallet connector and of the demo wallet backend."""

from __future__ import annotations

from walletdesk.core.errors import DomainError, NotFound, Unauthenticated, ValidationFailed


class WalletUnavailable(DomainError):
    code = "wallet_unavailable"
    status = 503
    message = "The wallet backend cannot be reached right now."


class WalletAccountNotFound(NotFound):
    code = "wallet_account_not_found"
    message = "No wallet account has this uid."


class WalletRejected(DomainError):
    """The backend understood the request and refused it (bad amount, unknown asset, …)."""

    code = "wallet_rejected"
    status = 409
    message = "The wallet backend refused this action."


class WalletRequestInvalid(ValidationFailed):
    code = "wallet_request_invalid"
    message = "The wallet request is invalid."


class WalletSignatureInvalid(Unauthenticated):
    code = "wallet_signature_invalid"
    message = "The request signature is missing, stale or wrong."

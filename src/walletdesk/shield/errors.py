"""Shield errors: what a caller of the shield can get wrong."""

from __future__ import annotations

from walletdesk.core.errors import DomainError


class ShieldInputInvalid(DomainError):
    code = "shield_input_invalid"
    status = 400
    message = "The text to scan is not valid."

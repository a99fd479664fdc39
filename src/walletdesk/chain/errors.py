"""Errors of the chain app: bad operator input, bad customer input, unreachable nodes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError, NotFound, ValidationFailed


class ChainUnknown(NotFound):
    code = "chain_unknown"
    message = _("Choose the network the transaction was sent on.")


class ChainsFileInvalid(ValidationFailed):
    code = "chains_file_invalid"
    message = _("The chains file is invalid.")


class TxHashMalformed(ValidationFailed):
    code = "tx_hash_malformed"
    message = _(
        "This is not a transaction hash: paste the TxID from your withdrawal record or the block explorer."
    )


class AddressMalformed(ValidationFailed):
    code = "address_malformed"
    message = _("This is not an address on this network.")


class ChainUnreachable(DomainError):
    code = "chain_unreachable"
    status = 503
    message = _("We cannot reach this network right now. Try again in a few minutes, or submit a request.")


# Customers (portal page, public API) read these errors' own sentences: the raisers' messages are for
# operators and agents (node URLs, the configured networks, English only).
CUSTOMER_WORDED_ERRORS = (ChainUnknown, TxHashMalformed, AddressMalformed, ChainUnreachable)

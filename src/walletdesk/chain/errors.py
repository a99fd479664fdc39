"""Errors of the chain app: bad operator input, bad customer input, unreachable nodes."""

from __future__ import annotations

from walletdesk.core.errors import DomainError, NotFound, ValidationFailed


class ChainUnknown(NotFound):
    code = "chain_unknown"
    message = "This network is not configured."


class ChainsFileInvalid(ValidationFailed):
    code = "chains_file_invalid"
    message = "The chains file is invalid."


class TxHashMalformed(ValidationFailed):
    code = "tx_hash_malformed"
    message = "This is not a transaction hash."


class AddressMalformed(ValidationFailed):
    code = "address_malformed"
    message = "This is not an address on this network."


class ChainUnreachable(DomainError):
    code = "chain_unreachable"
    status = 503
    message = "The network's node cannot be reached right now."

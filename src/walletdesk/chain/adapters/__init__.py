"""Chain adapters: one per kind of network, all answering the same `ChainAdapter` questions."""

from __future__ import annotations

from walletdesk.chain.adapters.base import ChainAdapter, Transfer, TxView
from walletdesk.chain.models import ChainKind

__all__ = ["ChainAdapter", "Transfer", "TxView", "adapter_for", "adapter_class"]


def adapter_class(kind: str) -> type[ChainAdapter]:
    from walletdesk.chain.adapters.esplora import EsploraAdapter
    from walletdesk.chain.adapters.evm import EvmAdapter
    from walletdesk.chain.adapters.tron import TronAdapter

    classes: dict[str, type[ChainAdapter]] = {
        ChainKind.EVM: EvmAdapter,
        ChainKind.BITCOIN: EsploraAdapter,
        ChainKind.TRON: TronAdapter,
    }
    return classes[kind]


_cache: dict[tuple[str, str, float], ChainAdapter] = {}


def adapter_for(*, kind: str, rpc: str, timeout: float = 10.0) -> ChainAdapter:
    """A cached adapter per endpoint: it keeps its HTTP connection pool between diagnoses."""
    key = (kind, rpc, timeout)
    adapter = _cache.get(key)
    if adapter is None:
        adapter = _cache[key] = adapter_class(kind)(rpc=rpc, timeout=timeout)
    return adapter

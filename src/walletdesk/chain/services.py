"""Chain configuration writes and the transaction diagnosis the rest of the product calls."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from walletdesk.chain.adapters import ChainAdapter, TxView, adapter_for
from walletdesk.chain.adapters.base import NATIVE
from walletdesk.chain.chainsfile import chains_file_parse
from walletdesk.chain.diagnosis import (
    AssetRule,
    Diagnosis,
    Moved,
    Verdict,
    amount_format,
    amount_from_units,
    moved_pick,
    verdict_decide,
)
from walletdesk.chain.errors import AddressMalformed, TxHashMalformed
from walletdesk.chain.explain import (
    explanation_render,
    locale_normalize,
    short_hash,
    unchecked_text,
    wait_minutes,
)
from walletdesk.chain.models import Asset, Chain, TxCheck
from walletdesk.chain.selectors import chain_get, chain_list

# The customer's own network gets the patient timeout; the wrong-network search must not hang on
# one dead node, and skips it (an unreachable *other* chain is not the customer's problem).
TARGET_TIMEOUT = 10.0
OTHER_TIMEOUT = 4.0
# Native coin decimals per chain kind, for an amount when the native coin is not configured.
NATIVE_DECIMALS = {"evm": 18, "bitcoin": 8, "tron": 6}
_PREFIXED_HASH_RE = re.compile(r"0[xX][0-9a-fA-F]{64}")
_BARE_HASH_RE = re.compile(r"[0-9a-fA-F]{64}")


def tx_hash_kinds(raw: str) -> tuple[str, ...]:
    """The kinds of network a pasted hash may be on, likeliest first. 0x… is how EVM networks write
    a hash; bare 64 hex is how TRON and Bitcoin write theirs (or an EVM hash copied without its 0x),
    and TRON first because USDT-TRC20 is what most customers send."""
    text = (raw or "").strip()
    if _PREFIXED_HASH_RE.fullmatch(text):
        return ("evm",)
    if _BARE_HASH_RE.fullmatch(text):
        return ("tron", "bitcoin", "evm")
    return ()


def tx_hash_kinds_missing(raw: str, chains: list[Chain]) -> list[str]:
    """The kinds whose own way of writing a hash this is and that no configured network has: the
    desk cannot look there. (An EVM hash without its 0x is a copying slip, not a reason to say
    EVM networks were not asked on a desk that has none.)"""
    configured = {chain.kind for chain in chains}
    home = ("evm",) if _PREFIXED_HASH_RE.fullmatch((raw or "").strip()) else ("tron", "bitcoin")
    return [kind for kind in tx_hash_kinds(raw) if kind in home and kind not in configured]


def chains_import(*, data: Any) -> list[Chain]:
    """Create or replace every chain in a parsed chains file; chains not in the file are kept.

    Importing a chain id again replaces its settings and its whole asset list. All or nothing: a
    file with one bad entry changes nothing.
    """
    specs = chains_file_parse(data)
    chains: list[Chain] = []
    with transaction.atomic():
        start = (Chain.objects.order_by("-position").values_list("position", flat=True).first() or 0) + 1
        for offset, spec in enumerate(specs):
            existing = Chain.objects.select_for_update().filter(pk=spec.id).first()
            chain, _ = Chain.objects.update_or_create(
                pk=spec.id,
                defaults={
                    "name": spec.name,
                    "kind": spec.kind,
                    "rpc": spec.rpc,
                    "chain_id": spec.chain_id,
                    "confirmations": spec.confirmations,
                    "block_seconds": spec.block_seconds,
                    "position": existing.position if existing else start + offset,
                },
            )
            chain.assets.all().delete()
            Asset.objects.bulk_create(
                Asset(
                    chain=chain,
                    symbol=a.symbol,
                    native=a.native,
                    contract=a.contract,
                    decimals=a.decimals,
                    min_deposit=a.min_deposit,
                    position=i,
                )
                for i, a in enumerate(spec.assets)
            )
            chains.append(chain)
    return chains


def _rules(chain: Chain) -> dict[str, AssetRule]:
    return {
        (NATIVE if asset.native else asset.contract): AssetRule(
            symbol=asset.symbol, decimals=asset.decimals, min_deposit=asset.min_deposit_decimal
        )
        for asset in chain.assets.all()
    }


def _adapter(chain: Chain, timeout: float) -> ChainAdapter:
    return adapter_for(kind=chain.kind, rpc=chain.rpc, timeout=timeout)


def _search_elsewhere(
    target: Chain, others: list[Chain], raw_hash: str
) -> tuple[tuple[Chain, TxView] | None, list[Chain]]:
    """The first other configured chain (in configured order) whose node knows the tx, mined or
    pending, or None; and the chains whose node did not answer (they were not really asked)."""
    candidates: list[tuple[Chain, ChainAdapter, str]] = []
    # Several entries on one node are one chain seen twice (say a demo entry left next to the
    # operator's own): ask the node once and name the entry imported last.
    newest_per_rpc: dict[str, Chain] = {}
    for chain in sorted(others, key=lambda c: c.updated_at, reverse=True):
        newest_per_rpc.setdefault(chain.rpc.rstrip("/"), chain)
    for chain in others:
        rpc = chain.rpc.rstrip("/")
        # The target's own node was already asked.
        if rpc == target.rpc.rstrip("/") or newest_per_rpc[rpc] is not chain:
            continue
        adapter = _adapter(chain, OTHER_TIMEOUT)
        normalized = adapter.hash_normalize(raw_hash)
        if normalized is not None:
            candidates.append((chain, adapter, normalized))
    if not candidates:
        return None, []

    def look(item: tuple[Chain, ChainAdapter, str]) -> TxView | None | bool:
        """The node's answer; False when it could not be asked."""
        from walletdesk.chain.errors import ChainUnreachable

        try:
            return item[1].tx_find(item[2])
        except ChainUnreachable:
            return False

    if len(candidates) == 1:
        views = [look(candidates[0])]
    else:
        with ThreadPoolExecutor(max_workers=min(8, len(candidates))) as pool:
            views = list(pool.map(look, candidates))
    unreachable = [chain for (chain, _, _), view in zip(candidates, views, strict=True) if view is False]
    for (chain, _, _), view in zip(candidates, views, strict=True):
        if isinstance(view, TxView):
            return (chain, view), unreachable
    return None, unreachable


def _moved_fields(chain: Chain, adapter: ChainAdapter, moved: Moved | None) -> dict[str, Any]:
    """asset / amount / to of what moved; an unknown token is named by its contract, never its symbol()."""
    if moved is None:
        return {"asset": None, "amount": None, "to": None}
    if moved.rule is not None:
        return {
            "asset": moved.rule.symbol,
            "amount": amount_from_units(moved.units, moved.rule.decimals),
            "to": adapter.address_display(moved.to),
        }
    if moved.asset_key == NATIVE:
        decimals: int | None = NATIVE_DECIMALS.get(chain.kind)
    else:
        decimals = adapter.token_decimals(moved.asset_key)
    amount = amount_from_units(moved.units, decimals) if decimals is not None else None
    asset = moved.asset_key if moved.asset_key == NATIVE else adapter.address_display(moved.asset_key)
    return {"asset": asset, "amount": amount, "to": adapter.address_display(moved.to)}


def tx_diagnose(
    *, chain_id: str, tx_hash: str, address: str | None = None, asset: str | None = None, locale: str = "en"
) -> Diagnosis:
    """Diagnose a deposit from the chain itself; raises ChainUnknown, TxHashMalformed,
    AddressMalformed or ChainUnreachable (for the named chain only) instead of giving a verdict.

    `asset` is what the customer believes they sent; the diagnosis reports what actually moved.
    """
    configured = list(chain_list())
    wanted = (chain_id or "").strip()
    # Exact id first; "ETH" for "eth" is the same operator choice, not an unknown network.
    target = next((chain for chain in configured if chain.pk == wanted), None) or next(
        (chain for chain in configured if chain.pk.lower() == wanted.lower()), None
    )
    if target is None:
        target = chain_get(chain_id=wanted)
    adapter = _adapter(target, TARGET_TIMEOUT)
    normalized_hash = adapter.hash_normalize(tx_hash or "")
    if normalized_hash is None:
        raise TxHashMalformed(
            f"{tx_hash!r} is not a transaction hash on {target.name}: expected 64 hexadecimal characters"
            + (", with or without 0x." if target.kind == "evm" else "."),
            fields={"tx": "malformed"},
        )
    normalized_address = None
    if address:
        normalized_address = adapter.address_normalize(address)
        if normalized_address is None:
            raise AddressMalformed(
                f"{address!r} is not an address on {target.name}.", fields={"address": "malformed"}
            )
    claimed = asset.strip() if asset and asset.strip() else None
    view = adapter.tx_find(normalized_hash)
    fields: dict[str, Any] = {
        "tx": short_hash(normalized_hash),
        "chain": target.name,
        "address": adapter.address_display(normalized_address) if normalized_address else None,
        "claimed": claimed,
        "required": target.confirmations,
    }
    if view is None:
        others = [chain for chain in configured if chain.pk != target.pk]
        return _elsewhere(
            target, others, tx_hash, address, fields, locale, normalized_hash, normalized_address
        )
    moved = moved_pick(view.transfers, _rules(target), address=normalized_address, claimed=claimed)
    verdict = verdict_decide(view, moved, address=normalized_address, required=target.confirmations)
    fields.update(_moved_fields(target, adapter, moved))
    if verdict == Verdict.BELOW_MINIMUM and moved is not None and moved.rule is not None:
        fields["min_deposit"] = amount_format(moved.rule.min_deposit)
    return _finish(verdict, target, target, view, fields, locale, normalized_hash, normalized_address)


def _elsewhere(
    target: Chain,
    others: list[Chain],
    raw_hash: str,
    raw_address: str | None,
    fields: dict[str, Any],
    locale: str,
    tx_hash: str,
    address: str | None,
) -> Diagnosis:
    """Not on the customer's chain: wrong_network when another configured chain has it; not_found
    only when every network the hash may be on was asked, network_unchecked otherwise."""
    found, unreachable = _search_elsewhere(target, others, raw_hash)
    if found is None:
        empty = {**fields, "asset": None, "amount": None, "to": None}
        kinds = tx_hash_kinds(raw_hash)
        missing = tx_hash_kinds_missing(raw_hash, [target, *others])
        silent = [chain.name for chain in unreachable if chain.kind in kinds]
        if not missing and not silent:
            return _finish(Verdict.NOT_FOUND, target, None, None, empty, locale, tx_hash, address)
        # The hash as pasted: a TRON or Bitcoin txid shown with the 0x an EVM node wanted would
        # be a hash the customer never sent.
        pasted = raw_hash.strip().lower()
        empty.update(
            tx=short_hash(pasted), unchecked=unchecked_text(kinds=missing, unreachable=silent, locale=locale)
        )
        return _finish(Verdict.NETWORK_UNCHECKED, target, None, None, empty, locale, pasted, address)
    other, other_view = found
    other_adapter = _adapter(other, OTHER_TIMEOUT)
    other_address = other_adapter.address_normalize(raw_address) if raw_address else None
    moved = moved_pick(
        other_view.transfers, _rules(other), address=other_address, claimed=fields.get("claimed")
    )
    fields = {**fields, **_moved_fields(other, other_adapter, moved), "found_on": other.name}
    return _finish(Verdict.WRONG_NETWORK, target, other, other_view, fields, locale, tx_hash, address)


def _finish(
    verdict: Verdict,
    target: Chain,
    found_chain: Chain | None,
    view: TxView | None,
    fields: dict[str, Any],
    locale: str,
    tx_hash: str,
    address: str | None,
) -> Diagnosis:
    confirmations = None
    if view is not None:
        confirmations = 0 if view.status == "pending" else view.confirmations
    remaining = max(target.confirmations - (confirmations or 0), 0)
    text_fields = {
        **fields,
        "amount": amount_format(fields.get("amount")),
        "confirmations": confirmations,
        "remaining": remaining,
        "minutes": wait_minutes(
            remaining if verdict != Verdict.PENDING else target.confirmations, target.block_seconds
        ),
        "block": view.block if view else None,
    }
    return Diagnosis(
        verdict=verdict,
        chain=target.pk,
        found_on=found_chain.pk if found_chain else None,
        confirmations=confirmations,
        required=target.confirmations,
        asset=fields.get("asset"),
        amount=fields.get("amount"),
        to=fields.get("to"),
        explanation=explanation_render(str(verdict), locale_normalize(locale), text_fields),
        tx_hash=tx_hash,
        address=address,
        claimed_asset=fields.get("claimed"),
        block=view.block if view else None,
    )


def tx_check_record(
    *, diagnosis: Diagnosis, source: str, customer_ref: str = "", ticket_ref: str = ""
) -> TxCheck:
    """Keep one diagnosis asked for in the product (deflection counting, agent history)."""
    return TxCheck.objects.create(
        chain=diagnosis.chain,
        tx_hash=diagnosis.tx_hash,
        address=diagnosis.address or "",
        verdict=str(diagnosis.verdict),
        source=source,
        customer_ref=customer_ref,
        should_be_credited=diagnosis.should_be_credited,
        ticket_ref=ticket_ref,
        result=diagnosis.as_dict(),
    )


def tx_check_ticket_link(*, check: TxCheck, ticket_ref: str) -> TxCheck:
    """The self-service check led to a ticket: it no longer counts as deflected."""
    check.ticket_ref = ticket_ref
    check.save(update_fields=["ticket_ref"])
    return check


DEMO_CHAINS_FILE = Path(__file__).resolve().parent / "data" / "demo_chains.json"


def chains_demo_load() -> int:
    """The demo networks (a local anvil on 127.0.0.1:8545); returns how many chains were imported."""
    data = json.loads(DEMO_CHAINS_FILE.read_text(encoding="utf-8"), parse_float=Decimal)
    return len(chains_import(data=data))

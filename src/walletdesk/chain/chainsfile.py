"""Validation of the operator's chains file; every problem is reported as a sentence naming its place."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlparse

from walletdesk.chain.adapters import adapter_class
from walletdesk.chain.errors import ChainsFileInvalid
from walletdesk.chain.models import ChainKind

# Seconds per block for "about M minutes", when the file gives no "block_time".
KNOWN_BLOCK_SECONDS = {
    1: 12.0,
    10: 2.0,
    56: 3.0,
    137: 2.0,
    8453: 2.0,
    42161: 0.25,
    43114: 2.0,
    11155111: 12.0,
}
KIND_BLOCK_SECONDS = {ChainKind.EVM: 12.0, ChainKind.BITCOIN: 600.0, ChainKind.TRON: 3.0}
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


@dataclass(frozen=True)
class AssetSpec:
    symbol: str
    native: bool
    contract: str
    decimals: int
    min_deposit: str


@dataclass(frozen=True)
class ChainSpec:
    id: str
    name: str
    kind: str
    rpc: str
    chain_id: int | None
    confirmations: int
    block_seconds: float
    assets: tuple[AssetSpec, ...]


def _fail(where: str, problem: str) -> ChainsFileInvalid:
    return ChainsFileInvalid(f"{where}: {problem}", fields={where: problem})


def _int(value: Any, where: str, *, minimum: int = 0, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(where, f"must be a whole number, not {value!r}")
    if value < minimum or (maximum is not None and value > maximum):
        raise _fail(where, f"must be between {minimum} and {maximum if maximum is not None else 'any'}")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, "must be a non-empty string")
    return value.strip()


def _decimal(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        # A JSON float would already have lost digits; the file must say "0.01" (or be parsed with Decimal).
        raise _fail(where, f'must be a decimal string such as "0.01", not {value!r}')
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise _fail(where, f"{value!r} is not a decimal number") from None
    if not amount.is_finite() or amount < 0:
        raise _fail(where, "must be zero or more")
    return format(amount, "f")


def _asset(raw: Any, where: str, kind: str) -> AssetSpec:
    if not isinstance(raw, dict):
        raise _fail(where, "must be an object")
    symbol = _str(raw.get("symbol"), f"{where}.symbol")
    native = raw.get("native", False)
    if not isinstance(native, bool):
        raise _fail(f"{where}.native", "must be true or false")
    contract = raw.get("contract")
    if native and contract:
        raise _fail(where, "an asset is either native or has a contract, not both")
    if not native:
        if not contract:
            raise _fail(where, 'a token needs its "contract" address (or "native": true for the coin)')
        normalized = adapter_class(kind).address_normalize(_str(contract, f"{where}.contract"))
        if normalized is None:
            raise _fail(f"{where}.contract", f"{contract!r} is not a contract address on a {kind} chain")
        contract = normalized
    decimals = _int(raw.get("decimals"), f"{where}.decimals", maximum=77)
    min_deposit = _decimal(raw.get("min_deposit", "0"), f"{where}.min_deposit")
    return AssetSpec(
        symbol=symbol, native=native, contract=contract or "", decimals=decimals, min_deposit=min_deposit
    )


def _chain(raw: Any, where: str) -> ChainSpec:
    if not isinstance(raw, dict):
        raise _fail(where, "must be an object")
    chain_id_text = _str(raw.get("id"), f"{where}.id")
    if not set(chain_id_text) <= _ID_CHARS or len(chain_id_text) > 64:
        raise _fail(f"{where}.id", "use up to 64 letters, digits, '-', '_' or '.'")
    kind = raw.get("kind", ChainKind.EVM)
    if kind not in ChainKind.values:
        raise _fail(f"{where}.kind", f"{kind!r} is not one of {', '.join(ChainKind.values)}")
    rpc = _str(raw.get("rpc"), f"{where}.rpc")
    parsed = urlparse(rpc)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise _fail(f"{where}.rpc", f"{rpc!r} is not an http(s) URL")
    chain_id = raw.get("chain_id")
    if kind == ChainKind.EVM or chain_id is not None:
        chain_id = _int(chain_id, f"{where}.chain_id", minimum=1)
    confirmations = _int(raw.get("confirmations"), f"{where}.confirmations")
    block_time = raw.get("block_time")
    if block_time is None:
        block_seconds = KNOWN_BLOCK_SECONDS.get(chain_id or 0, KIND_BLOCK_SECONDS[kind])
    else:
        block_seconds = float(_decimal(block_time, f"{where}.block_time"))
    assets_raw = raw.get("assets")
    if not isinstance(assets_raw, list):
        raise _fail(f"{where}.assets", "must be a list")
    assets = tuple(_asset(item, f"{where}.assets[{i}]", kind) for i, item in enumerate(assets_raw))
    if sum(1 for a in assets if a.native) > 1:
        raise _fail(f"{where}.assets", "only one asset can be the native coin")
    contracts = [a.contract for a in assets if a.contract]
    if len(contracts) != len(set(contracts)):
        raise _fail(f"{where}.assets", "the same contract is listed twice")
    name = _str(raw.get("name", chain_id_text), f"{where}.name")
    return ChainSpec(
        id=chain_id_text,
        name=name,
        kind=kind,
        rpc=rpc,
        chain_id=chain_id,
        confirmations=confirmations,
        block_seconds=block_seconds,
        assets=assets,
    )


def chains_file_parse(data: Any) -> list[ChainSpec]:
    """The chains in a parsed chains file, validated; raises ChainsFileInvalid with the first problem."""
    if not isinstance(data, dict) or not isinstance(data.get("chains"), list):
        raise ChainsFileInvalid('The file must be a JSON object with a "chains" list.')
    specs = [_chain(item, f"chains[{i}]") for i, item in enumerate(data["chains"])]
    ids = [spec.id for spec in specs]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ChainsFileInvalid(f"The chain id {duplicates[0]!r} appears more than once in the file.")
    return specs

"""Diagnosis in the product: hashes in messages, the verdict card, the ledger cross-check, self-service.

Service module (writes go through other apps' services: tickets.outbox for notes, tickets.services
for customer tickets). Chain RPC and wallet HTTP calls happen before any transaction is opened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language

from walletdesk.chain.diagnosis import Diagnosis, Verdict, amount_format
from walletdesk.chain.explain import verdict_label
from walletdesk.chain.models import TxCheck
from walletdesk.chain.services import tx_check_record, tx_check_ticket_link, tx_diagnose
from walletdesk.core.errors import DomainError

# EVM hashes carry 0x; Bitcoin/TRON txids are bare 64-hex. Word boundaries keep longer hex out.
_TX_RE = re.compile(r"(?<![0-9a-zA-Z])(0[xX][0-9a-fA-F]{64}|[0-9a-fA-F]{64})(?![0-9a-zA-Z])")


def tx_hashes_find(text: str) -> list[str]:
    """Transaction hashes in free text, in order, each once (case-insensitively)."""
    seen: dict[str, str] = {}
    for match in _TX_RE.finditer(text or ""):
        seen.setdefault(match.group(1).lower(), match.group(1))
    return list(seen.values())


# Where an agent looks by hand for a hash on a network not set up here (the triage chips link the
# same explorers).
EXPLORER_TX = {
    "tron": "https://tronscan.org/#/transaction/{tx}",
    "bitcoin": "https://mempool.space/tx/{tx}",
    "evm": "https://etherscan.io/tx/{tx}",
}


@dataclass(frozen=True)
class HashChoice:
    """One hash in the agent's panel: the configured networks it may be on (likeliest kind first),
    and the kinds it may be on that no configured network can look up, each with its explorer."""

    tx: str
    chains: list[Any]
    elsewhere: list[tuple[str, str]]  # (network name, explorer URL)


def hash_choices(hashes: list[str], chains: list[Any], locale: str) -> list[HashChoice]:
    from walletdesk.chain.explain import KIND_NAMES, locale_normalize
    from walletdesk.chain.services import tx_hash_kinds, tx_hash_kinds_missing

    lang = locale_normalize(locale)
    choices = []
    for tx in hashes:
        kinds = tx_hash_kinds(tx)
        offered = sorted((c for c in chains if c.kind in kinds), key=lambda c: kinds.index(c.kind))
        elsewhere = [
            (KIND_NAMES[kind][lang], EXPLORER_TX[kind].format(tx=tx.strip()))
            for kind in tx_hash_kinds_missing(tx, chains)
        ]
        choices.append(HashChoice(tx=tx, chains=offered, elsewhere=elsewhere))
    return choices


@dataclass(frozen=True)
class LedgerCheck:
    """What the operator's ledger says about a diagnosed deposit."""

    state: str  # credited | not_credited | unknown
    detail: str = ""  # the connector's error, when the ledger could not be asked
    ledger_status: str = ""  # not_credited: the deposit's status in the ledger, "" when it has none

    @property
    def escalate(self) -> bool:
        return self.state == "not_credited"


def ledger_check(*, diagnosis: Diagnosis, wallet_uid: str | None) -> LedgerCheck:
    """Confirmed on chain but not credited → escalate. Only asked when the chain says it should be credited."""
    if not diagnosis.should_be_credited or not wallet_uid:
        return LedgerCheck(state="unknown")
    from walletdesk.wallet.connector import connector_get

    try:
        deposits = connector_get().transfers_list(wallet_uid, kind="deposit")
    except DomainError as exc:
        return LedgerCheck(state="unknown", detail=exc.message)
    wanted = diagnosis.tx_hash.lower().removeprefix("0x")
    for deposit in deposits:
        if deposit.tx_hash.lower().removeprefix("0x") == wanted:
            if deposit.status == "credited":
                return LedgerCheck(state="credited")
            return LedgerCheck(state="not_credited", ledger_status=deposit.status)
    return LedgerCheck(state="not_credited")


NOTE_HEAD = {
    "en": "**On-chain diagnosis** · {chain} · `{tx}`",
    "zh-hans": "**链上诊断** · {chain} · `{tx}`",
}
NOTE_FACTS = {
    "en": "Verdict: **{verdict}** · confirmations {confirmations}/{required} · {amount} {asset} → `{to}`",
    "zh-hans": "结论：**{verdict}** · 确认数 {confirmations}/{required} · {amount} {asset} → `{to}`",
}
# Why the ledger disagrees, in the note's language (it showed in English in a Chinese note).
NOTE_LEDGER_MISSING = {
    "en": "no deposit with this hash in the ledger",
    "zh-hans": "账本中没有该哈希的充值记录",
}
NOTE_LEDGER_STATUS = {"en": "ledger status: {status}", "zh-hans": "账本状态：{status}"}
NOTE_ESCALATE = {
    "en": "⚠ Confirmed on chain but NOT credited in the ledger ({detail}): escalate to the wallet team.",
    "zh-hans": "⚠ 链上已确认但账本未入账（{detail}）：请升级给钱包团队处理。",
}


def diagnosis_card_markdown(diagnosis: Diagnosis, ledger: LedgerCheck, locale: str) -> str:
    lang = "zh-hans" if locale.startswith("zh") else "en"
    data = diagnosis.as_dict()
    facts = {k: ("—" if v is None else v) for k, v in data.items()}
    facts["verdict"] = verdict_label(data["verdict"], lang)
    lines = [
        NOTE_HEAD[lang].format(chain=diagnosis.chain, tx=diagnosis.tx_hash),
        NOTE_FACTS[lang].format(**facts),
        diagnosis.explanation,
    ]
    if data["found_on"] and data["found_on"] != data["chain"]:
        lines.insert(2, f"found_on: **{data['found_on']}**")
    if ledger.escalate:
        detail = (
            NOTE_LEDGER_STATUS[lang].format(status=ledger.ledger_status)
            if ledger.ledger_status
            else NOTE_LEDGER_MISSING[lang]
        )
        lines.append(NOTE_ESCALATE[lang].format(detail=detail))
    return "\n\n".join(lines)


def ticket_diagnosis_note(
    *, ticket: Any, agent: Any, chain_id: str, tx_hash: str, address: str | None, locale: str
) -> tuple[Diagnosis, LedgerCheck]:
    """Diagnose a hash from a ticket and post the verdict card as an internal note (agent action)."""
    from walletdesk.tickets import outbox

    diagnosis = tx_diagnose(chain_id=chain_id, tx_hash=tx_hash, address=address or None, locale=locale)
    wallet_uid = getattr(getattr(ticket, "customer", None), "wallet_uid", None)
    ledger = ledger_check(diagnosis=diagnosis, wallet_uid=wallet_uid)
    outbox.send(
        ticket=ticket, author=agent, body=diagnosis_card_markdown(diagnosis, ledger, locale), internal=True
    )
    tx_check_record(
        diagnosis=diagnosis, source="console", customer_ref=wallet_uid or "", ticket_ref=str(ticket.pk)
    )
    return diagnosis, ledger


def self_service_check(
    *, chain_id: str, tx_hash: str, address: str | None, locale: str, source: str, customer: Any | None
) -> tuple[Diagnosis, LedgerCheck, TxCheck]:
    """A customer's "check my transaction" before any ticket; every one is counted (deflection)."""
    diagnosis = tx_diagnose(chain_id=chain_id, tx_hash=tx_hash, address=address or None, locale=locale)
    wallet_uid = getattr(customer, "wallet_uid", None)
    ledger = ledger_check(diagnosis=diagnosis, wallet_uid=wallet_uid)
    check = tx_check_record(
        diagnosis=diagnosis, source=source, customer_ref=str(customer.pk) if customer is not None else ""
    )
    return diagnosis, ledger, check


def self_service_ticket_open(*, check: TxCheck, customer: Any, locale: str) -> Any:
    """Open a deposit ticket pre-filled with the diagnosis; the check then no longer counts as deflected."""
    from walletdesk.tickets import services as tickets
    from walletdesk.tickets.models import Category

    if check.customer_ref != str(customer.pk):
        from walletdesk.core.errors import NotFound

        raise NotFound("This check is not yours.")
    if check.ticket_ref:
        return None
    result = check.result
    lang = "zh-hans" if locale.startswith("zh") else "en"
    subject = {"en": "Deposit not credited", "zh-hans": "充值未到账"}[lang]
    body = "\n\n".join(
        [
            {"en": "Self-service check of my transaction:", "zh-hans": "我的交易自助查询结果："}[lang],
            f"{check.chain} · {check.tx_hash} · {verdict_label(result.get('verdict', ''), lang)} · {result.get('amount') or ''} "
            f"{result.get('asset') or ''}",
        ]
    )  # not the explanation: those are the system's words, and triage would read them as the customer's
    category = Category.objects.filter(slug="deposit").first()
    intake = {
        "account": getattr(customer, "wallet_uid", "") or "",
        "txid": check.tx_hash,
        # The network chosen on the form was not where the desk could look: the agent asks.
        "network": "" if result.get("verdict") == Verdict.NETWORK_UNCHECKED else check.chain,
        "amount": f"{result.get('amount') or ''} {result.get('asset') or ''}".strip(),
    }
    received = tickets.ticket_create_by_customer(
        customer=customer,
        channel="web",
        body=body,
        category=category,
        subject=subject,
        intake=intake,
        locale=lang,
    )
    ticket = getattr(received, "ticket", received)
    tx_check_ticket_link(check=check, ticket_ref=str(getattr(ticket, "pk", "")))
    return ticket


def diagnosis_view(diagnosis: Diagnosis, ledger: LedgerCheck) -> dict[str, Any]:
    """Template context for a verdict card."""
    data = diagnosis.as_dict()
    tone = {"confirmed": "ok", "confirming": "", "pending": "", "network_unchecked": "warn"}.get(
        data["verdict"], "bad"
    )
    return {
        **data,
        "verdict_label": verdict_label(data["verdict"], get_language()),
        "tone": tone,
        "amount": amount_format(diagnosis.amount),
        "tx_hash": diagnosis.tx_hash,
        "escalate": ledger.escalate,
        "ledger": ledger,
        "should_be_credited": diagnosis.should_be_credited,
        # Only a person can look where the desk cannot: the answer leads to a ticket.
        "needs_person": diagnosis.verdict == Verdict.NETWORK_UNCHECKED,
    }

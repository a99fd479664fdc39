"""The customer panel names transfer states in the agent's language, not as backend codes."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from walletdesk.wallet.connector import WalletTransfer


def _transfer(status: str) -> WalletTransfer:
    return WalletTransfer(
        id=f"t-{status}",
        kind="withdrawal",
        chain="eth",
        asset="USDT",
        amount=Decimal("200"),
        address="",
        tx_hash="",
        status=status,
        created_at="2026-11-26T00:00:00Z",
    )


def _panel(language: str, *statuses: str) -> str:
    account = {"uid": "u-1", "status": "active", "kyc_level": 2, "frozen_reason": ""}
    with translation.override(language):
        return render_to_string(
            "wallet/_customer_panel_body.html",
            {
                "uid": "u-1",
                "account": account,
                "balances": [],
                "addresses": [],
                "transfers": [_transfer(s) for s in statuses],
            },
        )


def test_transfer_states_are_translated_for_a_chinese_agent():
    page = _panel("zh-hans", "pending_review", "security_hold", "confirming")

    assert ">审核中<" in page
    assert ">安全冻结期<" in page
    assert ">确认中<" in page
    assert ">pending_review<" not in page


def test_transfer_states_read_as_words_in_english_and_unknown_codes_pass_through():
    page = _panel("en", "pending_review", "stuck_somewhere")

    assert ">pending review<" in page
    assert ">stuck_somewhere<" in page

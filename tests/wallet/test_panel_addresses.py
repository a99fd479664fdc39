"""The wallet panel on the console ticket page: a long deposit address, memo or hash stays inside the
panel, whole, and its copy button puts the exact value on the clipboard, in both languages."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.browser.conftest import (  # noqa: F401 - the browser fixtures, shared with tests/browser
    agent_page,
    browser,
    live,
    live_server_thread,
    new_context,
    online_agent,
)
from walletdesk.wallet.connector import WalletTransfer

SHOTS = os.environ.get("WALLETDESK_SCREENSHOTS")  # a directory: save the panel at each width

TAPROOT = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"
TON = "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2"
MEMO = "104857600123456789012345678901234567890"  # exchanges' memos and tags run to 40 digits
TX = "0x" + "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"


def _panel(language: str) -> str:
    account = {"uid": "u-1", "status": "active", "kyc_level": 2, "frozen_reason": ""}
    transfer = WalletTransfer(
        id="t-1",
        kind="deposit",
        chain="eth",
        asset="USDT",
        amount=Decimal("500"),
        address="",
        tx_hash=TX,
        status="confirming",
        created_at="2026-11-26T00:00:00Z",
    )
    with translation.override(language):
        return render_to_string(
            "wallet/_customer_panel_body.html",
            {
                "uid": "u-1",
                "account": account,
                "balances": [],
                "addresses": [
                    {"chain": "bitcoin", "asset": "BTC", "address": TAPROOT, "memo": ""},
                    {"chain": "ton", "asset": "TON", "address": TON, "memo": MEMO},
                ],
                "transfers": [transfer],
            },
        )


@pytest.mark.parametrize(
    ("language", "copy", "address_label", "hash_label"),
    [
        ("en", ">Copy<", "Copy the bitcoin BTC deposit address", "Copy the transaction hash"),
        ("zh-hans", ">复制<", "复制 bitcoin BTC 充值地址", "复制交易哈希"),
    ],
)
def test_addresses_memos_and_hashes_each_have_a_copy_button_with_the_whole_value(
    language, copy, address_label, hash_label
):
    page = _panel(language)
    assert f'data-copy="{TAPROOT}"' in page and f'data-copy="{TON}"' in page and f'data-copy="{MEMO}"' in page
    assert f'data-copy="{TX}"' in page  # the hash is shown shortened; the button copies all of it
    assert copy in page and f'aria-label="{address_label}"' in page and f'aria-label="{hash_label}"' in page
    assert 'type="button"' in page  # inside no form, but never a submit button
    assert "wallet/panel.js" in page and "wallet/panel.css" in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_long_addresses_stay_inside_the_panel_and_copy_whole(live, agent_page, category, language):  # noqa: F811
    from walletdesk.accounts.models import Customer
    from walletdesk.tickets.services import ticket_create_by_customer
    from walletdesk.wallet.models import DemoAccount, DemoDepositAddress
    from walletdesk.wallet.services import DEMO_UID, wallet_demo_load

    wallet_demo_load()
    account = DemoAccount.objects.get(uid=DEMO_UID)
    DemoDepositAddress.objects.create(account=account, chain="bitcoin", asset="BTC", address=TAPROOT)
    DemoDepositAddress.objects.create(account=account, chain="ton", asset="TON", address=TON, memo=MEMO)
    customer = Customer.objects.create(wallet_uid=DEMO_UID, name="Lin", locale=language)
    ticket = ticket_create_by_customer(
        customer=customer, channel="web", body="my deposit is missing", category=category, intake={"txid": TX}
    ).ticket

    page = agent_page(f"/console/tickets/{ticket.pk}/")
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live.url}])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live.url)
    for width in (1280, 1024):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live.url}/console/tickets/{ticket.pk}/")
        page.get_by_text(MEMO).wait_for()
        outside = page.evaluate(
            """() => {
                const panel = document.querySelector('#wallet-panel').getBoundingClientRect();
                return [...document.querySelectorAll('#wallet-panel *')]
                    .filter(e => e.getBoundingClientRect().right > panel.right + 0.5)
                    .map(e => e.tagName + ' ' + (e.textContent || '').slice(0, 30));
            }"""
        )
        assert outside == [], (width, outside)
        row = page.locator(f"#wallet-panel button[data-copy='{MEMO}']")
        row.click()
        assert page.evaluate("navigator.clipboard.readText()") == MEMO
        assert row.inner_text() == {"en": "Copied", "zh-hans": "已复制"}[language]
        page.locator(f"#wallet-panel button[data-copy='{TAPROOT}']").click()
        assert page.evaluate("navigator.clipboard.readText()") == TAPROOT
        if SHOTS:
            page.locator("#wallet-panel").screenshot(path=f"{SHOTS}/wallet-panel-{language}-{width}.png")

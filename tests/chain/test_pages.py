"""The diagnosis in the product: ticket panel + internal note, customer self-service, API."""

from __future__ import annotations

import pytest
from django.utils import timezone

from walletdesk.chain.models import TxCheck
from walletdesk.chain.selectors import tx_check_stats
from walletdesk.chain.services import chains_import
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Message, Ticket
from walletdesk.wallet.models import DemoAccount, DemoTransfer
from walletdesk.wallet.services import DEMO_UID, wallet_demo_load

from .conftest import Devnet, new_address


@pytest.fixture
def product(transactional_db, devnet: Devnet, live_server, settings, client, customer, category):
    """Chains configured, demo wallet served over HTTP, the customer is the demo wallet uid."""
    settings.WALLETDESK_REQUIRE_2FA = False
    settings.WALLETDESK_WALLET_URL = ""
    settings.SITE_URL = live_server.url
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    chains_import(data=devnet.chains_file())
    wallet_demo_load()
    customer.wallet_uid = DEMO_UID
    customer.save(update_fields=["wallet_uid"])
    return devnet


def _confirmed_deposit(devnet: Devnet) -> tuple[str, str]:
    to = new_address()
    tx = devnet.a.token_transfer(devnet.usdt_a, to, 100_000_000)
    devnet.a.mine(6)
    return tx, to


def test_agent_diagnoses_a_hash_from_the_conversation_into_an_internal_note(
    product, client, agent, customer, category
) -> None:
    tx, _ = _confirmed_deposit(product)
    ticket = receive(
        InboundMessage(
            channel="web",
            body=f"充值未到账 txid {tx.upper()} 请帮忙",
            customer=customer,
            category=category,
            intake={"txid": tx},
            new_ticket=True,
        )
    ).ticket
    client.force_login(agent)
    panel = client.get(f"/console/chain/tickets/{ticket.pk}/panel/").content.decode()
    assert tx.upper()[:16] in panel and "Diagnose" in panel
    response = client.post(f"/console/chain/tickets/{ticket.pk}/diagnose/", {"chain": "eth", "tx": tx})
    assert response.status_code == 302
    note = Message.objects.filter(ticket=ticket, is_internal=True, author_kind="agent").get()
    assert "**Confirmed**" in note.body and "100 USDT" in note.body
    # The demo ledger has no deposit with this hash: confirmed on chain, not credited → escalate.
    assert "NOT credited in the ledger" in note.body
    # One check from the automatic lookup when the message arrived, one from the agent's click.
    assert list(TxCheck.objects.filter(ticket_ref=str(ticket.pk)).values_list("source", flat=True)) == [
        "console",
        "console",
    ]
    assert Message.objects.filter(ticket=ticket, is_internal=True, author_kind="system").exists()
    bad = client.post(f"/console/chain/tickets/{ticket.pk}/diagnose/", {"chain": "eth", "tx": "0x12"})
    assert bad.status_code == 400 and "is not a transaction hash" in bad.content.decode()


def test_panels_need_an_agent(product, client, outsider, customer, category) -> None:
    ticket = receive(
        InboundMessage(
            channel="web",
            body="hello",
            customer=customer,
            category=category,
            intake={"txid": "x"},
            new_ticket=True,
        )
    ).ticket
    assert client.get(f"/console/chain/tickets/{ticket.pk}/panel/").status_code == 302
    assert client.get(f"/console/wallet/tickets/{ticket.pk}/panel/").status_code == 302
    client.force_login(outsider)
    assert client.post(f"/console/chain/tickets/{ticket.pk}/diagnose/", {"chain": "eth"}).status_code == 302


def test_wallet_panel_shows_the_account_beside_the_ticket(product, client, agent, customer, category) -> None:
    ticket = receive(
        InboundMessage(
            channel="web",
            body="where is my withdrawal",
            customer=customer,
            category=category,
            intake={"txid": "none"},
            new_ticket=True,
        )
    ).ticket
    # The backend's ledger still says "confirming" for a deposit the chain has confirmed.
    tx, to = _confirmed_deposit(product)
    account = DemoAccount.objects.get(uid=DEMO_UID)
    DemoTransfer.objects.create(
        account=account,
        kind="deposit",
        chain="eth",
        asset="USDT",
        amount="100",
        address=to,
        tx_hash=tx,
        status="confirming",
        created_at=timezone.now(),
    )
    client.force_login(agent)
    html = client.get(f"/console/wallet/tickets/{ticket.pk}/panel/").content.decode()
    assert DEMO_UID in html and "KYC 2" in html and "1250.5" in html
    assert html.count("Confirmed on chain but not credited: escalate.") == 1
    assert (
        "pending_review" in html and "security_hold" in html and "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8" in html
    )
    assert client.get("/console/wallet/tickets/999999/panel/").status_code == 404


def test_customer_self_service_check_and_ticket_prefilled(product, client, customer) -> None:
    tx, to = _confirmed_deposit(product)
    anonymous = client.post("/support/check/", {"chain": "eth", "tx": tx, "address": to})
    assert anonymous.status_code == 200 and ">Confirmed</span>" in anonymous.content.decode()
    assert ">confirmed<" not in anonymous.content.decode()  # the code is not shown as text
    in_chinese = client.post("/support/check/", {"chain": "eth", "tx": tx}, HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert ">已确认</span>" in in_chinese.content.decode()
    assert "/support/new/" in anonymous.content.decode()  # not signed in: contact support instead
    session = client.session
    session["wd_customer_id"] = customer.pk
    session.save()
    page = client.post("/support/check/?via=widget", {"chain": "eth", "tx": tx}).content.decode()
    assert "not yet credited" in page
    check = TxCheck.objects.filter(source="widget").get()
    assert check.should_be_credited and check.customer_ref == str(customer.pk)
    assert tx_check_stats() == {"self_service": 3, "deflected": 3, "escalated": 0}
    opened = client.post(f"/support/check/{check.pk}/ticket/")
    ticket = Ticket.objects.get(customer=customer)
    assert opened.status_code == 302 and opened["Location"] == f"/support/tickets/{ticket.pk}/"
    assert ticket.intake["txid"] == check.tx_hash and ticket.intake["network"] == "eth"
    assert " · Confirmed · " in ticket.messages.filter(author_kind="customer").get().body
    assert not ticket.complaint  # the check's facts are not a customer asking for redress
    assert tx_check_stats() == {"self_service": 3, "deflected": 2, "escalated": 1}
    wrong = client.post("/support/check/", {"chain": "eth", "tx": "not-a-hash"})
    assert wrong.status_code == 400 and "is not a transaction hash" in wrong.content.decode()


def test_check_of_another_customer_cannot_open_a_ticket(product, client, customer, other_customer) -> None:
    tx, _ = _confirmed_deposit(product)
    session = client.session
    session["wd_customer_id"] = customer.pk
    session.save()
    client.post("/support/check/", {"chain": "eth", "tx": tx})
    check = TxCheck.objects.get()
    session = client.session
    session["wd_customer_id"] = other_customer.pk
    session.save()
    assert client.post(f"/support/check/{check.pk}/ticket/").status_code == 404


def test_api_check_is_public_and_diagnose_needs_an_agent(product, client, agent_token) -> None:
    tx, to = _confirmed_deposit(product)
    body = {"chain": "eth", "tx": tx, "address": to}
    result = client.post("/api/v1/chain/check", body, content_type="application/json").json()
    assert (result["verdict"], result["amount"], result["should_be_credited"]) == ("confirmed", "100", True)
    assert client.post("/api/v1/chain/diagnose", body, content_type="application/json").status_code == 401
    agent = client.post(
        "/api/v1/chain/diagnose",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {agent_token}",
    )
    assert agent.json()["verdict"] == "confirmed"
    unknown = client.post("/api/v1/chain/check", {"chain": "sol", "tx": tx}, content_type="application/json")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "chain_unknown"
    assert [c["id"] for c in client.get("/api/v1/chains").json()] == ["eth", "bsc"]


def test_self_service_page_speaks_chinese(db, client) -> None:
    page = client.get("/support/check/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "查询我的交易" in page and "交易哈希（TxID）" in page
    assert "Check my transaction" in client.get("/support/check/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_supervisor_imports_chains_in_the_console(
    db, client, settings, agent, supervisor, devnet: Devnet
) -> None:
    settings.WALLETDESK_REQUIRE_2FA = False
    import json

    client.force_login(agent)
    assert client.post("/console/chains/", {"chains_json": "{}"}).status_code == 404
    client.force_login(supervisor)
    bad = client.post(
        "/console/chains/", {"chains_json": '{"chains": [{"id": "x"}]}'}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert bad.status_code == 400 and "chains[0].rpc" in bad.content.decode()
    ok = client.post(
        "/console/chains/", {"chains_json": json.dumps(devnet.chains_file())}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert ok.status_code == 200 and "Imported: eth, bsc" in ok.content.decode()
    assert "BNB Smart Chain (test)" in client.get("/console/chains/").content.decode()

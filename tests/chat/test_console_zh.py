"""English that leaked into the Chinese console (walk-through): the anonymous visitor's name, the
look-alike verdict chip, and a dead chain node on the agent's "诊断" action."""

import pytest
from django.test import Client
from django.utils import translation

from walletdesk.accounts.models import customer_label


@pytest.mark.parametrize(("lang", "label"), [("zh-hans", "访客 7"), ("en", "visitor 7")])
def test_a_nameless_visitor_is_named_in_the_consoles_language(lang, label):
    with translation.override(lang):
        assert customer_label(7, "", "", None) == label


@pytest.mark.parametrize(
    ("lang", "words"), [("zh-hans", "账本中没有该哈希的充值记录"), ("en", "no deposit with this hash")]
)
def test_the_ledger_reason_in_a_diagnosis_note_is_in_the_notes_language(lang, words):
    from types import SimpleNamespace

    from walletdesk.chain.product import LedgerCheck, diagnosis_card_markdown

    data = {"verdict": "confirmed", "found_on": None, "chain": "eth", "confirmations": 6, "required": 6}
    data |= {"amount": "100", "asset": "USDT", "to": "0xabc"}
    diagnosis = SimpleNamespace(chain="eth", tx_hash="0x" + "a" * 64, explanation="", as_dict=lambda: data)
    card = diagnosis_card_markdown(diagnosis, LedgerCheck(state="not_credited"), lang)
    assert words in card
    status = diagnosis_card_markdown(
        diagnosis, LedgerCheck(state="not_credited", ledger_status="pending"), lang
    )
    assert {"zh-hans": "账本状态：pending", "en": "ledger status: pending"}[lang] in status


@pytest.fixture
def zh_agent_client(agent, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client = Client(headers={"accept-language": "zh-hans"})
    client.force_login(agent)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    return client


def test_the_phishing_report_verdict_is_a_chinese_chip(zh_agent_client, supervisor):
    from walletdesk.verify.models import PhishingReport

    PhishingReport.objects.create(
        value="bit.ly/x", kind="website", canonical="bit.ly/x", verdict_at_report="lookalike"
    )
    zh_agent_client.force_login(supervisor)
    page = zh_agent_client.get("/console/verify/").content.decode()
    assert ">仿冒<" in page and ">lookalike<" not in page


def test_a_dead_node_on_diagnose_is_a_chinese_notice_inside_the_panel(zh_agent_client, customer, category):
    from walletdesk.chain.services import chains_import
    from walletdesk.tickets.inbox import InboundMessage, receive

    tx = "0x" + "ab" * 32
    chains_import(
        data={
            "chains": [
                {
                    "id": "eth",
                    "name": "Ethereum",
                    "kind": "evm",
                    "rpc": "http://127.0.0.1:9",
                    "chain_id": 1,
                    "confirmations": 6,
                    "block_time": 12,
                    "assets": [{"symbol": "ETH", "native": True, "decimals": 18, "min_deposit": "0.01"}],
                }
            ]
        }
    )
    ticket = receive(
        InboundMessage(channel="web", body=f"tx {tx}", customer=customer, new_ticket=True)
    ).ticket
    url = f"/console/chain/tickets/{ticket.pk}/diagnose/"
    panel = zh_agent_client.post(url, {"chain": "eth", "tx": tx}, headers={"HX-Request": "true"})
    html = panel.content.decode()
    assert panel.status_code == 200 and 'id="chain-diagnose-error"' in html
    assert "暂时无法连接该网络的节点" in html and "http://127.0.0.1:9" in html
    assert "cannot be reached" not in html and "ConnectionError" not in html
    assert "<h3>" in html and "<html" not in html  # the panel, not a page of its own
    plain = zh_agent_client.post(url, {"chain": "eth", "tx": tx})  # no script: still in Chinese
    assert plain.status_code == 503 and "暂时无法连接该网络的节点" in plain.content.decode()

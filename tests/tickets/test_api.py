import json

import jwt
import pytest

from tests.conftest import jwt_for
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel, Ticket

pytestmark = pytest.mark.django_db


def post_json(client, url, data, **extra):
    return client.post(url, data=json.dumps(data), content_type="application/json", **extra)


def test_customer_creates_lists_reads_replies_and_closes(customer_client, category):
    created = post_json(
        customer_client,
        "/api/v1/customer/tickets",
        {"category": "deposit", "body": "USDT not credited", "intake": {"txid": "0x" + "ab" * 32}},
    )
    assert created.status_code == 201, created.content
    ticket_id = created.json()["id"]
    assert created.json()["intake"] == {"txid": "0x" + "ab" * 32}
    assert [t["id"] for t in customer_client.get("/api/v1/customer/tickets").json()] == [ticket_id]
    reply = post_json(customer_client, f"/api/v1/customer/tickets/{ticket_id}/replies", {"body": "any news?"})
    assert reply.status_code == 201
    detail = customer_client.get(f"/api/v1/customer/tickets/{ticket_id}").json()
    assert [m["body"] for m in detail["messages"]] == ["USDT not credited", "any news?"]
    closed = customer_client.post(f"/api/v1/customer/tickets/{ticket_id}/close")
    assert closed.json()["status"] == "closed"
    after = post_json(customer_client, f"/api/v1/customer/tickets/{ticket_id}/replies", {"body": "hello?"})
    assert after.status_code == 409 and after.json()["error"]["code"] == "ticket_closed"


def test_missing_required_intake_field_is_a_400_with_the_field(customer_client, category):
    response = post_json(customer_client, "/api/v1/customer/tickets", {"category": "deposit", "body": "hi"})
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"txid": "required"}
    assert not Ticket.objects.exists()


def test_bad_json_and_unknown_category_are_4xx(customer_client, category):
    response = customer_client.post("/api/v1/customer/tickets", data="{nope", content_type="application/json")
    assert response.status_code == 400 and "error" in response.json()
    response = post_json(customer_client, "/api/v1/customer/tickets", {"category": "nope", "body": "x"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "category_unknown"


def test_customer_cannot_read_reply_to_or_close_another_customers_ticket(client, customer, other_customer):
    bobs = receive(
        InboundMessage(channel=Channel.WEB, body="bob's", customer=other_customer, new_ticket=True)
    ).ticket
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {jwt_for(customer)}"
    assert client.get(f"/api/v1/customer/tickets/{bobs.pk}").status_code == 404
    assert post_json(client, f"/api/v1/customer/tickets/{bobs.pk}/replies", {"body": "x"}).status_code == 404
    assert client.post(f"/api/v1/customer/tickets/{bobs.pk}/close").status_code == 404
    assert client.get(f"/api/v1/customer/tickets/{bobs.reference}").status_code == 404
    bobs.refresh_from_db()
    assert bobs.status == "new" and bobs.messages.count() == 1


def test_expired_forged_and_alg_none_tokens_are_rejected(client, customer, settings):
    expired = jwt_for(customer, ttl=-120)
    forged = jwt.encode({"sub": "uid-alice", "exp": 9999999999}, "not-the-secret", algorithm="HS256")
    none = jwt.encode({"sub": "uid-alice", "exp": 9999999999}, None, algorithm="none")
    for token, code in (
        (expired, "identity_token_expired"),
        (forged, "identity_token_invalid"),
        (none, "identity_token_invalid"),
        ("garbage", "identity_token_invalid"),
    ):
        response = client.get("/api/v1/customer/tickets", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 401, token
        assert response.json()["error"]["code"] == code


def test_es256_token_is_accepted_when_a_public_key_is_configured(client, settings, customer):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    settings.WALLETDESK_JWT_ES256_PUBLIC_KEY = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    token = jwt.encode({"sub": "uid-es", "exp": 9999999999, "locale": "en"}, key, algorithm="ES256")
    response = client.get("/api/v1/customer/tickets", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200


def test_customer_endpoints_are_rate_limited(customer_client, settings):
    settings.WALLETDESK_RATE_LIMIT_ENABLED = True
    settings.WALLETDESK_RATE_LIMIT_CUSTOMER = 3
    codes = [customer_client.get("/api/v1/customer/tickets").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3] == 429
    response = customer_client.get("/api/v1/customer/tickets")
    assert int(response["Retry-After"]) >= 1 and response.json()["error"]["code"] == "rate_limited"


def _tickets(customer, n):
    return [
        receive(
            InboundMessage(
                channel=Channel.WEB, body=f"problem {i} 提现失败", customer=customer, new_ticket=True
            )
        ).ticket
        for i in range(n)
    ]


def test_agent_lists_with_filters_and_cursor(agent_client, customer, django_assert_max_num_queries):
    tickets = _tickets(customer, 5)
    first = agent_client.get("/api/v1/tickets?limit=2").json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = agent_client.get(f"/api/v1/tickets?limit=2&cursor={first['next_cursor']}").json()
    third = agent_client.get(f"/api/v1/tickets?limit=2&cursor={second['next_cursor']}").json()
    seen = [t["id"] for page in (first, second, third) for t in page["items"]]
    assert sorted(seen) == sorted(t.pk for t in tickets) and third["next_cursor"] is None
    assert agent_client.get("/api/v1/tickets?text=提现").json()["items"]
    assert agent_client.get("/api/v1/tickets?text=nothinglikethis").json()["items"] == []
    assert agent_client.get("/api/v1/tickets?cursor=@@@").status_code == 400
    assert agent_client.get("/api/v1/tickets?limit=1000").status_code == 400


def test_agent_list_query_count_does_not_grow_with_rows(
    agent_client, customer, django_assert_max_num_queries
):
    _tickets(customer, 3)
    with django_assert_max_num_queries(8):
        agent_client.get("/api/v1/tickets?limit=25")
    _tickets(customer, 10)
    with django_assert_max_num_queries(8):
        agent_client.get("/api/v1/tickets?limit=25")


def test_agent_replies_notes_assigns_and_changes_fields(agent_client, agent, customer, category):
    ticket = _tickets(customer, 1)[0]
    assert (
        post_json(agent_client, f"/api/v1/tickets/{ticket.pk}/reply", {"body": "Checking"}).status_code == 201
    )
    assert (
        post_json(agent_client, f"/api/v1/tickets/{ticket.pk}/notes", {"body": "ledger ok"}).status_code
        == 201
    )
    assigned = post_json(agent_client, f"/api/v1/tickets/{ticket.pk}/assign", {"assignee_id": agent.pk})
    assert assigned.json()["assignee_id"] == agent.pk
    patched = agent_client.patch(
        f"/api/v1/tickets/{ticket.reference}",
        data=json.dumps(
            {"status": "on_hold", "priority": "high", "category": "deposit", "tags": ["VIP", "usdt"]}
        ),
        content_type="application/json",
    ).json()
    assert (patched["status"], patched["priority"], patched["category"]) == ("on_hold", "high", "deposit")
    assert patched["tags"] == ["usdt", "vip"]
    detail = agent_client.get(f"/api/v1/tickets/{ticket.pk}").json()
    assert [m["is_internal"] for m in detail["messages"]] == [False, False, True]


def test_agent_bad_inputs_are_4xx(agent_client, customer):
    ticket = _tickets(customer, 1)[0]
    bad_status = agent_client.patch(
        f"/api/v1/tickets/{ticket.pk}", data=json.dumps({"status": "nope"}), content_type="application/json"
    )
    assert bad_status.status_code == 400 and "status" in bad_status.json()["error"]["fields"]
    assert (
        post_json(agent_client, f"/api/v1/tickets/{ticket.pk}/assign", {"assignee_id": 999}).status_code
        == 400
    )
    assert agent_client.get("/api/v1/tickets/999999").status_code == 404
    assert post_json(agent_client, f"/api/v1/tickets/{ticket.pk}/reply", {"body": "  "}).status_code == 400


def test_api_without_or_with_wrong_token_is_401(client, outsider):
    from walletdesk.accounts.services import api_token_create

    assert client.get("/api/v1/tickets").status_code == 401
    assert client.get("/api/v1/tickets", HTTP_AUTHORIZATION="Bearer wd_nope").status_code == 401
    _, raw = api_token_create(user=outsider, name="not an agent")
    assert client.get("/api/v1/tickets", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_openapi_docs_are_served(client):
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_text_search_pages_through_every_match_newest_first(
    agent_client, customer, monkeypatch, other_customer
):
    from walletdesk.tickets import selectors

    monkeypatch.setattr(selectors, "SEARCH_BATCH", 2)  # force several index batches per page
    matching = _tickets(customer, 5)
    receive(
        InboundMessage(
            channel=Channel.WEB, body="unrelated words only", customer=other_customer, new_ticket=True
        )
    )
    seen, cursor = [], ""
    for _ in range(5):
        page = agent_client.get(f"/api/v1/tickets?view=all&text=提现失败&limit=2{cursor}").json()
        seen += [t["id"] for t in page["items"]]
        if not page["next_cursor"]:
            break
        cursor = f"&cursor={page['next_cursor']}"
    assert seen == sorted((t.pk for t in matching), reverse=True)


@pytest.mark.parametrize(
    ("txid", "accepted"),
    [
        ("TRC20", False),
        ("order 20261126-0042", False),
        ("0x12ab", False),
        ("0x" + "ab" * 32, True),
        ("ab" * 32, True),  # BTC / TRON: 64 hex without 0x
        ("https://etherscan.io/tx/0x" + "cd" * 32, True),
        ("  0x" + "ef" * 32 + "  ", True),
    ],
)
def test_a_txid_field_takes_a_transaction_hash_or_an_explorer_link(customer_client, category, txid, accepted):
    response = customer_client.post(
        "/api/v1/customer/tickets",
        {"category": "deposit", "body": "USDT not credited", "intake": {"txid": txid}},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    if accepted:
        assert response.status_code == 201
    else:
        assert response.status_code == 400
        assert "transaction hash" in response.json()["error"]["fields"]["txid"]

"""The customer API (wallet JWT only) skips Django's session, CSRF, auth and messages middleware
(core.middleware); everything else keeps them, and security headers stay on every answer."""

import json

import pytest
from asgiref.sync import async_to_sync
from django.http import HttpResponse
from django.test import AsyncClient

from tests.conftest import jwt_for
from walletdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db

BODY = {"category": "deposit", "body": "USDT not credited", "intake": {"txid": "0x" + "ab" * 32}}
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def post_json(client, url, data, **extra):
    return client.post(url, data=json.dumps(data), content_type="application/json", **extra)


def assert_security_headers(response):
    assert {name: response.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS


def test_customer_api_creation_sets_no_cookie_and_keeps_security_headers(customer_client, category):
    response = post_json(customer_client, "/api/v1/customer/tickets", BODY)
    assert response.status_code == 201, response.content
    assert Ticket.objects.filter(pk=response.json()["id"], customer__wallet_uid="uid-alice").exists()
    assert_security_headers(response)
    assert not response.cookies  # no session, no CSRF cookie


def test_browser_pages_still_get_csrf_and_security_headers(client):
    response = client.get("/console/login/")
    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert_security_headers(response)


def test_agent_session_is_no_credential_on_the_customer_api(client, agent, category):
    client.force_login(agent)
    response = post_json(client, "/api/v1/customer/tickets", BODY)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    assert_security_headers(response)
    assert not Ticket.objects.exists()


def test_bad_token_and_bad_body_on_the_customer_api_are_json_4xx(client, customer, category):
    response = post_json(client, "/api/v1/customer/tickets", BODY, HTTP_AUTHORIZATION="Bearer not-a-jwt")
    assert response.status_code == 401 and response.json()["error"]["code"]
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {jwt_for(customer)}"
    response = client.post("/api/v1/customer/tickets", data="{nope", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "body_unreadable"
    response = client.get("/api/v1/customer/nothing-here")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert_security_headers(response)
    assert not Ticket.objects.exists()


def test_customer_api_creation_under_asgi(customer, category):
    """The ASGI layout (`walletdesk serve`) runs the middleware chain in async mode."""
    response = async_to_sync(AsyncClient().post)(
        "/api/v1/customer/tickets",
        data=json.dumps(BODY),
        content_type="application/json",
        headers={"Authorization": f"Bearer {jwt_for(customer)}"},
    )
    assert response.status_code == 201, response.content
    assert_security_headers(response)
    assert not response.cookies
    assert Ticket.objects.filter(pk=response.json()["id"]).exists()
    page = async_to_sync(AsyncClient().get)("/console/login/")
    assert page.status_code == 200 and "csrftoken" in page.cookies


@pytest.mark.parametrize(
    ("path", "skipped"),
    [
        ("/api/v1/customer/tickets", True),
        ("/api/v1/tickets", False),
        ("/api/v1/customers/tickets", False),
        ("/console/", False),
    ],
)
def test_browser_middleware_runs_everywhere_but_the_customer_api(rf, path, skipped):
    from walletdesk.core.middleware import (
        AuthenticationMiddleware,
        CsrfViewMiddleware,
        MessageMiddleware,
        SessionMiddleware,
    )

    seen = {}

    def view(request):
        seen.update(
            session=hasattr(request, "session"),
            messages=hasattr(request, "_messages"),
            csrf="CSRF_COOKIE" in request.META,
            user=request.user,
        )
        return HttpResponse()

    chain = SessionMiddleware(CsrfViewMiddleware(AuthenticationMiddleware(MessageMiddleware(view))))
    rf.cookies["csrftoken"] = "a" * 32  # a browser's CSRF cookie: read unless skipped
    chain(rf.post(path))
    assert (seen["session"], seen["messages"], seen["csrf"]) == (not skipped,) * 3
    assert seen["user"].is_anonymous


def test_repeated_external_id_through_the_api_returns_the_stored_ticket(customer_client, category):
    """On SQLite the new ticket's rows are written past Django's placeholder rewrite
    (core.prepared.execute); a duplicate must still be Django's IntegrityError, which receive()
    turns into the stored message."""
    first = post_json(customer_client, "/api/v1/customer/tickets", {**BODY, "external_id": "order-1"})
    again = post_json(customer_client, "/api/v1/customer/tickets", {**BODY, "external_id": "order-1"})
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert Ticket.objects.count() == 1


def test_prepared_insert_raises_djangos_integrity_error_and_keeps_the_transaction_rule(customer):
    from django.db import IntegrityError, transaction
    from django.db.transaction import TransactionManagementError

    from walletdesk.core.prepared import PreparedInsert
    from walletdesk.tickets.models import Channel, Message

    ticket = Ticket.objects.create(customer=customer, channel=Channel.API, subject="s")
    insert = PreparedInsert(Message)
    insert.insert(
        Message(ticket=ticket, customer=customer, body="one", channel=Channel.API, external_id="x-1")
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        insert.insert(
            Message(ticket=ticket, customer=customer, body="two", channel=Channel.API, external_id="x-1")
        )
    with transaction.atomic():
        with pytest.raises(IntegrityError), transaction.atomic(savepoint=False):
            insert.insert(
                Message(
                    ticket=ticket, customer=customer, body="three", channel=Channel.API, external_id="x-1"
                )
            )
        # Django refuses statements in a transaction an error broke, whichever way they run.
        with pytest.raises(TransactionManagementError):
            insert.insert(
                Message(ticket=ticket, customer=customer, body="four", channel=Channel.API, external_id="x-2")
            )
    assert list(Message.objects.filter(ticket=ticket).values_list("body", flat=True)) == ["one"]


def test_another_customers_request_id_neither_reads_nor_blocks_their_ticket(
    customer_client, other_customer, category
):
    from django.test import Client

    alices = post_json(customer_client, "/api/v1/customer/tickets", {**BODY, "external_id": "req-1"})
    bob = Client(HTTP_AUTHORIZATION=f"Bearer {jwt_for(other_customer)}")
    bobs = post_json(bob, "/api/v1/customer/tickets", {**BODY, "external_id": "req-1"})

    assert alices.status_code == bobs.status_code == 201
    assert bobs.json()["id"] != alices.json()["id"]
    assert Ticket.objects.get(pk=bobs.json()["id"]).customer == other_customer


def test_a_message_id_stored_for_one_customer_is_the_others_own_message(customer, other_customer):
    from walletdesk.tickets.inbox import InboundMessage, receive
    from walletdesk.tickets.models import Channel

    mail = {
        "channel": Channel.EMAIL,
        "body": "my deposit",
        "external_id": "<abc@mail.example>",
        "new_ticket": True,
    }
    alices = receive(InboundMessage(customer=customer, **mail))
    # A copied Message-ID: never the first sender's ticket, and no refusal that would tell the copier
    # the id is someone's.
    bobs = receive(InboundMessage(customer=other_customer, **mail))
    assert not bobs.duplicate and bobs.ticket.customer == other_customer
    assert bobs.ticket.pk != alices.ticket.pk
    again = receive(InboundMessage(customer=customer, **mail))
    assert again.duplicate and again.message.pk == alices.message.pk

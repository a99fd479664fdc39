import re
import time

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import jwt_for
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel, Message, Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def login_agent(client, user, password):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client.post("/console/login/", {"username": user.username, "password": password})
    response = client.post("/console/login/otp/", {"token": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302 and response["Location"] == "/console/"


def test_console_needs_password_and_totp(client, agent):
    assert client.get("/console/").status_code == 302
    wrong = client.post("/console/login/", {"username": "agent1", "password": "nope"})
    assert wrong.status_code == 400 and "Wrong username or password" in wrong.content.decode()
    client.post("/console/login/", {"username": "agent1", "password": "agent-pass-123"})
    # A password alone is not a session: the console still redirects to sign-in.
    assert client.get("/console/").status_code == 302
    enrol = client.get("/console/login/otp/", follow=True)
    assert b"<svg" in enrol.content  # first sign-in enrols by QR code
    device = TOTPDevice.objects.get(user=agent)
    assert client.post("/console/login/enrol/", {"token": "123"}).status_code == 400
    time.sleep(1.1)  # django-otp throttles the next try for 1 s after a failure
    response = client.post("/console/login/enrol/", {"token": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    assert client.get("/console/").status_code == 200


def test_customer_cannot_sign_in_to_console(client, outsider):
    response = client.post("/console/login/", {"username": "outsider", "password": "outsider-pass-1"})
    assert response.status_code == 400


def test_inbox_and_ticket_page_and_actions(client, agent, customer, category):
    login_agent(client, agent, "agent-pass-123")
    ticket = receive(
        InboundMessage(
            channel=Channel.WEB,
            body="<script>alert(1)</script> help",
            customer=customer,
            category=category,
            new_ticket=True,
        )
    ).ticket
    inbox = client.get("/console/?view=unassigned").content.decode()
    assert ticket.reference in inbox
    # Every cell is filled: channel, customer, category, status and priority labels in English.
    row = inbox[inbox.index(f'data-ticket-id="{ticket.pk}"') :].split("</tr>")[0]
    for cell in ("Web portal", "Alice", "Deposit", '<span class="chip">New</span>', "Normal"):
        assert cell in row, cell
    page = client.get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    client.post(f"/console/tickets/{ticket.pk}/take/")
    client.post(
        f"/console/tickets/{ticket.pk}/fields/",
        {
            "status": "on_hold",
            "priority": "high",
            "category": "deposit",
            "team": "support",
            "tags": "vip，usdt",
        },
    )
    client.post(f"/console/tickets/{ticket.pk}/note/", {"body": "ledger shows nothing"})
    ticket.refresh_from_db()
    assert (ticket.assignee, ticket.status, ticket.priority) == (agent, "on_hold", "high")
    assert sorted(ticket.tag_rows.values_list("name", flat=True)) == ["usdt", "vip"]
    page = client.get(f"/console/tickets/{ticket.pk}/").content.decode()
    for chosen in (f'value="{agent.pk}" selected', 'value="deposit" selected', 'value="support" selected'):
        assert chosen in page, chosen
    assert "Agent One (" in page  # the assignee picker names agents with their presence
    empty = client.post(f"/console/tickets/{ticket.pk}/reply/", {"body": "   "})
    assert empty.status_code == 400 and "empty" in empty.content.decode()
    assert "ticket" in client.get("/console/?view=mine&q=help").content.decode()
    assert client.get("/console/tickets/999999/").status_code == 404


def test_inbox_pages_by_cursor_without_losing_a_ticket(client, agent, customer, category):
    from walletdesk.tickets.views import INBOX_PAGE_SIZE

    login_agent(client, agent, "agent-pass-123")
    made = [
        receive(
            InboundMessage(channel=Channel.WEB, body=f"question {i}", customer=customer, new_ticket=True)
        ).ticket.pk
        for i in range(INBOX_PAGE_SIZE + 2)
    ]
    seen, url = [], "/console/?view=open"
    while url:
        html = client.get(url).content.decode()
        ids = [int(x) for x in re.findall(r'data-ticket-id="(\d+)"', html)]
        assert 0 < len(ids) <= INBOX_PAGE_SIZE
        seen += ids
        older = re.search(r'href="(\?view=open[^"]*cursor=[^"]+)"', html)
        url = "/console/" + older.group(1).replace("&amp;", "&") if older else ""
    assert seen == sorted(made, reverse=True)


def test_preview_renders_markdown_safely(client, agent):
    login_agent(client, agent, "agent-pass-123")
    html = client.post(
        "/console/preview/", {"body": "**bold** <img src=x onerror=alert(1)>"}
    ).content.decode()
    assert "<strong>bold</strong>" in html and "<img" not in html


def test_portal_flow_with_intake_errors_and_ownership(client, customer, other_customer, category):
    assert client.get(f"/support/login/?token={jwt_for(customer)}").status_code == 302
    form = client.get("/support/new/?category=deposit").content.decode()
    assert "Transaction ID" in form or "交易哈希" in form
    missing = client.post(
        "/support/new/",
        {
            "category": "deposit",
            "body": "where is my money",
            "intake_network": "TRC20",
            "subject": "USDT missing",
        },
    )
    assert missing.status_code == 400
    page = missing.content.decode()
    # Nothing typed is lost: body, subject and the intake answers come back with the error.
    assert "where is my money" in page and 'value="TRC20"' in page and 'value="USDT missing"' in page
    created = client.post(
        "/support/new/", {"category": "deposit", "body": "where is my money", "intake_txid": "0x" + "ab" * 32}
    )
    assert created.status_code == 302
    bobs = receive(
        InboundMessage(channel=Channel.WEB, body="bob", customer=other_customer, new_ticket=True)
    ).ticket
    assert client.get(f"/support/tickets/{bobs.pk}/").status_code == 404
    assert client.post(f"/support/tickets/{bobs.pk}/", {"body": "hijack"}).status_code == 404
    assert client.post(f"/support/tickets/{bobs.pk}/close/").status_code == 404
    assert Message.objects.filter(ticket=bobs).count() == 1


def test_bad_token_link_shows_a_clear_error(client):
    response = client.get("/support/login/?token=abc.def.ghi")
    assert response.status_code == 401 and "invalid" in response.content.decode().lower()
    response = client.get("/support/login/?token=abc.def.ghi", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert "身份令牌无效" in response.content.decode()


def test_email_login_link_works_once(client, customer, mailoutbox):
    client.post("/support/login/email/", {"email": "alice@example.com"})
    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/support/login/link/" in line)
    path = link[link.index("/support/") :]
    # Opening it (a mail scanner does too) only asks for the click: the link still works after.
    assert client.get(path).status_code == 200 and client.get(path).status_code == 200
    assert client.get("/support/tickets/").status_code == 401  # not signed in by a GET
    assert client.post(path).status_code == 302
    assert client.get("/support/tickets/").status_code == 200
    client.post("/support/logout/")
    assert client.post(path).status_code == 400
    assert client.get(path).status_code == 400
    unknown = client.post("/support/login/email/", {"email": "nobody@example.com"})
    assert unknown.status_code == 200 and len(mailoutbox) == 1  # same answer, no mail: no account probing
    assert client.post("/support/login/email/", {"email": "not an email"}).status_code == 400


def test_attachments_are_only_for_the_owner_and_agents(client, customer, other_customer, agent):
    from walletdesk.tickets.attachments import UploadedFile

    received = receive(
        InboundMessage(
            channel=Channel.WEB,
            body="see screenshot",
            customer=customer,
            new_ticket=True,
            attachments=[UploadedFile(filename="shot.png", content=PNG)],
        )
    )
    attachment = received.message.attachments.get()
    assert attachment.content_type == "image/png"
    url = f"/attachments/{attachment.pk}/"
    assert client.get(url).status_code == 404
    client.get(f"/support/login/?token={jwt_for(other_customer)}")
    assert client.get(url).status_code == 404
    client.get(f"/support/login/?token={jwt_for(customer)}")
    assert client.get(url).status_code == 200


def test_a_renamed_executable_is_not_an_image(customer):
    from walletdesk.tickets.attachments import UploadedFile
    from walletdesk.tickets.errors import AttachmentRejected

    with pytest.raises(AttachmentRejected):
        receive(
            InboundMessage(
                channel=Channel.WEB,
                body="x",
                customer=customer,
                new_ticket=True,
                attachments=[UploadedFile(filename="shot.png", content=b"MZ\x90\x00" + b"\0" * 100)],
            )
        )


def test_customer_rates_a_solved_ticket(client, customer, agent):
    from walletdesk.tickets.services import ticket_status_set

    ticket = receive(InboundMessage(channel=Channel.WEB, body="x", customer=customer, new_ticket=True)).ticket
    ticket_status_set(ticket=ticket, status="solved", by=agent)
    client.get(f"/support/login/?token={jwt_for(customer)}")
    client.post(f"/support/tickets/{ticket.pk}/rate/", {"rating": "4", "comment": "quick"})
    ticket.refresh_from_db()
    assert (ticket.csat_rating, ticket.csat_comment) == (4, "quick")


def test_ticket_page_warns_about_a_lookalike_and_keeps_queries_constant(
    client, agent, customer, django_assert_max_num_queries
):
    from walletdesk.verify.services import registry_load_demo

    registry_load_demo()
    login_agent(client, agent, "agent-pass-123")
    ticket = receive(
        InboundMessage(
            channel=Channel.WIDGET,
            customer=customer,
            locale="en",
            body="Support told me to log in at https://demowallet-support.com/verify",
        )
    ).ticket
    page = client.get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert "demowallet-support.com" in page and "Reply with a warning" in page
    client.get(f"/console/tickets/{ticket.pk}/")
    with django_assert_max_num_queries(40) as few:
        client.get(f"/console/tickets/{ticket.pk}/")
    for i in range(10):
        receive(InboundMessage(channel=Channel.WIDGET, customer=customer, body=f"more {i}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/console/tickets/{ticket.pk}/")


def test_console_pickers_follow_changes_at_once(client, agent, category):
    from walletdesk.accounts.services import agent_create
    from walletdesk.tickets.services import category_upsert

    login_agent(client, agent, "agent-pass-123")
    assert "Fees and limits" not in client.get("/console/").content.decode()
    category_upsert(slug="fees", name_zh="手续费", name_en="Fees and limits", intake_fields=[], team=None)
    agent_create(username="agent2", password="agent-pass-456", display_name="Agent Two", teams=[])
    ticket = receive(
        InboundMessage(channel=Channel.WEB, body="hi", customer=agent_customer(), new_ticket=True)
    )
    assert "Fees and limits" in client.get("/console/").content.decode()
    assert "Agent Two (" in client.get(f"/console/tickets/{ticket.ticket.pk}/").content.decode()


def agent_customer():
    from walletdesk.accounts.models import Customer

    return Customer.objects.create(wallet_uid="uid-pickers", name="Pat")


def test_console_pages_run_the_same_queries_for_small_and_long_tickets(
    client, agent, customer, category, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from walletdesk.tickets import outbox

    login_agent(client, agent, "agent-pass-123")

    def ticket_with(n: int) -> int:
        ticket = receive(
            InboundMessage(
                channel=Channel.WEB, body="first", customer=customer, category=category, new_ticket=True
            )
        ).ticket
        for i in range(n):
            receive(InboundMessage(channel=Channel.WEB, body=f"more {i}", customer=customer, ticket=ticket))
            outbox.send(ticket=ticket, author=agent, body=f"answer {i}", internal=i % 2 == 1)
        return ticket.pk

    short, long = ticket_with(0), ticket_with(6)
    counts = []
    for pk in (short, long):
        client.get(f"/console/tickets/{pk}/")
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(f"/console/tickets/{pk}/")
        assert page.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
    assert "answer 5" in page.content.decode() and "Agent One" in page.content.decode()
    client.get("/console/?view=open")
    with CaptureQueriesContext(connection) as few:
        client.get("/console/?view=open")
    for _ in range(5):
        ticket_with(0)
    with CaptureQueriesContext(connection) as many:
        client.get("/console/?view=open")
    assert len(few.captured_queries) == len(many.captured_queries)


def test_a_request_form_sent_twice_opens_one_ticket(client, customer, other_customer, category):
    client.get(f"/support/login/?token={jwt_for(customer)}")
    form = client.get("/support/new/?category=deposit").content.decode()
    submission = re.search(r'name="submission" value="([0-9a-f]{32})"', form).group(1)
    post = {"category": "deposit", "body": "deposit missing", "intake_txid": "0x" + "ab" * 32}

    first = client.post("/support/new/", {**post, "submission": submission})
    again = client.post("/support/new/", {**post, "submission": submission})  # a double click, a resent POST

    assert first.status_code == again.status_code == 302 and first["Location"] == again["Location"]
    assert Ticket.objects.filter(customer=customer).count() == 1
    # The id is the customer's own: the same id from someone else opens their own ticket.
    other = Client()
    other.get(f"/support/login/?token={jwt_for(other_customer)}")
    theirs = other.post("/support/new/", {**post, "submission": submission})
    assert theirs.status_code == 302 and theirs["Location"] != first["Location"]
    # A form from before the id existed, or a forged id, still opens a ticket (not deduplicated).
    assert client.post("/support/new/", {**post, "submission": "<script>"}).status_code == 302
    assert Ticket.objects.filter(customer=customer).count() == 2

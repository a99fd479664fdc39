"""Canned replies for one ticket's reply form (chat.canned, GET /api/v1/chat/canned?ticket=…): the
title in the console's language, the body in the ticket's, placeholders filled as Markdown text, and
only for an agent who may see the ticket."""

import pytest

from walletdesk.chat.canned import canned_list, canned_title_for, canned_title_parts, markdown_text_escape
from walletdesk.chat.services import canned_reply_upsert
from walletdesk.core.markdown import markdown_render
from walletdesk.tickets.services import ticket_create_by_customer

pytestmark = pytest.mark.django_db


@pytest.fixture
def greeting(db):
    return canned_reply_upsert(
        shortcut="hello",
        title="问候 / Greeting",
        body_zh="{customer_name}您好，我是{agent_name}，工单 {ticket_number} 已收到。",
        body_en="Hello {customer_name}, this is {agent_name}; ticket {ticket_number} is with us. {unknown} stays.",
    )


def web_ticket(customer, category, locale):
    return ticket_create_by_customer(
        customer=customer, channel="web", category=category, body="deposit missing",
        intake={"txid": "0x" + "ab" * 32}, locale=locale,
    ).ticket  # fmt: skip


def test_body_in_the_tickets_language_title_in_the_consoles(greeting, agent, customer, category):
    ticket = web_ticket(customer, category, "en")
    [row] = canned_list(ticket=ticket, agent=agent, console_locale="zh-hans")
    assert row.label == "问候"
    assert (
        row.body
        == f"Hello Alice, this is Agent One; ticket {ticket.reference} is with us. {{unknown}} stays."
    )
    ticket.locale = "zh-hans"
    [row] = canned_list(ticket=ticket, agent=agent, console_locale="en")
    assert row.label == "Greeting"
    assert row.body == f"Alice您好，我是Agent One，工单 {ticket.reference} 已收到。"


def test_an_empty_language_falls_back_to_the_other(agent, customer, category):
    from walletdesk.chat.models import CannedReply

    CannedReply.objects.create(shortcut="only-zh", title="只有中文", body_zh="只有中文的回复", body_en="")
    ticket = web_ticket(customer, category, "en")
    [row] = canned_list(ticket=ticket, agent=agent, console_locale="en")
    assert row.body == "只有中文的回复" and row.label == "只有中文"


def test_a_customer_name_is_text_not_markdown(greeting, agent, customer, category):
    customer.name = "*Bob* [x](http://evil) <b>_y_</b> `c`"
    customer.save()
    ticket = web_ticket(customer, category, "en")
    [row] = canned_list(ticket=ticket, agent=agent, console_locale="en")
    html = markdown_render(row.body)
    assert "*Bob* [x](http://evil) &lt;b&gt;_y_&lt;/b&gt; `c`" in html
    assert "<em>" not in html and "<a " not in html and "<code>" not in html


@pytest.mark.parametrize(
    ("name", "rendered"),
    [
        ("# Boss", "# Boss"),
        ("- dash", "- dash"),
        ("1. first", "1. first"),
        ("AT&T", "AT&amp;T"),
        ("a &amp; b", "a &amp;amp; b"),
    ],
)
def test_escaped_names_render_as_typed_even_at_the_start_of_a_line(name, rendered):
    assert markdown_text_escape(name) != "" and "\n" not in markdown_text_escape("two\nlines")
    assert markdown_render(markdown_text_escape(name)) == f"<p>{rendered}</p>\n"


def test_a_nameless_customer_is_called_customer_in_their_language(greeting, agent, category):
    from walletdesk.accounts.models import Customer

    nameless = Customer.objects.create(wallet_uid="uid-anon", locale="zh-hans")
    ticket = web_ticket(nameless, category, "zh-hans")
    [row] = canned_list(ticket=ticket, agent=agent, console_locale="en")
    assert row.body.startswith("客户您好")


def test_titles_without_the_split_are_shown_as_written():
    assert canned_title_for("Greeting", "zh-hans") == "Greeting"
    assert canned_title_for("a / b / c", "en") == "a / b / c"


def test_the_page_and_the_picker_split_a_title_alike():
    """The supervisors' form and the agents' picker read a title through the same split."""
    assert canned_title_parts("问候 / Greeting") == ("问候", "Greeting")
    for title in ("Greeting", "a / b / c", "a /  / ", " / b"):
        assert canned_title_parts(title) == (title, title)
        assert canned_title_for(title, "en") == canned_title_for(title, "zh-hans") == title


def test_without_a_ticket_the_body_is_the_consoles_language_as_stored(greeting):
    [row] = canned_list(console_locale="en")
    assert row.label == "Greeting"
    assert row.body == greeting.body_en  # placeholders left for the agent's ticket to fill
    [row] = canned_list(console_locale="zh-hans", query="hel")
    assert (row.label, row.body) == ("问候", greeting.body_zh)


# --- the endpoint ------------------------------------------------------------------------------
def test_endpoint_fills_the_tickets_reply_in_the_consoles_language(
    greeting, agent_client, customer, category
):
    ticket = web_ticket(customer, category, "zh-hans")
    response = agent_client.get(f"/api/v1/chat/canned?ticket={ticket.pk}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    [row] = response.json()
    assert row["label"] == "Greeting" and row["shortcut"] == "hello"
    assert row["body"] == f"Alice您好，我是Agent One，工单 {ticket.reference} 已收到。"
    by_number = agent_client.get(
        f"/api/v1/chat/canned?ticket={ticket.reference}", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert by_number.json()[0]["label"] == "问候" and by_number.json()[0]["body"] == row["body"]


def test_endpoint_without_a_ticket_keeps_the_live_desks_menu(greeting, agent_client):
    [row] = agent_client.get("/api/v1/chat/canned?q=hel", HTTP_ACCEPT_LANGUAGE="en").json()
    assert (
        row["body_zh"] == greeting.body_zh and row["body"] == greeting.body_en and row["label"] == "Greeting"
    )


@pytest.mark.parametrize("ticket_id", ["999999", "WD-nope", "-1"])
def test_a_ticket_the_agent_cannot_see_is_404(greeting, agent_client, ticket_id):
    response = agent_client.get(f"/api/v1/chat/canned?ticket={ticket_id}")
    assert response.status_code == 404 and response.json()["error"]["code"] == "ticket_not_found"


def test_anonymous_and_non_agents_get_nothing(
    greeting, client, outsider, customer, category, customer_client
):
    ticket = web_ticket(customer, category, "en")
    url = f"/api/v1/chat/canned?ticket={ticket.pk}"
    assert customer_client.get(url).status_code == 401  # the ticket's own customer is not an agent
    client.defaults.pop("HTTP_AUTHORIZATION", None)
    assert client.get(url).status_code == 401
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 401 and "Alice" not in response.content.decode()


def test_a_deactivated_agents_token_is_refused(greeting, agent, agent_client, customer, category):
    ticket = web_ticket(customer, category, "en")
    agent.is_active = False
    agent.save()
    assert agent_client.get(f"/api/v1/chat/canned?ticket={ticket.pk}").status_code in (401, 404)


def test_the_starter_set_names_the_agent_and_the_ticket(settings, agent, customer, category):
    from walletdesk.chat.management.canned import canned_defaults_load

    settings.BRAND_NAME = "AcmeWallet"
    canned_defaults_load()
    ticket = web_ticket(customer, category, "en")
    rows = {r.shortcut: r for r in canned_list(ticket=ticket, agent=agent, console_locale="en")}
    assert rows["hello"].body == "Hello, this is Agent One from AcmeWallet support. How can I help you today?"
    assert ticket.reference in rows["bye"].body
    assert not any("{" in r.body for r in rows.values())


def test_the_tickets_list_costs_a_fixed_number_of_queries(
    greeting, agent_client, customer, category, django_assert_max_num_queries
):
    for n in range(30):
        canned_reply_upsert(shortcut=f"case-{n}", title=f"情况 {n} / Case {n}", body_zh="中文", body_en="en")
    ticket = web_ticket(customer, category, "en")
    agent_client.get(f"/api/v1/chat/canned?ticket={ticket.pk}")  # the prepared lookups compiled
    with django_assert_max_num_queries(
        3
    ):  # the token (with the agent), the ticket with its customer, the list
        response = agent_client.get(f"/api/v1/chat/canned?ticket={ticket.pk}")
    assert len(response.json()) == 31

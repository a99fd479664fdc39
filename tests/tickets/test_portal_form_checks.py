"""The request form refuses what it cannot keep or use, beside the field, losing nothing typed: an
amount with no figure in it, a subject longer than a ticket holds. Networks are suggested, not forced."""

import pytest

from tests.conftest import jwt_for
from walletdesk.tickets.models import Ticket
from walletdesk.tickets.services import category_upsert

pytestmark = pytest.mark.django_db

TXID = "0x" + "ab" * 32


@pytest.fixture
def withdrawal(team):
    return category_upsert(
        slug="withdrawal",
        name_zh="提现问题",
        name_en="Withdrawal",
        team=team,
        intake_fields=[
            {
                "key": "network",
                "type": "network",
                "required": True,
                "label_zh": "网络",
                "label_en": "Network",
            },
            {
                "key": "amount",
                "type": "amount",
                "required": False,
                "label_zh": "币种和数量",
                "label_en": "Amount",
            },
        ],
    )


@pytest.fixture
def signed_in(client, customer):
    client.get(f"/support/login/?token={jwt_for(customer)}")
    return client


def _post(client, **changes):
    form = {
        "category": "withdrawal",
        "subject": "withdrawal stuck",
        "intake_network": "TRC20",
        "intake_amount": "500 USDT",
        "body": "my withdrawal has been pending for three hours",
    }
    return client.post("/support/new/", {**form, **changes}, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize("amount", ["500 USDT", "0.5个ETH", "五百U", "1.2万u", "２００ usdt", ""])
def test_amounts_as_customers_write_them_are_taken(signed_in, withdrawal, amount):
    assert _post(signed_in, intake_amount=amount).status_code == 302


@pytest.mark.parametrize("amount", ["lots", "all of it", "USDT"])
def test_an_amount_without_a_figure_is_named_beside_the_field(signed_in, withdrawal, amount):
    response = _post(signed_in, intake_amount=amount)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="intake_amount-error"' in page and "Write the amount as a number" in page
    assert "my withdrawal has been pending for three hours" in page  # nothing typed is lost
    assert not Ticket.objects.exists()


def test_a_subject_longer_than_a_ticket_holds_is_refused_with_the_intake_errors(signed_in, withdrawal):
    response = _post(signed_in, subject="s" * 301, intake_amount="lots")
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="subject-error"' in page and "Keep the subject under 300 characters" in page
    assert 'id="intake_amount-error"' in page  # every problem at once
    assert _post(signed_in, subject="s" * 300).status_code == 302


def test_the_network_field_suggests_the_usual_networks(signed_in, withdrawal):
    page = signed_in.get("/support/new/?category=withdrawal").content.decode()
    assert 'list="network-choices"' in page and '<option value="TRC20">' in page
    assert _post(signed_in, intake_network="Avalanche C-Chain").status_code == 302  # free text stays


def test_the_api_names_the_amount_field(customer, withdrawal, client):
    response = client.post(
        "/api/v1/customer/tickets",
        {"category": "withdrawal", "body": "stuck", "intake": {"network": "TRC20", "amount": "lots"}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {jwt_for(customer)}",
    )
    assert response.status_code == 400
    assert "amount" in response.json()["error"]["fields"]


@pytest.mark.parametrize(("with_address_field", "line_shown"), [(False, True), (True, False)])
def test_the_theft_checklist_names_addresses_only_when_the_form_does_not_ask(
    signed_in, team, with_address_field, line_shown
):
    fields = [{"key": "account", "type": "text", "required": True, "label_zh": "账户", "label_en": "Account"}]
    if with_address_field:
        fields.append(
            {"key": "address", "type": "text", "required": False, "label_zh": "地址", "label_en": "Address"}
        )
    category_upsert(
        slug="account_theft", name_zh="账户被盗", name_en="Stolen account", team=team, intake_fields=fields
    )
    page = signed_in.get("/support/new/?category=account_theft", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ("The addresses your funds went to" in page) is line_shown

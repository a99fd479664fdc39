"""Call-back requests from the portal: a phone-channel ticket with the number and the time, told how
to recognise the real call; bad input named field by field and nothing typed lost."""

import pytest

from tests.conftest import jwt_for
from walletdesk.tickets.models import Channel, Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, customer):
    client.get(f"/support/login/?token={jwt_for(customer)}")
    return client


def test_signed_out_customers_are_asked_to_sign_in(client):
    assert client.get("/support/callback/").status_code == 401


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "we never ask for your password, verification codes, seed phrase"),
        ("zh-CN", "绝不会索要您的密码、验证码、助记词"),
    ],
)
def test_the_form_says_how_to_recognise_the_real_call(signed_in, language, says):
    page = signed_in.get("/support/callback/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert says in page and 'href="/contact/"' in page


def test_a_request_opens_a_phone_ticket_with_the_number_and_time(
    signed_in, customer, category, agent, mailoutbox, django_capture_on_commit_callbacks
):
    response = signed_in.post(
        "/support/callback/",
        {"phone": "138 1234 5678", "window": "evening", "language": "zh-hans", "category": category.slug,
         "body": "提现卡了两天，想电话沟通"},
    )  # fmt: skip
    ticket = Ticket.objects.get(customer=customer)
    assert response.status_code == 302 and response["Location"] == f"/support/tickets/{ticket.pk}/"
    assert ticket.channel == Channel.PHONE and ticket.category == category
    assert ticket.intake["phone"] == "+8613812345678"
    assert ticket.intake["callback_window"].startswith("18:00–21:00")
    assert "+8613812345678" in ticket.subject

    from walletdesk.tickets import outbox

    with django_capture_on_commit_callbacks(execute=True):
        outbox.send(ticket=ticket, author=agent, body="We called you; the withdrawal is released.")
    assert [m.to for m in mailoutbox] == [["alice@example.com"]]  # what was said on the call, in writing


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("phone", "12", "Enter a phone number we can call"),
        ("phone", "not a number", "Enter a phone number we can call"),
        ("window", "midnight", "Choose when we should call."),
        ("language", "fr", "Choose the language of the call."),
        ("body", "   ", "Tell us briefly what the call is about."),
        ("body", "x" * 2001, "Keep it under 2000 characters."),
    ],
)
def test_bad_input_is_named_and_what_was_typed_is_kept(signed_in, customer, field, value, says):
    data = {
        "phone": "+1 415 555 2671",
        "window": "asap",
        "language": "en",
        "body": "Please call me about KYC",
    }
    data[field] = value
    response = signed_in.post("/support/callback/", data, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 400 and says in page
    assert not Ticket.objects.filter(customer=customer).exists()
    if field != "body":
        assert "Please call me about KYC" in page  # the description survives the error


def test_a_seed_phrase_in_the_request_is_redacted(signed_in, customer):
    phrase = " ".join(["abandon"] * 11 + ["about"])
    signed_in.post(
        "/support/callback/",
        {
            "phone": "+44 20 7946 0958",
            "window": "asap",
            "language": "en",
            "body": f"my words are {phrase} help",
        },
    )
    ticket = Ticket.objects.get(customer=customer)
    assert "abandon abandon" not in ticket.messages.get().body and ticket.secret_leaks == 1


def test_asking_again_before_anyone_called_adds_to_the_waiting_request(signed_in, customer, agent):
    form = {"phone": "+44 7911 123456", "window": "asap", "language": "en", "body": "withdrawal stuck"}
    first = signed_in.post("/support/callback/", form)
    again = signed_in.post("/support/callback/", {**form, "phone": "+447911123456", "window": "evening",
                                                  "body": "still stuck, please call"})  # fmt: skip
    other_number = signed_in.post("/support/callback/", {**form, "phone": "+44 7911 123457"})

    assert first["Location"] == again["Location"] != other_number["Location"]
    waiting = Ticket.objects.get(customer=customer, intake__phone="+447911123456")
    bodies = list(waiting.messages.values_list("body", flat=True))
    assert bodies[0] == "withdrawal stuck" and bodies[1].startswith("still stuck, please call")
    assert "18:00–21:00" in bodies[1]

    from walletdesk.tickets import outbox

    outbox.send(ticket=waiting, author=agent, body="We called you.")  # answered: a new request is a new call
    after_call = signed_in.post("/support/callback/", form)
    assert after_call["Location"] != first["Location"]


def test_our_own_hotline_is_not_a_number_to_call_back(signed_in, customer):
    from walletdesk.verify.models import Brand, OfficialChannel

    brand = Brand.objects.create(name="DemoWallet")
    OfficialChannel.objects.create(brand=brand, kind="phone", value="+86 400 820 8820")
    response = signed_in.post(
        "/support/callback/",
        {"phone": "400-820-8820", "window": "asap", "language": "zh-hans", "body": "请回电"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "That is our own hotline" in response.content.decode()
    assert not Ticket.objects.filter(customer=customer).exists()

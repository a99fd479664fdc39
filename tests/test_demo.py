"""`walletdesk demo load` fills every app's demo data, and twice is the same as once."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_demo_load_fills_every_app_and_is_idempotent(capsys):
    from walletdesk.chat.models import CannedReply
    from walletdesk.helpcenter.models import Article
    from walletdesk.tickets.models import Category, Ticket
    from walletdesk.verify.models import OfficialChannel

    call_command("demo", "load")
    counts = (
        CannedReply.objects.count(),
        Article.objects.count(),
        Category.objects.count(),
        Ticket.objects.count(),
    )
    assert CannedReply.objects.filter(shortcut__isnull=False).exists()
    assert Article.objects.filter(locale="zh-hans").exists() and Article.objects.filter(locale="en").exists()
    assert Category.objects.count() == 10 and OfficialChannel.objects.exists()
    assert "agent-demo-pass" in capsys.readouterr().out

    call_command("demo", "load")
    assert (
        CannedReply.objects.count(),
        Article.objects.count(),
        Category.objects.count(),
        Ticket.objects.count(),
    ) == counts


def test_favicon_ico_points_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/core/favicon.svg"


def test_demo_load_gives_an_existing_theft_category_the_destination_address_field():
    """The theft checklist asks where the funds went: the form has a field for it, and a demo DB
    loaded before the field existed gets it on the next load (categories are upserted by slug)."""
    from walletdesk.tickets.models import Category

    call_command("demo", "load")
    theft = Category.objects.get(slug="account_theft")
    theft.intake_fields = [f for f in theft.intake_fields if f["key"] != "address"]
    theft.save()

    call_command("demo", "load")

    fields = {f["key"]: f for f in Category.objects.get(slug="account_theft").intake_fields}
    address = fields["address"]
    assert address["type"] == "text" and address["required"] is False
    assert (
        address["label_zh"] == "资金被转入的地址" and address["label_en"] == "Address your funds were sent to"
    )
    assert Category.objects.filter(slug="account_theft").count() == 1

"""The contacts page shows each channel's note in the page's language (label / label_zh)."""

import importlib

import pytest
from django.apps import apps

from walletdesk.verify.errors import RegistryInvalid
from walletdesk.verify.models import Brand, OfficialChannel
from walletdesk.verify.services import registry_import

pytestmark = pytest.mark.django_db


def test_chinese_page_shows_chinese_notes_and_english_page_english_ones(client, demo_registry):
    zh = client.get("/contact/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    en = client.get("/contact/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "官方网站" in zh and "Official website" not in zh and " / " not in zh.split("<tbody>")[1]
    assert "Official website" in en and "官方网站" not in en
    assert "客服热线 9:00-21:00" in zh and "China hotline 9:00-21:00" in en


def test_a_note_in_one_language_only_is_shown_on_both_pages(client, db):
    registry_import(
        data={
            "brand": "Solo",
            "channels": [
                {"kind": "website", "value": "https://solo.example", "label": "Main site"},
                {"kind": "email", "value": "help@solo.example", "label_zh": "客服邮箱"},
            ],
        }
    )
    for language in ("en", "zh-hans"):
        page = client.get("/contact/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert "Main site" in page and "客服邮箱" in page


@pytest.mark.parametrize("bad", [5, ["官方"], "长" * 201])
def test_registry_refuses_a_bad_chinese_label(db, bad):
    with pytest.raises(RegistryInvalid, match="label_zh"):
        registry_import(
            data={
                "brand": "Solo",
                "channels": [{"kind": "website", "value": "solo.example", "label_zh": bad}],
            }
        )
    assert not Brand.objects.exists()


def test_registry_export_and_api_carry_the_chinese_label(client, demo_registry):
    rows = client.get("/api/v1/official-channels").json()
    site = next(r for r in rows if r["value"] == "https://demowallet.com")
    assert (site["label"], site["label_zh"]) == ("Official website", "官方网站")


def test_migration_splits_only_unmistakable_english_chinese_labels(db):
    brand = Brand.objects.create(name="Old")
    rows = {
        "Official website / 官方网站": ("Official website", "官方网站"),
        "Buy/Sell": ("Buy/Sell", ""),
        "9:00 / 21:00": ("9:00 / 21:00", ""),
        "A / B / 中文": ("A / B / 中文", ""),
        "中文 / English": ("中文 / English", ""),
    }
    for i, label in enumerate(rows):
        OfficialChannel.objects.create(
            brand=brand, kind="website", value=f"https://o{i}.example", label=label
        )
    migration = importlib.import_module("walletdesk.verify.migrations.0003_channel_label_zh")
    migration.split_labels(apps, None)
    got = {c.value: (c.label, c.label_zh) for c in OfficialChannel.objects.all()}
    assert [got[f"https://o{i}.example"] for i in range(len(rows))] == list(rows.values())
    migration.join_labels(apps, None)
    assert OfficialChannel.objects.get(value="https://o0.example").label == "Official website / 官方网站"

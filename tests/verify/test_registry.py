"""`walletdesk registry import`: replaces one brand, leaves others, all-or-nothing, audited."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.verify.cases import DEMO, NEBULEX
from walletdesk.audit.models import AuditEntry
from walletdesk.verify.models import Brand, OfficialChannel
from walletdesk.verify.services import official_channels_list, registry_load_demo, value_verify

pytestmark = pytest.mark.django_db


def test_import_prints_count_and_verify_sees_it(registry_file, capsys):
    call_command("registry", "import", registry_file(NEBULEX))
    assert "Imported 8 channels for Nebulex." in capsys.readouterr().out
    assert value_verify(value="https://docs.nebulex.io/").verdict == "official"
    assert AuditEntry.objects.filter(action="verify.registry_import", target="brand:Nebulex").exists()


def test_import_replaces_that_brand_and_leaves_sister_brands(registry_file, demo_registry):
    call_command("registry", "import", registry_file(NEBULEX))
    smaller = {"brand": "nebulex", "channels": [{"kind": "website", "value": "nebulex.app", "label": "new"}]}
    call_command("registry", "import", registry_file(smaller, "second.json"))
    assert [c.value for c in official_channels_list(brand="Nebulex")] == ["nebulex.app"]
    assert len(official_channels_list(brand="DemoWallet")) == len(DEMO["channels"])
    assert value_verify(value="nebulex.io").verdict == "lookalike"  # no longer registered: another TLD
    assert value_verify(value="nebulex.app").verdict == "official"


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps([1, 2]), "JSON object"),
        (json.dumps({"channels": []}), '"brand"'),
        (json.dumps({"brand": "X", "channels": {}}), '"channels" must be a list'),
        (json.dumps({"brand": "X", "channels": [{"kind": "fax", "value": "1", "label": ""}]}), "kind 'fax'"),
        (json.dumps({"brand": "X", "channels": [{"kind": "website", "value": "", "label": ""}]}), '"value"'),
        (
            json.dumps({"brand": "X", "channels": [{"kind": "email", "value": "not-an-email", "label": ""}]}),
            "not an email",
        ),
        (json.dumps({"brand": "X", "channels": [{"kind": "phone", "value": "12", "label": ""}]}), "phone"),
    ],
)
def test_malformed_file_changes_nothing_and_fails_with_a_sentence(
    registry_file, demo_registry, content, sentence
):
    before = list(OfficialChannel.objects.values_list("brand__name", "kind", "value").order_by("id"))
    bad = {"brand": "DemoWallet", "channels": [{"kind": "website", "value": "ok.example.com", "label": ""}]}
    path = registry_file(content)
    with pytest.raises(CommandError, match=sentence):
        call_command("registry", "import", path)
    # A later bad channel in an otherwise good file must not leave a half-replaced brand either.
    bad["channels"].append({"kind": "telegram", "value": "", "label": ""})
    with pytest.raises(CommandError):
        call_command("registry", "import", registry_file(bad, "half.json"))
    after = list(OfficialChannel.objects.values_list("brand__name", "kind", "value").order_by("id"))
    assert after == before
    assert not Brand.objects.filter(name="X").exists()


def test_missing_file_is_a_sentence(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("registry", "import", str(tmp_path / "nope.json"))


def test_registry_load_demo_and_export(capsys):
    assert registry_load_demo() == len(DEMO["channels"])
    call_command("registry", "export", "--brand", "DemoWallet")
    exported = json.loads(capsys.readouterr().out)
    assert exported[0]["brand"] == "DemoWallet"
    assert {c["value"] for c in exported[0]["channels"]} == {c["value"] for c in DEMO["channels"]}


def test_contacts_list_filters_by_locale(demo_registry):
    en = {c.value for c in official_channels_list(locale="en")}
    zh = {c.value for c in official_channels_list(locale="zh-hans")}
    assert "@DemoWalletSupport" in en and "@DemoWalletSupport" not in zh
    assert "DemoWallet_CN" in zh and "DemoWallet_CN" not in en
    assert "https://demowallet.com" in en and "https://demowallet.com" in zh


def test_kind_spellings_and_missing_labels_are_accepted(registry_file, capsys):
    data = {
        "brand": "Fict",
        "channels": [
            {"kind": "Website", "value": "fict.example"},
            {"kind": "twitter", "value": "@Fict", "label": None},
            {"kind": "phone", "value": "+1-555-0100", "label": "fictional line"},
        ],
    }
    call_command("registry", "import", registry_file(data))
    assert "Imported 3 channels for Fict." in capsys.readouterr().out
    assert value_verify(value="x.com/fict").verdict == "official"


def test_a_bare_handle_is_official_only_on_its_platform_and_the_desks_own_mail_passes(
    demo_registry, settings
):
    x_handle = value_verify(value="@DemoWallet")  # DemoWallet's X account; on Telegram the name is anyone's

    assert x_handle.verdict == "official" and x_handle.kind == "x"
    assert "X (Twitter) only" in x_handle.reason and "@DemoWalletSupport" in x_handle.reason
    assert (
        "仅在 X（推特） 上是 DemoWallet 的官方账号" in x_handle.reason_zh
        and "Telegram 上名为 @DemoWallet 的账号不是" in x_handle.reason_zh
    )
    assert "official X (Twitter) account is @DemoWallet." in value_verify(value="@DemoWalletBot").reason
    on_telegram = value_verify(value="t.me/DemoWallet")
    assert on_telegram.verdict == "lookalike"
    # The address the desk's own mail comes from must not be called a look-alike by the desk's own check.
    assert value_verify(value=settings.DEFAULT_FROM_EMAIL).verdict == "official"

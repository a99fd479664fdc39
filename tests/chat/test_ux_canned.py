"""The starter canned replies: loaded through chat's own service, both languages, idempotent, and an
operator's own edit of a shortcut survives unless asked to overwrite."""

from io import StringIO

from django.core.management import call_command

from walletdesk.chat.models import CannedReply


def run(*args: str) -> str:
    out = StringIO()
    call_command("chat", *args, stdout=out)
    return out.getvalue()


def test_defaults_fill_an_empty_menu_in_both_languages(db, settings):
    from walletdesk.chat.management.canned import CANNED_DEFAULTS

    settings.BRAND_NAME = "AcmeWallet"
    assert f"added {len(CANNED_DEFAULTS)} canned replies" in run("canned", "defaults")
    replies = list(CannedReply.objects.all())
    assert len(replies) == len(CANNED_DEFAULTS) >= 8
    for reply in replies:
        assert reply.body_zh.strip() and reply.body_en.strip() and reply.title
        assert "{brand}" not in reply.body_zh + reply.body_en
        assert any("\u4e00" <= ch <= "\u9fff" for ch in reply.body_zh)
    seed = CannedReply.objects.get(shortcut="seed")
    assert "AcmeWallet" in seed.body_en and "助记词" in seed.body_zh
    assert "added 0 canned replies" in run("canned", "defaults")
    assert CannedReply.objects.count() == len(CANNED_DEFAULTS)


def test_an_operators_edit_is_kept_unless_overwrite(db):
    run("canned", "add", "hello", "--title", "Ours", "--zh", "您好！", "--en", "Hi!")
    run("canned", "defaults")
    assert CannedReply.objects.get(shortcut="hello").body_en == "Hi!"
    run("canned", "defaults", "--overwrite")
    assert CannedReply.objects.get(shortcut="hello").body_en != "Hi!"


def test_the_demo_hook_loads_them(db):
    from walletdesk.chat.management.canned import chat_demo_load

    assert chat_demo_load() == CannedReply.objects.count() >= 8
    assert chat_demo_load() == CannedReply.objects.count()

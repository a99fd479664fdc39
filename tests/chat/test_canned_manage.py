"""The supervisors' canned-reply page (/console/canned/): list, add, edit, delete through
chat.services; agents who are not supervisors get a 403 page, anonymous visitors the sign-in."""

import pytest

from walletdesk.chat.models import CannedReply
from walletdesk.chat.services import canned_reply_upsert

pytestmark = pytest.mark.django_db


@pytest.fixture
def console(client, settings):
    settings.WALLETDESK_REQUIRE_2FA = False

    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def test_a_supervisor_adds_edits_and_deletes_a_canned_reply(console, supervisor):
    client = console(supervisor)
    form = {
        "shortcut": "kyc",
        "title_zh": "身份认证",
        "title_en": "Identity check",
        "body_zh": "{customer_name}您好，请上传证件。",
        "body_en": "Hello {customer_name}, please upload your ID.",
    }
    response = client.post("/console/canned/", form)
    assert response.status_code == 302 and response["Location"] == "/console/canned/?saved=kyc"
    reply = CannedReply.objects.get(shortcut="kyc")
    assert reply.title == "身份认证 / Identity check" and reply.body_en.startswith("Hello {customer_name}")

    page = client.get("/console/canned/kyc/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'value="Identity check"' in page and "Edit /kyc" in page
    edited = client.post(
        "/console/canned/kyc/", {**form, "shortcut": "renamed", "body_en": "Please upload your ID."}
    )
    assert edited.status_code == 302
    assert CannedReply.objects.get(shortcut="kyc").body_en == "Please upload your ID."
    assert not CannedReply.objects.filter(shortcut="renamed").exists()  # the shortcut is the key

    assert client.post("/console/canned/kyc/delete/").status_code == 302
    assert not CannedReply.objects.filter(shortcut="kyc").exists()
    assert client.post("/console/canned/kyc/delete/").status_code == 302  # twice: already gone


def test_a_refused_form_keeps_what_was_typed_and_says_why_in_chinese(console, supervisor):
    client = console(supervisor)
    response = client.post(
        "/console/canned/",
        {"shortcut": "Bad Name!", "title_zh": "标题", "title_en": "", "body_zh": "正文", "body_en": " "},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    page = response.content.decode()
    assert response.status_code == 400 and "1–40 个小写字母" in page and "正文" in page
    assert "新建快捷回复" in page and "客服插入回复时会自动填入" in page
    assert CannedReply.objects.count() == 0


def test_the_list_shows_titles_in_the_consoles_language_escaped(console, supervisor):
    canned_reply_upsert(
        shortcut="x", title="问候 / <b>Greeting</b>", body_zh="中文", body_en="<script>1</script>"
    )
    client = console(supervisor)
    page = client.get("/console/canned/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "&lt;b&gt;Greeting&lt;/b&gt;" in page and "<script>1" not in page
    assert "问候" in client.get("/console/canned/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()


def test_agents_who_are_not_supervisors_are_refused(console, agent):
    canned_reply_upsert(shortcut="x", title="t", body_zh="中文", body_en="en")
    client = console(agent)
    response = client.get("/console/canned/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403 and "Only supervisors" in response.content.decode()
    assert client.post("/console/canned/x/delete/").status_code == 403
    assert CannedReply.objects.filter(shortcut="x").exists()


def test_anonymous_visitors_and_outsiders_go_to_sign_in(client, console, outsider):
    assert client.get("/console/canned/").status_code == 302
    assert console(outsider).post("/console/canned/", {"shortcut": "x"}).status_code == 302
    assert CannedReply.objects.count() == 0


def test_an_unknown_shortcut_is_404(console, supervisor):
    assert console(supervisor).get("/console/canned/nope/").status_code == 404


NEW = {"title_zh": "问候", "title_en": "Greeting", "body_zh": "新的中文", "body_en": "New English"}


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", '/hello already exists ("问候 / Greeting")'), ("zh-hans", "/hello 已存在（“问候 / Greeting”）")],
)
def test_adding_an_existing_shortcut_is_refused_and_the_reply_kept(console, supervisor, language, says):
    canned_reply_upsert(shortcut="hello", title="问候 / Greeting", body_zh="您好", body_en="Hello")
    client = console(supervisor)
    response = client.post("/console/canned/", {**NEW, "shortcut": "Hello "}, HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert response.status_code == 400 and says in page and 'href="/console/canned/hello/"' in page
    assert "新的中文" in page and "New English" in page  # what was typed is kept
    assert CannedReply.objects.get(shortcut="hello").body_en == "Hello"
    # Editing that reply is still the way to change it.
    assert client.post("/console/canned/hello/", {**NEW, "shortcut": "hello"}).status_code == 302
    assert CannedReply.objects.get(shortcut="hello").body_en == "New English"


def test_delete_asks_first_and_only_a_post_deletes(console, supervisor):
    canned_reply_upsert(shortcut="bye", title="结束语 / Goodbye", body_zh="再见", body_en="Bye")
    client = console(supervisor)
    listing = client.get("/console/canned/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        'href="/console/canned/bye/delete/"' in listing
        and 'action="/console/canned/bye/delete/"' not in listing
    )
    for language, question, cancel in [("en", "Delete /bye?", "Cancel"), ("zh-hans", "删除 /bye？", "取消")]:
        page = client.get("/console/canned/bye/delete/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert question in page and cancel in page and 'action="/console/canned/bye/delete/"' in page
        assert 'name="csrfmiddlewaretoken"' in page
    assert CannedReply.objects.filter(shortcut="bye").exists()  # asking deleted nothing
    assert client.post("/console/canned/bye/delete/").status_code == 302
    assert not CannedReply.objects.filter(shortcut="bye").exists()
    # The question for a reply deleted meanwhile (another tab) goes back to the list.
    assert client.get("/console/canned/bye/delete/")["Location"] == "/console/canned/?deleted=bye"


def test_the_delete_form_needs_the_csrf_token(supervisor):
    from django.test import Client

    canned_reply_upsert(shortcut="bye", title="t", body_zh="再见", body_en="Bye")
    client = Client(enforce_csrf_checks=True)
    client.force_login(supervisor)
    assert client.post("/console/canned/bye/delete/").status_code == 403
    assert CannedReply.objects.filter(shortcut="bye").exists()


@pytest.mark.parametrize(
    ("language", "too_long", "title_long"),
    [
        (
            "en",
            "Each reply is at most 5000 characters; the Chinese one has 2, the English one 100000.",
            'The two titles together are at most 120 characters (with " / " between them); these have 143.',
        ),
        (
            "zh-hans",
            "每条回复最多 5000 个字符；中文回复有 2 个，英文回复有 100000 个。",
            "两个标题合计最多 120 个字符（含中间的“ / ”）；现在有 143 个。",
        ),
    ],
)
def test_limits_are_form_errors(console, supervisor, language, too_long, title_long):
    client = console(supervisor)
    form = {
        "shortcut": "long",
        "title_zh": "标题",
        "title_en": "Title",
        "body_zh": "中文",
        "body_en": "x" * 100_000,
    }
    response = client.post("/console/canned/", form, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400 and too_long in response.content.decode()
    form = {**form, "title_zh": "长" * 70, "title_en": "T" * 70, "body_en": "x" * 5000}
    response = client.post("/console/canned/", form, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400 and title_long in response.content.decode()
    assert CannedReply.objects.count() == 0
    form["title_zh"], form["title_en"] = "标题", "Title"
    assert client.post("/console/canned/", form).status_code == 302  # 5,000 exactly is fine


SEED = "legal winner thank year wave sausage worth useful legal winner thank yellow"  # a valid checksum


def test_a_pasted_recovery_phrase_is_not_stored(console, supervisor):
    client = console(supervisor)
    form = {**NEW, "shortcut": "oops", "body_en": f"Your words: {SEED}", "body_zh": f"助记词 {SEED}"}
    response = client.post("/console/canned/", form)
    assert response["Location"] == "/console/canned/?saved=oops&redacted=1"
    reply = CannedReply.objects.get(shortcut="oops")
    assert "sausage" not in reply.body_en and "sausage" not in reply.body_zh
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "replaced by a marker" in page and "sausage" not in page
    clean = client.post("/console/canned/", {**NEW, "shortcut": "fine"})
    assert clean["Location"] == "/console/canned/?saved=fine"


def test_the_page_fits_a_phone(console, supervisor):
    # The reply preview is hidden below 600 px and cells wrap (the browser test measures the width).
    page = console(supervisor).get("/console/canned/").content.decode()
    assert "chat/console-canned" in page and "white-space:nowrap" not in page


@pytest.mark.parametrize(("language", "label"), [("zh-hans", "快捷回复"), ("en", "Canned replies")])
def test_supervisors_have_a_menu_link_in_both_console_layouts(console, supervisor, agent, language, label):
    from tests.tickets.test_console_layout import (
        test_the_jinja_layout_renders_as_the_django_console_layout as same,
    )

    same(supervisor, language)  # the Jinja copy (ticket page) renders the link as the Django layout does
    link = f'<a href="/console/reports/">{"报表" if language == "zh-hans" else "Reports"}</a>'
    link += f'\n    <a href="/console/canned/">{label}</a>'
    page = console(supervisor).get("/console/canned/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert link in page
    page = console(agent).get("/console/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert 'href="/console/canned/"' not in page

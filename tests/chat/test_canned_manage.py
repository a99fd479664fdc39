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

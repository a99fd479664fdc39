"""What a customer met on Verify and the anti-phishing page in the new-user walk-through (zh and en)."""

import pytest

from walletdesk.verify.models import PhishingReport

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "joint"),
    [("en", "official channels. Asked to send funds"), ("zh-hans", "官方渠道。有人让您向某个地址转账")],
)
def test_the_intro_reads_as_one_paragraph(client, language, joint):
    page = client.get("/verify/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    intro = page.split('id="verify-intro">')[1].split("</p>")[0]
    assert joint in intro.replace("\n", "")


@pytest.mark.parametrize(
    ("language", "heading", "thanks"),
    [("en", "Look-alike", "Thank you."), ("zh-hans", "仿冒", "谢谢")],
)
def test_after_a_report_the_answer_stays_and_the_form_goes(client, demo_registry, language, heading, thanks):
    page = client.post(
        "/verify/",
        {"action": "report", "value": "demowallet-gift.com", "note": "Telegram"},
        HTTP_ACCEPT_LANGUAGE=language,
    ).content.decode()
    assert PhishingReport.objects.count() == 1
    assert heading in page.split('id="verdict"')[1] and thanks in page
    assert 'name="note"' not in page  # not a second report of the same thing


@pytest.mark.parametrize(
    ("language", "rule"),
    [("en", "4 to 20 letters or digits, no spaces"), ("zh-hans", "4 到 20 位字母或数字，不含空格")],
)
def test_the_anti_phishing_code_box_says_its_rule(client, customer, language, rule):
    session = client.session
    session["wd_customer_id"] = customer.pk
    session.save()
    page = client.get("/verify/anti-phishing/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    box = page.split('id="ap-code"')[1].split(">")[0]
    assert 'type="text"' in box and f'title="{rule}"' in box
    assert rule in page.split('id="ap-code-rule">')[1]


def test_a_rate_limited_check_says_when_to_try_again(client, demo_registry, settings):
    settings.WALLETDESK_RATE_LIMIT_ENABLED = True
    settings.WALLETDESK_RATE_LIMIT_PUBLIC = 2
    codes = [client.post("/verify/", {"value": "demowallet.com"}) for _ in range(3)]
    assert [r.status_code for r in codes] == [200, 200, 429]
    assert int(codes[-1]["Retry-After"]) > 0

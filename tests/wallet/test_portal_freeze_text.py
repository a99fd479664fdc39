"""The freeze page's notices read as one paragraph: Chinese sentences run on, English ones keep a space."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation


@pytest.mark.parametrize(
    ("state", "language", "joint"),
    [
        ("frozen", "zh-hans", "您的账户已冻结。</strong>现在"),
        ("frozen", "en", "Your account is frozen.</strong> No withdrawal"),
        ("already_frozen", "zh-hans", "冻结状态。</strong>您无需"),
        ("manual", "en", "right now.</strong> Support has been alerted"),
    ],
)
def test_the_freeze_result_reads_as_one_paragraph(state, language, joint):
    result = SimpleNamespace(state=state, ticket=SimpleNamespace(pk=1, reference="WD-10001"))
    request = RequestFactory().get("/support/account/freeze/")
    with translation.override(language):
        page = render_to_string(
            "wallet/portal_freeze.html", {"result": result, "help_url": "/help/"}, request
        )
    notice = page.split('id="freeze-result"')[1].split("</div>")[0]
    assert joint in notice

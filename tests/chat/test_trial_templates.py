"""Django's {# #} comment is one line only: one spread over lines is printed on the page (the canned
replies page showed its note about maxlength to supervisors)."""

import re
from pathlib import Path

import pytest
from django.test import Client

import walletdesk

DJANGO_TEMPLATES = [
    p for p in Path(walletdesk.__file__).parent.rglob("templates/**/*.html") if "jinja2" not in p.parts
]


def test_no_django_template_has_a_comment_over_several_lines() -> None:
    spread = [
        f"{path.name}:{text[: m.start()].count(chr(10)) + 1}"
        for path in DJANGO_TEMPLATES
        for text in [path.read_text(encoding="utf-8")]
        for m in re.finditer(r"\{#(.*?)#\}", text, re.S)
        if "\n" in m.group(1)
    ]
    assert DJANGO_TEMPLATES and spread == []


@pytest.mark.django_db
def test_the_canned_page_does_not_show_its_template_comment(supervisor, settings) -> None:
    settings.WALLETDESK_REQUIRE_2FA = False
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(supervisor)

    html = client.get("/console/canned/").content.decode()

    assert 'id="canned-form"' in html
    assert "maxlength on the fields" not in html and "{#" not in html

"""core.i18n.site_language: the one rule from a language code to the site's two languages."""

import pytest
from django.utils import translation

from walletdesk.core.i18n import site_language


@pytest.mark.parametrize(
    ("code", "language"),
    [("en", "en"), ("en-us", "en"), ("EN-GB", "en"), ("zh-hans", "zh-hans"), ("zh-hant", "zh-hans"),
     ("fr", "zh-hans"), ("", "zh-hans")],
)  # fmt: skip
def test_any_english_is_en_and_everything_else_the_default_chinese(code, language):
    assert site_language(code) == language


def test_by_default_the_active_language():
    with translation.override("en"):
        assert site_language() == "en"
    with translation.override("zh-hans"):
        assert site_language() == "zh-hans"
    with translation.override(None):
        assert site_language() == "zh-hans"

"""Plain-text messages skip markdown-it: the HTML must be exactly what markdown-it would give."""

import random

import nh3
import pytest

from walletdesk.core import markdown
from walletdesk.core.markdown import _plain_paragraphs, markdown_render


def _through_markdown_it(text: str) -> str:
    return nh3.clean(
        markdown._md.render(text),
        tags=markdown._ALLOWED_TAGS,
        attributes=markdown._ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


PLAIN = [
    "I was charged twice for the same purchase yesterday. 昨天同一笔消费被扣了两次款。Please help me.",
    "first line\nsecond line\n\n\nnew paragraph",
    'he said "hi", it\'s 10:30 (UTC)! e-mail: a.b@example.com? 100% sure; x=y',
    "\n\nleading and trailing blank lines\n\n",
    "",
    "USDT-TRC20 0x52908400098527886E0F7030069857D2E4169EE7 没到账 😀",
]
MARKDOWN = [
    "**bold**",
    "1. one\n2. two",
    "a\n1. b",
    "- item",
    "# title",
    "text\n===",
    "    code",
    "a  \nb",
    "<b>x</b>",
    "x & y",
    "a\r\nb",
    "tab\there",
    "> quote",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "[link](http://x.y)",
    "`code`",
    "~~gone~~",
    "line \nnext",
    "\u3000全角空格开头",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_takes_the_short_way_with_the_same_html(text):
    assert _plain_paragraphs(text) is not None
    assert markdown_render(text) == _through_markdown_it(text)


@pytest.mark.parametrize("text", MARKDOWN)
def test_anything_markdown_could_read_goes_to_markdown_it(text):
    assert _plain_paragraphs(text) is None
    assert markdown_render(text) == _through_markdown_it(text)


def test_generated_texts_render_as_markdown_it_renders_them():
    """Random texts over an alphabet rich in Markdown's characters and in line breaks."""
    rng = random.Random(20261126)
    alphabet = list("abc xyz ABC 019 .,;:!?'\"()/%@ 中文退款。、 😀") + list(
        "\\`*_[]<>&~|#=+->\n\n\n\t\r\u3000\xa0 "
    )
    short_way = 0
    for _ in range(8000):
        if rng.random() < 0.5:  # mostly plain: exercise the short way as much as the long one
            pool = [c for c in alphabet if c not in "\\`*_[]<>&~|#=+->\t\r"]
        else:
            pool = alphabet
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        short_way += _plain_paragraphs(text) is not None
        assert markdown_render(text) == _through_markdown_it(text), repr(text)
    assert short_way > 900


def test_a_remote_image_is_shown_as_a_link_and_a_local_one_as_an_image():
    html = markdown_render("scan ![pay here](https://evil.example/qr.png) or ![](/media/attachments/a.png)")

    assert "<img" in html and 'src="/media/attachments/a.png"' in html
    assert 'src="https://evil.example' not in html and "//evil.example/qr.png" not in html.split("<img")[1]
    assert (
        '<a href="https://evil.example/qr.png" rel="noopener noreferrer nofollow">pay here (https://evil.example/qr.png)</a>'
        in html
    )
    protocol_relative = markdown_render("![x](//evil.example/t.gif)")
    assert "<img" not in protocol_relative
    hostile = markdown_render('![<script>alert(1)</script>](https://a.example/"onerror="x)')
    assert "<script>" not in hostile and "<img" not in hostile

"""What the customer wrote, without the quoted conversation and signature (clients in zh and en)."""

from __future__ import annotations

import pytest

from walletdesk.channels_email.text import html_text, reply_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # QQ Mail / Foxmail / 163
        ("好的，谢谢。\n\n在 2026年11月27日 10:02，Support <s@x.com> 写道：\n> 您好\n", "好的，谢谢。"),
        ('已提供。\n\n在 2026-11-27 10:02:33，"Support" <s@x.com> 写道：\n>您好\n', "已提供。"),
        ('好的\n\n------------------ 原始邮件 ------------------\n发件人: "S"<s@x.com>;\n', "好的"),
        # Gmail in Chinese, also wrapped and without a blank line above
        ("谢谢\n\nSupport <s@x.com> 于2026年11月27日周五 10:02写道：\n\n> 您好\n", "谢谢"),
        ("谢谢\nSupport <s@x.com> 于2026年11月27日周五\n10:02写道：\n> 您好\n", "谢谢"),
        # Gmail / Apple Mail in English, wrapped
        ("Here\n\nOn Fri, Nov 27, 2026 at 10:02 AM Support <\ns@x.com> wrote:\n> hi\n", "Here"),
        # Outlook (en, zh)
        (
            "Done.\n\n________________________________\nFrom: S <s@x.com>\nSent: Friday\nTo: me\n\nHello\n",
            "Done.",
        ),
        ("见附件\n\n发件人: S <s@x.com>\n发送时间: 2026年11月27日 10:02\n收件人: me\n\n您好\n", "见附件"),
        # Signatures and phones
        ("My withdrawal is stuck.\n\n-- \nJohn Doe\nCEO\n", "My withdrawal is stuck."),
        ("我的提现卡住了。\n\n发自我的iPhone\n", "我的提现卡住了。"),
        # Kept as written
        ("Hello\n\n- one\n- two\n\nThanks", "Hello\n\n- one\n- two\n\nThanks"),
        (
            "> what is your tx?\n0xabc\n> and the network?\nTRON",
            "> what is your tx?\n0xabc\n> and the network?\nTRON",
        ),
        (
            "I sent it on\n2026-11-27 and it wrote:\nnothing",
            "I sent it on\n2026-11-27 and it wrote:\nnothing",
        ),
        ("> only a quote\n", "> only a quote"),  # never emptied
    ],
)
def test_reply_text(text, expected):
    assert reply_text(text) == expected


def test_html_becomes_text_without_markup_scripts_or_hidden_links():
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body><div>Hello&nbsp;<b>there</b>,<br>"
        'see <a href="https://evil.example/x">https://etherscan.io/tx/1</a></div><script>alert(1)</script>'
        "<ul><li>one</li><li>two</li></ul><img src=https://tracker.example/p.gif onerror=alert(1)>"
        "<blockquote>quoted</blockquote></body></html>"
    )
    assert html_text(html) == (
        "Hello there,\nsee https://etherscan.io/tx/1 (https://evil.example/x)\n\n- one\n- two\n\n> quoted"
    )

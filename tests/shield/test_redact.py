"""Redaction, markers, JSON payloads, the customer warning and the canary helpers."""

from __future__ import annotations

import logging

from walletdesk.shield.logging import RedactSecretsFilter
from walletdesk.shield.services import (
    data_redact,
    four_word_windows,
    phrase_leaks,
    text_redact,
    warning_message,
)

PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"
KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"


def test_redaction_keeps_the_rest_and_reports_offsets_in_the_original() -> None:
    text = f"Hi! Seed: {PHRASE}. Also key {KEY} ok"
    redaction = text_redact(text=text, locale="en")
    assert redaction.text == "Hi! Seed: [seed phrase removed]. Also key [private key removed] ok"
    assert [(f.kind, text[f.start : f.end]) for f in redaction.findings] == [
        ("mnemonic", PHRASE),
        ("private_key", KEY),
    ]
    assert redaction.counts == {"mnemonic": 1, "private_key": 1}
    assert PHRASE not in repr(redaction.findings) and KEY not in repr(redaction.findings)


def test_marker_follows_locale_or_the_texts_language() -> None:
    assert text_redact(text=f"私钥 {KEY}", locale="zh-hans").text == "私钥 [已隐藏私钥]"
    assert text_redact(text=f"私钥 {KEY}").text == "私钥 [已隐藏私钥]"
    assert text_redact(text=f"key {KEY}").text == "key [private key removed]"


def test_clean_text_is_returned_unchanged_and_redaction_is_idempotent() -> None:
    clean = (
        "充值没到账，订单号 2023110512345678，请帮忙查一下 https://tronscan.org/#/transaction/" + "ab" * 32
    )
    assert text_redact(text=clean).text == clean
    once = text_redact(text=f"{PHRASE}\n{PHRASE}").text
    assert text_redact(text=once).text == once


def test_data_redact_walks_nested_payloads() -> None:
    payload = {"ticket": {"subject": f"help {KEY}", "messages": [{"body": PHRASE}, 3, None, True]}, "n": 1.5}
    redacted = data_redact(data=payload, locale="en")
    assert redacted == {
        "ticket": {
            "subject": "help [private key removed]",
            "messages": [{"body": "[seed phrase removed]"}, 3, None, True],
        },
        "n": 1.5,
    }
    assert payload["ticket"]["subject"].endswith(KEY)  # the input is not modified


def test_warning_message_in_both_languages_links_the_theft_report(settings) -> None:
    settings.SITE_URL = "https://help.example.com"
    zh, en = warning_message(locale="zh-hans"), warning_message(locale="en")
    for message in (zh, en):
        assert "https://help.example.com/support/new/?category=account_theft" in message
    assert "助记词" in zh and "新钱包" in zh
    assert "never ask" in en and "seed phrase" in en and "new wallet" in en


def test_the_warnings_theft_report_link_is_a_real_link_in_both_languages(settings) -> None:
    from walletdesk.shield.services import warning_html

    settings.SITE_URL = "https://help.example.com"
    href = 'href="https://help.example.com/support/new/?category=account_theft"'
    for locale, label in (("zh-hans", "提交账户被盗报告</a>"), ("en", "report a stolen account</a>")):
        html = warning_html(locale=locale)
        assert f"<a {href}" in html and label in html and 'rel="noopener noreferrer nofollow"' in html
        assert "<script" not in html


def test_four_word_windows_and_leak_search() -> None:
    windows = four_word_windows(PHRASE)
    assert windows[0] == "legal winner thank year" and len(windows) == 9
    assert four_word_windows("的一是在不") == ["的一是在", "一是在不"]
    assert phrase_leaks(haystack='{"body": "LEGAL\\nwinner, thank year"}', phrase=PHRASE) == [
        "legal winner thank year"
    ]
    assert phrase_leaks(haystack=text_redact(text=PHRASE).text, phrase=PHRASE) == []


def test_logging_filter_redacts_messages_args_and_tracebacks() -> None:
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "inbound %s", (PHRASE,), None)
    try:
        raise ValueError(f"cannot parse {KEY}")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert RedactSecretsFilter().filter(record) is True
    line = logging.Formatter().format(record)
    assert PHRASE not in line and KEY not in line
    assert "inbound [seed phrase removed]" in line and "ValueError" in line


def test_logging_filter_leaves_ordinary_records_alone() -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "user %s logged in", ("42",), None)
    assert RedactSecretsFilter().filter(record) is True
    assert record.args == ("42",) and record.getMessage() == "user 42 logged in"


def test_agent_banner_and_template_tags_speak_the_active_language() -> None:
    from django.template import Context, Template
    from django.utils import translation

    from walletdesk.shield.services import agent_banner

    assert "seed phrase × 2" in agent_banner(counts={"mnemonic": 2}, locale="en")
    assert "助记词 × 1、私钥 × 1" in agent_banner(counts={"mnemonic": 1, "private_key": 1}, locale="zh-hans")
    page = Template("{% load shield_tags %}{% shield_agent_banner counts %}|{% shield_customer_warning %}")
    with translation.override("en"):
        html = page.render(Context({"counts": {"private_key": 1}}))
    assert html.count('class="notice bad"') == 2 and "private key × 1" in html
    assert 'href="' in html and "category=account_theft" in html
    assert Template("{% load shield_tags %}{% shield_agent_banner None %}").render(Context()).strip() == ""

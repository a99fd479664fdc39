"""Server error texts in the customer's language, whatever language the raising thread had."""

from django.utils import translation

from walletdesk.chat.errors import ConversationNotLive, error_message
from walletdesk.tickets.errors import IntakeInvalid, MessageTooLong


def test_an_error_raised_under_the_site_default_speaks_the_widgets_language():
    with translation.override("zh-hans"):
        exc = MessageTooLong()
    assert "消息过长" in exc.message
    assert error_message(exc, "en") == "The message is too long (20,000 characters at most)."
    assert "消息过长" in error_message(exc, "zh-hans")


def test_other_apps_and_chat_errors_alike():
    with translation.override("en"):
        intake, ended = IntakeInvalid(fields={"txid": "required"}), ConversationNotLive()
    assert error_message(intake, "zh-hans") == "部分必填信息缺失或无效。"
    assert error_message(ended, "zh-hans") == "此会话已结束。"


def test_a_message_written_by_the_raiser_is_kept():
    exc = ConversationNotLive("Chat 42 was closed by a supervisor.")
    assert error_message(exc, "zh-hans") == "Chat 42 was closed by a supervisor."

"""The bot token never reaches a log line.

It is in every Bot API URL, and code outside this app logs URLs (urllib3 at DEBUG: `"POST
/bot123:AA.../getUpdates HTTP/1.1" 200`). A filter on the handlers of settings.LOGGING would miss
handlers added later (gunicorn's, a test's), so the token is taken out where every record is made:
the log record factory, which runs only for records a logger is about to emit.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings

REPLACEMENT = "<bot-token>"


def _redact(record: logging.LogRecord) -> None:
    token = getattr(settings, "WALLETDESK_TELEGRAM_BOT_TOKEN", "")
    if not token:
        return
    try:
        message = record.getMessage()
    except Exception:  # a broken format string is the caller's bug; it prints as it would have
        message = str(record.msg)
    if token in message:
        record.msg = message.replace(token, REPLACEMENT)
        record.args = None
    if record.exc_info and not record.exc_text:
        # Formatter.format() reuses exc_text when it is set, so the raw traceback never prints.
        text = logging.Formatter().formatException(record.exc_info)
        if token in text:
            record.exc_text = text.replace(token, REPLACEMENT)
    if record.stack_info and token in record.stack_info:
        record.stack_info = record.stack_info.replace(token, REPLACEMENT)


def token_redaction_install() -> None:
    """Wrap the current record factory once per process (AppConfig.ready may run again in tests)."""
    current = logging.getLogRecordFactory()
    if getattr(current, "telegram_token_redaction", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = current(*args, **kwargs)
        _redact(record)
        return record

    factory.telegram_token_redaction = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)

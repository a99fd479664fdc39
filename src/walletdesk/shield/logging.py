"""A logging filter: nothing secret reaches a log line."""

from __future__ import annotations

import logging


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        from walletdesk.shield.services import text_redact

        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logger's bug, not ours to hide
            return True
        redacted = text_redact(text=message).text
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True

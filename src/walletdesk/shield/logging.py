"""A logging filter: nothing secret reaches a log line.

Every record passes through it (settings.LOGGING), so the common case must cost little: a
message shorter than the shortest secret is let through untouched, and text_redact itself
dismisses ordinary text with C-speed prefilters. Tracebacks are redacted too: an exception
message can quote the input that caused it.
"""

from __future__ import annotations

import logging

# No secret is shorter than a 12-character Chinese phrase.
_SHORTEST_SECRET = 12


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        from walletdesk.shield.services import text_redact

        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logger's bug, not ours to hide
            return True
        if len(message) >= _SHORTEST_SECRET:
            redacted = text_redact(text=message).text
            if redacted != message:
                record.msg = redacted
                record.args = None
        if record.exc_info and not record.exc_text:
            # Formatter.format() reuses exc_text when it is set, so the raw traceback never prints.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = text_redact(text=record.exc_text).text
        if record.stack_info:
            record.stack_info = text_redact(text=record.stack_info).text
        return True

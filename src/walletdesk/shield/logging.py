"""A logging filter: nothing secret reaches a log line.

Every record passes through it (settings.LOGGING), so the common case must cost little: a
message shorter than the shortest secret is let through untouched, and text_redact itself
dismisses ordinary text with C-speed prefilters. Tracebacks are redacted too: an exception
message can quote the input that caused it.
"""

from __future__ import annotations

import logging
from urllib.parse import unquote_plus

# No secret is shorter than a 12-character Chinese phrase.
_SHORTEST_SECRET = 12


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        from walletdesk.core.logging import record_rewrite
        from walletdesk.shield.services import text_redact

        def redact(text: str) -> str:
            if len(text) < _SHORTEST_SECRET:
                return text
            redacted = text_redact(text=text).text
            if redacted == text and ("%" in text or "+" in text):
                # An address's query is URL-encoded ("legal+winner+thank…"): read it decoded too.
                decoded = unquote_plus(text)
                if decoded != text and (decoded_redacted := text_redact(text=decoded).text) != decoded:
                    return decoded_redacted
            return redacted

        record_rewrite(record, redact)
        if record.exc_info and not record.exc_text:
            # Formatter.format() reuses exc_text when it is set, so the raw traceback never prints.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = text_redact(text=record.exc_text).text
        if record.stack_info:
            record.stack_info = text_redact(text=record.stack_info).text
        return True

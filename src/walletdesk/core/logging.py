"""Access logs print every request's address, and some addresses carry a credential: the wallet's
sign-in token (/support/login/?token=…), an emailed one-time link (/support/login/link/<code>/).
Anyone who reads the log could sign in as that customer while the credential lives, so the value is
replaced before the line is written."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

_QUERY_CREDENTIAL = re.compile(
    r"(?P<name>[?&](?:token|access_token|id_token|code|key|secret|password|signature)=)[^&#\s\"']+",
    re.IGNORECASE,
)
_PATH_CREDENTIAL = re.compile(r"(?P<name>/support/login/link/)[^/?#\s\"']+")
REDACTED = "[redacted]"


def url_credentials_redact(text: str) -> str:
    if "=" not in text and "/login/link/" not in text:
        return text
    text = _QUERY_CREDENTIAL.sub(rf"\g<name>{REDACTED}", text)
    return _PATH_CREDENTIAL.sub(rf"\g<name>{REDACTED}", text)


def record_rewrite(record: logging.LogRecord, rewrite: Callable[[str], str]) -> None:
    """Apply `rewrite` to what the record will print. Arguments are rewritten in place rather than
    folded into the message: uvicorn's access formatter reads (client, method, path, …) from
    record.args."""
    if isinstance(record.args, tuple) or not record.args:
        if isinstance(record.msg, str):
            record.msg = rewrite(record.msg)
        if record.args:
            record.args = tuple(rewrite(a) if isinstance(a, str) else a for a in record.args)
    else:  # a mapping or other arguments: the printed message as a whole
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logger's bug, not ours to hide
            return
        rewritten = rewrite(message)
        if rewritten != message:
            record.msg, record.args = rewritten, None


class UrlCredentialsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record_rewrite(record, url_credentials_redact)
        return True


def uvicorn_log_config() -> dict:
    """uvicorn's own logging set-up with the shield and the credentials filter on both handlers."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {
        "shield": {"()": "walletdesk.shield.logging.RedactSecretsFilter"},
        "credentials": {"()": "walletdesk.core.logging.UrlCredentialsFilter"},
    }
    for handler in config["handlers"].values():
        handler["filters"] = ["credentials", "shield"]
    return config

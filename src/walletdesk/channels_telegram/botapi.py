"""A small client of Telegram's Bot API (https://core.telegram.org/bots/api), over HTTPS with requests.

Every method is `POST {base}/bot{token}/{method}` with a JSON body, answered by
`{"ok": true, "result": ...}` or `{"ok": false, "error_code": int, "description": str,
"parameters": {"retry_after": int, "migrate_to_chat_id": int}}`; a file is fetched with
`GET {base}/file/bot{token}/{file_path}` after getFile. The base is WALLETDESK_TELEGRAM_API_BASE
(https://api.telegram.org, or a local Bot API server, or the tests' stand-in).

The token is part of every URL, and requests quotes the URL in its exceptions ("Max retries
exceeded with url: /bot123:AA.../sendMessage"): this module never puts a URL in a message, and
replaces requests' exceptions with its own, whose text names the method only (`from None`, so
a logged traceback does not print the original either). channels_telegram.logging redacts the
token from every log record besides, for what other code (urllib3's debug lines) might log.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import requests
from django.conf import settings

TIMEOUT_SECONDS = 10
UPLOAD_TIMEOUT_SECONDS = 60
# Bots can download files of up to 20 MB (getFile).
DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024


class TelegramError(Exception):
    """Telegram answered `ok: false`: `error_code` and `description` are Telegram's own."""

    def __init__(self, method: str, error_code: int, description: str, retry_after: int | None = None):
        self.method = method
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after
        super().__init__(f"{method}: {error_code} {description}")

    @property
    def transient(self) -> bool:
        """Worth trying again later: flood control or Telegram's own trouble."""
        return self.error_code == 429 or self.error_code >= 500


class TelegramUnreachable(Exception):
    """No answer from the Bot API (connection refused, timeout, TLS) or not Telegram's JSON."""


class FileTooLarge(Exception):
    pass


def token_redact(text: str, token: str | None = None) -> str:
    token = settings.WALLETDESK_TELEGRAM_BOT_TOKEN if token is None else token
    return text.replace(token, "<bot-token>") if token else text


class BotApi:
    def __init__(self, token: str | None = None, base: str | None = None) -> None:
        self.token = settings.WALLETDESK_TELEGRAM_BOT_TOKEN if token is None else token
        self.base = (base or settings.WALLETDESK_TELEGRAM_API_BASE).rstrip("/")

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, timeout: float = TIMEOUT_SECONDS
    ) -> Any:
        """The method's `result`; TelegramError when Telegram refused, TelegramUnreachable otherwise."""
        body = {key: value for key, value in (params or {}).items() if value is not None}
        try:
            response = _session().post(f"{self.base}/bot{self.token}/{method}", json=body, timeout=timeout)
        except requests.RequestException as exc:
            raise TelegramUnreachable(f"{method}: {_reason(exc, self.token)}") from None
        return self._result(method, response)

    def upload(
        self,
        method: str,
        params: dict[str, Any],
        *,
        field: str,
        filename: str,
        content: bytes,
        content_type: str,
    ) -> Any:
        """A method that sends a file (sendDocument): multipart/form-data, objects as JSON fields."""
        fields = {
            key: value if isinstance(value, str) else json.dumps(value)
            for key, value in params.items()
            if value is not None
        }
        try:
            response = _session().post(
                f"{self.base}/bot{self.token}/{method}",
                data=fields,
                files={field: (filename, content, content_type)},
                timeout=UPLOAD_TIMEOUT_SECONDS,
            )
        except requests.RequestException as exc:
            raise TelegramUnreachable(f"{method}: {_reason(exc, self.token)}") from None
        return self._result(method, response)

    def _result(self, method: str, response: requests.Response) -> Any:
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or "ok" not in answer:
            # A proxy's error page or a gateway timeout in front of the Bot API: Telegram's own
            # errors always come as JSON.
            if response.status_code >= 500 or response.status_code == 429:
                raise TelegramError(method, response.status_code, response.reason or "server error")
            raise TelegramUnreachable(f"{method}: HTTP {response.status_code} without a Bot API answer")
        if answer["ok"] is True:
            return answer.get("result")
        parameters = answer.get("parameters") if isinstance(answer.get("parameters"), dict) else {}
        retry_after = parameters.get("retry_after")
        raise TelegramError(
            method,
            int(answer.get("error_code") or response.status_code),
            token_redact(str(answer.get("description") or ""), self.token),
            retry_after=int(retry_after) if isinstance(retry_after, int | float) else None,
        )

    def file_download(self, file_path: str, *, max_bytes: int) -> bytes:
        """The bytes of a file getFile described; FileTooLarge past `max_bytes`."""
        try:
            with _session().get(
                f"{self.base}/file/bot{self.token}/{file_path}", stream=True, timeout=TIMEOUT_SECONDS
            ) as response:
                if response.status_code != 200:
                    raise TelegramError("file download", response.status_code, response.reason or "")
                chunks, size = [], 0
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > max_bytes:
                        raise FileTooLarge()
                    chunks.append(chunk)
                return b"".join(chunks)
        except requests.RequestException as exc:
            raise TelegramUnreachable(f"file download: {_reason(exc, self.token)}") from None


def _reason(exc: requests.RequestException, token: str) -> str:
    """What went wrong, without the URL that requests puts in its messages."""
    if isinstance(exc, requests.Timeout):
        return "timed out"
    if isinstance(exc, requests.ConnectionError):
        return "connection failed"
    return token_redact(type(exc).__name__, token)


_local = threading.local()


def _session() -> requests.Session:
    """One session per thread (Huey runs worker threads): connections to the Bot API are reused."""
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
    return session

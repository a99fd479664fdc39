"""A local stand-in for Telegram's Bot API HTTP interface, for tests (Telegram's servers cannot be
reached from here).

A real HTTP server on loopback answering the methods the desk uses, on Telegram's own paths
(`/bot<token>/<method>`, `/file/bot<token>/<file_path>`) with Telegram's JSON shapes:
`{"ok": true, "result": ...}` and `{"ok": false, "error_code": N, "description": "...",
"parameters": {"retry_after": N}}`, the HTTP status being the error code. Parameters come as JSON,
form fields or the query string, as Telegram takes them; method names are case-insensitive.

Kept faithful where the desk depends on it: getUpdates' offset confirms earlier updates and is
refused (409) while a webhook is set; sendMessage refuses unknown chats, blocked users, empty or
over-long text and HTML that Telegram's parser would refuse ("can't parse entities"); getFile
gives a file_path to download. Tests queue updates (`message_update`), files (`file_add`) and
failures (`fail_next`), and read what the desk sent (`calls`, `sent`).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import defaultdict, deque
from email import message_from_bytes, policy
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

TEXT_LIMIT = 4096
_HTML_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "blockquote", "tg-spoiler", "span", "tg-emoji",
}  # fmt: skip


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


class _EntityParser(HTMLParser):
    """Telegram's HTML parse mode: the listed tags only, properly nested; the text is what counts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.error = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.error:
            return
        if tag not in _HTML_TAGS:
            self.error = f'Unsupported start tag "{tag}" at byte offset {self.getpos()[1]}'
        elif tag == "a" and not dict(attrs).get("href"):
            self.error = "Can't find end of the entity"  # what Telegram says for <a> without href
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.error:
            return
        if not self.stack or self.stack[-1] != tag:
            self.error = f'Unmatched end tag at byte offset {self.getpos()[1]}, expected "</{self.stack[-1] if self.stack else ""}>", found "</{tag}>"'
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _entities_text(text: str) -> str:
    parser = _EntityParser()
    parser.feed(text)
    parser.close()
    if not parser.error and parser.stack:
        parser.error = f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"'
    if parser.error:
        raise ApiError(400, f"Bad Request: can't parse entities: {parser.error}")
    return "".join(parser.text)


class BotApiStandIn:
    def __init__(self, token: str = "7012345678:AAE-standin_Secret-Token-0123456789ab") -> None:
        self.token = token
        self.bot = {
            "id": int(token.split(":")[0]),
            "is_bot": True,
            "first_name": "DemoWallet Support",
            "username": "DemoWalletSupportBot",
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.lock = threading.Condition()
        self.updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(861_000_001)
        self._message_ids: dict[int, itertools.count] = defaultdict(lambda: itertools.count(1))
        self.chats: dict[int, dict[str, Any]] = {}  # chats that wrote to the bot
        self.messages: dict[int, set[int]] = defaultdict(set)  # message ids that exist, per chat
        self.blocked: set[int] = set()
        self.files: dict[str, tuple[str, bytes]] = {}
        self._file_ids = itertools.count(1)
        self.webhook: dict[str, Any] = {"url": "", "secret_token": None, "allowed_updates": None}
        self.allowed_updates: list[str] | None = None
        self.failures: dict[str, deque[ApiError]] = defaultdict(deque)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.server: ThreadingHTTPServer | None = None

    # --- running ------------------------------------------------------------------------------
    def start(self) -> BotApiStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                standin._serve(self)

            def do_POST(self) -> None:  # noqa: N802
                standin._serve(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    # --- what tests set up ---------------------------------------------------------------------
    def message_update(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        language_code: str | None = "en",
        chat_type: str = "private",
        first_name: str = "Alice",
        username: str | None = "alice_w",
        caption: str | None = None,
        photo: list[dict[str, Any]] | None = None,
        document: dict[str, Any] | None = None,
        user_id: int | None = None,
        queue: bool = True,
    ) -> dict[str, Any]:
        """A user's new message as an Update (queued for getUpdates unless `queue` is False)."""
        user = {"id": user_id or chat_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        if chat_type == "private":
            chat = {"id": chat_id, "type": "private", "first_name": first_name}
            if username:
                chat["username"] = username
        else:
            chat = {"id": chat_id, "type": chat_type, "title": "Crypto friends"}
        with self.lock:
            message_id = next(self._message_ids[chat_id])
            self.chats[chat_id] = chat
            self.messages[chat_id].add(message_id)
            message: dict[str, Any] = {
                "message_id": message_id,
                "from": user,
                "chat": chat,
                "date": int(time.time()),
            }
            if text is not None:
                message["text"] = text
                if text.startswith("/"):
                    command = text.split()[0]
                    message["entities"] = [{"offset": 0, "length": len(command), "type": "bot_command"}]
            if caption is not None:
                message["caption"] = caption
            if photo is not None:
                message["photo"] = photo
            if document is not None:
                message["document"] = document
            update = {"update_id": next(self._update_ids), "message": message}
            if queue:
                self.updates.append(update)
                self.lock.notify_all()
        return update

    def file_add(self, content: bytes, *, folder: str = "photos", extension: str = "jpg") -> tuple[str, str]:
        """Store a file as if a user had sent it; its (file_id, file_unique_id)."""
        number = next(self._file_ids)
        file_id = f"AgACAgIAAxkBAAI{number:04d}standin"
        unique = f"AQAD{number:04d}"
        self.files[file_id] = (f"{folder}/file_{number}.{extension}", content)
        return file_id, unique

    def photo_sizes(self, content: bytes) -> list[dict[str, Any]]:
        """A photo as Telegram lists it: the same picture in sizes, smallest first."""
        small_id, small_unique = self.file_add(content[: len(content) // 2] or content)
        big_id, big_unique = self.file_add(content)
        return [
            {"file_id": small_id, "file_unique_id": small_unique, "file_size": len(content) // 2, "width": 90, "height": 60},
            {"file_id": big_id, "file_unique_id": big_unique, "file_size": len(content), "width": 1280, "height": 853},
        ]  # fmt: skip

    def fail_next(self, method: str, code: int, description: str, *, retry_after: int | None = None) -> None:
        parameters = {"retry_after": retry_after} if retry_after is not None else None
        self.failures[method.lower()].append(ApiError(code, description, parameters))

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method.lower()]

    # --- HTTP -----------------------------------------------------------------------------------
    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        segments = parts.path.lstrip("/").split("/", 1)
        if segments[0] == "file":
            return self._serve_file(handler, parts.path)
        try:
            if len(segments) != 2 or not segments[0].startswith("bot"):
                raise ApiError(404, "Not Found")
            if segments[0][3:] != self.token:
                raise ApiError(401, "Unauthorized")
            method = segments[1].lower()
            params = self._params(handler, parts.query)
            with self.lock:
                self.calls.append((method, params))
                failures = self.failures.get(method)
                if failures:
                    raise failures.popleft()
            answer = getattr(self, f"_m_{method.lower()}", None)
            if answer is None:
                raise ApiError(404, "Not Found")
            result = answer(params)
            body: dict[str, Any] = {"ok": True, "result": result}
            if isinstance(result, tuple):
                body = {"ok": True, "result": result[0], "description": result[1]}
            self._reply(handler, 200, body)
        except ApiError as exc:
            body = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.parameters:
                body["parameters"] = exc.parameters
            self._reply(handler, exc.code, body)

    def _serve_file(self, handler: BaseHTTPRequestHandler, path: str) -> None:
        prefix = f"/file/bot{self.token}/"
        found = (
            next((c for p, c in self.files.values() if prefix + p == path), None)
            if path.startswith(prefix)
            else None
        )
        if found is None:
            self._reply(handler, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/octet-stream")
        handler.send_header("Content-Length", str(len(found)))
        handler.end_headers()
        handler.wfile.write(found)

    @staticmethod
    def _params(handler: BaseHTTPRequestHandler, query: str) -> dict[str, Any]:
        params: dict[str, Any] = dict(parse_qsl(query))
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        kind = handler.headers.get("Content-Type", "")
        if raw and kind.startswith("application/json"):
            try:
                body = json.loads(raw)
            except ValueError:
                raise ApiError(400, "Bad Request: can't parse JSON object") from None
            params.update(body if isinstance(body, dict) else {})
        elif raw and kind.startswith("multipart/form-data"):
            mime = message_from_bytes(
                b"Content-Type: " + kind.encode() + b"\r\n\r\n" + raw, policy=policy.default
            )
            for part in mime.iter_parts():
                name = part.get_param("name", header="content-disposition")
                content = part.get_payload(decode=True) or b""
                if part.get_filename():
                    params[name] = {
                        "filename": part.get_filename(),
                        "content": content,
                        "type": part.get_content_type(),
                    }
                else:
                    value = content.decode()
                    params[name] = json.loads(value) if value[:1] in "[{" else value
        elif raw and kind.startswith("application/x-www-form-urlencoded"):
            for key, value in parse_qsl(raw.decode()):
                try:  # form fields carry JSON-serialized objects (reply_parameters, allowed_updates)
                    params[key] = json.loads(value) if value[:1] in "[{" else value
                except ValueError:
                    params[key] = value
        return params

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    # --- methods --------------------------------------------------------------------------------
    def _m_getme(self, params: dict[str, Any]) -> Any:
        return self.bot

    def _m_getupdates(self, params: dict[str, Any]) -> Any:
        if self.webhook["url"]:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = min(float(params.get("timeout") or 0), 5.0)  # a test never waits 50 s
        if params.get("allowed_updates") is not None:
            self.allowed_updates = list(params["allowed_updates"])
        deadline = time.monotonic() + timeout
        with self.lock:
            if offset:  # confirms every update before it
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and time.monotonic() < deadline:
                self.lock.wait(deadline - time.monotonic())
            return self.updates[:limit]

    def _m_setwebhook(self, params: dict[str, Any]) -> Any:
        url = str(params.get("url") or "")
        secret = params.get("secret_token")
        if url and not url.startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        if secret is not None and (
            not 1 <= len(str(secret)) <= 256
            or any(not (c.isascii() and (c.isalnum() or c in "_-")) for c in str(secret))
        ):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        self.webhook = {"url": url, "secret_token": secret, "allowed_updates": params.get("allowed_updates")}
        return True, "Webhook was set" if url else "Webhook was deleted"

    def _m_deletewebhook(self, params: dict[str, Any]) -> Any:
        had = bool(self.webhook["url"])
        self.webhook = {"url": "", "secret_token": None, "allowed_updates": None}
        return True, "Webhook was deleted" if had else "Webhook is already deleted"

    def _m_getwebhookinfo(self, params: dict[str, Any]) -> Any:
        return {
            "url": self.webhook["url"],
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }

    def _chat(self, params: dict[str, Any]) -> int:
        try:
            chat_id = int(params.get("chat_id"))
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None
        if chat_id not in self.chats:
            raise ApiError(400, "Bad Request: chat not found")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat_id

    def _m_sendmessage(self, params: dict[str, Any]) -> Any:
        chat_id = self._chat(params)
        text = str(params.get("text") or "")
        parse_mode = params.get("parse_mode")
        if parse_mode not in (None, "", "HTML", "MarkdownV2", "Markdown"):
            raise ApiError(400, "Bad Request: unsupported parse_mode")
        shown = _entities_text(text) if parse_mode == "HTML" else text
        if not shown.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(shown) > TEXT_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        reply = params.get("reply_parameters")
        if isinstance(reply, dict) and reply.get("message_id") not in self.messages[chat_id]:
            if not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
        return self._bot_message(chat_id, text=shown)

    def _m_senddocument(self, params: dict[str, Any]) -> Any:
        chat_id = self._chat(params)
        document = params.get("document")
        if not isinstance(document, dict) or not document.get("content"):
            raise ApiError(400, "Bad Request: there is no document in the request")
        file_id, unique = self.file_add(document["content"], folder="documents", extension="bin")
        return self._bot_message(
            chat_id,
            document={
                "file_id": file_id,
                "file_unique_id": unique,
                "file_name": document["filename"],
                "mime_type": document["type"],
                "file_size": len(document["content"]),
            },
        )

    def _bot_message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        """A Message the bot sent into `chat_id`, as sendMessage / sendDocument return it."""
        with self.lock:
            message_id = next(self._message_ids[chat_id])
            self.messages[chat_id].add(message_id)
        return {
            "message_id": message_id,
            "from": self.bot,
            "chat": self.chats[chat_id],
            "date": int(time.time()),
            **content,
        }

    def _m_deletemessage(self, params: dict[str, Any]) -> Any:
        chat_id = self._chat(params)
        message_id = params.get("message_id")
        if message_id not in self.messages[chat_id]:
            raise ApiError(400, "Bad Request: message to delete not found")
        self.messages[chat_id].discard(message_id)
        return True

    def _m_getfile(self, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id") or "")
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": "AQAD" + file_id[-12:],
            "file_size": len(content),
            "file_path": path,
        }

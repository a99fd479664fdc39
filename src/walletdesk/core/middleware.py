"""Project middleware: the API's JSON error shape for answers no handler wrote, and the browser
middleware that the customer API (wallet JWT only) skips."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware as DjangoMessageMiddleware
from django.contrib.messages.storage import default_storage as message_storage
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.middleware import csrf as django_csrf
from django.middleware.csrf import CsrfViewMiddleware as DjangoCsrfViewMiddleware
from django.utils.functional import SimpleLazyObject, empty
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
# Every route under it authenticates by the wallet's JWT in the Authorization header alone
# (tickets.api, customer_auth): no session, no CSRF cookie, no agent, no flash messages.
CUSTOMER_API_PREFIX = "/api/v1/customer/"


def customer_api_request(request: HttpRequest) -> bool:
    """Whether the request goes to the customer API. path_info is what the URL resolver matches,
    so a path that skips the browser middleware can only reach a customer API route or a 404."""
    return request.path_info.startswith(CUSTOMER_API_PREFIX)


class ApiErrorsAsJson:
    """An unknown API path got Django's HTML 404 page and a method the path does not take got
    django-ninja's plain-text "Method not allowed": a client parsing `{"error": …}` broke on both.
    Outside the API a browser opening a form's address (require_POST) got an empty 405 and showed
    its own error page: it gets a page in the site's language with a way back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code not in (404, 405):
            return response
        if not request.path.startswith(API_PREFIX):
            return _method_not_allowed_page(request, response) if response.status_code == 405 else response
        if response.get("Content-Type", "").startswith("application/json"):
            return response  # an API handler's own error (no such ticket, …)
        from walletdesk.api import error_response

        if response.status_code == 404:
            return error_response(404, "not_found", _("No such API endpoint: see /api/v1/docs."))
        allowed = response.get("Allow", "")
        answer = error_response(
            405, "method_not_allowed", _("This endpoint takes %(methods)s.") % {"methods": allowed}
        )
        answer["Allow"] = allowed
        return answer


def _method_not_allowed_page(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if response.content or "text/html" not in request.headers.get("Accept", ""):
        return response
    from django.shortcuts import render

    # A form's address is usually one step below the page holding the form (…/5/rate/ -> …/5/).
    back = request.path.rstrip("/").rsplit("/", 1)[0] + "/"
    page = render(request, "405.html", {"back": back}, status=405)
    page["Allow"] = response.get("Allow", "")
    return page


class RejectNulCharacters:
    """PostgreSQL text cannot hold NUL (0x00): a portal reply, a search or an API body carrying one
    ended in a 500 and the customer's message was lost. Refused here, with the reason, before any
    view reads it. Files are bytes and may hold NUL: only form fields, JSON, the path and the query.
    Sync and async, so it adds no thread hop under ASGI (the body is already spooled by then)."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.async_mode = iscoroutinefunction(get_response)
        if self.async_mode:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.async_mode:
            return self._acall(request)
        return _nul_refusal(request) or self.get_response(request)

    async def _acall(self, request: HttpRequest) -> HttpResponse:
        return _nul_refusal(request) or await self.get_response(request)


def _nul_refusal(request: HttpRequest) -> HttpResponse | None:
    if not _carries_nul(request):
        return None
    message = _(
        "The request contains a NUL character (U+0000), which text cannot hold. Remove it and try again."
    )
    if request.path.startswith(API_PREFIX):
        from walletdesk.api import error_response

        return error_response(400, "nul_character", message)
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def _carries_nul(request: HttpRequest) -> bool:
    query = request.META.get("QUERY_STRING", "")
    if "\x00" in request.path_info or "%00" in query or "\x00" in query:
        return True
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    content_type = request.META.get("CONTENT_TYPE", "")
    if content_type.startswith("application/json"):
        return b"\\u0000" in request.body or b"\x00" in request.body
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.POST.lists()
        )
    return False


# --- browser middleware, skipped on the customer API ---------------------------------------------
# Ticket creation through the customer API is the hot write path; these cost it a session store,
# a CSRF cookie read, a lazy user and a message store per request that it never uses, and under
# ASGI two thread hops each (MiddlewareMixin runs process_request/process_response in a thread).
# They are subclasses, so Django's checks that look for them by class still find them; security
# headers (SecurityMiddleware, XFrameOptionsMiddleware) stay on every path.
class _SkippedOnCustomerApi:
    get_response: Callable[[HttpRequest], Any]

    def __call__(self, request: HttpRequest) -> Any:
        if customer_api_request(request):
            # Under ASGI this returns get_response's coroutine, which the caller awaits.
            return self.get_response(request)
        return super().__call__(request)  # type: ignore[misc]


class SessionMiddleware(_SkippedOnCustomerApi, DjangoSessionMiddleware):
    pass


class CsrfViewMiddleware(_SkippedOnCustomerApi, DjangoCsrfViewMiddleware):
    """The bearer token is not an ambient credential a forged cross-site request could carry."""

    def process_view(
        self, request: HttpRequest, callback: Callable[..., Any], callback_args: Any, callback_kwargs: Any
    ) -> HttpResponse | None:
        if customer_api_request(request):
            return None
        return super().process_view(request, callback, callback_args, callback_kwargs)


class AuthenticationMiddleware(_SkippedOnCustomerApi, DjangoAuthenticationMiddleware):
    """On the customer API `request.user` is anonymous (no session to read an agent from): the
    customer is `request.auth`, set by the JWT check."""

    def __call__(self, request: HttpRequest) -> Any:
        if customer_api_request(request):
            request.user = AnonymousUser()
        return super().__call__(request)


class MessageMiddleware(_SkippedOnCustomerApi, DjangoMessageMiddleware):
    """The message store is made when a view or template first uses it: most pages (the console's
    Jinja2 pages among them) neither add nor show a flash message, and building the cookie and
    session stores for each request cost more than the rest of this middleware. A store nobody
    touched has nothing to save, so the response is left as Django's update() would leave it."""

    def process_request(self, request: HttpRequest) -> None:
        request._messages = SimpleLazyObject(lambda: message_storage(request))

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        messages = getattr(request, "_messages", None)
        if isinstance(messages, SimpleLazyObject) and messages._wrapped is empty:
            return response
        return super().process_response(request, response)


# --- CSRF token for a page, cheaper than django.middleware.csrf.get_token ---------------------------
_CSRF_CHARS = django_csrf.CSRF_ALLOWED_CHARS
_CSRF_INDEX = {char: i for i, char in enumerate(_CSRF_CHARS)}
_CSRF_LENGTH = django_csrf.CSRF_SECRET_LENGTH
# The largest multiple of the alphabet's size (62) that fits a byte: bytes at or above it are
# skipped, so every character is equally likely.
_CSRF_BYTE_LIMIT = 256 - 256 % len(_CSRF_CHARS)


def _csrf_random_string() -> str:
    """CSRF_SECRET_LENGTH characters of CSRF_ALLOWED_CHARS, uniform, from the OS's random source."""
    chars: list[str] = []
    while len(chars) < _CSRF_LENGTH:
        chars += [
            _CSRF_CHARS[b % len(_CSRF_CHARS)] for b in os.urandom(_CSRF_LENGTH + 8) if b < _CSRF_BYTE_LIMIT
        ]
    return "".join(chars[:_CSRF_LENGTH])


def csrf_token(request: HttpRequest) -> str:
    """`django.middleware.csrf.get_token(request)`: the same side effects on request.META and a
    token of the same form (a fresh random mask, then the secret enciphered with it) that
    CsrfViewMiddleware accepts. Django draws the mask one character at a time through `secrets`
    (32 reads of the OS's random source, ~0.1 ms per page); this reads it in one."""
    meta = request.META
    if "CSRF_COOKIE" in meta:
        secret = meta["CSRF_COOKIE"]
        meta["CSRF_COOKIE_NEEDS_UPDATE"] = True  # renew the cookie's expiry, as get_token does
    else:
        secret = django_csrf._add_new_csrf_cookie(request)
    mask = _csrf_random_string()
    size, index = len(_CSRF_CHARS), _CSRF_INDEX
    return mask + "".join(
        _CSRF_CHARS[(index[s] + index[m]) % size] for s, m in zip(secret, mask, strict=True)
    )

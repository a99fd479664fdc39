"""Project middleware: the API's JSON error shape for answers no handler wrote, and the browser
middleware that the customer API (wallet JWT only) skips."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware as DjangoMessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware as DjangoCsrfViewMiddleware
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
    django-ninja's plain-text "Method not allowed": a client parsing `{"error": …}` broke on both."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code not in (404, 405) or not request.path.startswith(API_PREFIX):
            return response
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
    pass

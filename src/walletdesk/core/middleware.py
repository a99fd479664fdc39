"""Answers under /api/ that no API handler wrote still come in the API's JSON error shape."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


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

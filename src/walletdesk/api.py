"""API v1: one django-ninja instance; each app contributes a router with full paths."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from walletdesk.core.errors import DomainError, RateLimited


class BundledSwagger(Swagger):
    """The Swagger UI page that loads its scripts from this server, with ninja not an installed app.

    ninja serves its bundled page only when "ninja" is in INSTALLED_APPS, otherwise the page naming
    a CDN; installing it made django.setup() import ninja (settings.NINJA_DIR). The "CDN" template
    it falls back to is pointed at the bundled one, found with its static files on the paths that
    settings adds.
    """

    template_cdn = str(settings.NINJA_DIR / "templates" / "ninja" / "swagger.html")


api = NinjaAPI(
    title="walletdesk API", version="1", urls_namespace="api-v1", docs_url="/docs", docs=BundledSwagger()
)


def _error_body(code: str, message: str, fields: dict | None = None, details: dict | None = None) -> dict:
    body: dict = {"error": {"code": code, "message": message, "fields": fields or {}}}
    if details:
        body["error"]["details"] = details
    return body


def _error(
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    fields: dict | None = None,
    details: dict | None = None,
) -> HttpResponse:
    return api.create_response(request, _error_body(code, message, fields, details), status=status)


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    response = _error(request, exc.status, exc.code, exc.message, exc.fields, exc.details)
    if isinstance(exc, RateLimited):
        response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, str] = {}
    for err in exc.errors:
        loc = [str(part) for part in err.get("loc", []) if part not in ("body", "query", "path", "payload")]
        fields[".".join(loc) or "body"] = _field_problem(err)
    return _error(request, 400, "validation_failed", _("Some fields are invalid."), fields)


def _field_problem(err: dict) -> str:
    """pydantic's sentence is English whatever the caller's language: the common kinds are ours."""
    kind, context = err.get("type", ""), err.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_type":
        return _("Must be text.")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("Must be a whole number.")
    if kind in ("bool_type", "bool_parsing"):
        return _("Must be true or false.")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("Must be an object.")
    if kind == "list_type":
        return _("Must be a list.")
    if kind == "string_too_long" and "max_length" in context:
        return _("At most %(n)s characters.") % {"n": context["max_length"]}
    if kind == "string_too_short" and "min_length" in context:
        return _("At least %(n)s characters.") % {"n": context["min_length"]}
    return str(err.get("msg", "invalid"))


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "unauthenticated", _("Authentication required: send a valid token."))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        # django-ninja's own sentence, in English whatever the language: ours says what to send.
        return _error(request, 400, "body_unreadable", _("The request body is not valid JSON."))
    return _error(request, exc.status_code, "http_error", str(exc))


def error_response(status: int, code: str, message: str) -> JsonResponse:
    """The API's error shape for answers that no API handler wrote (an unknown path, a method the
    path does not take): see core.middleware.ApiErrorsAsJson."""
    return JsonResponse(_error_body(code, message), status=status)


def _mount() -> None:
    from importlib import import_module

    for app in ("tickets", "accounts", "chat", "helpcenter", "verify", "chain", "wallet", "triage", "shield"):
        module = import_module(f"walletdesk.{app}.api")
        api.add_router("", module.router, tags=[app])


_mount()

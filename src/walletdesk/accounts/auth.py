"""API authentication: agents by personal token or console session; customers by the wallet's JWT."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from ninja.security import APIKeyCookie, HttpBearer

from walletdesk.accounts import services
from walletdesk.accounts.identity import identity_token_verify
from walletdesk.accounts.models import Customer
from walletdesk.core.ratelimit import rate_limit_hit


def agent_session_ok(request: HttpRequest) -> bool:
    user = request.user
    if not (user.is_authenticated and user.is_active and hasattr(user, "agent_profile")):
        return False
    return not settings.WALLETDESK_REQUIRE_2FA or user.is_verified()


class AgentToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = services.api_token_authenticate(raw=token)
        if user is None or not hasattr(user, "agent_profile"):
            return None
        request.user = user
        return user


class AgentSession(APIKeyCookie):
    """The console's own fetches: session cookie + CSRF header, 2FA passed."""

    param_name = settings.SESSION_COOKIE_NAME

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if agent_session_ok(request) else None


class CustomerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Customer | None:
        identity = identity_token_verify(token)  # raises a 401 domain error with the reason
        customer = services.customer_from_identity(identity=identity)
        rate_limit_hit(scope="customer", key=str(customer.pk), limit=settings.WALLETDESK_RATE_LIMIT_CUSTOMER)
        request.customer = customer  # type: ignore[attr-defined]
        # The wallet signs the customer's language into the token: answers and errors follow it
        # unless the caller asks for a language itself (a wallet backend often sends no
        # Accept-Language, and an English customer got the default Chinese).
        if identity.locale and not request.META.get("HTTP_ACCEPT_LANGUAGE"):
            translation.activate(identity.locale)
            request.LANGUAGE_CODE = translation.get_language()
        return customer


agent_auth = [AgentToken(), AgentSession()]
customer_auth = CustomerToken()

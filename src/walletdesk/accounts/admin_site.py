"""The operators' Django admin signs in through the agent console: password, then TOTP.

With the stock AdminSite a supervisor's password alone opened /admin/, where the official-channel
registry, agents and tickets can be changed, and its login form had none of the console's sign-in
limits: the console's second factor was one URL away from being skipped.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django_otp.admin import OTPAdminSite


def _branded(message: str) -> str:
    return gettext(message) % {"brand": settings.BRAND_NAME}


# Lazy: the site is built at import time, the header is read per request in the operator's language.
_branded_lazy = lazy(_branded, str)
_ADMIN_TITLE = gettext_noop("%(brand)s admin")


class AgentAdminSite(OTPAdminSite):
    """Staff who are signed in and verified by a TOTP device (django-otp's rule) while
    WALLETDESK_REQUIRE_2FA is on, the default; plain Django staff when an operator turned 2FA off."""

    # With 2FA off the stock password form and template; with it on, login() below never shows them.
    login_form = None
    login_template = None

    # Stock: "Django administration" / "Django 管理" on every page, for the wallet's operators.
    site_header = _branded_lazy(_ADMIN_TITLE)
    site_title = _branded_lazy(_ADMIN_TITLE)

    def has_permission(self, request: HttpRequest) -> bool:
        if settings.WALLETDESK_REQUIRE_2FA:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if not settings.WALLETDESK_REQUIRE_2FA:
            return AdminSite.login(self, request, extra_context)
        if request.user.is_authenticated and request.user.is_verified():
            # Signed in with both factors, yet no admin for this role: the console's login would send
            # the agent straight back here, and round again.
            return render(request, "accounts/admin_forbidden.html", status=403)
        # One sign-in for both: the console's, with its rate limits, TOTP step and enrolment.
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url, reverse("agent-login"))

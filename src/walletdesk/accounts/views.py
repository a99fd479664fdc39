"""Agent sign-in (password, then TOTP; first sign-in enrols by QR code) and customer portal sign-in."""

from __future__ import annotations

import base64
import hashlib

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from walletdesk.accounts import services
from walletdesk.accounts.errors import IdentityTokenExpired, IdentityTokenInvalid, LoginLinkInvalid
from walletdesk.accounts.identity import identity_token_sign, identity_token_verify
from walletdesk.accounts.models import Customer
from walletdesk.accounts.signin_limits import signin_check, signin_failed, signin_succeeded
from walletdesk.core.errors import RateLimited
from walletdesk.core.ratelimit import client_ip, rate_limit_public

PENDING_USER = "wd_pending_agent"
CUSTOMER_SESSION = "wd_customer_id"


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@require_http_methods(["GET", "POST"])
def agent_login(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        username = request.POST.get("username", "")
        account = _account_key(username)
        try:
            rate_limit_public(request, "agent-login", limit=20)
            signin_check(step="password", user_key=account, ip=client_ip(request))
        except RateLimited as exc:
            return _locked(request, "accounts/login.html", exc, {"next": _safe_next(request, "")})
        user = authenticate(request, username=username, password=request.POST.get("password", ""))
        if user is None or not hasattr(user, "agent_profile"):
            signin_failed(step="password", user_key=account, ip=client_ip(request))
            error = _("Wrong username or password.")
        else:
            signin_succeeded(step="password", user_key=account, ip=client_ip(request))
            if not settings.WALLETDESK_REQUIRE_2FA:
                login(request, user)
                return HttpResponseRedirect(_safe_next(request, "/console/"))
            request.session[PENDING_USER] = user.pk
            request.session["wd_next"] = _safe_next(request, "/console/")
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                return redirect("agent-login-otp")
            return redirect("agent-enrol-otp")
    return render(
        request,
        "accounts/login.html",
        {"error": error, "next": request.GET.get("next", "")},
        status=400 if error else 200,
    )


def _account_key(username: str) -> str:
    # Any text can be typed as a user name: the cache key holds a digest, never the raw text.
    return hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]


def _locked(request: HttpRequest, template: str, exc: RateLimited, extra: dict | None = None) -> HttpResponse:
    response = render(request, template, {"error": exc.message, "locked": True, **(extra or {})}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def _pending_user(request: HttpRequest):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    pk = request.session.get(PENDING_USER)
    return get_user_model().objects.filter(pk=pk, is_active=True).first() if pk else None


def _finish_login(request: HttpRequest, user, device) -> HttpResponse:  # type: ignore[no-untyped-def]
    next_url = request.session.get("wd_next", "/console/")
    # The user was checked by password a step earlier; the session remembers the first backend.
    login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
    otp_login(request, device)
    return HttpResponseRedirect(next_url)


@require_http_methods(["GET", "POST"])
def agent_login_otp(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("agent-login")
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        return redirect("agent-enrol-otp")
    error = ""
    if request.method == "POST":
        try:
            signin_check(step="otp", user_key=str(user.pk), ip=client_ip(request))
        except RateLimited as exc:
            return _locked(request, "accounts/login_otp.html", exc)
        token = request.POST.get("token", "").strip().replace(" ", "")
        for device in devices:
            if device.verify_token(token):
                signin_succeeded(step="otp", user_key=str(user.pk))
                return _finish_login(request, user, device)
        signin_failed(step="otp", user_key=str(user.pk), ip=client_ip(request))
        # django-otp throttles after a failure (1 s, doubling), so say so rather than look broken.
        error = _(
            "That code is not valid. Wait a moment, then enter the current 6-digit code from your authenticator app."
        )
    return render(request, "accounts/login_otp.html", {"error": error}, status=400 if error else 200)


@require_http_methods(["GET", "POST"])
def agent_enrol_otp(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("agent-login")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    error = ""
    if request.method == "POST":
        try:
            signin_check(step="otp", user_key=str(user.pk), ip=client_ip(request))
        except RateLimited as exc:
            return _locked(request, "accounts/login_otp.html", exc)
        if not device.verify_token(request.POST.get("token", "").strip().replace(" ", "")):
            signin_failed(step="otp", user_key=str(user.pk), ip=client_ip(request))
        else:
            signin_succeeded(step="otp", user_key=str(user.pk))
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            return _finish_login(request, user, device)
        error = _("That code is not valid. Scan the QR code again and enter the current code.")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return render(
        request,
        "accounts/enrol_otp.html",
        {"qr_svg": qr_svg, "secret": secret, "error": error},
        status=400 if error else 200,
    )


@require_POST
def agent_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("agent-login")


# --- customers -------------------------------------------------------------------------------
def customer_from_session(request: HttpRequest) -> Customer | None:
    pk = request.session.get(CUSTOMER_SESSION)
    return Customer.objects.filter(pk=pk).first() if pk else None


def customer_session_start(request: HttpRequest, customer: Customer) -> None:
    request.session.cycle_key()
    request.session[CUSTOMER_SESSION] = customer.pk


def portal_token_login(request: HttpRequest) -> HttpResponse:
    """The wallet links here with `?token=<JWT>`; we verify it and start a portal session."""
    rate_limit_public(request, "portal-login", limit=30)
    token = request.GET.get("token", "")
    if not token:  # sent here to sign in (e.g. from Verify): the sign-in options, not an error
        return render(request, "accounts/portal_login.html", {})
    try:
        identity = identity_token_verify(token)
    except (IdentityTokenInvalid, IdentityTokenExpired) as exc:
        return render(request, "accounts/portal_login.html", {"error": exc.message}, status=401)
    customer = services.customer_from_identity(identity=identity)
    customer_session_start(request, customer)
    return HttpResponseRedirect(_safe_next(request, "/support/tickets/"))


@require_http_methods(["GET", "POST"])
def portal_email_login(request: HttpRequest) -> HttpResponse:
    sent = False
    error = ""
    if request.method == "POST":
        rate_limit_public(request, "email-login", limit=5)
        email = request.POST.get("email", "").strip()
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email

        try:
            validate_email(email)
        except ValidationError:
            error = _("Enter a valid email address.")
        else:
            customer = Customer.objects.filter(email__iexact=email).order_by("id").first()
            if customer is not None:  # say the same either way: no account probing
                raw = services.login_link_create(customer=customer)
                from walletdesk.accounts.notify import login_link_email

                login_link_email(customer=customer, raw=raw)
            sent = True
    return render(
        request, "accounts/portal_login.html", {"sent": sent, "error": error}, status=400 if error else 200
    )


@require_http_methods(["GET", "POST"])
def portal_link_login(request: HttpRequest, raw: str) -> HttpResponse:
    """Opening the link asks for one click; only that POST uses the link up. Mail scanners (Outlook
    Safe Links and the like) open every link first, and used to spend it before the customer could."""
    if request.method == "GET":
        if not services.login_link_usable(raw=raw):
            return render(
                request, "accounts/portal_login.html", {"error": LoginLinkInvalid().message}, status=400
            )
        return render(request, "accounts/portal_link_confirm.html")
    rate_limit_public(request, "email-login-redeem", limit=20)
    try:
        customer = services.login_link_redeem(raw=raw)
    except LoginLinkInvalid as exc:
        return render(request, "accounts/portal_login.html", {"error": exc.message}, status=400)
    customer_session_start(request, customer)
    return redirect("/support/tickets/")


@require_POST
def portal_logout(request: HttpRequest) -> HttpResponse:
    request.session.pop(CUSTOMER_SESSION, None)
    return redirect("/support/")


def portal_demo(request: HttpRequest) -> HttpResponse:
    """Stands in for the wallet's app: signs a JWT for the demo customer so a person can try the portal."""
    if not settings.WALLETDESK_DEMO:
        return HttpResponse(status=404)
    token = identity_token_sign(
        wallet_uid="demo-uid-1001",
        name="Demo Customer",
        email="demo.customer@example.com",
        locale="en" if request.LANGUAGE_CODE == "en" else "zh-hans",
    )
    messages.info(request, _("Signed in as the demo customer with a token the demo wallet signed."))
    return redirect(f"/support/login/?token={token}")

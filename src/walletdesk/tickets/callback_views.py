"""The portal's call-back form (its own module while the portal's views.py is being reworked)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from walletdesk.core.errors import DomainError, RateLimited
from walletdesk.core.ratelimit import rate_limit_public
from walletdesk.tickets import selectors
from walletdesk.tickets.callbacks import CALLBACK_LANGUAGES, CALLBACK_WINDOWS, callback_request
from walletdesk.tickets.views import customer_required


@customer_required
@require_http_methods(["GET", "POST"])
def portal_callback(request: HttpRequest) -> HttpResponse:
    lang = "en" if (get_language() or "").startswith("en") else "zh-hans"
    categories = list(selectors.category_list())
    context = {
        "categories": categories,
        "windows": CALLBACK_WINDOWS,
        "languages": CALLBACK_LANGUAGES,
        "lang": lang,
        "time_zone": settings.TIME_ZONE,
        "values": request.POST
        if request.method == "POST"
        else {"phone": request.customer.phone, "language": lang},
        "errors": {},
        "error": "",
    }
    if request.method == "GET":
        return render(request, "tickets/portal/callback.html", context)
    chosen = next((c for c in categories if c.slug == request.POST.get("category")), None)
    try:
        rate_limit_public(request, "callback", limit=5)
        received = callback_request(
            customer=request.customer,
            phone=request.POST.get("phone", ""),
            window=request.POST.get("window", ""),
            language=request.POST.get("language", ""),
            body=request.POST.get("body", ""),
            category=chosen,
            locale=lang,
        )
    except RateLimited as exc:
        context["error"] = exc.message
        response = render(request, "tickets/portal/callback.html", context, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response
    except DomainError as exc:
        context["error"], context["errors"] = exc.message, exc.fields
        return render(request, "tickets/portal/callback.html", context, status=exc.status)
    return redirect(f"/support/tickets/{received.ticket.pk}/")

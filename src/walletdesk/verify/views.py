"""Pages: Verify (public), official contacts (联系我们), anti-phishing code, and the console's review page.

Thin: parse the form, call one service or selector, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.core.errors import DomainError, RateLimited
from walletdesk.core.ids import decimal_id
from walletdesk.core.ratelimit import client_ip, rate_limit_public
from walletdesk.verify import selectors, services
from walletdesk.verify.api import advice_pair
from walletdesk.verify.models import ChannelKind, OfficialChannel


def _zh() -> bool:
    return (translation.get_language() or "").startswith("zh")


def _customer(request: HttpRequest):  # type: ignore[no-untyped-def]
    from walletdesk.accounts.views import customer_from_session

    return customer_from_session(request)


@require_http_methods(["GET", "POST"])
def verify_page(request: HttpRequest) -> HttpResponse:
    """The check is a POST: what a customer pastes may be private (their address, their number, even a
    seed phrase), and a GET would put it in the browser's history and the server's access log. A link
    with ?value= still works for what a URL may carry harmlessly (services.verdict_share_value)."""
    context: dict = {"value": "", "agent_code": request.GET.get("agent", "").strip()}
    status = 200
    judged = False
    retry_after = None
    try:
        action = request.POST.get("action", "check") if request.method == "POST" else ""
        if action == "report":
            rate_limit_public(request, "verify-report", limit=10)
            customer = _customer(request)
            services.report_create(
                value=request.POST.get("value", ""),
                note=request.POST.get("note", ""),
                customer_id=str(customer.pk) if customer else None,
                ip=client_ip(request),
            )
            context["reported"] = True
            # The answer stays beside the thanks: the reporter still needs to know what they reported.
            _verify_into(context, request, request.POST.get("value", ""), shared=False)
        elif action == "check_code":
            customer = _customer(request)
            if customer is None:
                return redirect("/support/login/?next=/verify/")
            context["check_code"] = services.support_check_code_create(customer_id=str(customer.pk))
        elif action == "check":
            judged = True
            status = _verify_into(context, request, request.POST.get("value", ""), shared=False)
        elif "value" in request.GET:
            judged = True
            moved = _shared_link_target(request, request.GET.get("value", ""))
            if moved is not None:
                return redirect(moved)
            status = _verify_into(context, request, request.GET.get("value", ""), shared=True)
        context["link_refused"] = request.GET.get("link") == "refused"
        if context["agent_code"]:
            rate_limit_public(request, "verify-agent")
            context["agent"] = services.agent_id_check(agent_code=context["agent_code"])
    except RateLimited as exc:
        context["error"], status, retry_after = exc.message, 429, exc.retry_after
    except DomainError as exc:
        context["error"], status = exc.message, 400
    context["signed_in"] = _customer(request) is not None
    response = render(request, "verify/verify.html", context, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    if judged or request.method == "POST":
        # The answer quotes what was pasted: no copy in the browser's cache or a shared proxy.
        add_never_cache_headers(response)
    return response


def _shared_link_target(request: HttpRequest, raw: str) -> str | None:
    """Where a ?value= link must go instead of being answered at its own address, or None.

    The value is in the history and the access log by now; what remains is not to answer it, not to
    repeat it on the page (the language switcher sends the page's address back), and to leave the tab
    on an address that carries nothing private: the bare page, or the link's harmless form (its host).
    """
    value = raw.strip()
    if not value:
        return None  # the empty-check message, at this harmless address
    rate_limit_public(request, "verify")
    share_value = services.verdict_share_value(verdict=services.value_verify(value=value))
    if share_value is None:
        return "/verify/?link=refused"
    if share_value != value:
        return f"/verify/?{urlencode({'value': share_value})}"
    return None


def _verify_into(context: dict, request: HttpRequest, raw: str, *, shared: bool) -> int:
    """Judge `raw` into the page's context; returns the status. `shared`: it came in a link."""
    value = raw.strip()
    if not value:
        context["error"] = _("Paste a link, address, account or number to check.")
        return 400
    if not shared:
        rate_limit_public(request, "verify")
    verdict = services.value_verify(value=value)
    share_value = services.verdict_share_value(verdict=verdict)
    advice, advice_zh = advice_pair(verdict)
    context.update(
        # A secret is not written back into the page.
        value="" if verdict.kind == "secret" else value,
        verdict=verdict,
        reason=verdict.reason_zh if _zh() else verdict.reason,
        advice=advice_zh if _zh() else advice,
        share_url=f"/verify/?{urlencode({'value': share_value})}" if share_value else "",
    )
    return 200


def _language_name(code: str) -> str:
    """'zh-hans' → '简体中文'; a code Django does not know (zh-CN, ja) is shown as written."""
    for candidate in (code, code.lower(), code.split("-")[0].lower()):
        try:
            return translation.get_language_info(candidate)["name_local"]
        except KeyError:
            continue
    return code


def contacts_page(request: HttpRequest) -> HttpResponse:
    # Every channel is listed whatever the page's language ("our only official channels" must be true):
    # the reader's language first, the others marked with the language they serve.
    order = {kind: i for i, kind in enumerate(ChannelKind.values)}
    lang = (translation.get_language() or "en").split("-")[0]

    def other_language(channel: OfficialChannel) -> bool:
        return bool(channel.locale) and channel.locale.lower().split("-")[0] != lang

    channels = sorted(
        selectors.official_channels_list(),
        key=lambda c: (c.brand.name, other_language(c), order.get(c.kind, 99), c.pk),
    )
    for channel in channels:
        channel.served_language = _language_name(channel.locale) if other_language(channel) else ""
        # The page's language when the registry has it; the other one rather than an empty cell.
        channel.note = (
            (channel.label_zh or channel.label) if lang == "zh" else (channel.label or channel.label_zh)
        )

    brands: dict[str, list[OfficialChannel]] = {}
    for channel in channels:
        brands.setdefault(channel.brand.name, []).append(channel)
    kinds = dict(ChannelKind.choices)
    return render(request, "verify/contacts.html", {"brands": brands, "kinds": kinds})


@require_http_methods(["GET", "POST"])
def anti_phishing_page(request: HttpRequest) -> HttpResponse:
    customer = _customer(request)
    if request.method == "POST":
        if customer is None:
            return redirect("/support/login/?next=/verify/anti-phishing/")
        try:
            services.anti_phishing_code_set(customer=customer, code=request.POST.get("code", ""))
            messages.success(request, _("Your anti-phishing code is saved."))
            return redirect("/verify/anti-phishing/")
        except DomainError as exc:
            return render(
                request, "verify/anti_phishing.html", {"customer": customer, "error": exc.message}, status=400
            )
    return render(request, "verify/anti_phishing.html", {"customer": customer})


@require_http_methods(["GET", "POST"])
def console_page(request: HttpRequest) -> HttpResponse:
    if not agent_session_ok(request):
        return redirect(f"/console/login/?next={request.path}")
    if request.method == "POST":
        try:
            _console_action(request)
        except DomainError as exc:
            messages.error(request, exc.message)
        return redirect("/console/verify/")
    context = {
        "reports": selectors.report_list_pending()[:100],
        "channels": selectors.official_channels_list(),
        "kinds": ChannelKind.choices,
        "may_change_registry": services.registry_change_allowed(user=request.user),
    }
    return render(request, "verify/console.html", context)


def _posted_id(request: HttpRequest, name: str) -> int:
    """A row id from the form; anything but a plain number that fits a database integer is 0 (no row)."""
    return decimal_id(request.POST.get(name, "")) or 0


def _console_action(request: HttpRequest) -> None:
    action, user = request.POST.get("action"), request.user
    if action in ("confirm", "reject"):
        report = selectors.report_get(report_id=_posted_id(request, "report_id"))
        if report is None:
            from walletdesk.verify.errors import ReportNotFound

            raise ReportNotFound()
        if action == "confirm":
            services.report_confirm(report=report, by=user)
        else:
            services.report_reject(report=report, by=user)
    elif action == "add":
        services.channel_add(
            brand_name=request.POST.get("brand", ""),
            kind=request.POST.get("kind", ""),
            value=request.POST.get("value", ""),
            label=request.POST.get("label", ""),
            label_zh=request.POST.get("label_zh", ""),
            locale=request.POST.get("locale", ""),
            actor=user,
        )
    elif action == "remove":
        channel = OfficialChannel.objects.filter(pk=_posted_id(request, "channel_id")).first()
        if channel is not None:
            services.channel_remove(channel=channel, actor=user)


def console_lookalikes(request: HttpRequest) -> HttpResponse:
    """htmx partial for the ticket view: warning chips and one-click replies for a message's text."""
    if not agent_session_ok(request):
        return HttpResponse(status=403)
    locale = request.GET.get("locale", "zh-hans")
    warnings = services.message_lookalike_warnings(text=request.GET.get("text", ""), locale=locale)
    return render(request, "verify/_lookalike_chips.html", {"warnings": warnings})

"""The webhook Telegram POSTs each Update to (setWebhook, `walletdesk telegram set-webhook`).

Telegram signs nothing: the only proof a request is Telegram's is the secret token it was given
in setWebhook and sends back in X-Telegram-Bot-Api-Secret-Token. Compared in constant time.
"""

from __future__ import annotations

import hmac
import json
import logging

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from walletdesk.channels_telegram.errors import UpdateInvalid
from walletdesk.channels_telegram.services import channel_on, update_handle
from walletdesk.core.errors import DomainError, RateLimited
from walletdesk.core.ratelimit import rate_limit_public

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's few servers carry every customer's messages: per address, the webhook takes many
# times what one person's browser may send. A wrong secret is held to a handful a minute.
WEBHOOK_RATE_FACTOR = 50
DENIED_PER_MINUTE = 10


@csrf_exempt
@require_POST
def webhook(request: HttpRequest) -> HttpResponse:
    if not channel_on():
        raise Http404()
    expected = settings.WALLETDESK_TELEGRAM_WEBHOOK_SECRET
    given = request.headers.get(SECRET_HEADER, "")
    try:
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            rate_limit_public(request, "telegram-webhook-denied", limit=DENIED_PER_MINUTE)
            return _error(403, "forbidden", "The secret token is missing or wrong.")
        rate_limit_public(
            request, "telegram-webhook", limit=settings.WALLETDESK_RATE_LIMIT_PUBLIC * WEBHOOK_RATE_FACTOR
        )
    except RateLimited as exc:
        response = _error(429, exc.code, exc.message)
        response["Retry-After"] = str(exc.retry_after)
        return response
    try:
        update = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _error(400, "invalid_json", "The body is not JSON.")
    try:
        update_handle(update)
    except UpdateInvalid as exc:
        return _error(400, exc.code, exc.message)
    except DomainError as exc:
        # Telegram would send the same update again and again: it is logged and taken as done.
        log.warning("Telegram update refused: %s", exc.message)
    # An empty 200: a JSON body with a "method" would be run by Telegram as a Bot API call.
    return HttpResponse(status=200)


def _error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"ok": False, "code": code, "message": message}, status=status)

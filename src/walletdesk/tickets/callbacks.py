"""Call-back requests: a customer who would rather talk leaves a number and a time, and an agent calls.

A phone call is where impersonators work best, so the request is a ticket like any other (queue,
SLA, history) on the phone channel, and the customer is told how to recognise the real call."""

from __future__ import annotations

import phonenumbers
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from walletdesk.accounts.models import Customer
from walletdesk.core.errors import ValidationFailed
from walletdesk.tickets.inbox import InboundMessage, Received, receive
from walletdesk.tickets.models import Category, Channel

# (code, label): times in the desk's time zone (WALLETDESK_TIME_ZONE).
CALLBACK_WINDOWS = (
    ("asap", gettext_lazy("As soon as possible")),
    ("morning", "09:00–12:00"),
    ("afternoon", "12:00–18:00"),
    ("evening", "18:00–21:00"),
)
CALLBACK_LANGUAGES = (("zh-hans", "中文"), ("en", "English"))
MAX_BODY = 2000


def phone_normalize(raw: str, *, default_region: str = "CN") -> str:
    """E.164 ("+8613812345678") from what a customer types ("138 1234 5678", "+1 (415) 555-0100")."""
    try:
        number = phonenumbers.parse(raw.strip(), default_region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def callback_request(
    *,
    customer: Customer,
    phone: str,
    window: str,
    language: str,
    body: str,
    category: Category | None = None,
    locale: str = "",
) -> Received:
    """Open a phone-channel ticket asking for a call back; every field problem is named at once."""
    errors: dict[str, str] = {}
    e164 = phone_normalize(phone)
    if not e164:
        errors["phone"] = _(
            "Enter a phone number we can call, with the country code if outside mainland China."
        )
    windows = dict(CALLBACK_WINDOWS)
    if window not in windows:
        errors["window"] = _("Choose when we should call.")
    if language not in dict(CALLBACK_LANGUAGES):
        errors["language"] = _("Choose the language of the call.")
    if not body.strip():
        errors["body"] = _("Tell us briefly what the call is about.")
    elif len(body) > MAX_BODY:
        errors["body"] = _("Keep it under %(n)s characters.") % {"n": MAX_BODY}
    if errors:
        raise ValidationFailed(fields=errors)
    when = str(windows[window])
    if window != "asap":
        when = f"{when} ({settings.TIME_ZONE})"
    return receive(
        InboundMessage(
            channel=Channel.PHONE,
            body=body.strip(),
            customer=customer,
            new_ticket=True,
            category=category,
            subject=_("Call-back request") + f" · {e164}",
            intake={
                "phone": e164,
                "callback_window": when,
                "callback_language": dict(CALLBACK_LANGUAGES)[language],
            },
            locale=locale or customer.locale,
        )
    )

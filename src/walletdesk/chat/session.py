"""The widget's own short-lived session token, handed out after the WebSocket hello.

It lets the iframe's plain HTTP calls (file upload, transcript download) prove which customer it is
without sending the wallet's JWT or the visitor token again. Signed with SECRET_KEY, expires."""

from __future__ import annotations

from django.core import signing

from walletdesk.accounts.models import Customer
from walletdesk.chat.errors import WidgetSessionInvalid

SALT = "walletdesk.chat.widget-session"
MAX_AGE_SECONDS = 12 * 3600


def widget_session_sign(*, customer: Customer) -> str:
    return signing.dumps({"c": customer.pk}, salt=SALT, compress=False)


def widget_session_customer(*, token: str) -> Customer:
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise WidgetSessionInvalid() from exc
    customer = Customer.objects.filter(pk=data.get("c")).first()
    if customer is None:
        raise WidgetSessionInvalid()
    return customer

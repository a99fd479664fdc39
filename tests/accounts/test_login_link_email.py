"""The sign-in email is the message phishers copy: it carries the never-ask line in the customer's language."""

import pytest

from walletdesk.accounts.models import Customer
from walletdesk.accounts.notify import login_link_email

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("locale", "never_ask", "unasked"),
    [
        ("zh-hans", "我们绝不会索要您的密码、助记词或私钥。", "如果您没有申请此链接，请忽略本邮件"),
        (
            "en",
            "We never ask for your password, seed phrase or private key.",
            "If you did not ask for this link",
        ),
    ],
)
def test_sign_in_email_says_support_never_asks_for_secrets(mailoutbox, locale, never_ask, unasked):
    customer = Customer.objects.create(wallet_uid="uid-mail", email="m@example.com", locale=locale)

    login_link_email(customer=customer, raw="raw-token")

    body = mailoutbox[0].body
    assert "/support/login/link/raw-token/" in body
    assert never_ask in body
    assert unasked in body

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from walletdesk.accounts.models import Customer


def login_link_email(*, customer: Customer, raw: str) -> None:
    with translation.override(customer.locale):
        link = f"{settings.SITE_URL}/support/login/link/{raw}/"
        lines = [
            _("Sign in to %(brand)s support:") % {"brand": settings.BRAND_NAME},
            link,
            "",
            _("The link works once, for 30 minutes."),
            # A sign-in mail is what phishers imitate: say what we never ask and what to do if unasked.
            _(
                "If you did not ask for this link, ignore this email: nobody can use it without access to your inbox."
            ),
            _("We never ask for your password, seed phrase or private key."),
        ]
        if customer.anti_phishing_code:
            lines += ["", _("Your anti-phishing code: %(code)s") % {"code": customer.anti_phishing_code}]
        lines += ["", _("Official contacts: %(url)s") % {"url": f"{settings.SITE_URL}/contact/"}]
        send_mail(_("Your sign-in link"), "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [customer.email])

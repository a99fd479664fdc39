from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError


class MailIntakeOff(DomainError):
    code = "mail_intake_off"
    status = 409
    message = _(
        "Email intake is off: set WALLETDESK_IMAP_HOST (and its user and password) to read a mailbox."
    )


class MailboxUnreachable(DomainError):
    code = "mailbox_unreachable"
    status = 503
    message = _("The IMAP server cannot be reached.")


class MailboxLoginFailed(DomainError):
    code = "mailbox_login_failed"
    status = 503
    message = _("The IMAP server refused the login.")


class MailUnreadable(Exception):
    """One mail that cannot become a message (held, never retried by itself)."""

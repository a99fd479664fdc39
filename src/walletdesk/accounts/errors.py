from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError, Unauthenticated


class IdentityTokenInvalid(Unauthenticated):
    code = "identity_token_invalid"
    message = _("The identity token is invalid.")


class IdentityTokenExpired(Unauthenticated):
    code = "identity_token_expired"
    message = _("The identity token has expired; sign in again from the wallet.")


class LoginLinkInvalid(DomainError):
    code = "login_link_invalid"
    status = 400
    message = _("This sign-in link is invalid, used or expired. Ask for a new one.")

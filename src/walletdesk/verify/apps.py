from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerifyConfig(AppConfig):
    name = "walletdesk.verify"
    verbose_name = _("Official channel verification")
    label = "verify"

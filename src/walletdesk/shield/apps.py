from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShieldConfig(AppConfig):
    name = "walletdesk.shield"
    verbose_name = _("Secret shield")
    label = "shield"

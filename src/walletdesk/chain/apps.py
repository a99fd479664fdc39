from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChainConfig(AppConfig):
    name = "walletdesk.chain"
    verbose_name = _("Blockchain checks")
    label = "chain"

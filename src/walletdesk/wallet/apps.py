from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WalletConfig(AppConfig):
    name = "walletdesk.wallet"
    verbose_name = _("Demo wallet")
    label = "wallet"

from django.apps import AppConfig


class WalletConfig(AppConfig):
    name = "walletdesk.wallet"
    label = "wallet"

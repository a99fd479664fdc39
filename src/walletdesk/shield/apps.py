from django.apps import AppConfig


class ShieldConfig(AppConfig):
    name = "walletdesk.shield"
    label = "shield"

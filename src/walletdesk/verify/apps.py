from django.apps import AppConfig


class VerifyConfig(AppConfig):
    name = "walletdesk.verify"
    label = "verify"

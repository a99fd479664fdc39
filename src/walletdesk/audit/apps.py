from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "walletdesk.audit"
    label = "audit"

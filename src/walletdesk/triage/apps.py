from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "walletdesk.triage"
    label = "triage"

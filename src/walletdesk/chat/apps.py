from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "walletdesk.chat"
    label = "chat"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TelegramConfig(AppConfig):
    name = "walletdesk.channels_telegram"
    verbose_name = _("Telegram channel")
    label = "channels_telegram"

    def ready(self) -> None:
        from walletdesk.channels_telegram.adapters import TelegramAdapter
        from walletdesk.channels_telegram.logging import token_redaction_install
        from walletdesk.tickets.adapters import adapter_register
        from walletdesk.tickets.models import Channel

        # Registered with or without a token: a reply on a Telegram ticket while the channel is off
        # then fails with that reason for the agent, instead of being marked read in-app.
        adapter_register(Channel.TELEGRAM, TelegramAdapter())
        token_redaction_install()

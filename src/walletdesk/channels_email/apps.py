from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsEmailConfig(AppConfig):
    name = "walletdesk.channels_email"
    verbose_name = _("Email intake")
    label = "channels_email"

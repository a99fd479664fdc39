from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpcenterConfig(AppConfig):
    name = "walletdesk.helpcenter"
    verbose_name = _("Help center")
    label = "helpcenter"

    def ready(self) -> None:
        from walletdesk.helpcenter import signals  # noqa: F401

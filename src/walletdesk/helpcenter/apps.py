from django.apps import AppConfig


class HelpcenterConfig(AppConfig):
    name = "walletdesk.helpcenter"
    label = "helpcenter"
    verbose_name = "Help center"

    def ready(self) -> None:
        from walletdesk.helpcenter import signals  # noqa: F401

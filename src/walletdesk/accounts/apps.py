from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_supervisors_group(sender: AppConfig, **kwargs) -> None:
    # post_migrate is sent once per app, in INSTALLED_APPS order, and auth creates each app's
    # permissions on that app's signal: only after the last app do all the permissions exist.
    if sender is not list(apps.get_app_configs())[-1]:
        return
    from walletdesk.accounts.services import supervisors_group_sync

    supervisors_group_sync()


class AccountsConfig(AppConfig):
    name = "walletdesk.accounts"
    verbose_name = _("Accounts and agents")
    label = "accounts"

    def ready(self) -> None:
        from walletdesk.accounts import checks  # noqa: F401 - registers the start-up checks

        post_migrate.connect(_sync_supervisors_group, dispatch_uid="walletdesk-supervisors-group")

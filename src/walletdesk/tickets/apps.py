from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "walletdesk.tickets"
    verbose_name = _("Tickets")
    label = "tickets"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from walletdesk.accounts.models import AgentProfile, Team
        from walletdesk.tickets.models import Category
        from walletdesk.tickets.selectors import console_choices_forget

        # The console's cached picker lists (selectors.console_choices) follow every change.
        for model in (Category, Team, AgentProfile, get_user_model()):
            post_save.connect(
                console_choices_forget, sender=model, dispatch_uid=f"choices-save-{model.__name__}"
            )
            post_delete.connect(
                console_choices_forget, sender=model, dispatch_uid=f"choices-del-{model.__name__}"
            )

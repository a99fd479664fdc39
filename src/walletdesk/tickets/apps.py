from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

# Named, not imported: ready() runs in every `walletdesk` command, and the selectors module brings
# the search and prepared-statement modules with it (tests/test_startup.py).
_CHOICES_SENDERS = ("tickets.Category", "accounts.Team", "accounts.AgentProfile", settings.AUTH_USER_MODEL)


def _console_choices_forget(sender: type, **kwargs: Any) -> None:
    from walletdesk.tickets.selectors import console_choices_forget

    console_choices_forget(sender=sender, **kwargs)


class TicketsConfig(AppConfig):
    name = "walletdesk.tickets"
    verbose_name = _("Tickets")
    label = "tickets"

    def ready(self) -> None:
        # The console's cached picker lists (selectors.console_choices) follow every change.
        for label in _CHOICES_SENDERS:
            name = label.rpartition(".")[2]
            post_save.connect(_console_choices_forget, sender=label, dispatch_uid=f"choices-save-{name}")
            post_delete.connect(_console_choices_forget, sender=label, dispatch_uid=f"choices-del-{name}")

"""Editors change synonyms in the admin: every process's search snapshot must reload them."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from walletdesk.helpcenter.models import Synonym


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def _synonym_changed(sender: type, **kwargs: Any) -> None:
    # Imported here: the search engine (pypinyin, numpy) costs seconds at start-up, and every
    # `walletdesk` command would pay it.
    from walletdesk.helpcenter.search.engine import index_changed

    index_changed()

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from walletdesk.channels_email import services
from walletdesk.channels_email.errors import MailboxLoginFailed, MailboxUnreachable

log = logging.getLogger(__name__)
_every_minute = crontab(minute="*")


def _every_minute_when_configured(moment: datetime) -> bool:
    """The scheduler asks each minute: with no IMAP host the task is never even queued."""
    return bool(settings.WALLETDESK_IMAP_HOST) and _every_minute(moment)


@db_periodic_task(_every_minute_when_configured)
@lock_task("channels-email-poll")  # one poll at a time across workers and machines
def mailbox_poll() -> None:
    try:
        result = services.mailbox_poll()
    except (MailboxUnreachable, MailboxLoginFailed) as exc:
        log.warning("email intake: %s", exc.message)
        return
    if result.outcomes:
        log.info(
            "email intake %s: %d new tickets, %d threaded, %d duplicates, %d skipped, %d held",
            result.mailbox,
            *(result.count(s) for s in ("new_ticket", "threaded", "duplicate", "skipped", "held")),
        )

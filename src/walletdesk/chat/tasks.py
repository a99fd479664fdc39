from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from walletdesk.chat import services, transcripts
from walletdesk.tickets.models import Ticket


@db_task(retries=3, retry_delay=60)
def transcript_email_deliver(ticket_id: int, email: str, locale: str) -> None:
    ticket = Ticket.objects.filter(pk=ticket_id).first()
    if ticket is not None:
        transcripts.transcript_email_send(ticket=ticket, email=email, locale=locale)


@db_periodic_task(crontab(minute="*"))
def abandoned_chats_sweep() -> None:
    services.queue_abandoned_sweep()

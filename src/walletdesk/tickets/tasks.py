from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from walletdesk.tickets import automation, outbox
from walletdesk.tickets.models import Message


@db_task()
def message_deliver(message_id: int) -> None:
    message = Message.objects.filter(pk=message_id).first()
    if message is not None:
        outbox.deliver(message=message)


@db_task(retries=5, retry_delay=60)
def reply_notice(message_id: int) -> None:
    """Best effort beside the in-app delivery: the reply is already in the portal."""
    from walletdesk.tickets.notify import reply_notice_send

    message = Message.objects.select_related("ticket", "ticket__customer").filter(pk=message_id).first()
    if message is not None:
        reply_notice_send(message)


@db_periodic_task(crontab(minute="*"))
def deliveries_sweep() -> None:
    outbox.stale_deliveries_requeue()


@db_task()
def message_automate(message_id: int, secrets_found: int) -> None:
    # The category decides the security alert and the diagnosis: read with the message, it is not
    # a second query for every automated message.
    message = (
        Message.objects.select_related("ticket", "ticket__customer", "ticket__category")
        .filter(pk=message_id)
        .first()
    )
    if message is not None:
        automation.message_automate(message=message, secrets_found=secrets_found)


@db_task(retries=5, retry_delay=30)
def webhook_deliver(url: str, body: str) -> None:
    from walletdesk.tickets import webhooks

    webhooks.webhook_deliver(url=url, body=body.encode())

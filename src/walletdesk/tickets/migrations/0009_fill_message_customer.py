from django.db import migrations
from django.db.models import OuterRef, Subquery

BATCH = 1000


def _api_prefix(customer_id: int) -> str:
    return f"api:{customer_id}:"


def fill(apps, schema_editor):
    """Customers' messages get their ticket's customer; the API's request ids lose the prefix that
    had scoped them to the customer (tickets.api wrote "api:<customer id>:<id>"), which the
    constraint now does."""
    Message = apps.get_model("tickets", "Message")
    Ticket = apps.get_model("tickets", "Ticket")
    Message.objects.filter(author_kind="customer").update(
        customer_id=Subquery(Ticket.objects.filter(pk=OuterRef("ticket_id")).values("customer_id")[:1])
    )
    _rewrite(Message, lambda m: m.external_id.removeprefix(_api_prefix(m.customer_id)))


def unfill(apps, schema_editor):
    Message = apps.get_model("tickets", "Message")
    _rewrite(Message, lambda m: _api_prefix(m.customer_id) + m.external_id)
    Message.objects.update(customer_id=None)


def _rewrite(Message, external_id):
    rows = Message.objects.filter(channel="api", author_kind="customer", external_id__isnull=False).only(
        "id", "customer_id", "external_id"
    )
    batch = []
    for message in rows.iterator(chunk_size=BATCH):
        message.external_id = external_id(message)
        batch.append(message)
        if len(batch) == BATCH:
            Message.objects.bulk_update(batch, ["external_id"])
            batch = []
    Message.objects.bulk_update(batch, ["external_id"])


class Migration(migrations.Migration):
    dependencies = [("tickets", "0008_message_customer")]

    operations = [migrations.RunPython(fill, unfill)]

"""Before the one-open-request rule (0003): of requests open at once for the same ticket, kind,
asset and amount, the oldest stays and the others are cancelled, with a note naming the one kept."""

from django.db import migrations

OPEN = ("requested", "crediting", "failed")


def cancel_open_duplicates(apps, schema_editor):  # noqa: ANN001, ANN201
    request_model = apps.get_model("compensation", "CompensationRequest")
    kept: dict[tuple, int] = {}
    for row in request_model.objects.filter(status__in=OPEN).order_by("id"):
        key = (row.ticket_id, row.kind, row.asset, row.amount)
        if key not in kept:
            kept[key] = row.pk
            continue
        row.status = "cancelled"
        row.decision_note = f"Cancelled as a duplicate of #{kept[key]} (same ticket, kind, asset and amount)."
        row.save(update_fields=["status", "decision_note", "updated_at"])


def keep_cancelled(apps, schema_editor):  # noqa: ANN001, ANN201
    """Nothing to undo: which cancelled requests were duplicates is not recorded apart from the note."""


class Migration(migrations.Migration):
    dependencies = [("compensation", "0001_initial")]

    operations = [migrations.RunPython(cancel_open_duplicates, keep_cancelled)]

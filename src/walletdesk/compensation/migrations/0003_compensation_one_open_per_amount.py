from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("compensation", "0002_compensation_cancel_open_duplicates")]

    operations = [
        migrations.AddConstraint(
            model_name="compensationrequest",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["requested", "crediting", "failed"])),
                fields=("ticket", "kind", "asset", "amount"),
                name="compensation_one_open_per_amount",
            ),
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tickets", "0009_fill_message_customer")]

    operations = [
        migrations.AddConstraint(
            model_name="message",
            constraint=models.UniqueConstraint(
                fields=("customer", "channel", "external_id"), name="message_customer_external_unique"
            ),
        ),
    ]

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("chat", "0001_chat_initial")]

    operations = [
        migrations.AddField(
            model_name="conversation",
            name="customer_seen_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="Customer last connected"
            ),
        ),
    ]

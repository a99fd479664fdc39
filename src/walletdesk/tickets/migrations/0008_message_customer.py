import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """External ids become unique per customer (message_customer_external_unique, 0010): the
    message carries its author's customer, filled in 0009. The old (channel, external id)
    constraint goes first: 0009 strips the API's per-customer prefix, after which two customers'
    "req-1" are the same (channel, external id)."""

    dependencies = [
        ("accounts", "0002_alter_agentprofile_options_alter_apitoken_options_and_more"),
        ("tickets", "0007_alter_attachment_options_alter_category_options_and_more"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="message", name="message_channel_external_unique"),
        migrations.AddField(
            model_name="message",
            name="customer",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.customer",
                verbose_name="Customer",
            ),
        ),
    ]

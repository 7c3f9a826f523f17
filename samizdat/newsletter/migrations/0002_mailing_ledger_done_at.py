from django.db import migrations, models
from django.db.models import F


def existing_ledgers_are_complete(apps, schema_editor):
    # Mailings made before this field had their ledger written by the time
    # they were sent; only new ones can be caught half-way.
    Mailing = apps.get_model("newsletter", "Mailing")
    Mailing.objects.update(ledger_done_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="mailing",
            name="ledger_done_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="ledger complete"
            ),
        ),
        migrations.RunPython(existing_ledgers_are_complete, migrations.RunPython.noop),
    ]

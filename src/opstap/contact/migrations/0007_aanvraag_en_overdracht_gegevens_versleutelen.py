"""Encrypt what an existing database holds in the columns 0006 made encrypted fields (batched,
idempotent; migrating back decrypts them)."""

from django.db import migrations

from opstap.privacy.sleutels import kolommen_versleutelen


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0006_aanvraag_en_overdracht_versleuteld"),
    ]

    operations = [
        migrations.RunPython(*kolommen_versleutelen("contact", "Aanvraag", ["gegevens"])),
        migrations.RunPython(*kolommen_versleutelen("contact", "Overdracht", ["reden"])),
    ]

"""Encrypt what an existing database holds in the columns 0002 made encrypted fields (batched,
idempotent; migrating back decrypts them)."""

from django.db import migrations

from opstap.privacy.sleutels import kolommen_versleutelen


class Migration(migrations.Migration):

    dependencies = [
        ("klanten", "0002_drempel_en_trede_versleuteld"),
    ]

    operations = [
        migrations.RunPython(*kolommen_versleutelen("klanten", "Drempel", ["soort", "toelichting"])),
        migrations.RunPython(*kolommen_versleutelen("klanten", "Klant", ["medisch_urenbeperkt"])),
        migrations.RunPython(*kolommen_versleutelen("klanten", "TredeWijziging", ["toelichting"])),
    ]

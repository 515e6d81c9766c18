"""Encrypt the saved calculations an existing database holds (the household, incl. a medical
limit on hours, and the result); batched, idempotent, migrating back decrypts them."""

from django.db import migrations

from opstap.privacy.sleutels import kolommen_versleutelen


class Migration(migrations.Migration):

    dependencies = [
        ("inkomen", "0003_berekening_versleuteld"),
    ]

    operations = [
        migrations.RunPython(*kolommen_versleutelen("inkomen", "Berekening", ["invoer", "uitkomst", "uitleg"])),
    ]

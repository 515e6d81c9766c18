"""Encrypt what an existing database holds in the columns 0004 made encrypted fields, and the
attachment files already on disk (batched, idempotent; migrating back decrypts them)."""

from django.db import migrations

from opstap.privacy.sleutels import bestanden_versleutelen, kolommen_versleutelen


class Migration(migrations.Migration):

    dependencies = [
        ("contact", "0004_begeleiding_en_bijlagen_versleuteld"),
    ]

    operations = [
        migrations.RunPython(*kolommen_versleutelen("contact", "Bericht", ["bijlage_naam"])),
        migrations.RunPython(*bestanden_versleutelen("contact", "Bericht", "bijlage")),
        migrations.RunPython(*kolommen_versleutelen("contact", "Contactmoment", ["onderwerp", "waarom"])),
        migrations.RunPython(*kolommen_versleutelen("contact", "Doel", ["tekst"])),
        migrations.RunPython(*kolommen_versleutelen("contact", "Stap", ["wat"])),
    ]

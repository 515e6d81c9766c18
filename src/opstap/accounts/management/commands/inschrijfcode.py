"""`opstap inschrijfcode GEBRUIKERSNAAM`: a one-time code to connect an authenticator app.

For the very first administrator, who has nobody to ask; later the administrator makes codes on
/beheer/inschrijfcode/. A new code removes the user's earlier code and connected app."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from opstap.accounts.models import Gebruiker
from opstap.accounts.services import InschrijfcodeFout, maak_inschrijfcode


class Command(BaseCommand):
    help = "Maak een eenmalige inschrijfcode waarmee een medewerker een authenticator-app koppelt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gebruikersnaam")

    def handle(self, *args: Any, **opties: Any) -> None:
        try:
            gebruiker = Gebruiker.objects.get(username=opties["gebruikersnaam"])
        except Gebruiker.DoesNotExist as exc:
            raise CommandError(
                f"Er is geen gebruiker met de naam {opties['gebruikersnaam']!r}."
            ) from exc
        try:
            code = maak_inschrijfcode(gebruiker)
        except InschrijfcodeFout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(code)
        self.stderr.write(
            f"Eenmalige inschrijfcode voor {gebruiker.username}, {settings.INSCHRIJFCODE_GELDIG_UUR} uur "
            "geldig. Een eerder gekoppelde authenticator-app werkt niet meer."
        )

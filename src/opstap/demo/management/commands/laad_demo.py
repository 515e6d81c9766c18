from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from opstap.demo.laden import DEMO_WACHTWOORD, laad_demo

LOGINS = [
    ("klant1", "klant (contactpersoon1)"),
    ("klant2", "klant (contactpersoon1)"),
    ("contactpersoon1", "contactpersoon"),
    ("contactpersoon2", "contactpersoon"),
    ("inkomen1", "inkomensconsulent"),
    ("werkgever1", "werkgever"),
    ("uitzendbureau1", "werkgever (gemeentelijk uitzendbureau)"),
    ("beleid1", "beleidsmedewerker"),
    ("beheer1", "beheerder"),
]


class Command(BaseCommand):
    help = "Laad de verzonnen demogemeente Demodam (alleen in demomodus). Twee keer draaien kan geen kwaad."

    def handle(self, *args: Any, **opties: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "Demogegevens laden kan alleen in demomodus (OPSTAP_DEMO=ja), nooit in productie."
            )
        gemeente, nieuw = laad_demo()
        self.stdout.write(f"{gemeente.naam}: {'geladen' if nieuw else 'was al geladen'}.")
        self.stdout.write("\nDemo-logins (wachtwoord voor iedereen: " + DEMO_WACHTWOORD + "):")
        for naam, rol in LOGINS:
            self.stdout.write(f"  {naam:<17} {rol}")

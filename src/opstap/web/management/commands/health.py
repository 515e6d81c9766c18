"""`opstap health`: the full health check (database, cache, broker, storage) as JSON; exit code 1 on a fault."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from opstap.web.gezondheid import volledige_controle


class Command(BaseCommand):
    help = "Controleer database, cache, broker en opslag. Geeft exitcode 1 als er iets niet werkt."

    def handle(self, *args: Any, **opties: Any) -> None:
        gezond, resultaten = volledige_controle()
        self.stdout.write(
            json.dumps({"status": "ok" if gezond else "fout", "onderdelen": resultaten})
        )
        if not gezond:
            raise CommandError("Niet alles werkt: zie hierboven welk onderdeel 'fout' meldt.")

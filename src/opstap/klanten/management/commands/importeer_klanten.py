import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opstap.gemeenten.models import Gemeente
from opstap.klanten.importeren import BestandFout, importeer_klanten


class Command(BaseCommand):
    help = "Importeer een klantenbestand (CSV) voor een gemeente. Zie docs/import.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", type=Path)
        parser.add_argument(
            "--gemeente", required=True, help="Korte naam van de gemeente, bijv. demodam."
        )

    def handle(self, *args: Any, bestand: Path, gemeente: str, **opties: Any) -> None:
        try:
            tenant = Gemeente.objects.get(slug=gemeente)
        except Gemeente.DoesNotExist as exc:
            raise CommandError(f"Gemeente '{gemeente}' bestaat niet.") from exc
        try:
            inhoud = bestand.read_bytes()
        except OSError as exc:
            raise CommandError(
                f"Het bestand '{bestand}' kan niet worden gelezen: {exc.strerror}."
            ) from exc

        stap = 0

        def voortgang(gedaan: int, totaal: int) -> None:
            nonlocal stap
            if (
                totaal >= 1000
                and gedaan * 10 // totaal > stap
                or gedaan == totaal
                and totaal >= 1000
            ):
                stap = gedaan * 10 // totaal
                self.stderr.write(
                    f"  {gedaan} van {totaal} regels verwerkt ({gedaan * 100 // totaal}%)"
                )

        try:
            resultaat = importeer_klanten(inhoud, gemeente=tenant, voortgang=voortgang)
        except BestandFout as exc:
            raise CommandError(str(exc)) from exc
        for fout in resultaat.fouten:
            self.stderr.write(str(fout))
        self.stdout.write(
            f"{resultaat.toegevoegd} klanten toegevoegd, {resultaat.bijgewerkt} bijgewerkt, "
            f"{resultaat.geweigerd} regels geweigerd."
        )
        if resultaat.fouten:
            sys.exit(1)

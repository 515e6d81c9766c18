"""`opstap besparing --bijstand N --trede34 N --parttimers N --maandloon EUR`: the study's method."""

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opstap.beleid.besparing import PARTTIME_MAANDLOON, studiemethode


def _bedrag(tekst: str) -> Decimal:
    try:
        return Decimal(tekst.replace(",", "."))
    except InvalidOperation as fout:
        raise CommandError(f"Geen bedrag: {tekst!r}. Gebruik bijvoorbeeld 523 of 523,50.") from fout


class Command(BaseCommand):
    help = (
        "De rekenmethode van de klantreisstudie: potentiële parttimers (klanten in trede 3-4 "
        "zonder parttime werk) en de besparing per jaar (x gemiddeld maandloon x 12). Print JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bijstand", type=int, required=True, help="Klanten in de bijstand.")
        parser.add_argument(
            "--trede34", type=int, required=True, help="Klanten in trede 3 en 4 (de doelgroep)."
        )
        parser.add_argument(
            "--parttimers", type=int, required=True, help="Klanten die al parttime werken."
        )
        parser.add_argument(
            "--maandloon",
            type=_bedrag,
            default=PARTTIME_MAANDLOON.waarde,
            help="Gemiddelde parttime verdiensten per maand in euro (studie: 523, Divosa 2015).",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        if opties["trede34"] > opties["bijstand"]:
            raise CommandError("--trede34 is groter dan --bijstand.")
        try:
            uitkomst = studiemethode(
                doelgroep=opties["trede34"],
                parttimers=opties["parttimers"],
                maandloon=opties["maandloon"],
            )
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(json.dumps(uitkomst.als_json()))

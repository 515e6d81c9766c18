from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opstap.privacy.sleutels import (
    BATCH,
    bestanden_roteren,
    velden_roteren,
    zoekhashes_herberekenen,
)


class Command(BaseCommand):
    help = (
        "Versleutel alle versleutelde velden en bestanden opnieuw met de eerste sleutel uit "
        "FIELD_ENCRYPTION_KEYS, en bereken de BSN-zoekhashes opnieuw. Veilig om vaker te draaien. "
        "Zie docs/import.md (sleutel vervangen)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch", type=int, default=BATCH, help=f"Rijen per keer (standaard {BATCH})."
        )

    def handle(self, *args: Any, batch: int, **opties: Any) -> None:
        if batch < 1:
            raise CommandError("--batch moet minstens 1 zijn.")
        problemen: list[str] = []
        for label, telling in velden_roteren(batch=batch).items():
            self.stdout.write(
                f"{label}: {telling.nieuw} waarden opnieuw versleuteld, "
                f"{telling.al_goed} hadden de nieuwe sleutel al."
            )
            problemen += telling.problemen
        bestanden = bestanden_roteren(batch=batch)
        self.stdout.write(
            f"Bestanden: {bestanden.nieuw} opnieuw versleuteld, "
            f"{bestanden.al_goed} hadden de nieuwe sleutel al."
        )
        problemen += bestanden.problemen
        hashes = zoekhashes_herberekenen(batch=batch)
        self.stdout.write(
            f"BSN-zoekhashes: {hashes.nieuw} opnieuw berekend, {hashes.al_goed} waren al goed."
        )
        problemen += hashes.problemen
        for probleem in problemen:
            self.stderr.write(f"Niet gelukt: {probleem}")
        if problemen:
            raise CommandError(
                f"{len(problemen)} onderdelen zijn niet opnieuw versleuteld (zie hierboven). "
                "Houd de oude sleutel in FIELD_ENCRYPTION_KEYS tot dit is opgelost."
            )
        self.stdout.write(
            self.style.SUCCESS(
                "Klaar. Alles gebruikt nu de eerste sleutel; "
                "je kunt de oude sleutel uit FIELD_ENCRYPTION_KEYS halen."
            )
        )

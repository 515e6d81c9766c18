"""The one place that turns a wanted date into the date the rules engine can compute with.

The engine knows its amounts up to `LAATSTE_PEILDATUM` (docs/regels.md "Perioden") and refuses a
later peildatum. The amounts for a new year are published late; until the engine knows them, every
page, letter, settlement and job computes with the last known date and says so honestly: the
result is `voorlopig` (provisional). Dates the engine knows pass through unchanged; other errors
are the engine's own, never hidden here."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from regels.peilparameters import LAATSTE_PEILDATUM


@dataclass(frozen=True)
class Rekendatum:
    gewenst: date  # the day (or month) asked for: today, or the month being settled
    datum: date  # the day the engine computes with

    @property
    def voorlopig(self) -> bool:
        """True when the engine does not know the amounts of the wanted date yet."""
        return self.datum < self.gewenst

    @property
    def melding(self) -> str:
        """The short, kind note for a provisional result; empty when it is not provisional."""
        if not self.voorlopig:
            return ""
        return (
            _(
                "De bedragen voor %(jaar)s zijn nog niet bekend. Dit is berekend met de bedragen van "
                "%(maand)s. Zodra de nieuwe bedragen er zijn, rekenen we opnieuw."
            )
            % self._jaar_en_maand()
        )

    @property
    def melding_verrekend(self) -> str:
        """The note beside a stored settlement that was computed provisionally."""
        if not self.voorlopig:
            return ""
        return (
            _(
                "Toen we dit verrekenden, waren de bedragen voor %(jaar)s nog niet bekend. We rekenden "
                "met de bedragen van %(maand)s. Zodra de nieuwe bedragen er zijn, rekenen we opnieuw."
            )
            % self._jaar_en_maand()
        )

    def _jaar_en_maand(self) -> dict[str, object]:
        return {"jaar": self.gewenst.year, "maand": date_format(self.datum, "F Y")}

    def als_json(self) -> dict[str, object]:
        return {"rekendatum": self.datum.isoformat(), "voorlopig": self.voorlopig}


# What an API answer that computes with the engine carries (documented in each OpenAPI schema).
API_UITLEG = {
    "rekendatum": "De dag waarmee de rekenregels rekenden (JJJJ-MM-DD). Na de laatste dag waarvan "
    "de bedragen bekend zijn: die laatste dag.",
    "voorlopig": "true als de bedragen voor de gevraagde dag nog niet bekend zijn: dan is gerekend "
    "met de bedragen van de laatste bekende dag (rekendatum), en wordt opnieuw gerekend zodra de "
    "nieuwe bedragen er zijn.",
}


def rekendatum(gewenst: date | None = None) -> Rekendatum:
    """The date to compute with for `gewenst` (default: today): itself, or the engine's last known
    date when `gewenst` lies after it (then `voorlopig`)."""
    dag = gewenst or timezone.localdate()
    return Rekendatum(gewenst=dag, datum=min(dag, LAATSTE_PEILDATUM))

"""Potential part-timers and what they save: the journey study's method (seed 000, "in de praktijk").

The study counts the clients in trede 3 and 4 (Amsterdam) or with a wage value above 50%
(Drechtsteden), takes off those who already work part-time, and multiplies the rest by the
average earnings of a part-timer that the municipality need not pay out: € 523 a month per
person (Divosa, 2015), times 12 for a year. No rules engine is involved: it is a rough average,
kept here so its figures can be reproduced and set beside the engine's estimate (services.py).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class GedateerdeParameter:
    waarde: Decimal
    geldig_vanaf: date
    bron: str


# The study's average monthly part-time earnings per person: a dated, cited parameter.
PARTTIME_MAANDLOON = GedateerdeParameter(
    waarde=Decimal("523"),
    geldig_vanaf=date(2015, 1, 1),
    bron="Divosa (2015), zoals gebruikt in de klantreisstudie (seed 000, 'in de praktijk')",
)


@dataclass(frozen=True)
class StudieUitkomst:
    potentieel: int
    besparing_per_jaar: Decimal

    def als_json(self) -> dict[str, int | float]:
        bedrag = self.besparing_per_jaar
        return {
            "potentieel": self.potentieel,
            "besparing_per_jaar": int(bedrag) if bedrag == bedrag.to_integral() else float(bedrag),
        }


def studiemethode(
    *, doelgroep: int, parttimers: int, maandloon: Decimal = PARTTIME_MAANDLOON.waarde
) -> StudieUitkomst:
    """Potential part-timers (the target group minus those already working part-time) and the
    yearly saving: potential x average part-time earnings a month x 12."""
    if doelgroep < 0 or parttimers < 0:
        raise ValueError("Aantallen kunnen niet negatief zijn.")
    if parttimers > doelgroep:
        raise ValueError("Er zijn meer parttimers dan klanten in de doelgroep.")
    if maandloon < 0:
        raise ValueError("Het maandloon kan niet negatief zijn.")
    potentieel = doelgroep - parttimers
    besparing = (Decimal(potentieel) * Decimal(maandloon) * 12).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return StudieUitkomst(potentieel=potentieel, besparing_per_jaar=besparing)


# The study's own inputs (seed 000, "in de praktijk"): name, clients in bijstand, target group
# (Amsterdam: trede 3-4; Drechtsteden: wage value above 50%), already working part-time.
STUDIEVOORBEELDEN = (
    ("Amsterdam", 41_000, 6_200, 825),
    ("Drechtsteden", 6_600, 3_500, 760),
)

"""The client's visual settlement (D4): per month what I earned, the part that is vrijgelaten,
what the municipality adds and the total, from the stored settlement or, before anyone at the
municipality looked, a preview on the declared figures ("dit verwachten we te verrekenen")."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

import regels
from opstap.inkomen.rekendatum import Rekendatum, rekendatum
from opstap.inkomen.selectors import NiveauUitleg, uitleg_voor_niveau
from opstap.klanten.models import Klant
from opstap.web.geld import euro
from opstap.werken.models import Baan
from opstap.werken.services import geld_bij_baan

from .models import Inkomstenverklaring, LeesStatus, Verrekening
from .selectors_werk import maand_tekst
from .verrekening import bedrag, voorbeeld, vorige_verrekening

MAANDEN = 6  # the last six months with a declaration: bounded work per page

# Stacked from the left: the wage (the vrijgelaten part first), then what the municipality adds.
DELEN = [
    ("vrijgelaten", "#1e6b34"),
    ("telt_mee", "#154273"),
    ("bijstand", "#6b9bd1"),
    ("vakantietoeslag", "#b34700"),
]


@dataclass
class Verwachting:
    werkgever: str
    zelf_verdiend: Decimal
    bijstand: Decimal | None  # only with one job: the calculator computed that job alone


@dataclass
class Maand:
    maand: date
    naam: str
    voorlopig: bool  # a preview: not settled yet
    netto: Decimal  # what I earned myself (net, all jobs)
    vrijgelaten: Decimal
    bijstand: Decimal  # the month's bijstand including the holiday allowance
    uitbetaald: Decimal  # paid this month
    vakantietoeslag: Decimal  # kept apart each month, paid in May
    extra_in_mei: Decimal
    totaal: Decimal  # wage + bijstand paid this month
    regelversie: str
    rekendatum: Rekendatum  # voorlopig when the month's amounts were not known to the engine
    uitleg: NiveauUitleg | None
    verklaringen: list[Inkomstenverklaring]
    verrekening: Verrekening | None = None
    correctie: str = ""
    verwachtingen: list[Verwachting] = field(default_factory=list)
    svg: str = ""

    @property
    def telt_mee(self) -> Decimal:
        return max(self.netto - self.vrijgelaten, Decimal(0))

    @property
    def is_mei(self) -> bool:
        return self.maand.month == 5


def _uit_rij(rij: dict[str, Any]) -> dict[str, Decimal]:
    return {
        "vrijgelaten": bedrag(rij["inkomensvrijlating"]),
        "bijstand": bedrag(rij["bijstand"]),
        "uitbetaald": bedrag(rij["bijstand_uitbetaald"]),
        "vakantietoeslag": bedrag(rij["vakantietoeslag_bijstand_per_maand"]),
        "extra_in_mei": bedrag(rij["extra_in_mei"]),
    }


def _correctie_tekst(verrekening: Verrekening) -> str:
    """How a correction of an earlier settlement of the month is explained to the client."""
    vorige = verrekening.corrigeert
    if vorige is None or verrekening.verschil is None:
        return ""
    delen = []
    if vorige.verklaring.schatting and vorige.verklaring.baan_id == verrekening.verklaring.baan_id:
        delen.append(
            _("In %(maand)s schatten we %(schatting)s; het werd %(echt)s.")
            % {
                "maand": maand_tekst(verrekening.maand).split(" ")[0],
                "schatting": euro(vorige.netto_loon),
                "echt": euro(verrekening.netto_loon),
            }
        )
    else:
        delen.append(
            _(
                "Voor %(maand)s kwam er een verklaring bij (%(werkgever)s). We rekenden de maand opnieuw."
            )
            % {
                "maand": maand_tekst(verrekening.maand),
                "werkgever": verrekening.verklaring.baan.werkgever_naam,
            }
        )
    in_maand = (
        maand_tekst(verrekening.verrekenen_in).split(" ")[0] if verrekening.verrekenen_in else ""
    )
    if verrekening.verschil > 0:
        delen.append(
            _("Je krijgt %(bedrag)s bijstand extra. Dat verrekenen we in %(maand)s.")
            % {"bedrag": euro(verrekening.verschil), "maand": in_maand}
        )
    elif verrekening.verschil < 0:
        delen.append(
            _("Je kreeg %(bedrag)s bijstand te veel. Het verschil verrekenen we in %(maand)s.")
            % {"bedrag": euro(-verrekening.verschil), "maand": in_maand}
        )
    else:
        delen.append(_("Je bijstand blijft gelijk."))
    return " ".join(delen)


def _verwachtingen(banen: list[Baan], maand: date) -> list[Verwachting]:
    uit = []
    for baan in banen:
        try:
            geld = geld_bij_baan(baan, peildatum=maand)
        except regels.InvoerFout:
            geld = None
        if geld is None:
            continue
        uit.append(
            Verwachting(
                baan.werkgever_naam,
                Decimal(geld["zelf_verdiend"]).quantize(Decimal("0.01")),
                Decimal(geld["bijstand"]).quantize(Decimal("0.01")) if len(banen) == 1 else None,
            )
        )
    return uit


def wachtende_maanden(klant: Klant) -> list[str]:
    """Months not settled whose payslip is still being read: no preview yet, a note instead."""
    maanden = (
        Inkomstenverklaring.objects.filter(klant=klant, lees_status=LeesStatus.WACHT)
        .exclude(maand__in=Verrekening.objects.filter(klant=klant).values("maand"))
        .order_by("-maand")
        .values_list("maand", flat=True)
        .distinct()[:MAANDEN]
    )
    return [maand_tekst(m) for m in maanden]


def maanden_van(klant: Klant) -> list[Maand]:
    """The client's last months with a declaration, newest first: settled or a preview."""
    maanden = list(
        Inkomstenverklaring.objects.filter(klant=klant)
        .order_by("-maand")
        .values_list("maand", flat=True)
        .distinct()[:MAANDEN]
    )
    uit = []
    for m in maanden:
        verklaringen: list[Inkomstenverklaring] = list(
            Inkomstenverklaring.objects.filter(klant=klant, maand=m)
            .select_related("baan", "verrekening")
            .order_by("ontvangen_op")
        )
        verrekening = vorige_verrekening(klant, m)
        if verrekening is not None:
            berekening = verrekening.berekening
            rij = berekening.uitkomst["resultaten"][0]
            uitleg = uitleg_voor_niveau(berekening.uitleg or {}, 0)
            netto, regelversie = verrekening.netto_maand, verrekening.regelversie
            datum = verrekening.rekendatum
        else:
            # The preview as soon as there are figures: read from the payslip or typed by the client.
            if not any(
                v.lees_status in (LeesStatus.KLAAR, LeesStatus.GEEN, LeesStatus.NIET_GELUKT)
                for v in verklaringen
            ):
                continue
            uitkomst = voorbeeld(klant, m)
            if uitkomst is None:
                continue
            rij = uitkomst["resultaten"][0]
            uitleg = uitleg_voor_niveau(uitkomst.get("uitleg") or {}, 0)
            netto = bedrag(rij["netto_loon_per_maand"])
            regelversie = str(uitkomst.get("regelversie", ""))
            datum = rekendatum(m)
        delen = _uit_rij(rij)
        banen = list({v.baan_id: v.baan for v in verklaringen}.values())
        uit.append(
            Maand(
                maand=m,
                naam=maand_tekst(m),
                voorlopig=verrekening is None,
                netto=netto,
                totaal=netto + delen["uitbetaald"],
                regelversie=regelversie,
                rekendatum=datum,
                uitleg=uitleg,
                verklaringen=verklaringen,
                verrekening=verrekening,
                correctie=_correctie_tekst(verrekening) if verrekening else "",
                verwachtingen=_verwachtingen(banen, m),
                vrijgelaten=delen["vrijgelaten"],
                bijstand=delen["bijstand"],
                uitbetaald=delen["uitbetaald"],
                vakantietoeslag=delen["vakantietoeslag"],
                extra_in_mei=delen["extra_in_mei"],
            )
        )
    schaal = max((float(x.netto + x.bijstand) for x in uit), default=0.0)
    for maand in uit:
        maand.svg = staaf_svg(maand, schaal)
    return uit


def staaf_svg(m: Maand, schaal: float) -> str:
    """One stacked bar, drawn on the server (no JavaScript, no internet); the same numbers are in
    the text beside it, so the picture itself is decorative for a screen reader."""
    breedte, hoogte = 600.0, 36.0
    waarden = {
        "vrijgelaten": float(m.vrijgelaten if m.vrijgelaten <= m.netto else m.netto),
        "telt_mee": float(m.telt_mee),
        "bijstand": float(m.uitbetaald),
        "vakantietoeslag": float(m.vakantietoeslag),
    }
    x = 0.0
    stukken = []
    for naam, kleur in DELEN:
        w = breedte * waarden[naam] / schaal if schaal > 0 else 0.0
        if w <= 0:
            continue
        patroon = ' fill-opacity="0.75"' if naam == "vakantietoeslag" else ""
        stukken.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{hoogte:.0f}" fill="{kleur}"'
            f'{patroon} stroke="#ffffff" stroke-width="1"/>'
        )
        x += w
    return (
        f'<svg class="verrekenstaaf" viewBox="0 0 {breedte:.0f} {hoogte:.0f}" width="100%" '
        f'preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        f"<title>{escape(m.naam)}</title>{''.join(stukken)}</svg>"
    )

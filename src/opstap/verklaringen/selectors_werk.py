"""Reading declarations for the income desk: the queue by deadline and status, and the signals
(flags) that tell the administrator where to look twice. Bounded: one page of the queue at a time,
and the signals of a page come from two extra queries."""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opstap.accounts.models import Gebruiker
from opstap.accounts.toegang import zichtbare_verklaringen
from opstap.gemeenten.models import STANDAARD_INSTELLINGEN, Gemeente
from opstap.klanten.models import Klant
from opstap.web.geld import euro
from opstap.werken.models import Baan

from .models import Inkomstenverklaring, Status, Verrekening

# Margins of the signals (docs/verrekening.md).
UREN_MARGE = Decimal("0.25")  # hours more than 25 % away from the contract's hours in the month
UREN_MARGE_MINIMUM = Decimal(4)  # … and at least 4 hours away (small contracts vary by a shift)
NETTO_BRUTO_MIN = Decimal("0.60")  # net below 60 % of gross is not a part-time wage in bijstand
NETTO_BRUTO_MAX = Decimal("1.00")  # net above gross cannot be
LEZEN_VERSCHIL = Decimal("1.00")  # the payslip read says something else than the client typed
TERUG_MAANDEN = 3  # missing declarations: this many due months back
PAGINA = 50

OPEN = (Status.ONTVANGEN, Status.IN_BEHANDELING, Status.AANVULLING_NODIG)


@dataclass(frozen=True)
class Signaal:
    soort: str  # uren, netto, periode, werkgever, ontbreekt, te_laat, loonstrook
    tekst: str


def verklaring_dag(gemeente: Gemeente | None) -> int:
    waarde = gemeente.instelling("inkomstenverklaring_dag") if gemeente else None
    try:
        return max(1, min(28, int(str(waarde))))
    except (TypeError, ValueError):
        return int(str(STANDAARD_INSTELLINGEN["inkomstenverklaring_dag"]))


def uiterste_datum(maand: date, dag: int) -> date:
    """The deadline of a month's declaration: day `dag` of the next month."""
    volgende = date(maand.year + maand.month // 12, maand.month % 12 + 1, 1)
    return volgende.replace(day=min(dag, calendar.monthrange(volgende.year, volgende.month)[1]))


def maand_tekst(maand: date) -> str:
    return date_format(maand, "F Y")


def _dagen_in_maand(baan: Baan, maand: date) -> int:
    """Days of the month the job ran (a job that starts or ends mid-month counts part)."""
    laatste = maand.replace(day=calendar.monthrange(maand.year, maand.month)[1])
    begin = max(maand, baan.begonnen_op)
    einde = min(laatste, baan.einde_op) if baan.einde_op else laatste
    return max((einde - begin).days + 1, 0)


def verwachte_uren(baan: Baan, maand: date) -> Decimal | None:
    """The contract's hours in the month: hours a week × the weeks the job ran that month.
    None for an on-call contract (no fixed hours)."""
    if baan.uren_per_week is None or baan.oproepcontract:
        return None
    return (baan.uren_per_week * Decimal(_dagen_in_maand(baan, maand)) / Decimal(7)).quantize(
        Decimal("0.1")
    )


def _overlapt(maand: date, van: date, tot: date) -> bool:
    laatste = maand.replace(day=calendar.monthrange(maand.year, maand.month)[1])
    return van <= laatste and tot >= maand


def datum_uit_tekst(tekst: Any) -> date | None:
    try:
        return date.fromisoformat(str(tekst))
    except (TypeError, ValueError):
        return None


def _zelfde_werkgever(a: str, b: str) -> bool:
    a, b = a.casefold().strip(), b.casefold().strip()
    return bool(a and b) and (a in b or b in a)


def ontbrekende_maanden(
    banen: list[Baan], verklaard: set[tuple[int, date]], *, dag: int, vandaag: date
) -> list[tuple[Baan, date]]:
    """Jobs without a declaration for a month that is due (its deadline passed), the last
    TERUG_MAANDEN months back."""
    uit = []
    maand = vandaag.replace(day=1)
    maanden = []
    for _i in range(TERUG_MAANDEN + 1):
        maand = (maand - timedelta(days=1)).replace(day=1)
        if uiterste_datum(maand, dag) < vandaag:
            maanden.append(maand)
    for baan in banen:
        for m in maanden:
            loopt = baan.begonnen_op <= m.replace(day=calendar.monthrange(m.year, m.month)[1]) and (
                baan.einde_op is None or baan.einde_op >= m
            )
            if loopt and (baan.pk, m) not in verklaard:
                uit.append((baan, m))
    return sorted(uit, key=lambda bm: bm[1])[: TERUG_MAANDEN * 3]


def signalen(
    verklaring: Inkomstenverklaring,
    *,
    dag: int,
    ontbrekend: list[tuple[Baan, date]] = (),  # type: ignore[assignment]
) -> list[Signaal]:
    """Where to look twice, each with the reason in words."""
    uit: list[Signaal] = []
    baan = verklaring.baan
    verwacht = verwachte_uren(baan, verklaring.maand)
    if verwacht is not None and verwacht > 0:
        afstand = abs(verklaring.uren - verwacht)
        if afstand > max(verwacht * UREN_MARGE, UREN_MARGE_MINIMUM):
            uit.append(
                Signaal(
                    "uren",
                    _(
                        "Uren wijken af van het contract: %(uren)s gewerkt, ongeveer %(verwacht)s "
                        "verwacht (%(per_week)s uur per week)."
                    )
                    % {
                        "uren": _getal(verklaring.uren),
                        "verwacht": _getal(verwacht),
                        "per_week": _getal(baan.uren_per_week or 0),
                    },
                )
            )
    gelezen: dict[str, Any] = verklaring.gelezen or {}
    bruto = verklaring.bruto_loon
    if bruto is None and gelezen.get("bruto_loon") is not None:
        bruto = Decimal(str(gelezen["bruto_loon"]))
    if bruto:
        verhouding = verklaring.netto_loon / bruto
        if not (NETTO_BRUTO_MIN <= verhouding <= NETTO_BRUTO_MAX):
            uit.append(
                Signaal(
                    "netto",
                    _(
                        "Netto past niet bij bruto: %(netto)s netto bij %(bruto)s bruto "
                        "(verwacht tussen 60 en 100 procent)."
                    )
                    % {"netto": euro(verklaring.netto_loon), "bruto": euro(bruto)},
                )
            )
    gelezen_netto = gelezen.get("netto_loon")
    if gelezen_netto is not None:
        verschil = abs(Decimal(str(gelezen_netto)) - verklaring.netto_loon)
        if verschil > LEZEN_VERSCHIL:
            uit.append(
                Signaal(
                    "loonstrook",
                    _("Op de loonstrook lezen we %(gelezen)s netto; opgegeven is %(netto)s.")
                    % {"gelezen": euro(gelezen_netto), "netto": euro(verklaring.netto_loon)},
                )
            )
    van, tot = (
        datum_uit_tekst(gelezen.get("periode_van")),
        datum_uit_tekst(gelezen.get("periode_tot")),
    )
    if van and tot and not _overlapt(verklaring.maand, van, tot):
        uit.append(
            Signaal(
                "periode",
                _("De loonstrook gaat over %(van)s tot %(tot)s, niet over %(maand)s.")
                % {
                    "van": date_format(van, "j F Y"),
                    "tot": date_format(tot, "j F Y"),
                    "maand": maand_tekst(verklaring.maand),
                },
            )
        )
    werkgever = str(gelezen.get("werkgever") or "")
    if werkgever and not _zelfde_werkgever(werkgever, baan.werkgever_naam):
        uit.append(
            Signaal(
                "werkgever",
                _("Op de loonstrook staat werkgever %(gelezen)s, niet %(baan)s.")
                % {"gelezen": werkgever, "baan": baan.werkgever_naam},
            )
        )
    deadline = uiterste_datum(verklaring.maand, dag)
    ontvangen = timezone.localdate(verklaring.ontvangen_op)
    if ontvangen > deadline:
        uit.append(
            Signaal(
                "te_laat",
                _("Te laat: ontvangen op %(ontvangen)s, de uiterste datum was %(deadline)s.")
                % {
                    "ontvangen": date_format(ontvangen, "j F Y"),
                    "deadline": date_format(deadline, "j F Y"),
                },
            )
        )
    for andere_baan, maand in ontbrekend:
        uit.append(
            Signaal(
                "ontbreekt",
                _("Geen verklaring van %(werkgever)s over %(maand)s.")
                % {"werkgever": andere_baan.werkgever_naam, "maand": maand_tekst(maand)},
            )
        )
    return uit


def _getal(waarde: Decimal | int | float) -> str:
    d = Decimal(str(waarde))
    tekst = f"{d:.1f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


@dataclass(frozen=True)
class Rij:
    verklaring: Inkomstenverklaring
    uiterste_datum: date
    signalen: list[Signaal]


def wachtrij(
    gebruiker: Gebruiker, *, status: str = "open", maand: date | None = None
) -> QuerySet[Inkomstenverklaring]:
    """Declarations of the municipality by deadline (the month: earliest first) and arrival."""
    qs = zichtbare_verklaringen(gebruiker).select_related("klant", "baan", "verrekening")
    if status == "open":
        qs = qs.filter(status__in=OPEN)
    elif status in Status.values:
        qs = qs.filter(status=status)
    if maand is not None:
        qs = qs.filter(maand=maand)
    return qs.order_by("maand", "ontvangen_op", "pk")


def rijen_met_signalen(
    verklaringen: list[Inkomstenverklaring], *, gemeente: Gemeente | None
) -> list[Rij]:
    """The signals of one page of the queue: two queries for the clients' jobs and months."""
    dag = verklaring_dag(gemeente)
    vandaag = timezone.localdate()
    klant_ids = {v.klant_id for v in verklaringen}
    banen: dict[int, list[Baan]] = defaultdict(list)
    for baan in Baan.objects.filter(klant_id__in=klant_ids):
        banen[baan.klant_id].append(baan)
    sinds = (vandaag.replace(day=1) - timedelta(days=31 * (TERUG_MAANDEN + 1))).replace(day=1)
    verklaard = set(
        Inkomstenverklaring.objects.filter(klant_id__in=klant_ids, maand__gte=sinds).values_list(
            "baan_id", "maand"
        )
    )
    per_klant = {
        k: ontbrekende_maanden(banen[k], verklaard, dag=dag, vandaag=vandaag) for k in klant_ids
    }
    return [
        Rij(
            v,
            uiterste_datum(v.maand, dag),
            signalen(v, dag=dag, ontbrekend=per_klant[v.klant_id]),
        )
        for v in verklaringen
    ]


# --- the export for the municipality's payment system (docs/verrekening.md) ----------------------

EXPORT_VELDEN = [
    "kenmerk",
    "klantnummer",
    "maand",
    "netto_inkomen",
    "inkomensvrijlating",
    "bijstandsnorm",
    "bijstand",
    "corrigeert",
    "verschil",
    "verrekenen_in",
    "te_betalen",
    "regelversie",
    "verrekend_op",
    "rekendatum",
    "voorlopig",
]
MAX_EXPORT = 5000  # one month of one municipality; more is refused, not cut off silently


def export_rijen(gebruiker: Gebruiker, maand: date) -> tuple[list[dict[str, str]], list[Klant]]:
    """Every settlement of the month (corrections included), oldest first, as the payment system
    reads them: amounts with a point and two decimals, months as JJJJ-MM, times in ISO 8601.
    Also returns the clients in it, for the access log."""
    verrekeningen = list(
        Verrekening.objects.filter(verklaring__in=zichtbare_verklaringen(gebruiker), maand=maand)
        .select_related("verklaring", "corrigeert__verklaring", "klant", "berekening")
        .defer("berekening__invoer", "berekening__uitkomst", "berekening__uitleg")
        .order_by("verrekend_op", "pk")[: MAX_EXPORT + 1]
    )
    if len(verrekeningen) > MAX_EXPORT:
        raise ValueError(_("Te veel verrekeningen in één maand voor één export."))
    uit = []
    for v in verrekeningen:
        te_betalen = v.verschil if v.corrigeert_id else v.bijstand
        uit.append(
            {
                "kenmerk": v.verklaring.kenmerk,
                "klantnummer": str(v.klant_id),
                "maand": v.maand.strftime("%Y-%m"),
                "netto_inkomen": f"{v.netto_maand:.2f}",
                "inkomensvrijlating": f"{v.inkomensvrijlating:.2f}",
                "bijstandsnorm": f"{v.bijstandsnorm:.2f}",
                "bijstand": f"{v.bijstand:.2f}",
                "corrigeert": v.corrigeert.verklaring.kenmerk if v.corrigeert else "",
                "verschil": f"{v.verschil:.2f}" if v.verschil is not None else "",
                "verrekenen_in": v.verrekenen_in.strftime("%Y-%m") if v.verrekenen_in else "",
                "te_betalen": f"{te_betalen:.2f}" if te_betalen is not None else "",
                "regelversie": v.regelversie,
                "verrekend_op": timezone.localtime(v.verrekend_op).isoformat(timespec="seconds"),
                "rekendatum": v.rekendatum.datum.isoformat(),
                "voorlopig": "ja" if v.rekendatum.voorlopig else "nee",
            }
        )
    return uit, [v.klant for v in verrekeningen]

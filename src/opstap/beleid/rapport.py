"""A reproducible report for policy staff (F1, F2): CSV and PDF of the same numbers.

It states what it was made from: the data date (peildatum: the caseload as it was known on
that day), the parameters, the rule version and the suppression rule. The same inputs on the
same data give the same numbers, and the same bytes (reportlab's invariant mode; no clock in
the content). All numbers come from the same selectors as the pages, suppression included.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

import regels
from opstap.gemeenten.models import Gemeente

from .besparing import PARTTIME_MAANDLOON
from .models import Besparingsschatting
from .onderdrukking import MINIMALE_CELGROOTTE, weergave
from .overleving import UITKOMSTEN, aandeel_na, curves
from .tijdreeks import GEBEURTENISSEN, INDELINGEN, bestandsbeeld_in_de_tijd
from .verloop import verlopen_van

MAANDEN_KM = (6, 12, 24)


@dataclass(frozen=True)
class Rapportparameters:
    peildatum: date
    aantal_maanden: int = 12
    cohort: int | None = None


def rapport_rijen(gemeente: Gemeente, p: Rapportparameters) -> list[list[str]]:
    """The report as rows: (section, period or group, breakdown, category, value)."""
    rijen: list[list[str]] = [
        ["onderdeel", "periode_of_groep", "indeling", "categorie", "waarde"],
        ["parameters", "", "gemeente", gemeente.naam, gemeente.cbs_code],
        ["parameters", "", "peildatum_gegevens", "", p.peildatum.isoformat()],
        ["parameters", "", "aantal_maanden", "", str(p.aantal_maanden)],
        ["parameters", "", "cohort", "", str(p.cohort or "alle")],
        ["parameters", "", "regelversie", "", regels.REGELVERSIE],
        ["parameters", "", "minimale_celgrootte", "", str(MINIMALE_CELGROOTTE)],
        [
            "parameters",
            "",
            "parttime_maandloon_studie",
            PARTTIME_MAANDLOON.bron,
            str(PARTTIME_MAANDLOON.waarde),
        ],
    ]
    beeld = bestandsbeeld_in_de_tijd(gemeente, vandaag=p.peildatum, aantal_maanden=p.aantal_maanden)
    for m in beeld.maanden:
        periode = m.eerste.strftime("%Y-%m")
        rijen.append(["bestand", periode, "totaal", "", weergave(m.totaal)])
        for indeling in INDELINGEN:
            if indeling.sleutel not in m.tabellen:
                continue
            for (c, _l), n in zip(indeling.categorieen, m.tabellen[indeling.sleutel], strict=True):
                rijen.append(["bestand", periode, indeling.sleutel, c, weergave(n)])
        for sleutel, _l in GEBEURTENISSEN:
            rijen.append(["verloop", periode, sleutel, "", weergave(m.gebeurtenissen[sleutel])])
    verlopen = verlopen_van(gemeente)
    for uitkomst in UITKOMSTEN:
        for curve in curves(verlopen, uitkomst, p.peildatum, cohort=p.cohort):
            for maanden in MAANDEN_KM:
                punt = aandeel_na(curve, maanden)
                waarde = (
                    "x"
                    if punt is None
                    else f"{punt.aandeel:.3f} ({punt.onder:.3f}-{punt.boven:.3f})"
                )
                rijen.append(
                    ["effectiviteit", curve.groep, uitkomst, f"na_{maanden}_maanden", waarde]
                )
    schatting = (
        Besparingsschatting.objects.filter(
            gemeente=gemeente, status=Besparingsschatting.Status.KLAAR, peildatum__lte=p.peildatum
        )
        .order_by("-peildatum", "-pk")
        .first()
    )
    if schatting is not None:
        r: dict[str, Any] = schatting.resultaat
        pre = f"schatting {schatting.peildatum.isoformat()}"
        rijen += [
            ["besparing", pre, "treden", "", "+".join(schatting.treden)],
            ["besparing", pre, "regelversie", "", schatting.regelversie],
            ["besparing", pre, "bruto_uurloon", "", str(r.get("bruto_uurloon"))],
            ["besparing", pre, "variant", "", schatting.variant_naam or "geen"],
            ["besparing", pre, "potentieel", "", weergave(r.get("potentieel"))],
            [
                "besparing",
                pre,
                "studiemethode_per_jaar",
                "",
                weergave(r.get("studiemethode_besparing_per_jaar")),
            ],
        ]
        for rij in r.get("basis", []):
            rijen.append(
                [
                    "besparing",
                    pre,
                    f"bespaard_per_jaar_{rij['uren']}_uur",
                    "",
                    weergave(rij["bespaard_per_jaar"]),
                ]
            )
    return rijen


def rapport_csv(gemeente: Gemeente, p: Rapportparameters) -> str:
    uit = io.StringIO()
    csv.writer(uit, delimiter=";", lineterminator="\n").writerows(rapport_rijen(gemeente, p))
    return uit.getvalue()


def rapport_pdf(gemeente: Gemeente, p: Rapportparameters) -> bytes:
    rijen = rapport_rijen(gemeente, p)
    stijl = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Beleidsrapport {gemeente.naam} {p.peildatum.isoformat()}",
        author="Opstap",
        invariant=1,
    )
    inhoud: list[Any] = [
        Paragraph(f"Beleidsrapport {gemeente.naam}", stijl["Title"]),
        Paragraph(
            f"Gegevens zoals bekend op {p.peildatum.strftime('%d-%m-%Y')}. "
            f"Versie van de rekenregels: {regels.REGELVERSIE}. "
            f"Groepen kleiner dan {MINIMALE_CELGROOTTE} en getallen waarmee je zo'n groep kunt "
            "uitrekenen staan er als x. Dezelfde invoer geeft dezelfde getallen.",
            stijl["Normal"],
        ),
        Paragraph(
            "Let op: de cijfers over effectiviteit komen uit de praktijk, niet uit een experiment. "
            "Een verschil tussen de aanpakken bewijst niet dat de aanpak het verschil maakte.",
            stijl["Normal"],
        ),
        Spacer(1, 12),
    ]
    tabel = Table([r[:5] for r in rijen], repeatRows=1)
    tabel.setStyle([("FONTSIZE", (0, 0), (-1, -1), 7)])
    inhoud.append(tabel)
    doc.build(inhoud)
    return buffer.getvalue()

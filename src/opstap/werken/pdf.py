"""The letter after reporting a job (D1): congratulations, the money per month with all jobs
together, and the rules that now apply, with the engine's amounts and articles. Kind, never
threatening; the same text as the page (rekenen.regels_bij_werk). Made with reportlab, like the
other letters (contact/pdf.py)."""

from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from opstap.contact.pdf import _document, _lijst, _stijlen
from opstap.klanten.models import Klant
from opstap.web.geld import euro

from .models import Baan
from .rekenen import Regel, WerkGeld


def _baan_regel(baan: Baan) -> str:
    uren = (
        "oproepcontract"
        if baan.uren_per_week is None
        else f"{baan.uren_per_week.normalize():f}".replace(".", ",") + " uur per week"
    )
    return (
        f"{baan.werkgever_naam}: {uren}, {euro(baan.bruto_uurloon)} bruto per uur, "
        f"vanaf {date_format(baan.begonnen_op, 'j F Y')}"
        + (f" tot {date_format(baan.einde_op, 'j F Y')}" if baan.einde_op else "")
    )


def werkbrief_pdf(
    klant: Klant,
    banen: list[Baan],
    geld: WerkGeld | None,
    regels: list[Regel],
    *,
    contactpersoon_naam: str,
) -> bytes:
    s = _stijlen()
    buffer, doc = _document("Je werk en je geld", "Wat je baan betekent en welke regels nu gelden")
    inhoud = [
        Paragraph(escape(klant.gemeente.naam), s["klein"]),
        Paragraph(escape(date_format(timezone.localdate(), "j F Y")), s["klein"]),
        Spacer(1, 6),
        Paragraph(escape(f"Beste {klant.roepnaam or klant.naam},"), s["tekst"]),
        Paragraph(
            "Gefeliciteerd met je werk! Dat is een mooie stap. In deze brief staat wat je werk "
            "betekent voor je geld, en welke regels nu voor je gelden. Bewaar de brief, dan kun je "
            "het rustig teruglezen.",
            s["tekst"],
        ),
        Paragraph("Je werk", s["kop"]),
        _lijst([_baan_regel(b) for b in banen], s["tekst"]),
        Paragraph("Je geld per maand", s["kop"]),
    ]
    if geld is not None:
        uren = f"{geld.uren_per_week.normalize():f}".replace(".", ",")
        samen = " samen" if len(geld.banen) > 1 else ""
        inhoud += [
            Paragraph(
                escape(
                    f"Met {uren} uur per week{samen} heb je ongeveer {euro(geld.met_werk)} per "
                    f"maand. Zonder werk is dat {euro(geld.zonder_werk)}."
                    + (
                        " Je hebt nu evenveel als zonder werk, omdat je loon van de bijstand "
                        "afgaat. Met meer uren ga je er wel op vooruit: kijk in de app bij je baan "
                        "bij 'Meer uren werken?'."
                        if geld.verschil <= 0
                        else f" Dat is {euro(geld.verschil)} meer."
                    )
                ),
                s["tekst"],
            ),
            Paragraph(
                escape(
                    f"Daarvan verdien je {euro(geld.zelf_verdiend)} zelf. De gemeente vult aan met "
                    f"{euro(geld.bijstand)} bijstand."
                    if geld.bijstand > 0
                    else f"Daarvan verdien je {euro(geld.zelf_verdiend)} zelf. Je hebt geen "
                    "bijstand meer nodig."
                ),
                s["tekst"],
            ),
        ]
        if geld.rekendatum.voorlopig:
            with override("nl"):  # the letter is in Dutch
                inhoud.append(Paragraph(escape(geld.rekendatum.melding), s["tekst"]))
        if geld.zonder_vaste_uren:
            inhoud.append(
                Paragraph(
                    escape(
                        "Je oproepwerk bij "
                        + ", ".join(b.werkgever_naam for b in geld.zonder_vaste_uren)
                        + " telt hier niet mee: je hebt daar geen vaste uren. Wat je daar verdient, "
                        "geef je elke maand door."
                    ),
                    s["tekst"],
                )
            )
        inhoud.append(
            Paragraph(
                "Dit is een schatting met wat de gemeente al van je weet. Wat je echt krijgt, hangt "
                "af van wat je elke maand verdient.",
                s["klein"],
            )
        )
    else:
        inhoud.append(
            Paragraph(
                "Je hebt geen vaste uren. Wat je per maand overhoudt, hangt af van hoeveel je "
                "werkt. Je contactpersoon rekent het graag met je uit.",
                s["tekst"],
            )
        )
    inhoud.append(Paragraph("De regels die nu voor je gelden", s["kop"]))
    for regel in regels:
        inhoud.append(Paragraph(escape(regel.titel), s["kop"]))
        inhoud += [Paragraph(escape(a), s["tekst"]) for a in regel.alineas]
        if regel.bron:
            inhoud.append(Paragraph(escape(f"Regel: {regel.bron}"), s["klein"]))
    inhoud += [
        Paragraph("Vragen?", s["kop"]),
        Paragraph(
            escape(
                f"Stuur een bericht in de app aan {contactpersoon_naam}. We helpen je graag, "
                "ook als je twijfelt of iets klopt."
            ),
            s["tekst"],
        ),
        Spacer(1, 6),
        Paragraph("Met vriendelijke groet,", s["tekst"]),
        Paragraph(escape(contactpersoon_naam), s["tekst"]),
    ]
    doc.build(inhoud)
    return buffer.getvalue()

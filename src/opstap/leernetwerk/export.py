"""The learning network for researchers: a REFI-QDA project (.qdpx) and a CSV.

Only approved, not withdrawn contributions go out, and only their shared (de-identified) text;
coders appear as "codeur N", never by name. The .qdpx is a ZIP with `project.qde` (XML in the
namespace urn:QDA-XML:project:1.0, valid against refi_qda/Project-mrt2019.xsd) and one plain-text
file per contribution in `sources/`, so ATLAS.ti, MAXQDA, NVivo and QualCoder can continue with the
codebook, the coded fragments and the memos."""

import csv
import io
import uuid
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from django.utils import timezone

from opstap.gemeenten.models import Gemeente

from .models import Bijdrage, Code, Codering, Status

NS = "urn:QDA-XML:project:1.0"
_GUID_NS = uuid.UUID("6b1f3c1e-6a43-4c52-9d0e-0a5b7d1f0e11")  # fixed: guids stable across exports
VARIABELEN = ("onderwerp", "leeftijdsgroep", "fase", "tredegroep", "huishouden")
# Bounded work: one export holds at most this many contributions (the newest).
MAX_BIJDRAGEN = 5000


def _guid(*delen: object) -> str:
    return str(uuid.uuid5(_GUID_NS, "/".join(str(d) for d in delen))).upper()


def _tijd(moment: datetime | None) -> str:
    return (moment or timezone.now()).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _el(ouder: ET.Element, naam: str, **attrs: str) -> ET.Element:
    return ET.SubElement(ouder, f"{{{NS}}}{naam}", attrs)


def gedeelde_bijdragen(gemeente: Gemeente) -> list[Bijdrage]:
    return list(
        Bijdrage.objects.filter(gemeente=gemeente, status=Status.GOEDGEKEURD).order_by("pk")[
            :MAX_BIJDRAGEN
        ]
    )


def _codeurs(coderingen: list[Codering]) -> dict[int, str]:
    """Coders as "codeur 1", "codeur 2" … in order of their first coding: no staff names."""
    volgorde: dict[int, str] = {}
    for c in sorted(coderingen, key=lambda c: c.pk):
        volgorde.setdefault(c.codeur_id, f"codeur {len(volgorde) + 1}")
    return volgorde


def project_xml(gemeente: Gemeente) -> tuple[bytes, dict[str, str]]:
    """project.qde and the source texts (file name → text)."""
    ET.register_namespace("", NS)
    bijdragen = gedeelde_bijdragen(gemeente)
    codes = list(Code.objects.filter(gemeente=gemeente))
    coderingen = list(
        Codering.objects.filter(bijdrage__in=bijdragen).select_related("code").order_by("pk")
    )
    codeurs = _codeurs(coderingen)
    nu = _tijd(None)
    project = ET.Element(
        f"{{{NS}}}Project",
        {"name": f"Leernetwerk {gemeente.naam}", "origin": "Opstap", "creationDateTime": nu},
    )
    if codeurs:
        users = _el(project, "Users")
        for pk, naam in codeurs.items():
            _el(users, "User", guid=_guid("codeur", gemeente.pk, pk), name=naam)
    if codes:
        codebook = _el(_el(project, "CodeBook"), "Codes")
        for code in codes:
            code_el = _el(
                codebook, "Code", guid=str(code.guid).upper(), name=code.naam, isCodable="true"
            )
            if code.omschrijving:
                _el(code_el, "Description").text = code.omschrijving
    variabelen = _el(project, "Variables")
    for naam in VARIABELEN:
        _el(variabelen, "Variable", guid=_guid("variabele", naam), name=naam, typeOfVariable="Text")
    bronnen: dict[str, str] = {}
    memos: list[Codering] = []
    if bijdragen:
        sources = _el(project, "Sources")
        per_bijdrage: dict[int, list[Codering]] = {}
        for c in coderingen:
            per_bijdrage.setdefault(c.bijdrage_id, []).append(c)
        for b in bijdragen:
            bestand = f"{str(b.guid).upper()}.txt"
            bronnen[bestand] = b.gedeelde_tekst
            bron = _el(
                sources,
                "TextSource",
                guid=str(b.guid).upper(),
                name=b.label,
                plainTextPath=f"internal://{bestand}",
                creationDateTime=_tijd(b.ingediend_op),
            )
            for c in per_bijdrage.get(b.pk, []):
                codeur = _guid("codeur", gemeente.pk, c.codeur_id)
                selectie = _el(
                    bron,
                    "PlainTextSelection",
                    guid=_guid("selectie", c.guid),
                    name=b.gedeelde_tekst[c.begin : c.einde][:60],
                    startPosition=str(c.begin),
                    endPosition=str(c.einde),
                    creatingUser=codeur,
                    creationDateTime=_tijd(c.aangemaakt_op),
                )
                coding = _el(
                    selectie,
                    "Coding",
                    guid=str(c.guid).upper(),
                    creatingUser=codeur,
                    creationDateTime=_tijd(c.aangemaakt_op),
                )
                _el(coding, "CodeRef", targetGUID=str(c.code.guid).upper())
                if c.memo:
                    _el(selectie, "NoteRef", targetGUID=_guid("memo", c.guid))
                    memos.append(c)
            for naam in VARIABELEN:
                waarde = _el(bron, "VariableValue")
                _el(waarde, "VariableRef", targetGUID=_guid("variabele", naam))
                _el(waarde, "TextValue").text = str(getattr(b, naam) or "")
    if memos:
        notes = _el(project, "Notes")
        for c in memos:
            note = _el(
                notes,
                "Note",
                guid=_guid("memo", c.guid),
                name=f"memo bij {c.code.naam}",
                creatingUser=_guid("codeur", gemeente.pk, c.codeur_id),
                creationDateTime=_tijd(c.aangemaakt_op),
            )
            _el(note, "PlainTextContent").text = c.memo
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
    return xml, bronnen


def qdpx(gemeente: Gemeente) -> bytes:
    xml, bronnen = project_xml(gemeente)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip_:
        zip_.writestr("project.qde", xml)
        for naam, tekst in bronnen.items():
            zip_.writestr(f"sources/{naam}", tekst.encode("utf-8"))
    return buffer.getvalue()


CSV_KOLOMMEN = [
    "ervaring",
    "onderwerp",
    "leeftijdsgroep",
    "fase",
    "tredegroep",
    "huishouden",
    "code",
    "codeur",
    "begin",
    "einde",
    "fragment",
    "memo",
]


def _cel(waarde: object) -> str:
    """No spreadsheet formulas: a cell that starts like one gets a leading apostrophe."""
    tekst = str(waarde)
    return "'" + tekst if tekst[:1] in ("=", "+", "-", "@", "\t", "\r") else tekst


def csv_regels(gemeente: Gemeente) -> Iterator[str]:
    """The coded fragments as CSV lines (semicolons, as Dutch spreadsheets expect)."""
    bijdragen = gedeelde_bijdragen(gemeente)
    coderingen = list(
        Codering.objects.filter(bijdrage__in=bijdragen)
        .select_related("bijdrage", "code")
        .order_by("bijdrage_id", "begin", "pk")
    )
    codeurs = _codeurs(coderingen)
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow(CSV_KOLOMMEN)
    for c in coderingen:
        b = c.bijdrage
        schrijver.writerow(
            [
                _cel(v)
                for v in (
                    b.label,
                    b.onderwerp,
                    b.leeftijdsgroep,
                    b.fase,
                    b.tredegroep,
                    b.huishouden,
                    c.code.naam,
                    codeurs[c.codeur_id],
                    c.begin,
                    c.einde,
                    c.fragment,
                    c.memo,
                )
            ]
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if not coderingen:
        yield buffer.getvalue()

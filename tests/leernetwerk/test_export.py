"""The REFI-QDA export validates against the schema and round-trips codes, codings and memos;
the CLI writes the same project as the page; only approved text goes out."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from django.core.management import call_command
from django.test import Client

from opstap.accounts.models import Rol
from opstap.leernetwerk import services
from opstap.leernetwerk.export import NS
from opstap.leernetwerk.models import Bijdrage, Codering, Status
from opstap.leernetwerk.selectors import zinnen
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).parents[2] / "src/opstap/leernetwerk/refi_qda/Project-mrt2019.xsd"
Q = f"{{{NS}}}"


def _wereld_met_coderingen(wereld: Wereld) -> Bijdrage:
    gemeente = wereld.a.gemeente
    codes = services.codeboek_klaarzetten(gemeente)
    tekst = "Mijn zus hielp me met [ORGANISATIE]. De brief was moeilijk. =SOM(A1) stond erin."
    bijdrage = Bijdrage.objects.create(
        gemeente=gemeente,
        klant=wereld.a.klanten["caseload"],
        onderwerp="brief",
        gedeelde_tekst=tekst,
        status=Status.GOEDGEKEURD,
        leeftijdsgroep="55_plus",
        tredegroep="2",
    )
    spans = zinnen(tekst)
    cp, beleid = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER]
    services.coderen(
        bijdrage,
        codeur=cp,
        code=codes[0],
        begin=spans[0][0],
        einde=spans[0][1],
        memo="Netwerk helpt.",
    )
    services.coderen(bijdrage, codeur=beleid, code=codes[7], begin=spans[1][0], einde=spans[2][1])
    # not approved: must not go out
    Bijdrage.objects.create(
        gemeente=gemeente,
        klant=wereld.a.klanten["collega"],
        onderwerp="brief",
        gedeelde_tekst="Nog niet nagekeken geheim.",
        status=Status.INGEDIEND,
    )
    return bijdrage


def _lees(qdpx: bytes) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(io.BytesIO(qdpx)) as z:
        qde = z.read("project.qde")
        bronnen = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("sources/")}
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    doc = etree.fromstring(qde)
    schema.assertValid(doc)
    return doc, bronnen


def test_qdpx_is_geldig_en_neemt_alles_mee_heen_en_terug(wereld: Wereld) -> None:
    bijdrage = _wereld_met_coderingen(wereld)
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    response = client.get("/werk/leernetwerk/export.qdpx")
    assert response.status_code == 200
    doc, bronnen = _lees(response.content)

    codes = {c.get("guid"): c.get("name") for c in doc.iter(f"{Q}Code")}
    assert set(codes.values()) >= {"netwerk", "brieven", "regie"}
    bron = {b.get("guid"): b for b in doc.iter(f"{Q}TextSource")}
    # the test world's approved contribution and this one; the unapproved one is not there
    assert str(bijdrage.guid).upper() in bron and len(bron) == 2
    assert all("geheim" not in t for t in bronnen.values())
    tekst = bronnen[f"sources/{str(bijdrage.guid).upper()}.txt"]
    assert tekst == bijdrage.gedeelde_tekst
    memos = {n.get("guid"): n.findtext(f"{Q}PlainTextContent") for n in doc.iter(f"{Q}Note")}
    terug = set()
    for sel in bron[str(bijdrage.guid).upper()].iter(f"{Q}PlainTextSelection"):
        code = codes[sel.find(f"{Q}Coding/{Q}CodeRef").get("targetGUID")]
        begin, einde = int(sel.get("startPosition")), int(sel.get("endPosition"))
        memo = [memos[r.get("targetGUID")] for r in sel.findall(f"{Q}NoteRef")]
        terug.add((code, tekst[begin:einde], tuple(memo)))
    verwacht = {
        (c.code.naam, c.fragment, (c.memo,) if c.memo else ())
        for c in Codering.objects.filter(bijdrage=bijdrage)
    }
    assert terug == verwacht
    assert ("netwerk", "Mijn zus hielp me met [ORGANISATIE].", ("Netwerk helpt.",)) in terug
    users = [u.get("name") for u in doc.iter(f"{Q}User")]
    assert users and all(u.startswith("codeur ") for u in users)  # no staff names
    waarden = {
        v.find(f"{Q}VariableRef").get("targetGUID"): v.findtext(f"{Q}TextValue")
        for v in bron[str(bijdrage.guid).upper()].iter(f"{Q}VariableValue")
    }
    assert "55_plus" in waarden.values()


def test_cli_schrijft_hetzelfde_project(wereld: Wereld, tmp_path: Path) -> None:
    _wereld_met_coderingen(wereld)
    bestand = tmp_path / "leernetwerk.qdpx"
    call_command("leernetwerk_export", "--gemeente", "alfa", str(bestand))
    doc, _ = _lees(bestand.read_bytes())
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    pagina, _ = _lees(client.get("/werk/leernetwerk/export.qdpx").content)
    selecties = lambda d: sorted(  # noqa: E731
        (s.get("guid"), s.get("startPosition"), s.get("endPosition"))
        for s in d.iter(f"{Q}PlainTextSelection")
    )
    assert selecties(doc) == selecties(pagina) and len(selecties(doc)) == 3


def test_csv_heeft_een_regel_per_fragment_zonder_formules(wereld: Wereld) -> None:
    _wereld_met_coderingen(wereld)
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    inhoud = b"".join(client.get("/werk/leernetwerk/export.csv").streaming_content).decode()
    regels = list(csv.DictReader(io.StringIO(inhoud), delimiter=";"))
    assert len(regels) == 3
    brieven = next(r for r in regels if r["code"] == "brieven")
    assert brieven["fragment"] == "De brief was moeilijk. =SOM(A1) stond erin."
    assert "geheim" not in inhoud


def test_alleen_beleid_exporteert(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert client.get("/werk/leernetwerk/export.qdpx").status_code == 403

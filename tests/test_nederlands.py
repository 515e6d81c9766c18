"""Dutch everywhere: every page of every role, read as the person sees it, holds no English month
names, no ISO dates in visible text and no untranslated Django labels; English only when chosen."""

import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.contact.models import Aanvraag, Contactmoment, Overdracht, OverdrachtSoort, Stap
from opstap.klanten.models import Klant
from tests.test_toegang import ROUTES, Route, _url
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

ENGELSE_MAANDEN = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\b"
    r"|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2}\b"
)
ISO_DATUM = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENGELSE_LABELS = re.compile(r"Select an option|This field is required|Enter a valid")


class _ZichtbareTekst(HTMLParser):
    """The text a person reads: no tags, attributes (input values, datetime=) or scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.delen: list[str] = []
        self._verborgen = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._verborgen += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._verborgen:
            self._verborgen -= 1

    def handle_data(self, data: str) -> None:
        if not self._verborgen:
            self.delen.append(data)


def zichtbare_tekst(html: str) -> str:
    parser = _ZichtbareTekst()
    parser.feed(html)
    return " ".join(" ".join(parser.delen).split())


def engelse_lekken(tekst: str) -> list[str]:
    return [
        m.group(0)
        for patroon in (ENGELSE_MAANDEN, ISO_DATUM, ENGELSE_LABELS)
        for m in patroon.finditer(tekst)
    ]


def _met_datums(wereld: Wereld) -> None:
    """Dates in December and June (English and Dutch abbreviations differ), a procedure with
    expected steps, a planned moment and a handover, so every kind of date is on some page."""
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    collega = wereld.a.gebruikers["collega"]
    for naam in ("eigen", "caseload"):
        klant = wereld.a.klanten[naam]
        Stap.objects.create(
            gemeente=klant.gemeente, klant=klant, wat="Cv bijwerken", uiterlijk=date(2026, 12, 6)
        )
        Stap.objects.create(
            gemeente=klant.gemeente,
            klant=klant,
            wat="Bellen",
            uiterlijk=date(2026, 6, 18),
            gedaan_op=date(2026, 6, 18),
        )
        Aanvraag.objects.create(
            gemeente=klant.gemeente,
            klant=klant,
            regeling_code="test",
            regeling_naam="Individuele inkomenstoeslag",
            ingediend_door=cp,
            verwacht_besluit_op=date(2027, 1, 3),
            stappen=[
                {"naam": "Aangevraagd", "verwacht_op": "2026-12-06", "gedaan_op": "2026-12-06"},
                {"naam": "Besluit", "verwacht_op": "2027-01-03", "gedaan_op": None},
            ],
        )
        Contactmoment.objects.create(
            gemeente=klant.gemeente,
            klant=klant,
            door=cp,
            onderwerp="Even bijpraten",
            wanneer=timezone.now() + timedelta(days=3),
        )
        Overdracht.objects.create(
            gemeente=klant.gemeente,
            soort=OverdrachtSoort.VERVANGING,
            van=cp,
            naar=collega,
            begin=date(2026, 6, 18),
            einde=date(2026, 6, 30),
            vastgelegd_door=cp,
        )
    Klant.objects.filter(pk=wereld.a.klanten["eigen"].pk).update(geboortedatum=date(1980, 12, 6))


def _paginas(rol: str, wereld: Wereld) -> list[tuple[Route, str]]:
    """Every page (not the API: JSON carries ISO dates on purpose) this role may open, with its own objects."""
    paginas = []
    for route in ROUTES:
        if route.is_api or rol not in route.rollen:
            continue
        if route.kwargs:
            objecten = wereld.eigen_objecten(rol)
            if objecten is None or not set(route.kwargs) <= set(objecten):
                continue
            paginas.append((route, _url(route, objecten)))
        else:
            paginas.append((route, _url(route, {})))
    return paginas


@pytest.mark.parametrize("rol", list(Rol.values))
def test_elke_pagina_is_nederlands(rol: str, wereld: Wereld) -> None:
    _met_datums(wereld)
    client = Client()
    client.force_login(wereld.a.gebruikers[rol])
    gelezen, fouten = 0, []
    for route, url in _paginas(rol, wereld):
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        gelezen += 1
        lekken = engelse_lekken(zichtbare_tekst(response.content.decode()))
        if lekken:
            fouten.append(f"{url} ({route.naam}): {sorted(set(lekken))}")
    assert gelezen >= 1, "de wandeling las geen pagina's"
    assert not fouten, "Engels of ISO-datums op pagina's in het Nederlands:\n" + "\n".join(fouten)


def test_de_controle_ziet_engelse_maanden_en_iso_datums() -> None:
    """The check itself: it finds what the issue found, and not Dutch dates or attribute values."""
    html = (
        "<p>6 Dec 2026, 18 Jun 2020, verwacht rond 2027-01-03</p><select><option>- Select an option -</option>"
        '</select><input type="date" value="2026-12-06"><time datetime="2026-12-06">6 december 2026</time>'
        '<p>Jan de Vries, 3 januari 2027, 6 mrt 2026</p><script>var d = "2026-12-06";</script>'
    )
    assert sorted(engelse_lekken(zichtbare_tekst(html))) == sorted(
        ["6 Dec", "18 Jun", "2027-01-03", "Select an option"]
    )


def test_engels_als_de_klant_engels_kiest(wereld: Wereld) -> None:
    _met_datums(wereld)
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    nl = zichtbare_tekst(client.get("/mijn/stappenplan/").content.decode())
    assert "6 december" in nl and "December" not in nl
    client.post("/i18n/taal/", {"language": "en", "next": "/mijn/"})
    en = zichtbare_tekst(client.get("/mijn/stappenplan/").content.decode())
    assert "December" in en and "6 december" not in en


def test_het_adres_staat_er_zoals_op_een_brief(wereld: Wereld) -> None:
    """Not "9999 AA 1" (postcode, then a bare number), but street and number, postcode and place."""
    klant = wereld.a.klanten["eigen"]
    Klant.objects.filter(pk=klant.pk).update(
        straat="Kerkstraat", huisnummer="12", postcode="9931 AA", woonplaats="Demodam"
    )
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    tekst = zichtbare_tekst(client.get("/mijn/").content.decode())
    assert "Kerkstraat 12, 9931 AA Demodam" in tekst
    assert "9931 AA 12" not in tekst


def test_een_adres_zonder_straat_zegt_wat_het_nummer_is(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.huisnummer, klant.postcode, klant.straat, klant.woonplaats = "159", "9931 AA", "", ""
    assert klant.adres == "huisnummer 159, 9931 AA"

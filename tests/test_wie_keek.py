"""The client's "who looked at my file" page: staff first, grouped per person and day with what they
looked at and why; the client's own reads folded away with a count, never in between."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.klanten.models import Klant
from opstap.privacy.services import inzage_vastleggen
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@contextmanager
def _om(
    jaar: int, maand: int, dag: int, uur: int, minuut: int = 0, tz: ZoneInfo = AMSTERDAM
) -> Iterator[None]:
    """Entries get their time from the clock (auto_now_add) and can never be changed afterwards."""
    moment = datetime(jaar, maand, dag, uur, minuut, tzinfo=tz)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(timezone, "now", lambda: moment)
        yield


def _lees(gebruiker: Gebruiker | None, klant: Klant, onderdeel: str, doel: str) -> None:
    inzage_vastleggen(gebruiker=gebruiker, klant=klant, onderdeel=onderdeel, doel=doel)


def _pagina(wereld: Wereld) -> str:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    antwoord = client.get("/mijn/inzage/")
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _koppen(html: str) -> list[str]:
    """The group headings, in page order, without tags and extra spaces."""
    return [
        " ".join(re.sub(r"<[^>]+>", "", kop).split())
        for kop in re.findall(r"<h3>(.*?)</h3>", html, re.S)
    ]


def _bezoeken(html: str) -> list[str]:
    return re.findall(
        r'<li class="kaart wie-keek__bezoek">(.*?)</li>\s*(?=<li class="kaart|</ol>)', html, re.S
    )


def test_medewerkers_eerst_gegroepeerd_per_persoon_en_dag(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    cp, consulent = (
        wereld.a.gebruikers[Rol.CONTACTPERSOON],
        wereld.a.gebruikers[Rol.INKOMENSCONSULENT],
    )
    zelf = wereld.a.gebruikers[Rol.KLANT]
    with _om(2027, 1, 3, 10, 0):
        _lees(cp, klant, "dossier", "Begeleiding: het dossier bekeken")
    with _om(2027, 1, 3, 11, 30):
        _lees(cp, klant, "dossier", "Begeleiding: het dossier bekeken")
    with _om(2027, 1, 3, 11, 45):
        _lees(cp, klant, "berichten", "Begeleiding: berichten gelezen")
    with _om(2027, 1, 3, 12, 0):
        _lees(consulent, klant, "huishouden en inkomen", "Inkomen: inkomen bij werk doorgerekend")
    # 23:30 UTC on 3 January is half past midnight on 4 January in the Netherlands.
    with _om(2027, 1, 3, 23, 30, tz=ZoneInfo("UTC")):
        _lees(None, klant, "huishouden en inkomen", "Doorrekening van het beleid")
    with _om(2027, 1, 5, 9, 0):
        _lees(cp, klant, "dossier", "Begeleiding: het dossier bekeken")
    # The client's own reads, many and the newest: they must not push the staff down or away.
    for minuut in range(30):
        with _om(2027, 1, 5, 10, minuut):
            _lees(zelf, klant, "overzicht", "Je bekeek je eigen overzicht")
    with _om(2027, 1, 4, 8, 0):
        _lees(zelf, klant, "berichten", "Je las je berichten")
        _lees(zelf, klant, "berichten", "Je las je berichten")

    html = _pagina(wereld)
    assert _koppen(html) == [
        "5 januari 2027: Alfa-contactpersoon Contactpersoon",
        "4 januari 2027: Het systeem",
        "3 januari 2027: Alfa-inkomensconsulent Inkomensconsulent",
        "3 januari 2027: Alfa-contactpersoon Contactpersoon",
    ]
    bezoeken = _bezoeken(html)
    assert len(bezoeken) == 4
    derde_januari_cp = bezoeken[3]
    # Within one visit: each part once, newest first, with how often and why.
    assert derde_januari_cp.index("berichten") < derde_januari_cp.index("dossier")
    assert "Waarom: Begeleiding: berichten gelezen" in derde_januari_cp
    assert "2 keer, het laatst om 11:30 uur" in derde_januari_cp
    assert "1 keer, om 11:45 uur" in derde_januari_cp
    assert derde_januari_cp.count("Begeleiding: het dossier bekeken") == 1

    # Staff first; the client's own reads after them, folded away with the count.
    staff, _, eigen = html.partition('<details class="kaart wie-keek__eigen">')
    assert eigen, "de eigen inzages staan niet in een uitklapblok"
    assert "Je bekeek je eigen overzicht" not in staff and "overzicht (30" not in staff
    assert "Wat je zelf bekeek (32 keer)" in eigen
    assert "5 januari 2027" in eigen and "overzicht (30&times;)" in eigen
    assert "4 januari 2027" in eigen and "berichten (2&times;)" in eigen
    assert "<table" not in html  # a list, so it fits on a phone


def test_zonder_andere_lezers_alleen_eigen_inzages_ingeklapt(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    _lees(wereld.a.gebruikers[Rol.KLANT], klant, "overzicht", "Je bekeek je eigen overzicht")
    html = _pagina(wereld)
    assert "Nog niemand anders heeft je gegevens bekeken." in html
    assert _bezoeken(html) == []
    assert "Wat je zelf bekeek (1 keer)" in html


def test_een_klant_ziet_alleen_het_eigen_log(wereld: Wereld) -> None:
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    _lees(cp, wereld.a.klanten["caseload"], "dossier", "Iets over een andere klant")
    html = _pagina(wereld)
    assert "Iets over een andere klant" not in html
    assert "Nog niemand anders heeft je gegevens bekeken." in html

"""English is complete: every message in the catalogue has a translation (no empty or fuzzy
entries), and every page a role may open, in English, shows none of the Dutch texts the catalogue
translates."""

import re
from pathlib import Path

import polib
import pytest

from django.test import Client
from django.utils import translation

from opstap.accounts.models import Rol
from opstap.contact.hulp import VRAGEN
from opstap.contact.regelteksten import regels_voor_klant
from opstap.klanten.models import Klant
from tests.contact.test_views import pdf_tekst
from tests.test_nederlands import _met_datums, _paginas, zichtbare_tekst
from tests.wereld import Wereld

SRC = Path(__file__).parent.parent / "src/opstap"
CATALOGUS = SRC / "locale/en/LC_MESSAGES/django.po"


def _catalogus() -> polib.POFile:
    return polib.pofile(str(CATALOGUS))


def test_elke_tekst_in_de_catalogus_is_vertaald() -> None:
    po = _catalogus()
    leeg = [e.msgid[:60] for e in po if not e.obsolete and not e.translated() and not e.fuzzy]
    vaag = [e.msgid[:60] for e in po if not e.obsolete and e.fuzzy]
    assert len(po) > 2000
    assert not leeg, f"zonder vertaling: {leeg[:20]}"
    assert not vaag, f"fuzzy (een gok van msgmerge): {vaag[:20]}"


def _nederlandse_zinnen() -> set[str]:
    """Whole Dutch sentences the catalogue translates differently: one on an English page means
    the page missed its translation."""
    zinnen = set()
    for e in _catalogus():
        if e.obsolete or e.msgid_plural or e.msgstr == e.msgid:
            continue
        if re.search(r"%|<|\{|\n", e.msgid) or len(e.msgid.split()) < 4:
            continue
        zinnen.add(" ".join(e.msgid.split()))
    return zinnen


@pytest.mark.parametrize("rol", list(Rol.values))
def test_elke_pagina_in_het_engels_is_vertaald(rol: str, wereld: Wereld) -> None:
    _met_datums(wereld)
    zinnen = _nederlandse_zinnen()
    client = Client()
    client.force_login(wereld.a.gebruikers[rol])
    client.post("/i18n/taal/", {"language": "en", "next": "/"})
    gelezen, fouten = 0, []
    for route, url in _paginas(rol, wereld):
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        gelezen += 1
        tekst = zichtbare_tekst(response.content.decode())
        nederlands = sorted(z for z in zinnen if z in tekst)
        if nederlands:
            fouten.append(f"{url} ({route.naam}): {nederlands[:5]}")
    assert gelezen >= 1, "de wandeling las geen pagina's"
    assert not fouten, "Nederlands op pagina's in het Engels:\n" + "\n".join(fouten)


def _teksten_hulp_en_regels(klant: Klant) -> list[str]:
    teksten = [str(t) for v in VRAGEN for t in (v.vraag, v.antwoord, v.trefwoorden)]
    for regel in regels_voor_klant(klant):
        teksten += [regel.titel, *regel.alineas]
    return teksten


def test_hulp_en_regels_staan_in_de_catalogus(wereld: Wereld) -> None:
    """Every question, answer, search words and rules text has its own English, with the
    municipality's numbers (the declaration day, the applications per three weeks) kept in."""
    klant = wereld.a.klanten["eigen"]
    klant.gemeente.instellingen = {"inkomstenverklaring_dag": 7, "sollicitaties_per_drie_weken": 4}
    klant.gemeente.save()
    with translation.override("nl"):
        nederlands = _teksten_hulp_en_regels(klant)
    with translation.override("en"):
        engels = _teksten_hulp_en_regels(klant)
    assert len(nederlands) == len(engels) > 50
    gelijk = [nl for nl, en in zip(nederlands, engels, strict=True) if nl == en]
    assert not gelijk, f"niet vertaald: {gelijk}"
    assert "vóór de 7e van de volgende maand" in " ".join(nederlands)
    assert "before day 7 of the next month" in " ".join(engels)
    assert "about 4 times every three weeks" in " ".join(engels)


def test_hulp_en_regels_in_het_engels_op_de_pagina(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    client.post("/i18n/taal/", {"language": "en", "next": "/"})
    hulp = zichtbare_tekst(client.get("/mijn/hulp/").content.decode())
    assert "Who is my contact person?" in hulp and "Wie is mijn contactpersoon?" not in hulp
    gezocht = zichtbare_tekst(client.get("/mijn/hulp/?zoek=holiday").content.decode())
    assert "Can I go on holiday?" in gezocht and "Can I do volunteer work?" not in gezocht
    regels = zichtbare_tekst(client.get("/mijn/regels/").content.decode())
    assert "Telling us about changes" in regels and "Veranderingen doorgeven" not in regels
    # The letter with the rules is written in Dutch only: it stays whole, not half English.
    brief = pdf_tekst(client.get("/mijn/regels/pdf/").content)
    assert "Veranderingen doorgeven" in brief and "Telling us about changes" not in brief

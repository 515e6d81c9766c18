"""English is complete: every message in the catalogue has a translation (no empty or fuzzy
entries), and every page a role may open, in English, shows none of the Dutch texts the catalogue
translates."""

import re
from pathlib import Path

import polib
import pytest

from django.test import Client

from opstap.accounts.models import Rol
from tests.test_nederlands import _met_datums, _paginas, zichtbare_tekst
from tests.wereld import Wereld

SRC = Path(__file__).parent.parent / "src/opstap"
CATALOGUS = SRC / "locale/en/LC_MESSAGES/django.po"
# Content written in Dutch only, outside the catalogue (the help answers and the rules texts); it
# quotes some labels, which is no missed translation of the label itself.
ALLEEN_NEDERLANDS = ("contact/hulp.py", "contact/regelteksten.py")


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
    los = " ".join(
        " ".join((SRC / pad).read_text(encoding="utf-8").split()) for pad in ALLEEN_NEDERLANDS
    )
    zinnen = set()
    for e in _catalogus():
        if e.obsolete or e.msgid_plural or e.msgstr == e.msgid:
            continue
        if re.search(r"%|<|\{|\n", e.msgid) or len(e.msgid.split()) < 4:
            continue
        zin = " ".join(e.msgid.split())
        if zin not in los:
            zinnen.add(zin)
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

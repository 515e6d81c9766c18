"""Issue 9: the income page in plain words. The engine's caveats sit in the explanation, not in
alarm boxes; the fields show the wage and hours the result used; and the page says why the client
keeps part of the wage or not, and until when. Logged in through the real login form."""

import html
import re
from datetime import date
from decimal import Decimal

import pytest

from django.test import Client
from django.utils import dateformat, timezone, translation

import regels
from opstap.accounts.models import Rol
from opstap.inkomen.services import UREN_NIVEAUS, invoer_voor_klant, minimumloon_per_uur
from opstap.klanten.models import Klant
from tests.test_inloggen_beveiliging import inloggen_via_formulier
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _klant_pagina(wereld: Wereld, pad: str = "/mijn/inkomen/") -> str:
    client = Client()
    inloggen_via_formulier(client, wereld.a.gebruikers[Rol.KLANT].username)
    response = client.get(pad)
    assert response.status_code == 200
    return response.content.decode()


def _zonder_uitleg(pagina: str) -> str:
    return re.sub(r'<details class="uitleg".*?</details>', "", pagina, flags=re.S)


def _uitleg(pagina: str) -> str:
    gevonden = re.search(r'<details class="uitleg".*?</details>', pagina, flags=re.S)
    assert gevonden, "geen uitleg op de pagina"
    return gevonden.group(0)


def _waarschuwingen(klant: Klant) -> list[str]:
    invoer = invoer_voor_klant(
        klant,
        peildatum=timezone.localdate(),
        werk={
            "bruto_uurloon": float(minimumloon_per_uur(timezone.localdate())),
            "uren_per_week": UREN_NIVEAUS,
        },
    )
    return list(regels.bereken(invoer)["waarschuwingen"])


def test_kanttekeningen_van_de_rekenregels_staan_in_de_uitleg_niet_in_alarmkleur(
    wereld: Wereld,
) -> None:
    klant = wereld.a.klanten["eigen"]
    waarschuwingen = _waarschuwingen(klant)
    assert waarschuwingen, "dit huishouden moet kanttekeningen hebben, anders bewijst de test niets"
    pagina = _klant_pagina(wereld)
    boven, uitleg = html.unescape(_zonder_uitleg(pagina)), html.unescape(_uitleg(pagina))
    for w in waarschuwingen:
        assert w not in boven, f"kanttekening buiten de uitleg: {w}"
        assert w in uitleg, f"kanttekening ontbreekt in de uitleg: {w}"
    assert "inkomensijkpunt" not in boven and "jaren_laag_inkomen" not in boven
    # Alarm colour only for a real warning for the client: this household has no "less money" zone.
    assert "melding--let-op" not in boven
    assert "Sommige bedragen zijn een schatting" in boven


def test_velden_tonen_het_uurloon_en_de_uren_van_de_uitkomst(wereld: Wereld) -> None:
    loon = minimumloon_per_uur(timezone.localdate()).quantize(Decimal("0.01"))
    als_tekst = f"{loon:.2f}".replace(".", ",")
    for pad, uren in [
        ("/mijn/inkomen/", 16),
        ("/mijn/inkomen/?uren=&bruto_uurloon=", 16),
        ("/mijn/inkomen/?uren=20&bruto_uurloon=", 20),
    ]:
        pagina = _klant_pagina(wereld, pad)
        assert f"Bij {uren} uur werk per week" in pagina
        assert re.search(rf'<input[^>]*name="uren"[^>]*value="{uren}"', pagina), pad
        assert re.search(rf'<input[^>]*name="bruto_uurloon"[^>]*value="{als_tekst}"', pagina), pad
    pagina = _klant_pagina(wereld, "/mijn/inkomen/?uren=24&bruto_uurloon=16,50")
    assert re.search(r'<input[^>]*name="uren"[^>]*value="24"', pagina)
    assert re.search(r'<input[^>]*name="bruto_uurloon"[^>]*value="16,50"', pagina)


def _vrijlating_tekst(pagina: str) -> str:
    gevonden = re.search(r'<p class="vrijlating" id="vrijlating">(.*?)</p>', pagina, flags=re.S)
    assert gevonden, "de pagina zegt niets over de inkomensvrijlating"
    return " ".join(html.unescape(gevonden.group(1)).split())


def test_zegt_waarom_je_niets_van_je_loon_houdt_als_de_vrijlating_op_is(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.vrijlating_maanden_gebruikt = 6
    klant.save()
    tekst = _vrijlating_tekst(_klant_pagina(wereld))
    assert "Waarom niet meer?" in tekst and "Die duurt 6 maanden, en die heb je al gehad." in tekst
    assert "hele loon van de bijstand af" in tekst


def test_zegt_hoe_lang_je_nog_een_deel_van_je_loon_houdt(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.vrijlating_maanden_gebruikt = 2
    klant.save()
    vandaag = timezone.localdate()
    laatste = date(
        vandaag.year + (vandaag.month + 2) // 12, (vandaag.month + 2) % 12 + 1, 1
    )  # 4 months incl. now
    with translation.override("nl"):
        maand = dateformat.format(laatste, "F Y")
    tekst = _vrijlating_tekst(_klant_pagina(wereld))
    assert "Van je loon mag je nu €" in tekst
    assert f"Dat kan nog 4 maanden: tot en met {maand}." in tekst


def test_zegt_vanaf_welke_leeftijd_je_een_deel_houdt(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    vandaag = timezone.localdate()
    klant.geboortedatum = date(vandaag.year - 25, 1, 15)
    klant.vrijlating_maanden_gebruikt = 0
    klant.save()
    with translation.override("nl"):
        vanaf = dateformat.format(date(vandaag.year + 2, 1, 15), "j F Y")
    tekst = _vrijlating_tekst(_klant_pagina(wereld))
    assert "mag pas vanaf 27 jaar" in tekst and f"Vanaf {vanaf} mag je een deel houden." in tekst

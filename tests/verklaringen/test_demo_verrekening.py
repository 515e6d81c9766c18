"""The demo municipality shows D4: the income desk (inkomen1, through the real login form) sees
its queue with signals, and klant1 sees settled months, a corrected estimate and a preview."""

import pytest

from django.test import Client

from opstap.demo.laden import DEMO_WACHTWOORD, laad_demo
from opstap.verklaringen.models import Inkomstenverklaring, Status, Verrekening

pytestmark = pytest.mark.django_db


def _inloggen(naam: str) -> Client:
    client = Client()
    response = client.post("/inloggen/", {"username": naam, "password": DEMO_WACHTWOORD})
    assert response.status_code == 302, f"{naam} kan niet inloggen"
    return client


def test_demo_toont_werklijst_en_verrekening() -> None:
    laad_demo()
    statussen = set(Inkomstenverklaring.objects.values_list("status", flat=True))
    assert {Status.IN_BEHANDELING, Status.AANVULLING_NODIG, Status.VERREKEND} <= statussen
    correctie = Verrekening.objects.get(corrigeert__isnull=False)
    assert correctie.corrigeert.verklaring.schatting
    assert correctie.reden

    inkomen = _inloggen("inkomen1")
    assert inkomen.get("/")["Location"] == "/werk/inkomsten/"
    werklijst = inkomen.get("/werk/inkomsten/").content.decode()
    assert "Uren wijken af van het contract" in werklijst
    assert "Netto past niet bij bruto" in werklijst
    assert "Te laat" in werklijst
    wacht = Inkomstenverklaring.objects.filter(status=Status.IN_BEHANDELING).first()
    assert wacht is not None
    detail = inkomen.get(f"/werk/inkomsten/{wacht.pk}/").content.decode()
    assert f"/werk/inkomsten/{wacht.pk}/loonstrook/" in detail
    beeld = inkomen.get(f"/werk/inkomsten/{wacht.pk}/loonstrook/")
    assert beeld["Content-Type"] == "image/png"

    klant = _inloggen("klant1")
    pagina = klant.get("/mijn/inkomsten/verrekening/").content.decode()
    assert "Dit verwachten we te verrekenen" in pagina
    assert "Correctie:" in pagina and "schatten we" in pagina
    assert "Je werkte de laatste week 5 uur extra" in pagina


def test_demo_loonstroken_kwamen_met_hun_verklaring_binnen() -> None:
    """A demo payslip was received with its declaration, not when the demo was loaded: the
    receipt would otherwise name two different moments."""
    from opstap.verklaringen.models import Loonstrookbestand

    laad_demo()
    bestanden = list(Loonstrookbestand.objects.select_related("verklaring"))
    assert bestanden
    assert all(b.ontvangen_op == b.verklaring.ontvangen_op for b in bestanden)
    assert all(b.sha256_opgeslagen for b in bestanden)

"""Demodam shows the search for work with content on every page: duties, activities, checks in the
queue (one overdue), a CV, a letter with comments, moods, an exemption and a pause after a job."""

import pytest

from django.test import Client

from opstap.demo.laden import DEMO_WACHTWOORD, laad_demo
from opstap.klanten.models import Klant
from opstap.werkzoeken.models import Stuk

pytestmark = pytest.mark.django_db


def _in(naam: str) -> Client:
    client = Client()
    response = client.post("/inloggen/", {"username": naam, "password": DEMO_WACHTWOORD})
    assert response.status_code == 302
    return client


def test_demo_laat_alles_met_inhoud_zien() -> None:
    laad_demo(aantal_klanten=30)
    klant = _in("klant1")
    pagina = klant.get("/mijn/werkzoeken/").content.decode()
    assert "We spraken af: 3 activiteiten per 3 weken." in pagina
    assert "Verkoper bij Bakkerij De Korenbloem" in pagina
    brief = Stuk.objects.get(klant__gebruiker__username="klant1", soort="brief")
    gelezen = klant.get(f"/mijn/werkzoeken/cv-en-brieven/{brief.pk}/", follow=True).content.decode()
    assert "<mark>Ik wil graag bij u werken.</mark>" in gelezen
    assert "Opmerking 3:</strong> Zet hier je naam" in gelezen
    for pad, tekst in [
        ("/mijn/werkzoeken/cv-en-brieven/", "Mijn cv"),
        ("/mijn/werkzoeken/presentatie/", "voedselbank"),
        ("/mijn/werkzoeken/netwerk/", "Werkgeversservicepunt Demodam"),
        ("/mijn/werkzoeken/netwerk/", "Buurvrouw Ria"),
        ("/mijn/werkzoeken/netwerk/", "De Jumbo aan de Molenweg"),
        ("/mijn/werkzoeken/vrijwilligerswerk-en-mantelzorg/", "Balie voedselbank"),
        ("/mijn/werkzoeken/hoe-gaat-het/", "alleen voor jou"),
    ]:
        assert tekst in klant.get(pad).content.decode(), pad
    assert klant.get("/mijn/werkzoeken/presentatie/flyer/")["Content-Type"] == "application/pdf"
    assert (
        "Je hoeft nu even niet te solliciteren"
        in _in("klant2").get("/mijn/werkzoeken/").content.decode()
    )

    cp = _in("contactpersoon1")
    wachtrij = cp.get("/werk/controles/").content.decode()
    assert "1 controle is over tijd." in wachtrij
    assert "Brief groenvoorziening" in wachtrij and "over tijd" in wachtrij
    caseload = cp.get("/werk/").content.decode()
    for soort in ("afwijzingen", "werkzoeken-stil", "stemming", "plicht"):
        assert f"signaal--{soort}" in caseload
    klant1 = Klant.objects.get(gebruiker__username="klant1")
    dossier = cp.get(f"/werk/klanten/{klant1.pk}/werkzoeken/").content.decode()
    assert "Medewerker kantine sportclub" in dossier and "Goed" in dossier
    gepauzeerd = Klant.objects.filter(vrijstellingen__soort="pauze_baan").get()
    assert "staat op pauze" in cp.get(f"/werk/klanten/{gepauzeerd.pk}/werkzoeken/").content.decode()
    assert "De Jumbo aan de Molenweg" in cp.get("/werk/groepen/").content.decode()

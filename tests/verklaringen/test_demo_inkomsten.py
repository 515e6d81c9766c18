"""Demodam shows D3 with content: klant1 with declarations (payslips that the real reader reads
to the figures stored) and a month still to declare (the reminder shows), klant2 on the paper form
with a declaration where we miss the second four-weekly payslip, and declarations waiting for the
income desk."""

import tempfile
from typing import Any

import pytest

from django.test import Client

import loonstrook
from opstap.demo.laden import laad_demo
from opstap.klanten.models import Klant
from opstap.verklaringen.models import Inkomstenverklaring, Papierformulier, Status

pytestmark = pytest.mark.django_db


def _als(gebruikersnaam: str) -> Client:
    client = Client()
    klant = Klant.objects.get(gebruiker__username=gebruikersnaam)
    assert klant.gebruiker is not None
    client.force_login(klant.gebruiker)
    return client


def test_demo_heeft_verklaringen_papier_en_een_herinnering(settings: Any) -> None:
    laad_demo()
    statussen = set(Inkomstenverklaring.objects.values_list("status", flat=True))
    assert {Status.ONTVANGEN, Status.AANVULLING_NODIG} <= statussen
    klant1 = _als("klant1")
    start = klant1.get("/mijn/").content.decode()
    assert "Geef je inkomsten over" in start
    overzicht = klant1.get("/mijn/inkomsten/").content.decode()
    assert "Bakkerij De Gouden Korst" in overzicht and "Ontvangen" in overzicht
    klant2 = _als("klant2")
    overzicht = klant2.get("/mijn/inkomsten/").content.decode()
    assert "Je krijgt het formulier op papier" in overzicht
    assert "We missen nog iets" in overzicht and "tweede loonstrook" in overzicht
    assert Papierformulier.objects.get(klant__gebruiker__username="klant2").actief
    # The demo payslips read back to what the demo stored as read.
    verklaring = Inkomstenverklaring.objects.filter(klant__gebruiker__username="klant1").first()
    assert verklaring is not None and verklaring.gelezen is not None
    bestand = verklaring.bestanden.get()
    with bestand.bestand.open("rb") as bron, tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(bron.read())
        f.flush()
        gelezen = loonstrook.lees(f.name)
    for veld in ("netto_loon", "bruto_loon", "uren", "periode_van", "periode_tot"):
        assert gelezen[veld] == verklaring.gelezen[veld], veld
    response = klant1.get(f"/mijn/inkomsten/{verklaring.pk}/loonstrook/{bestand.pk}/")
    assert response.status_code == 200

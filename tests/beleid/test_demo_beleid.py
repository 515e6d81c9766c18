"""Gemeente Demodam has enough history for the policy pages to show something, suppressed."""

import pytest

from django.test import Client

from opstap.accounts.models import Gebruiker
from opstap.beleid.models import Aanpak
from opstap.demo.laden import laad_demo
from opstap.werken.models import Baan

pytestmark = pytest.mark.django_db


def test_demodam_toont_trends_en_lijnen() -> None:
    gemeente, _nieuw = laad_demo()
    assert Aanpak.objects.filter(klant__gemeente=gemeente, soort="maatwerk").count() >= 50
    assert Baan.objects.filter(gemeente=gemeente, einde_op__isnull=False).exists()
    client = Client()
    client.force_login(Gebruiker.objects.get(username="beleid1"))
    data = client.get("/api/v1/beleid/bestandsbeeld/").json()
    eerste, nu = data["maanden"][0], data["nu"]
    assert eerste["totaal"] is not None and nu["totaal"] is not None
    assert eerste["totaal"] < nu["totaal"]  # clients kept arriving: a trend, not a flat line
    werk = {c["categorie"]: c["aantal"] for c in nu["tabellen"]["werk"]}
    assert werk["geen"] is not None and werk["geen"] < nu["totaal"]  # some work part-time
    pagina = client.get("/beleid/effectiviteit/").content.decode()
    assert pagina.count("<polyline") == 2  # a curve per approach
    assert "%" in pagina

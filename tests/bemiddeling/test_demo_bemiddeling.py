"""`make run` shows mediation with content: consents with values, a proposal waiting for klant1,
feedback hired and not, a scheduled trial day, meet-ups with sign-ups, work-experience places, and
the logins werkgever1 and uitzend1 (the municipal temp agency)."""

import pytest

from django.test import Client

from opstap.bemiddeling.demo import BESCHIKBAAR
from opstap.bemiddeling.models import (
    Aanmelding,
    Bijeenkomst,
    Plaats,
    Proefdag,
    Terugkoppeling,
    Voorstel,
    VoorstelStatus,
)
from opstap.demo.laden import DEMO_WACHTWOORD, laad_demo

pytestmark = pytest.mark.django_db


def _login(naam: str) -> Client:
    client = Client()
    client.post("/inloggen/", {"username": naam, "password": DEMO_WACHTWOORD})
    return client


def test_demo_toont_bemiddeling_met_inhoud() -> None:
    laad_demo()
    assert Voorstel.objects.filter(
        klant__gebruiker__username="klant1", status=VoorstelStatus.GEVRAAGD
    ).exists()
    assert {t.uitkomst for t in Terugkoppeling.objects.all()} == {"aangenomen", "niet_aangenomen"}
    assert Proefdag.objects.filter(datum__isnull=False).exists()
    assert Aanmelding.objects.filter(bijeenkomst__in=Bijeenkomst.objects.all()).count() >= 5
    assert Plaats.objects.filter(klant__isnull=False).exists()

    klant1 = _login("klant1")
    toestemmingen = klant1.get("/mijn/toestemmingen/").content.decode()
    assert (
        "Een vraag voor jou" in toestemmingen and "Dit ziet Zorgcentrum De Linde" in toestemmingen
    )
    assert "Speeddate zorg en schoonmaak" in klant1.get("/mijn/bijeenkomsten/").content.decode()
    klant2 = _login("klant2")
    voorstel = Voorstel.objects.get(
        klant__gebruiker__username="klant2", status=VoorstelStatus.NIET_AANGENOMEN
    )
    assert "Wat goed ging" in klant2.get(f"/mijn/kandidaat/{voorstel.pk}/").content.decode()

    werkgever = _login("werkgever1").get("/werkgever/kandidaten/").content.decode()
    assert "Beschikbare uren" in werkgever and any(b in werkgever for b in BESCHIKBAAR)
    uitzend = _login("uitzend1")
    assert "Een kandidaat voorstellen" in uitzend.get("/werkgever/kandidaten/").content.decode()

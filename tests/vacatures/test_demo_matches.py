import pytest

from django.test import Client

from opstap.demo.laden import DEMO_WACHTWOORD, laad_demo
from opstap.klanten.models import Klant
from opstap.vacatures.selectors import passende_vacatures

pytestmark = pytest.mark.django_db


def test_demo_klant1_ziet_echte_vacatures_vanaf_haar_volgende_stap() -> None:
    laad_demo()
    klant = Klant.objects.get(gebruiker__username="klant1")
    matches = passende_vacatures(klant)
    assert len(matches) >= 3
    for m in matches:  # klant1: school hours only, no car, no heavy work, at most 20 hours
        assert m.vacature.binnen_schooltijden and not m.vacature.avond_weekend
        assert m.vacature.bereikbaar_zonder_auto and not m.vacature.fysiek_zwaar
        assert m.vacature.uren_per_week_min <= 20
    client = Client()
    client.post("/inloggen/", {"username": "klant1", "password": DEMO_WACHTWOORD})
    thuis = client.get("/mijn/").content.decode()
    assert "Drie vacatures uitzoeken in de app" in thuis
    assert 'href="/mijn/vacatures/"' in thuis
    lijst = client.get("/mijn/vacatures/").content.decode()
    for m in matches:
        assert m.vacature.titel in lijst
        assert f"/mijn/vacatures/{m.vacature.pk}/" in lijst
    assert "Binnen schooltijd" in lijst and "Geen zwaar tilwerk" in lijst

import pytest

from django.test import Client

from opstap.accounts.models import Gebruiker
from opstap.demo.laden import laad_demo

pytestmark = pytest.mark.django_db


def test_demo_klant_ziet_gesprek_verslag_en_afspraak() -> None:
    laad_demo(aantal_klanten=6)
    client = Client()
    client.force_login(Gebruiker.objects.get(username="klant1"))
    thuis = client.get("/mijn/").content.decode()
    assert "de vacatures die je hebt uitgezocht" in thuis
    assert "Drie vacatures uitzoeken in de app" in thuis
    assert "uitzendbureau" in client.get("/mijn/berichten/").content.decode()
    assert "kennisgemaakt" in client.get("/mijn/gesprekken/").content.decode()

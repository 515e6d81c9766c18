"""The demo municipality shows the whole learning network."""

import pytest

from django.test import Client

from opstap.accounts.models import Gebruiker
from opstap.demo.laden import laad_demo
from opstap.leernetwerk.models import Actie, Bijdrage, Codering, Sessie, Status
from opstap.leernetwerk.selectors import overeenstemming

pytestmark = pytest.mark.django_db


def test_demo_heeft_elke_status_twee_codeurs_en_een_sessie() -> None:
    gemeente, _ = laad_demo()
    assert set(Bijdrage.objects.filter(gemeente=gemeente).values_list("status", flat=True)) == set(
        Status.values
    )
    assert Codering.objects.values("codeur").distinct().count() == 2
    paren = overeenstemming(gemeente)
    assert len(paren) == 1 and paren[0].kappa is not None and 0.5 < paren[0].kappa < 1
    sessie = Sessie.objects.filter(gemeente=gemeente).exclude(conclusies="").get()
    assert Actie.objects.filter(sessie=sessie).count() == 4

    client = Client()
    client.force_login(Gebruiker.objects.get(username="klant1"))
    pagina = client.get("/mijn/leernetwerk/").content.decode()
    assert "Nog niet verstuurd" in pagina and "telt als sollicitatie" in pagina
    client.force_login(Gebruiker.objects.get(username="contactpersoon1"))
    pagina = client.get("/werk/leernetwerk/").content.decode()
    assert "Vragen om akkoord als sollicitatie" in pagina and "Ervaring" in pagina
    client.force_login(Gebruiker.objects.get(username="beleid1"))
    pagina = client.get(f"/werk/leernetwerk/sessies/{sessie.pk}/").content.decode()
    assert "Brieven komen te laat" in pagina and "te laat" in pagina

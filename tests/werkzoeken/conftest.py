import re

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from tests.wereld import WACHTWOORD, Wereld


def inloggen(gebruikersnaam: str) -> Client:
    """Through the real login form (with CSRF), as a person would."""
    client = Client(enforce_csrf_checks=False)
    pagina = client.get("/inloggen/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina)
    assert token
    response = client.post(
        "/inloggen/",
        {"username": gebruikersnaam, "password": WACHTWOORD, "csrfmiddlewaretoken": token.group(1)},
    )
    assert response.status_code == 302, "inloggen mislukt"
    return client


@pytest.fixture
def klant_client(wereld: Wereld) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    return client


@pytest.fixture
def cp_client(wereld: Wereld) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    return client

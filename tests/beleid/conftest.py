import pytest

from django.test import Client

from opstap.accounts.models import Rol
from tests.wereld import Wereld


@pytest.fixture
def beleid_client(wereld: Wereld) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER])
    return client

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.contact.meldingen import LogSmsBackend
from tests.wereld import Wereld


@pytest.fixture(autouse=True)
def lege_sms() -> Iterator[None]:
    LogSmsBackend.verstuurd.clear()
    yield
    LogSmsBackend.verstuurd.clear()


@pytest.fixture
def klant_client(wereld: Wereld) -> Client:
    c = Client()
    c.force_login(wereld.a.gebruikers[Rol.KLANT])
    return c


@pytest.fixture
def cp_client(wereld: Wereld) -> Client:
    c = Client()
    c.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    return c


def morgen() -> Any:
    return timezone.now() + timedelta(days=1)

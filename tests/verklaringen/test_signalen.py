"""D5 for the contact person: a missed declaration and falling hours show on the caseload, with
their reason, and never an amount."""

from datetime import date
from decimal import Decimal

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from opstap.verklaringen.models import Inkomstenverklaring
from opstap.verklaringen.selectors import verklaring_signalen
from opstap.werken.models import Baan
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _verklaring(baan: Baan, maand: date, uren: str, kenmerk: str) -> None:
    Inkomstenverklaring.objects.create(
        gemeente=baan.gemeente,
        klant=baan.klant,
        baan=baan,
        maand=maand,
        uren=Decimal(uren),
        netto_loon=Decimal("500.00"),
        kenmerk=kenmerk,
    )


def _soorten(wereld: Wereld, vandaag: date) -> dict[str, list[str]]:
    klant = wereld.a.klanten["caseload"]
    signalen = verklaring_signalen(wereld.a.gemeente, [klant.pk], vandaag=vandaag)
    return {s.soort: [s.tekst] for s in signalen.get(klant.pk, [])}


def test_een_gemiste_verklaring_na_de_termijn(wereld: Wereld) -> None:
    baan = Baan.objects.get(klant=wereld.a.klanten["caseload"])
    # The world has March declared; on 10 May April's deadline (5 May) has passed.
    assert "verklaring_mist" in _soorten(wereld, date(2026, 5, 10))
    assert "april" in _soorten(wereld, date(2026, 5, 10))["verklaring_mist"][0]
    # Before the deadline it is not missed yet: the latest due month is March, which was sent.
    assert "verklaring_mist" not in _soorten(wereld, date(2026, 5, 4))
    _verklaring(baan, date(2026, 4, 1), "46", "IV-SIG-1")
    assert "verklaring_mist" not in _soorten(wereld, date(2026, 5, 10))


def test_minder_uren_dan_de_maand_ervoor(wereld: Wereld) -> None:
    baan = Baan.objects.get(klant=wereld.a.klanten["caseload"])
    _verklaring(baan, date(2026, 4, 1), "20", "IV-SIG-2")  # March: 48 hours
    soorten = _soorten(wereld, date(2026, 5, 10))
    assert soorten["verklaring_minder_uren"] == [
        "Minder uren gewerkt: 20 uur in april, 48 uur in maart"
    ]
    # A small dip is no signal.
    Inkomstenverklaring.objects.filter(kenmerk="IV-SIG-2").update(uren=Decimal(44))
    assert "verklaring_minder_uren" not in _soorten(wereld, date(2026, 5, 10))


def test_op_de_caseload_van_de_contactpersoon(wereld: Wereld) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    html = client.get("/werk/?aandacht=1").content.decode()
    # Today the world's job (since February, only March declared) misses last month's declaration.
    assert "nog niet doorgegeven" in html
    assert "612" not in html  # the amounts stay with the income desk

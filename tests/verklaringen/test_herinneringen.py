"""Reminders before the declaration's deadline: a few days before (setting, default 3 and 1), to
clients with a job that month and no declaration; once per client, month and reminder day; by
e-mail without content (contact.meldingen) and on the client's start and income pages."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from django.core import mail
from django.test import Client

from opstap.accounts.models import Rol
from opstap.verklaringen import services
from opstap.verklaringen.models import Herinnering, Inkomstenverklaring
from opstap.werken.models import Baan, Contract
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

NOVEMBER = date(2026, 11, 1)


def _versturen(vandaag: date, vangen: Any) -> int:
    with vangen(execute=True):
        return services.herinneringen_versturen(vandaag=vandaag)


def test_herinnering_een_keer_per_dag_en_niet_na_het_doorgeven(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    eigen = wereld.a.klanten["eigen"]
    eigen.gebruiker.email = "klant@example.org"
    eigen.gebruiker.save()
    gedaan = wereld.a.klanten["collega"]
    Inkomstenverklaring.objects.create(
        gemeente=gedaan.gemeente,
        klant=gedaan,
        baan=Baan.objects.get(klant=gedaan),
        maand=NOVEMBER,
        uren=Decimal(40),
        netto_loon=Decimal(400),
        kenmerk="IV-GEDAAN-00001",
    )
    met_baan = {b.klant_id for b in Baan.objects.all()}
    # 1 December: more than 3 days before the deadline (5 December): nothing yet.
    assert _versturen(date(2026, 12, 1), django_capture_on_commit_callbacks) == 0
    # 2 December: 3 days before. Every client with a job in November, except who declared.
    aantal = _versturen(date(2026, 12, 2), django_capture_on_commit_callbacks)
    assert aantal == len(met_baan) - 1
    assert not Herinnering.objects.filter(klant=gedaan).exists()
    assert Herinnering.objects.filter(klant=eigen, maand=NOVEMBER, dagen_voor=3).count() == 1
    brieven = [m for m in mail.outbox if "klant@example.org" in m.to]
    assert len(brieven) == 1
    assert "Denk je aan het doorgeven van je inkomsten?" in brieven[0].subject
    assert "/mijn/inkomsten/" in brieven[0].body
    assert "612" not in brieven[0].body  # no content, only that something is due
    # The same day again, and the day after: nothing new.
    assert _versturen(date(2026, 12, 2), django_capture_on_commit_callbacks) == 0
    assert _versturen(date(2026, 12, 3), django_capture_on_commit_callbacks) == 0
    # The client declares; on 4 December (1 day before) only the others get the second one.
    Inkomstenverklaring.objects.create(
        gemeente=eigen.gemeente,
        klant=eigen,
        baan=Baan.objects.get(klant=eigen),
        maand=NOVEMBER,
        uren=Decimal(40),
        netto_loon=Decimal(400),
        kenmerk="IV-GEDAAN-00002",
    )
    assert _versturen(date(2026, 12, 4), django_capture_on_commit_callbacks) == len(met_baan) - 2
    assert not Herinnering.objects.filter(klant=eigen, dagen_voor=1).exists()
    assert len([m for m in mail.outbox if "klant@example.org" in m.to]) == 1
    assert _versturen(date(2026, 12, 5), django_capture_on_commit_callbacks) == 0


def test_de_gemeente_kiest_de_dagen(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    gemeente = wereld.a.gemeente
    gemeente.instellingen = {
        **gemeente.instellingen,
        "inkomstenverklaring_dag": 10,
        "inkomstenverklaring_herinnering_dagen": [7],
    }
    gemeente.save()
    # 10 December minus 7 days: from 3 December.
    assert _versturen(date(2026, 12, 2), django_capture_on_commit_callbacks) > 0  # only B
    assert not Herinnering.objects.filter(klant__gemeente=gemeente).exists()
    assert _versturen(date(2026, 12, 3), django_capture_on_commit_callbacks) > 0
    assert set(Herinnering.objects.values_list("klant__gemeente_id", "dagen_voor")) >= {
        (gemeente.pk, 7)
    }
    # Municipality B keeps the defaults: 2 December is 3 days before its 5 December.
    assert Herinnering.objects.filter(klant__gemeente=wereld.b.gemeente, dagen_voor=3).exists()


def test_herinnering_op_de_startpagina_en_de_inkomstenpagina(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    # Whatever today is: the test world's client has months without a declaration since March.
    for pad in ("/mijn/", "/mijn/inkomsten/"):
        html = client.get(pad).content.decode()
        assert "Geef je inkomsten over" in html, pad
        assert "/mijn/inkomsten/doorgeven/?baan=" in html
    # Nothing shown to a client without a job.
    Inkomstenverklaring.objects.filter(klant=wereld.a.klanten["eigen"]).delete()
    Contract.objects.filter(klant=wereld.a.klanten["eigen"]).delete()
    Baan.objects.filter(klant=wereld.a.klanten["eigen"]).delete()
    assert "Geef je inkomsten over" not in client.get("/mijn/").content.decode()

"""Sending a message is one service (contact.services.bericht_sturen) behind three doors: the
client's page, the contact person's page and the API. The same message through any door is stored
the same way, with the same attachment and the same access-log entry."""

from collections.abc import Callable
from typing import Any

import pytest

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from opstap.accounts.models import Rol
from opstap.contact import services
from opstap.contact.models import Bericht
from opstap.privacy.models import Inzage
from tests.contact import pdfs
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

TEKST = "Ik kan morgen om tien uur."


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("rooster.pdf", pdfs.schoon(), content_type="application/pdf")


def _web(pad: Callable[[Wereld], str]) -> Callable[[Wereld, str], None]:
    def sturen(wereld: Wereld, rol: str) -> None:
        c = Client()
        c.force_login(wereld.a.gebruikers[rol])
        response = c.post(pad(wereld), {"tekst": TEKST, "bijlage": _pdf()})
        assert response.status_code == 302, response.content.decode()[:500]

    return sturen


def _api(wereld: Wereld, rol: str) -> None:
    c = APIClient()
    c.force_authenticate(wereld.a.gebruikers[rol])
    data: dict[str, Any] = {"tekst": TEKST, "bijlage": _pdf()}
    if rol != Rol.KLANT:
        data["klant"] = wereld.a.klanten["eigen"].pk
    response = c.post("/api/v1/berichten/", data, format="multipart")
    assert response.status_code == 201, response.content.decode()[:500]


DEUREN = {
    Rol.KLANT: {"pagina": _web(lambda w: "/mijn/berichten/"), "api": _api},
    Rol.CONTACTPERSOON: {
        "pagina": _web(lambda w: f"/werk/klanten/{w.a.klanten['eigen'].pk}/berichten/"),
        "api": _api,
    },
}


def _wat_er_staat(
    wereld: Wereld, sturen: Callable[[Wereld, str], None], rol: str
) -> tuple[Any, ...]:
    klant = wereld.a.klanten["eigen"]
    berichten_voor, inzages_voor = (
        set(Bericht.objects.values_list("pk", flat=True)),
        Inzage.objects.count(),
    )
    sturen(wereld, rol)
    nieuw = Bericht.objects.exclude(pk__in=berichten_voor).get()
    with nieuw.bijlage.open("rb") as f:
        inhoud = f.read()
    bericht = (
        nieuw.klant_id,
        nieuw.afzender_id,
        nieuw.van_klant,
        nieuw.tekst,
        nieuw.verslag_id,
        nieuw.bijlage_naam,
        nieuw.bijlage_type,
        inhoud,
    )
    # Writing shows no list, so the only new log entry is the write itself.
    log = [
        (i.klant_id, i.gebruiker_id, i.rol, i.actie, i.onderdeel, i.doel)
        for i in Inzage.objects.order_by("pk")[inzages_voor:]
    ]
    assert nieuw.klant_id == klant.pk and inhoud == pdfs.schoon()
    return bericht, log


@pytest.mark.parametrize("rol", sorted(DEUREN))
def test_elke_deur_slaat_hetzelfde_op(wereld: Wereld, rol: str) -> None:
    uitkomsten = {deur: _wat_er_staat(wereld, sturen, rol) for deur, sturen in DEUREN[rol].items()}
    (bericht, log), *rest = uitkomsten.values()
    for ander_bericht, ander_log in rest:
        assert ander_bericht == bericht
        assert ander_log == log
    assert len(log) == 1 and log[0][3] == "aanmaken"


def test_de_dienst_zelf_weigert_een_vreemd_gesprek(wereld: Wereld) -> None:
    """The rule is in the service, not only in the views: no door can forget it."""
    voor = Bericht.objects.count()
    with pytest.raises(PermissionDenied):
        services.bericht_sturen(
            door=wereld.a.gebruikers[Rol.KLANT], klant=wereld.a.klanten["caseload"], tekst=TEKST
        )
    assert Bericht.objects.count() == voor


def test_een_afgekeurde_bijlage_laat_niets_achter(wereld: Wereld) -> None:
    """Message and log entry are stored together or not at all."""
    voor = Bericht.objects.count(), Inzage.objects.count()
    nep = SimpleUploadedFile("rooster.pdf", b"geen pdf", content_type="application/pdf")
    with pytest.raises(services.InvoerFout):
        services.bericht_sturen(
            door=wereld.a.gebruikers[Rol.KLANT],
            klant=wereld.a.klanten["eigen"],
            tekst=TEKST,
            bijlage=nep,
        )
    assert (Bericht.objects.count(), Inzage.objects.count()) == voor

"""The income desk (inkomensconsulent) works with income, never with the coaching file: messages,
summaries, barriers and the step plan stay between the client and their contact person. And every
link the income desk is shown leads somewhere it may go."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from opstap.klanten.models import Drempel
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

GEHEIM_BERICHT = (
    "Welkom! Hier kun je me altijd een bericht sturen."  # every client's first message (wereld)
)
GEHEIME_TOELICHTING = "Slaapt slecht door de schulden"


@pytest.fixture
def inkomen(wereld: Wereld) -> Client:
    klant = wereld.a.klanten["collega"]
    Drempel.objects.create(
        klant=klant, soort="schulden", toelichting=GEHEIME_TOELICHTING, eerst_aanpakken=True
    )
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.INKOMENSCONSULENT])
    return client


def test_inkomensconsulent_krijgt_het_begeleidingsdossier_niet(
    inkomen: Client, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["collega"]
    o = wereld.objecten_van(klant)
    basis = f"/werk/klanten/{klant.pk}/"
    for pad in (
        "",
        "berichten/",
        f"berichten/{o['bericht_pk']}/bijlage/",
        "verslagen/nieuw/",
        f"verslagen/{o['verslag_pk']}/",
        "contactmomenten/",
        "stappenplan/",
        "aanvragen/",
        "overdracht/",
        "als-klant/",
    ):
        response = inkomen.get(basis + pad)
        assert response.status_code == 403, f"{basis + pad}: {response.status_code}"
        tekst = response.content.decode()
        assert GEHEIM_BERICHT not in tekst and GEHEIME_TOELICHTING not in tekst
    # Its own work with this client still works.
    assert inkomen.get(f"{basis}inkomen/").status_code == 200


def _links(html: str) -> set[str]:
    return {urldefrag(h)[0] for h in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', html)}


def kruip(client: Client, start: list[str], *, max_paginas: int = 80) -> dict[str, int]:
    """Every same-site link reachable from the start pages, with the status it answers (after
    redirects). Only pages that open are crawled further."""
    gezien: dict[str, int] = {}
    rij = deque(start)
    while rij and len(gezien) < max_paginas:
        url = rij.popleft()
        if url in gezien:
            continue
        response = client.get(url, follow=True)
        gezien[url] = response.status_code
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for link in _links(response.content.decode()):
            delen = urlsplit(link)
            if delen.scheme or delen.netloc or not link.startswith("/"):
                continue  # another site (a legal source on wetten.overheid.nl)
            if link not in gezien:
                rij.append(link)
    return gezien


def test_elke_link_op_de_paginas_van_de_inkomensrol_opent(inkomen: Client, wereld: Wereld) -> None:
    gezien = kruip(inkomen, ["/", "/werk/inkomsten/", "/werk/voorzieningen/"])
    klant = wereld.a.klanten["collega"]
    assert (
        f"/werk/klanten/{klant.pk}/inkomen/" in gezien
    )  # the queue leads to the declaration, and from there to the client's income page
    kapot = {url: status for url, status in gezien.items() if status != 200}
    assert not kapot, f"links die de inkomensconsulent niet kan openen: {kapot}"

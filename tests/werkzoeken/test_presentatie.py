"""Beyond the CV (C6): a pitch, a one-page flyer made from it, a video; all the client's to share
with the contact person or withdraw at once."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from django.test import Client

from opstap.accounts.models import Rol
from opstap.accounts.toegang import zichtbare_stukken
from opstap.werkzoeken.models import Stuk
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def test_flyer_is_een_pagina_met_naam_en_pitch_ook_bij_een_lange_pitch(
    wereld: Wereld, klant_client: Client
) -> None:
    lang = "Ik werk graag met mensen en ik ben altijd op tijd. " * 25
    response = klant_client.post("/mijn/werkzoeken/presentatie/", {"actie": "pitch", "tekst": lang})
    assert response.status_code == 302
    pdf = klant_client.get("/mijn/werkzoeken/presentatie/flyer/")
    assert pdf["Content-Type"] == "application/pdf"
    lezer = PdfReader(BytesIO(pdf.content))
    assert len(lezer.pages) == 1
    tekst = lezer.pages[0].extract_text()
    assert "Eigenaar" in tekst and "altijd op tijd" in tekst


def test_pitch_delen_en_intrekken(wereld: Wereld, klant_client: Client) -> None:
    klant = wereld.a.klanten["eigen"]
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    pitch = Stuk.objects.get(klant=klant, soort="pitch")  # from the test world, not shared
    assert not zichtbare_stukken(cp).filter(pk=pitch.pk).exists()
    klant_client.post("/mijn/werkzoeken/presentatie/", {"actie": "delen", "stuk": pitch.pk})
    assert zichtbare_stukken(cp).filter(pk=pitch.pk).exists()
    klant_client.post("/mijn/werkzoeken/presentatie/", {"actie": "intrekken", "stuk": pitch.pk})
    pitch.refresh_from_db()
    assert pitch.ingetrokken_op is not None and pitch.tekst == ""
    assert not zichtbare_stukken(cp).filter(pk=pitch.pk).exists()
    assert klant_client.get("/mijn/werkzoeken/presentatie/flyer/").status_code == 404
    # Someone else's stuk cannot be shared or withdrawn through my page.
    vreemd = Stuk.objects.get(klant=wereld.a.klanten["caseload"], soort="pitch")
    assert (
        klant_client.post(
            "/mijn/werkzoeken/presentatie/", {"actie": "intrekken", "stuk": vreemd.pk}
        ).status_code
        == 404
    )
    vreemd.refresh_from_db()
    assert vreemd.ingetrokken_op is None

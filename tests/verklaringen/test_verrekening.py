"""The settlement (D4): computed by the rules engine for the client's whole month and equal to
what `opstap bereken` gives for that household; stored like a recorded calculation; corrections
need a reason the client reads; a later declaration for a settled month corrects it."""

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from django.core.exceptions import ValidationError
from django.test import Client

from opstap.accounts.models import Rol
from opstap.inkomen.services import invoer_voor_klant
from opstap.privacy.models import Actie, Inzage
from opstap.verklaringen import verrekening
from opstap.verklaringen.models import Inkomstenverklaring, Status, Verrekening
from opstap.werken.models import Baan
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

MAART = date(2026, 3, 1)


def _client(wereld: Wereld, rol: str) -> Client:
    client = Client()
    client.force_login(wereld.a.gebruikers[rol])
    return client


def _verklaring(wereld: Wereld, naam: str = "eigen") -> Inkomstenverklaring:
    return Inkomstenverklaring.objects.get(klant=wereld.a.klanten[naam], maand=MAART)


def _opstap_bereken(invoer: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The engine through its command line, as an outside checker would run it."""
    bestand = tmp_path / "huishouden.json"
    bestand.write_text(json.dumps(invoer), encoding="utf-8")
    opstap = Path(sys.executable).parent / "opstap"
    uit = subprocess.run(
        [str(opstap), "bereken", str(bestand)], capture_output=True, text=True, check=True
    )
    return json.loads(uit.stdout)


def test_verrekening_via_de_api_is_gelijk_aan_opstap_bereken(
    wereld: Wereld, tmp_path: Path
) -> None:
    verklaring = _verklaring(wereld)
    client = _client(wereld, Rol.INKOMENSCONSULENT)
    response = client.post(f"/api/v1/inkomstenverklaringen/{verklaring.pk}/verrekening/")
    assert response.status_code == 201, response.content
    data = client.get(f"/api/v1/inkomstenverklaringen/{verklaring.pk}/").json()
    assert data["status"] == Status.VERREKEND
    v = data["verrekening"]

    klant = wereld.a.klanten["eigen"]
    invoer = invoer_voor_klant(klant, peildatum=MAART, werk={"netto_loon_per_maand": [612.40]})
    uitvoer = _opstap_bereken(invoer, tmp_path)
    rij = uitvoer["resultaten"][0]
    for veld in ("bijstandsnorm", "inkomensvrijlating", "bijstand", "zelf_verdiend"):
        assert Decimal(v[veld]) == Decimal(str(rij[veld])).quantize(Decimal("0.01")), veld
    assert Decimal(v["bijstand"]) > 0  # a real household with a part-time wage
    assert v["maand"] == "2026-03"
    assert v["te_betalen"] == v["bijstand"]
    assert v["corrigeert"] is None

    # Stored like a recorded calculation: input, result, explanation and rule version.
    opgeslagen = Verrekening.objects.get(verklaring=verklaring)
    assert opgeslagen.berekening.invoer == invoer
    assert opgeslagen.berekening.uitleg["niveaus"][0]["tekst"]
    assert opgeslagen.regelversie == opgeslagen.berekening.regelversie == uitvoer["regelversie"]
    # The client reads the same settlement through the API.
    eigen = _client(wereld, Rol.KLANT).get(f"/api/v1/inkomstenverklaringen/{verklaring.pk}/")
    assert eigen.json()["verrekening"]["bijstand"] == v["bijstand"]


def test_twee_banen_in_een_maand_tellen_samen(wereld: Wereld, tmp_path: Path) -> None:
    """Several jobs in one month: the settlement uses the month's total net wage."""
    eerste = _verklaring(wereld)
    klant = eerste.klant
    tweede_baan = Baan.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        werkgever_naam="Tweede werkgever",
        begonnen_op=date(2026, 1, 1),
        uren_per_week=Decimal(4),
        bruto_uurloon=Decimal("14.40"),
        loonperiode="vier_weken",
    )
    tweede = Inkomstenverklaring.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        baan=tweede_baan,
        maand=MAART,
        uren=Decimal(16),
        netto_loon=Decimal("200.00"),
        kenmerk="IV-TWEEDE",
    )
    consulent = wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    v1 = verrekening.verrekenen(eerste, door=consulent)
    assert v1.netto_maand == Decimal("812.40")
    invoer = invoer_voor_klant(klant, peildatum=MAART, werk={"netto_loon_per_maand": [812.40]})
    rij = _opstap_bereken(invoer, tmp_path)["resultaten"][0]
    assert v1.bijstand == Decimal(str(rij["bijstand"])).quantize(Decimal("0.01"))
    # Settling the second one settles the same month again: no change, linked to the first.
    v2 = verrekening.verrekenen(tweede, door=consulent)
    assert v2.corrigeert == v1
    assert v2.verschil == Decimal("0.00")


def test_aangepaste_cijfers_vragen_een_reden_die_de_klant_leest(wereld: Wereld) -> None:
    verklaring = _verklaring(wereld)
    client = _client(wereld, Rol.INKOMENSCONSULENT)
    url = f"/api/v1/inkomstenverklaringen/{verklaring.pk}/verrekening/"
    zonder = client.post(url, {"netto_loon": "700.00"}, content_type="application/json")
    assert zonder.status_code == 400
    assert zonder["Content-Type"].startswith("application/problem+json")
    assert "Schrijf waarom je de cijfers aanpast" in zonder.content.decode()
    verklaring.refresh_from_db()
    assert verklaring.status == Status.ONTVANGEN
    reden = "Op je loonstrook staat € 700,00 netto, niet € 612,40."
    met = client.post(
        url, {"netto_loon": "700.00", "reden": reden}, content_type="application/json"
    )
    assert met.status_code == 201, met.content
    v = met.json()["verrekening"]
    assert v["netto_loon"] == "700.00" and v["gecorrigeerd"] is True
    eigen = _client(wereld, Rol.KLANT).get(f"/api/v1/inkomstenverklaringen/{verklaring.pk}/")
    assert eigen.json()["verrekening"]["reden"] == reden
    # Twice is refused.
    assert client.post(url).status_code == 400


@pytest.mark.parametrize("rol", [Rol.KLANT, Rol.CONTACTPERSOON, Rol.WERKGEVER])
def test_alleen_de_inkomensconsulent_verrekent(wereld: Wereld, rol: str) -> None:
    verklaring = _verklaring(wereld)
    response = _client(wereld, rol).post(
        f"/api/v1/inkomstenverklaringen/{verklaring.pk}/verrekening/"
    )
    assert response.status_code in (403, 404)
    assert not Verrekening.objects.exists()


def test_een_andere_gemeente_verrekent_niet(wereld: Wereld) -> None:
    vreemd = Inkomstenverklaring.objects.get(klant=wereld.b.klanten["eigen"])
    response = _client(wereld, Rol.INKOMENSCONSULENT).post(
        f"/api/v1/inkomstenverklaringen/{vreemd.pk}/verrekening/"
    )
    assert response.status_code == 404


def test_aanvulling_en_in_behandeling_via_de_api(wereld: Wereld) -> None:
    verklaring = _verklaring(wereld)
    client = _client(wereld, Rol.INKOMENSCONSULENT)
    basis = f"/api/v1/inkomstenverklaringen/{verklaring.pk}"
    assert client.post(f"{basis}/in-behandeling/").json()["status"] == Status.IN_BEHANDELING
    leeg = client.post(f"{basis}/aanvulling/", {"ontbreekt": ""}, content_type="application/json")
    assert leeg.status_code == 400
    data = client.post(
        f"{basis}/aanvulling/",
        {"ontbreekt": "De loonstrook van maart ontbreekt."},
        content_type="application/json",
    ).json()
    assert data["status"] == Status.AANVULLING_NODIG
    eigen = _client(wereld, Rol.KLANT).get(f"{basis}/").json()
    assert eigen["ontbreekt"] == "De loonstrook van maart ontbreekt."
    assert eigen["status_tekst"] == "We missen nog iets"
    assert Inzage.objects.filter(
        klant=verklaring.klant, actie=Actie.WIJZIGEN, doel__contains="aanvulling"
    ).exists()


def test_een_schatting_wordt_de_maand_erna_gecorrigeerd(wereld: Wereld) -> None:
    verklaring = _verklaring(wereld)
    verklaring.schatting = True
    verklaring.save()
    consulent = wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    schatting = verrekening.verrekenen(verklaring, door=consulent)
    # The real figure for March arrives: a new declaration for the same job and month.
    echt = Inkomstenverklaring.objects.create(
        gemeente=verklaring.gemeente,
        klant=verklaring.klant,
        baan=verklaring.baan,
        maand=MAART,
        uren=Decimal(52),
        netto_loon=Decimal("700.00"),
        kenmerk="IV-ECHT",
    )
    correctie = verrekening.verrekenen(echt, door=consulent)
    assert correctie.corrigeert == schatting
    assert correctie.netto_maand == Decimal("700.00")  # the estimate no longer counts
    assert correctie.bijstand < schatting.bijstand  # more earned, less bijstand
    assert correctie.verschil == correctie.bijstand - schatting.bijstand
    assert correctie.verrekenen_in is not None and correctie.verrekenen_in > MAART


def test_de_consulent_voert_de_echte_cijfers_in(wereld: Wereld) -> None:
    verklaring = _verklaring(wereld)
    verklaring.schatting = True
    verklaring.save()
    consulent = wereld.a.gebruikers[Rol.INKOMENSCONSULENT]
    schatting = verrekening.verrekenen(verklaring, door=consulent)
    correctie = verrekening.schatting_corrigeren(
        schatting,
        door=consulent,
        netto_loon=Decimal("500.00"),
        uren=Decimal(40),
        reden="Je loonstrook van maart kwam binnen: € 500,00 netto.",
    )
    assert correctie.corrigeert == schatting
    assert correctie.verschil is not None and correctie.verschil > 0  # less earned, more bijstand
    assert correctie.verklaring.status == Status.VERREKEND


def test_verrekenen_met_onmogelijke_cijfers_geeft_een_nederlandse_fout(wereld: Wereld) -> None:
    with pytest.raises(ValidationError, match="tussen 0 en"):
        verrekening.verrekenen(
            _verklaring(wereld),
            door=wereld.a.gebruikers[Rol.INKOMENSCONSULENT],
            uren=Decimal(900),
            reden="typfout",
        )


def test_het_uitgeschreven_antwoord_is_gelijk_aan_drf_veld_voor_veld(wereld: Wereld) -> None:
    """The declaration's answer is written out by hand (speed); it must say exactly what DRF's
    own walk over the declared fields says, settled or not, with and without optional values."""
    from rest_framework import serializers

    from opstap.verklaringen.api import BEREKENING_NIET, VERREKENING_ERBIJ
    from opstap.verklaringen.serializers import (
        InkomstenverklaringSerializer,
        OntvangstbewijsSerializer,
        ontvangstbewijs,
    )

    verklaring = _verklaring(wereld)
    client = _client(wereld, Rol.INKOMENSCONSULENT)
    assert (
        client.post(
            f"/api/v1/inkomstenverklaringen/{verklaring.pk}/verrekening/",
            {"netto_loon": "600.00", "reden": "Volgens de loonstrook"},
        ).status_code
        == 201
    )
    Inkomstenverklaring.objects.filter(pk=verklaring.pk).update(
        gelezen={"netto_loon": "600.00", "uren": None}
    )
    anders = Inkomstenverklaring.objects.exclude(pk=verklaring.pk).first() or verklaring
    Inkomstenverklaring.objects.filter(pk=anders.pk).update(
        bruto_loon=Decimal("812.5"), ontbreekt="De loonstrook van de laatste week"
    )
    alle = list(
        Inkomstenverklaring.objects.select_related("baan", "klant", *VERREKENING_ERBIJ)
        .defer(*BEREKENING_NIET)
        .prefetch_related("bestanden")
    )
    assert any(v.bruto_loon is None for v in alle) and any(v.bruto_loon for v in alle)
    assert any(hasattr(v, "verrekening") for v in alle)
    velden = set(InkomstenverklaringSerializer().fields) - {"loonstrook"}  # write-only
    for v in alle:
        serializer = InkomstenverklaringSerializer(v)
        snel = serializer.data
        drf = serializers.Serializer.to_representation(serializer, v)
        assert set(snel) == velden == set(drf)
        for veld in velden - {"maand", "ontvangstbewijs"}:
            assert snel[veld] == drf[veld], veld
        assert snel["maand"] == v.maand.strftime("%Y-%m")
        assert snel["ontvangstbewijs"] == OntvangstbewijsSerializer(ontvangstbewijs(v)).data

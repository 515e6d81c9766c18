"""The study's method reproduces the study's own figures from its inputs (seed 000, "in de
praktijk"), on the command line as on the page."""

import json
from decimal import Decimal
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from opstap.beleid.besparing import PARTTIME_MAANDLOON, STUDIEVOORBEELDEN, studiemethode


def test_amsterdam_en_drechtsteden_uit_de_invoer_van_de_studie() -> None:
    amsterdam = studiemethode(doelgroep=6200, parttimers=825, maandloon=Decimal("523"))
    assert amsterdam.potentieel == 5375
    assert round(amsterdam.besparing_per_jaar / 1_000_000, 1) == Decimal("33.7")  # "€ 33,7 mln"
    drechtsteden = studiemethode(doelgroep=3500, parttimers=760, maandloon=Decimal("523"))
    assert drechtsteden.potentieel == 2740
    assert round(drechtsteden.besparing_per_jaar / 1_000_000) == 17  # "€ 17.000.000"
    assert PARTTIME_MAANDLOON.waarde == Decimal("523") and "Divosa" in PARTTIME_MAANDLOON.bron


@pytest.mark.parametrize(
    ("args", "potentieel", "miljoen"),
    [
        (["--bijstand", "41000", "--trede34", "6200", "--parttimers", "825"], 5375, 33.7),
        (["--bijstand", "6600", "--trede34", "3500", "--parttimers", "760"], 2740, 17.2),
    ],
)
def test_commando_print_json(args: list[str], potentieel: int, miljoen: float) -> None:
    uit = StringIO()
    call_command("besparing", *args, "--maandloon", "523", stdout=uit)
    data = json.loads(uit.getvalue())
    assert set(data) == {"potentieel", "besparing_per_jaar"}
    assert data["potentieel"] == potentieel
    assert round(data["besparing_per_jaar"] / 1e6, 1) == miljoen
    assert data["besparing_per_jaar"] == potentieel * 523 * 12


def test_commando_weigert_onzin_met_een_duidelijke_melding() -> None:
    with pytest.raises(CommandError, match="meer parttimers"):
        call_command("besparing", "--bijstand", "10", "--trede34", "5", "--parttimers", "6")
    with pytest.raises(CommandError, match="groter dan --bijstand"):
        call_command("besparing", "--bijstand", "10", "--trede34", "50", "--parttimers", "6")


def test_de_pagina_toont_de_cijfers_van_de_studie(beleid_client: object) -> None:
    pagina = beleid_client.get("/beleid/besparing/").content.decode()  # type: ignore[attr-defined]
    for naam, _b, _doelgroep, _pt in STUDIEVOORBEELDEN:
        assert naam in pagina
    assert "5375" in pagina and "€ 33.733.500,00" in pagina
    assert "2740" in pagina and "€ 17.196.240,00" in pagina
    eigen = beleid_client.get(  # type: ignore[attr-defined]
        "/beleid/besparing/?bijstand=1000&trede34=300&parttimers=100&maandloon=500"
    ).content.decode()
    assert "200 potentiële parttimers; besparing € 1.200.000,00 per jaar." in eigen
    fout = beleid_client.get(  # type: ignore[attr-defined]
        "/beleid/besparing/?bijstand=100&trede34=300&parttimers=10&maandloon=500"
    )
    assert fout.status_code == 400
    assert "De doelgroep kan niet groter zijn dan de bijstand." in fout.content.decode()
    assert 'value="300"' in fout.content.decode()  # what was typed stays

"""De-identification: the CLI contract, the corpus bar (recall per kind), ordinary words kept."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from opstap.leernetwerk.anonimiseren import SOORTEN, anonimiseer, vondsten
from tests.leernetwerk.corpus import MET_DREMPEL, lees_corpus, meet, tabel

CORPUS_APART = Path(__file__).with_name("corpus_apart.txt")


def test_cli_print_precies_de_geanonimiseerde_tekst(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = tmp_path / "verhaal.txt"
    bestand.write_text(
        "Ik ben Fatima El Amrani en woon op de Kerkstraat 12, 1234 AB Demodam.\n"
        "Bel me op 06-12345678 of mail fatima@voorbeeld.nl.  Mijn BSN is 999990019.\n",
        encoding="utf-8",
    )
    call_command("anonimiseer", str(bestand))
    assert capsys.readouterr().out == (
        "Ik ben [PERSOON] en woon op de [ADRES], [POSTCODE] [PLAATS].\n"
        "Bel me op [TELEFOON] of mail [EMAIL].  Mijn BSN is [BSN].\n"
    )


def test_cli_via_het_opstap_commando(tmp_path: Path) -> None:
    """The real entry point, as an acceptance check runs it."""
    bestand = tmp_path / "brief.txt"
    bestand.write_text(
        "Mijn buurvrouw Roos Bakker werkt bij Albert Heijn. Ik wil bakker worden.", encoding="utf-8"
    )
    opstap = Path(sys.executable).with_name("opstap")
    uit = subprocess.run(  # noqa: S603
        [str(opstap), "anonimiseer", str(bestand)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "opstap.conf.test"},
        timeout=300,
    )
    assert uit.stdout == "Mijn buurvrouw [PERSOON] werkt bij [ORGANISATIE]. Ik wil bakker worden."


def test_cli_zegt_het_als_het_bestand_er_niet_is(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("anonimiseer", str(tmp_path / "weg.txt"))


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (
            "BSN 9999.90.032 en 123456789.",
            "BSN [BSN] en [NUMMER].",
        ),  # no 11-proef: a number, not a BSN
        ("IBAN NL20 INGB 0001 2345 67.", "IBAN [IBAN]."),
        ("Rekening NL20INGB0001234568 klopt niet.", "Rekening [NUMMER] klopt niet."),  # mistyped
        ("Postcode 3011AB en 3011 AB.", "Postcode [POSTCODE] en [POSTCODE]."),
        (
            "Bel +31 6 12345678, 0031 6 1234 5678 of (020) 123 45 67.",
            "Bel [TELEFOON], [TELEFOON] of [TELEFOON].",
        ),
        ("Bel +31(0)6 45678901 of 06 12 34 56 78.", "Bel [TELEFOON] of [TELEFOON]."),
        (
            "Ik werk bij Bakkerij Korenaar B.V. in de nacht.",
            "Ik werk bij [ORGANISATIE] in de nacht.",
        ),
        (
            "Via uitzendbureau Flexwerk kreeg ik werk.",
            "Via uitzendbureau [ORGANISATIE] kreeg ik werk.",
        ),
        ("Gemeente Demodam belde.", "[ORGANISATIE] belde."),
        (
            "Ik ben al 3 jaar in de bijstand en ik ben 58 jaar.",
            "Ik ben al 3 jaar in de bijstand en ik ben 58 jaar.",
        ),
        (
            "Het UWV en de Belastingdienst stuurden brieven.",
            "Het UWV en de Belastingdienst stuurden brieven.",
        ),
        ("Ik kom uit Polen.", "Ik kom uit Polen."),
    ],
)
def test_regels(tekst: str, verwacht: str) -> None:
    assert anonimiseer(tekst) == verwacht


def test_een_naam_wordt_overal_in_de_tekst_weggehaald() -> None:
    tekst = "Mijn buurman Visser hielp. Visser is aardig. De visser op de markt niet."
    assert anonimiseer(tekst) == (
        "Mijn buurman [PERSOON] hielp. [PERSOON] is aardig. De visser op de markt niet."
    )


def test_nog_een_keer_anonimiseren_verandert_niets() -> None:
    for verhaal in lees_corpus():
        een_keer = anonimiseer(verhaal.tekst)
        assert anonimiseer(een_keer) == een_keer


def test_lege_tekst_en_witruimte_blijven() -> None:
    assert anonimiseer("") == ""
    assert anonimiseer("  \n\t ") == "  \n\t "
    assert vondsten("Geen namen hier.") == []


def test_elke_soort_is_gedocumenteerd() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "leernetwerk.md").read_text(encoding="utf-8")
    for soort in SOORTEN:
        assert f"[{soort}]" in doc


@pytest.mark.parametrize("pad", [None, CORPUS_APART], ids=["corpus", "apart"])
def test_recall_per_soort_en_gewone_woorden_blijven(pad: Path | None) -> None:
    verhalen = lees_corpus() if pad is None else lees_corpus(pad)
    meting = meet(verhalen)
    assert sum(meting.totaal.values()) >= (100 if pad is None else 35)
    for soort in MET_DREMPEL:
        assert meting.totaal[soort] > 0, f"geen {soort} in het corpus"
        assert meting.recall(soort) >= 0.95, (
            f"{soort}: recall {meting.recall(soort):.3f}, gemist {meting.gemist}"
        )
    assert meting.behouden >= 0.98, f"te veel weggehaald: {meting.geraakt}"


def test_meer_dan_kale_deduce() -> None:
    """The extensions matter: plain deduce misses IBANs, most organisations and phone forms."""
    verhalen = lees_corpus()
    ons, kaal = meet(verhalen), meet(verhalen, alleen_deduce=True)
    assert kaal.recall("IBAN") < 0.5 <= ons.recall("IBAN")
    assert kaal.recall("ORGANISATIE") < ons.recall("ORGANISATIE")
    assert kaal.recall("TELEFOON") < ons.recall("TELEFOON")
    print("\n" + tabel())  # noqa: T201 - the report, with pytest -s

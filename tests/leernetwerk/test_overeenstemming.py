"""Cohen's kappa: the function against worked examples, and the page for two coders."""

import pytest

from django.test import Client

from opstap.accounts.models import Rol
from opstap.leernetwerk import services
from opstap.leernetwerk.models import Bijdrage, Status
from opstap.leernetwerk.overeenstemming import cohen_kappa, duiding
from opstap.leernetwerk.selectors import overeenstemming, zinnen
from tests.wereld import Wereld


def _paren(ja_ja: int, ja_nee: int, nee_ja: int, nee_nee: int) -> tuple[list[str], list[str]]:
    a = ["ja"] * (ja_ja + ja_nee) + ["nee"] * (nee_ja + nee_nee)
    b = ["ja"] * ja_ja + ["nee"] * ja_nee + ["ja"] * nee_ja + ["nee"] * nee_nee
    return a, b


def test_kappa_van_het_bekende_voorbeeld() -> None:
    # 50 applications, two readers: 20 both yes, 15 both no, 5 and 10 disagree.
    # p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4 (Wikipedia, "Cohen's kappa").
    assert cohen_kappa(*_paren(20, 5, 10, 15)) == pytest.approx(0.4)


def test_kappa_met_drie_categorieen() -> None:
    # Fleiss, Levin & Paik (2003), table 18.1 shape: computed by hand.
    a = ["x"] * 10 + ["y"] * 10 + ["z"] * 10
    b = ["x"] * 8 + ["y"] * 2 + ["y"] * 9 + ["z"] * 1 + ["z"] * 7 + ["x"] * 3
    p_o = (8 + 9 + 7) / 30
    p_e = ((10 * 11) + (10 * 11) + (10 * 8)) / 900
    assert cohen_kappa(a, b) == pytest.approx((p_o - p_e) / (1 - p_e))


def test_randgevallen() -> None:
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == pytest.approx(1.0)
    assert cohen_kappa(["a", "b"], ["b", "a"]) == pytest.approx(-1.0)
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None  # one label only: undefined
    assert cohen_kappa([], []) is None
    with pytest.raises(ValueError, match="even veel"):
        cohen_kappa(["a"], ["a", "b"])
    assert (
        duiding(0.4) == "redelijk"
        and duiding(0.85) == "bijna volledig"
        and duiding(None) == "niet te berekenen"
    )


def test_zinnen() -> None:
    tekst = "Eerste zin. Tweede zin!  Derde\nVierde?"
    assert [tekst[b:e] for b, e in zinnen(tekst)] == [
        "Eerste zin.",
        "Tweede zin!",
        "Derde",
        "Vierde?",
    ]


@pytest.mark.django_db
def test_overeenstemming_tussen_twee_codeurs(wereld: Wereld) -> None:
    gemeente = wereld.a.gemeente
    codes = services.codeboek_klaarzetten(gemeente)
    netwerk, brieven = codes[0], codes[7]
    tekst = "Mijn buurvrouw hielp. De brief was onduidelijk. Ik belde de gemeente. Het kwam goed."
    bijdrage = Bijdrage.objects.create(
        gemeente=gemeente,
        klant=wereld.a.klanten["caseload"],
        onderwerp="brief",
        gedeelde_tekst=tekst,
        status=Status.GOEDGEKEURD,
    )
    spans = zinnen(tekst)
    a, b = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers[Rol.BELEIDSMEDEWERKER]
    # A: netwerk on sentence 0, brieven on 1. B: netwerk on 0, brieven on 1 and 2.
    for codeur, code, i in [
        (a, netwerk, 0),
        (a, brieven, 1),
        (b, netwerk, 0),
        (b, brieven, 1),
        (b, brieven, 2),
    ]:
        services.coderen(bijdrage, codeur=codeur, code=code, begin=spans[i][0], einde=spans[i][1])
    paren = [p for p in overeenstemming(gemeente) if {p.codeur_a, p.codeur_b} == {a, b}]
    assert len(paren) == 1
    paar = paren[0]
    assert paar.teksten == 1 and paar.eenheden == 4
    # Pooled over the nine codes ("regie" of the test world is one of the themes), 4 sentences
    # each: 36 units, one disagreement (brieven on sentence 2). A says yes 2x, B 3x.
    n = 36
    p_o = 35 / n
    p_e = (2 * 3 + 34 * 33) / (n * n)
    assert paar.kappa == pytest.approx((p_o - p_e) / (1 - p_e))
    per_code = dict(paar.per_code)
    assert per_code[netwerk] == pytest.approx(1.0)
    # brieven: A yes on 1; B yes on 1, 2. p_o = 3/4, p_e = (1*2 + 3*2)/16 = 0.5 → 0.5
    assert per_code[brieven] == pytest.approx(0.5)

    client = Client()
    client.force_login(a)
    pagina = client.get("/werk/leernetwerk/overeenstemming/").content.decode()
    assert f"{paar.kappa:.2f}".replace(".", ",") in pagina
    assert "brieven" in pagina

"""The matching engine on its own: hard constraints are never broken (checked against the raw
fields and an independent distance computation), nothing allowed is dropped, and every match
carries reasons in plain Dutch."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opstap.vacatures.matching import (
    MAX_REISTIJD_MIN,
    KlantProfiel,
    VacatureIndex,
    VacatureProfiel,
    afstand_km,
    bezwaren,
    passende_klanten,
    reis,
    reis_tekst,
)

BEROEPEN = ["kok", "verkoper", "schoonmaker", "hovenier"]
VAARDIGHEDEN = ["kassa", "koken", "tillen", "klantcontact", "plannen"]


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Independent of the engine: the textbook formula with math."""
    f1, f2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((f2 - f1) / 2) ** 2
        + math.cos(f1) * math.cos(f2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _snelste(afstand: float, auto: bool) -> float:
    """The documented travel model, written out again by hand."""
    weg = afstand * 1.3
    tijden = [10 + weg / 25 * 60]
    if afstand <= 10:
        tijden.append(weg / 15 * 60)
    if auto:
        tijden.append(5 + weg / 50 * 60)
    return min(tijden)


plek = st.one_of(
    st.none(),
    st.tuples(st.floats(53.0, 53.6), st.floats(6.2, 7.2)),
)


@st.composite
def vacatures(draw: st.DrawFn, n: int) -> list[VacatureProfiel]:
    uit = []
    for i in range(n):
        laag = draw(st.integers(1, 40))
        p = draw(plek)
        uit.append(
            VacatureProfiel(
                id=i + 1,
                uren_min=laag,
                uren_max=draw(st.integers(laag, 40)),
                binnen_schooltijden=draw(st.booleans()),
                avond_weekend=draw(st.booleans()),
                bereikbaar_zonder_auto=draw(st.booleans()),
                fysiek_zwaar=draw(st.booleans()),
                parttime_mogelijk=draw(st.booleans()),
                beroep=draw(st.sampled_from(["", *BEROEPEN])),
                vaardigheden=tuple(draw(st.lists(st.sampled_from(VAARDIGHEDEN), max_size=3))),
                breedtegraad=p[0] if p else None,
                lengtegraad=p[1] if p else None,
            )
        )
    return uit


@st.composite
def klanten(draw: st.DrawFn) -> KlantProfiel:
    p = draw(plek)
    return KlantProfiel(
        id=draw(st.integers(1, 10_000)),
        alleen_schooltijden=draw(st.booleans()),
        heeft_auto=draw(st.booleans()),
        fysiek_beperkt=draw(st.booleans()),
        max_uren=draw(st.one_of(st.none(), st.integers(1, 40))),
        breedtegraad=p[0] if p else None,
        lengtegraad=p[1] if p else None,
        gewenste_beroepen=tuple(draw(st.lists(st.sampled_from(BEROEPEN), max_size=2))),
        vaardigheden=tuple(draw(st.lists(st.sampled_from(VAARDIGHEDEN), max_size=3))),
        heeft_kinderen=draw(st.booleans()),
    )


def _toegestaan(k: KlantProfiel, v: VacatureProfiel, marge: float = 0.01) -> bool:
    """The hard constraints, straight from the fields. `marge`: minutes of slack at the travel
    limit (float32 in the engine); far from the limit the answers must agree."""
    if k.alleen_schooltijden and (not v.binnen_schooltijden or v.avond_weekend):
        return False
    if not k.heeft_auto and not v.bereikbaar_zonder_auto:
        return False
    if k.fysiek_beperkt and v.fysiek_zwaar:
        return False
    minste = v.uren_min if v.parttime_mogelijk else v.uren_max
    if minste > (k.max_uren if k.max_uren is not None else 40):
        return False
    if None not in (k.breedtegraad, k.lengtegraad, v.breedtegraad, v.lengtegraad):
        d = _haversine(k.breedtegraad, k.lengtegraad, v.breedtegraad, v.lengtegraad)  # type: ignore[arg-type]
        if _snelste(d, k.heeft_auto) > MAX_REISTIJD_MIN + marge:
            return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vacatures(30), st.lists(klanten(), min_size=1, max_size=8), st.integers(1, 12))
def test_harde_grenzen_nooit_overschreden_en_niets_toegestaans_gemist(
    vac: list[VacatureProfiel], kl: list[KlantProfiel], k: int
) -> None:
    index = VacatureIndex(vac)
    ids, scores = index.beste_ids(kl, k, blok=3)
    per_id = {v.id: v for v in vac}
    for rij, klant in enumerate(kl):
        gekozen = [int(i) for i in ids[rij] if i >= 0]
        for vid in gekozen:
            assert _toegestaan(klant, per_id[vid]), (klant, per_id[vid])
            assert bezwaren(klant, per_id[vid]) == []
        # Nothing allowed is dropped: as many as allowed, up to k.
        zeker = sum(_toegestaan(klant, v, marge=-0.01) for v in vac)
        hoogstens = sum(_toegestaan(klant, v) for v in vac)
        assert min(k, zeker) <= len(gekozen) <= min(k, hoogstens)
        assert list(scores[rij][: len(gekozen)]) == sorted(
            scores[rij][: len(gekozen)], reverse=True
        )
        los = index.voor_klant(klant, k)
        assert [m.vacature_id for m in los] == gekozen
        for m in los:
            assert m.redenen and all(isinstance(r, str) and r for r in m.redenen)
            v = per_id[m.vacature_id]
            if klant.alleen_schooltijden:
                assert "Binnen schooltijd" in m.redenen
            if klant.fysiek_beperkt:
                assert "Geen zwaar tilwerk" in m.redenen
            assert reis_tekst(reis(klant, v)) in m.redenen


@settings(max_examples=100, deadline=None)
@given(vacatures(1), st.lists(klanten(), min_size=0, max_size=15, unique_by=lambda k: k.id))
def test_passende_klanten_voor_een_vacature(
    vac: list[VacatureProfiel], kl: list[KlantProfiel]
) -> None:
    uit = passende_klanten(vac[0], kl)
    for m in uit:
        klant = next(k for k in kl if k.id == m.klant_id)
        assert _toegestaan(klant, vac[0]) and m.redenen
    assert [m.score for m in uit] == sorted((m.score for m in uit), reverse=True)


def test_voorbeelden_in_gewone_woorden() -> None:
    thuis = (53.3190, 6.8760)
    klant = KlantProfiel(
        id=1,
        alleen_schooltijden=True,
        fysiek_beperkt=True,
        max_uren=20,
        breedtegraad=thuis[0],
        lengtegraad=thuis[1],
        gewenste_beroepen=("Verkoper",),
        vaardigheden=("kassa",),
        heeft_kinderen=True,
    )
    dichtbij = VacatureProfiel(
        id=1,
        uren_min=8,
        uren_max=16,
        binnen_schooltijden=True,
        beroep="verkoper",
        vaardigheden=("kassa", "klantcontact"),
        breedtegraad=53.3300,
        lengtegraad=6.8760,
    )
    verder = VacatureProfiel(
        id=2,
        uren_min=12,
        uren_max=12,
        binnen_schooltijden=True,
        breedtegraad=53.4100,
        lengtegraad=6.8760,  # about 10 km north
    )
    avond = VacatureProfiel(id=3, uren_min=8, uren_max=16, avond_weekend=True)
    zwaar = VacatureProfiel(
        id=4, uren_min=8, uren_max=16, binnen_schooltijden=True, fysiek_zwaar=True
    )
    te_veel = VacatureProfiel(id=5, uren_min=24, uren_max=32, binnen_schooltijden=True)
    matches = VacatureIndex([dichtbij, verder, avond, zwaar, te_veel]).voor_klant(klant)
    assert [m.vacature_id for m in matches] == [1, 2]
    eerste, tweede = matches
    assert "1,2 km van huis" in eerste.redenen
    assert "Je wilt graag werken als verkoper" in eerste.redenen
    assert "Je kunt al: kassa" in eerste.redenen
    assert "8 tot 16 uur per week: past bij jouw hoogstens 20 uur" in eerste.redenen
    assert "met de bus 42 minuten" in tweede.redenen  # 10 + 10,1 km x 1,3 / 25 km/u
    assert any("bus- of treinabonnement" in r for r in tweede.regelen)
    assert bezwaren(klant, avond) == ["Dit werk is ook 's avonds of in het weekend"]
    assert bezwaren(klant, zwaar) == ["Dit werk is lichamelijk zwaar"]
    assert bezwaren(klant, te_veel) == [
        "Dit werk is minstens 24 uur per week; jij werkt hoogstens 20 uur"
    ]


def test_afstand_is_de_haversine() -> None:
    # Amsterdam Centraal to Utrecht Centraal: about 35 km as the crow flies.
    d = float(afstand_km(52.3791, 4.9003, 52.0894, 5.1101))
    assert d == _haversine(52.3791, 4.9003, 52.0894, 5.1101)
    assert 34 < d < 36


def test_blokken_geven_dezelfde_afstand_als_de_formule() -> None:
    vac = [VacatureProfiel(id=1, uren_min=1, uren_max=1, breedtegraad=53.41, lengtegraad=6.9)]
    klant = KlantProfiel(id=1, breedtegraad=53.32, lengtegraad=6.8, heeft_auto=True)
    index = VacatureIndex(vac)
    _, minuten = index.scores([klant])
    verwacht = _snelste(_haversine(53.32, 6.8, 53.41, 6.9), True)
    assert abs(float(minuten[0, 0]) - verwacht) < 0.01

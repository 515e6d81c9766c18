from opstap.contact.b1 import MAX_WOORDEN_PER_ZIN, b1_controle


def test_zin_van_twintig_woorden_mag() -> None:
    zin = " ".join(["woord"] * MAX_WOORDEN_PER_ZIN) + "."
    assert b1_controle(zin) == []


def test_zin_van_eenentwintig_woorden_wordt_gemeld() -> None:
    zin = " ".join(["woord"] * (MAX_WOORDEN_PER_ZIN + 1)) + "."
    meldingen = b1_controle(f"Korte zin. {zin} Nog een korte zin.")
    assert [m.soort for m in meldingen] == ["lange_zin"]
    assert "21 woorden" in meldingen[0].advies


def test_jargon_krijgt_een_gewoon_alternatief() -> None:
    meldingen = b1_controle("De inkomstenverrekening gaat conform de regels.")
    woorden = {m.tekst: m for m in meldingen}
    assert {"inkomstenverrekening", "conform"} <= set(woorden)
    assert "zoals" in woorden["conform"].advies


def test_dreigende_woorden_worden_gemeld() -> None:
    meldingen = b1_controle("Als je dit niet doet volgt een maatregel.")
    assert any(m.soort == "dreigend" and m.tekst == "maatregel" for m in meldingen)


def test_gewone_tekst_is_goed() -> None:
    assert b1_controle("We hebben gepraat over werk. Jij belt vrijdag het uitzendbureau.") == []

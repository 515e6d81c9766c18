"""C3 and E1 in the browser, on a 360 px phone: the client finds a matched vacancy and taps
through to what it means for her money; the employer posts a vacancy (a Dutch error first, what was
typed kept); the contact person's and the temp agency's pages. axe finds no serious problem."""

from decimal import Decimal
from typing import Any

from opstap.werkgevers.models import Vacature
from tests.browser.conftest import axe_problemen, breedte_past, inloggen
from tests.wereld import WACHTWOORD, Wereld


def test_klant_vindt_passende_vacature_en_ziet_wat_die_oplevert(
    pagina: Any, wereld: Wereld
) -> None:
    klant = wereld.a.klanten["eigen"]
    klant.alleen_schooltijden = True
    klant.breedtegraad, klant.lengtegraad = 53.3190, 6.8760
    klant.save()
    assert wereld.a.werkgever is not None
    Vacature.objects.create(
        gemeente=wereld.a.gemeente,
        werkgever=wereld.a.werkgever,
        titel="Overblijfkracht",
        omschrijving="Kinderen helpen tijdens de lunch.",
        beroep="kinderopvang",
        uren_per_week_min=10,
        uren_per_week_max=12,
        bruto_uurloon=Decimal("15.80"),
        binnen_schooltijden=True,
        geplaatst_op="2026-02-01",
        breedtegraad=53.3300,
        lengtegraad=6.8760,
    )
    inloggen(pagina, "alfa-klant", WACHTWOORD)
    pagina.get_by_role("link", name="Vacatures").first.click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", name="Vacatures die bij je passen").is_visible()
    assert pagina.get_by_text("Binnen schooltijd").first.is_visible()
    assert pagina.get_by_text("1,2 km van huis").is_visible()
    assert pagina.get_by_text("Magazijnmedewerker").count() == 0  # not within school hours
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
    pagina.get_by_role("link", name="Overblijfkracht", exact=True).click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", name="Waarom dit past").is_visible()
    assert axe_problemen(pagina) == []
    pagina.get_by_role("link", name="Wat betekent deze baan voor mijn geld?").click()
    pagina.wait_for_load_state()
    vacature = pagina.locator("[data-vacature]")
    assert vacature.get_by_text("De baan Overblijfkracht bij Bedrijf alfa").is_visible()
    assert vacature.get_by_text(
        "We rekenen met 12 uur per week en € 15,80 bruto per uur"
    ).is_visible()
    assert pagina.get_by_role("heading", name="Bij 12 uur werk per week").is_visible()
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
    pagina.goto("/mijn/vacatures/wensen/")
    assert pagina.get_by_label("Ik kan alleen werken onder schooltijd").is_checked()
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []


def test_werkgever_plaatst_een_vacature_op_telefoon(pagina: Any, wereld: Wereld) -> None:
    inloggen(pagina, "alfa-werkgever", WACHTWOORD)
    pagina.get_by_role("link", name="Nieuwe vacature plaatsen").click()
    pagina.wait_for_load_state()
    assert axe_problemen(pagina) == []
    pagina.get_by_label("Functie").fill("Kassamedewerker")
    pagina.get_by_label("Beroep").fill("verkoper")
    pagina.get_by_label("Wat ga je doen?").fill("Afrekenen en klanten helpen.")
    pagina.get_by_label("Minste aantal uren per week").fill("16")
    pagina.get_by_label("Meeste aantal uren per week").fill("8")
    pagina.get_by_label("Bruto uurloon in euro").fill("15,25")
    pagina.get_by_label("Postcode").fill("9934 AB")
    pagina.get_by_role("button", name="Plaats de vacature").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("Het meeste aantal uren is kleiner dan het minste").is_visible()
    assert pagina.get_by_label("Functie").input_value() == "Kassamedewerker"
    assert axe_problemen(pagina) == []
    pagina.get_by_label("Meeste aantal uren per week").fill("20")
    pagina.get_by_label("Het werk is alleen onder schooltijd (ongeveer 8.30 tot 14.30 uur)").check()
    pagina.get_by_role("button", name="Plaats de vacature").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_role("heading", name="Kassamedewerker").is_visible()
    assert pagina.get_by_text("De vacature is bewaard.").is_visible()
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
    vacature = Vacature.objects.get(titel="Kassamedewerker")
    assert (vacature.uren_per_week_min, vacature.uren_per_week_max) == (16, 20)
    assert vacature.binnen_schooltijden
    pagina.goto("/werkgever/regelingen/")
    assert pagina.get_by_role("heading", name="Loonkostensubsidie").is_visible()
    assert axe_problemen(pagina) == []


def test_contactpersoon_en_uitzendbureau_paginas(pagina: Any, wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    inloggen(pagina, "alfa-contactpersoon", WACHTWOORD)
    pagina.goto(f"/werk/klanten/{klant.pk}/vacatures/")
    assert pagina.get_by_role("heading", name="Grenzen en wensen").is_visible()
    pagina.get_by_label("Kan alleen werken onder schooltijd").check()
    pagina.get_by_role("button", name="Bewaar").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("De werkwensen zijn bewaard.").is_visible()
    assert pagina.get_by_text("Geen vacature past nu bij deze wensen en grenzen.").is_visible()
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []
    assert wereld.a.vacature is not None
    pagina.goto(f"/werk/vacatures/{wereld.a.vacature.pk}/")
    assert axe_problemen(pagina) == []


def test_uitzendbureau_ziet_alle_vacatures_en_een_aantal(pagina: Any, wereld: Wereld) -> None:
    assert wereld.a.werkgever is not None and wereld.a.vacature is not None
    wereld.a.werkgever.is_intern_uitzendbureau = True
    wereld.a.werkgever.save()
    inloggen(pagina, "alfa-werkgever", WACHTWOORD)
    pagina.goto("/werkgever/vacatures/")
    assert pagina.get_by_role("heading", name="Alle vacatures in de stad").is_visible()
    assert axe_problemen(pagina) == []
    pagina.get_by_role("link", name="Magazijnmedewerker").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("Minder dan 10 mensen").is_visible()
    assert breedte_past(pagina)
    assert axe_problemen(pagina) == []

"""The caseload's new signals (a run of rejections, a long silence, a mood dip from shared moods only,
a duty falling behind), each with its reason; the mood check that stays the client's unless shared;
the outcome pages (a job celebrated, a rejection with an evaluation and a pause)."""

from datetime import timedelta

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.accounts.toegang import zichtbare_stemmingen
from opstap.contact.models import Bericht
from opstap.contact.selectors import signalen
from opstap.werkzoeken import services
from opstap.werkzoeken.models import Activiteit, Plicht, Stemming
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _activiteit(klant, dagen: int, uitkomst: str = "", soort: str = "sollicitatie") -> Activiteit:  # type: ignore[no-untyped-def]
    return Activiteit.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        soort=soort,
        datum=timezone.localdate() - timedelta(days=dagen),
        omschrijving="Sollicitatie",
        uitkomst=uitkomst,
    )


def _soorten(wereld: Wereld, klant) -> dict[str, str]:  # type: ignore[no-untyped-def]
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    return {s.soort: s.tekst for s in signalen(cp).get(klant.pk, [])}


def test_drie_afwijzingen_op_rij_geven_een_signaal_een_gesprek_ertussen_niet(
    wereld: Wereld,
) -> None:
    klant = wereld.a.klanten["caseload"]
    for dagen in (9, 6, 3):
        _activiteit(klant, dagen, "afgewezen")
    datum = (timezone.localdate() - timedelta(days=3)).strftime("%-d")
    assert _soorten(wereld, klant)["afwijzingen"].startswith(
        "3 afwijzingen op rij (laatste " + datum
    )
    _activiteit(klant, 1, "gesprek")
    assert "afwijzingen" not in _soorten(wereld, klant)


def test_lange_stilte_en_achterlopende_plicht_met_reden(wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    assert "werkzoeken-stil" not in _soorten(wereld, klant)  # no duty agreed: no silence signal
    services.plicht_instellen(
        door=cp, klant=klant, aantal=3, periode_weken=1, soorten=["sollicitatie"]
    )
    Plicht.objects.filter(klant=klant).update(vastgelegd_op=timezone.now() - timedelta(days=40))
    soorten = _soorten(wereld, klant)
    assert soorten["werkzoeken-stil"] == "Geen activiteit of bericht in 4 weken of langer"
    assert soorten["plicht"] == "Sollicitatieplicht loopt achter (vorige periode 0 van 3)"
    # A message from the client breaks the silence; an exemption silences both.
    Bericht.objects.create(
        gemeente=klant.gemeente, klant=klant, afzender=cp, van_klant=True, tekst="Hoi"
    )
    assert "werkzoeken-stil" not in _soorten(wereld, klant)
    services.vrijstelling_vastleggen(
        door=cp,
        klant=klant,
        reden="Zware mantelzorg",
        begin=timezone.localdate(),
        einde=timezone.localdate() + timedelta(days=30),
    )
    assert "plicht" not in _soorten(wereld, klant)


def test_stemming_is_standaard_niet_gedeeld_en_alleen_gedeelde_geeft_een_signaal(
    wereld: Wereld, klant_client: Client, cp_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    klant_client.post("/mijn/werkzoeken/hoe-gaat-het/", {"score": "zwaar", "moment": "afwijzing"})
    stemming = Stemming.objects.get(klant=klant)
    assert not stemming.gedeeld
    assert not zichtbare_stemmingen(cp).exists()
    assert "stemming" not in _soorten(wereld, klant)
    assert (
        "De klant deelde niets"
        in cp_client.get(f"/werk/klanten/{klant.pk}/werkzoeken/").content.decode()
    )
    klant_client.post("/mijn/werkzoeken/hoe-gaat-het/", {"actie": "delen", "stemming": stemming.pk})
    assert list(zichtbare_stemmingen(cp)) == [stemming]
    assert _soorten(wereld, klant)["stemming"].startswith("Voelt zich zwaar (na een afwijzing, ")
    pagina = cp_client.get("/werk/").content.decode()
    assert "signaal--stemming" in pagina and "Voelt zich zwaar" in pagina
    # Another contact person and the employer see no mood at all.
    assert not zichtbare_stemmingen(wereld.a.gebruikers["collega"]).exists()
    assert not zichtbare_stemmingen(wereld.a.gebruikers[Rol.WERKGEVER]).exists()


def test_afwijzing_biedt_evaluatie_en_pauze_en_daarna_een_stemming(
    wereld: Wereld, klant_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    activiteit = Activiteit.objects.get(klant=klant)
    response = klant_client.post(
        f"/mijn/werkzoeken/activiteiten/{activiteit.pk}/",
        {"uitkomst": "afgewezen", "evaluatie": "on", "pauze": "on"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?stemming=afwijzing")
    bericht = Bericht.objects.filter(klant=klant, van_klant=True).latest("pk")
    assert "wat er mis ging" in bericht.tekst and "pauze" in bericht.tekst
    pagina = klant_client.get(response["Location"]).content.decode()
    assert "Hoe gaat het nu met je?" in pagina and 'name="gedeeld"' in pagina
    assert 'name="gedeeld" value="1" checked' not in pagina


def test_ik_heb_de_baan_is_eerst_een_feest_en_de_regels_komen_later(
    klant_client: Client, wereld: Wereld
) -> None:
    response = klant_client.post(
        "/mijn/werkzoeken/ik-heb-de-baan/", {"omschrijving": "Bakkerij De Korenbloem"}
    )
    assert response.status_code == 302
    pagina = klant_client.get(response["Location"]).content.decode()
    assert "Gefeliciteerd! Je hebt de baan!" in pagina
    assert 'href="/mijn/werk/"' in pagina  # hands over to reporting the job (D1), another day
    assert "€" not in pagina  # no sums and rules on the day of joy
    assert Activiteit.objects.filter(
        klant=wereld.a.klanten["eigen"], uitkomst="aangenomen"
    ).exists()


def test_afwijzing_uit_werkgeversfeedback_telt_mee_in_de_reeks(wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    _activiteit(klant, 8, "afgewezen")
    _activiteit(klant, 5, "afgewezen")
    assert "afwijzingen" not in _soorten(wereld, klant)
    services.uitkomst_uit_feedback(
        klant=klant,
        omschrijving="Voorgesteld bij Bedrijf alfa",
        uitkomst="afgewezen",
        datum=timezone.localdate(),
    )
    assert "afwijzingen" in _soorten(wereld, klant)
    with pytest.raises(services.InvoerFout):
        services.uitkomst_uit_feedback(
            klant=klant, omschrijving="x", uitkomst="", datum=timezone.localdate()
        )

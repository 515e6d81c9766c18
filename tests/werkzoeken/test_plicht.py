"""The duty as maatwerk (C1): the municipal default, what the contact person sets, which kinds
count, exemptions and the pause after a job, history, and the kind words on the client's page."""

from datetime import date, timedelta

import pytest

from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.privacy.models import Inzage
from opstap.werken.models import Baan
from opstap.werkzoeken import selectors, services
from opstap.werkzoeken.models import Activiteit, Plicht, Vrijstelling, VrijstellingSoort
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _cp(wereld: Wereld):  # type: ignore[no-untyped-def]
    return wereld.a.gebruikers[Rol.CONTACTPERSOON]


def _log(klant, soort: str, dag: date) -> None:  # type: ignore[no-untyped-def]
    Activiteit.objects.create(
        gemeente=klant.gemeente, klant=klant, soort=soort, datum=dag, omschrijving="x"
    )


def test_zonder_maatwerk_geldt_de_instelling_van_de_gemeente(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    gemeente = klant.gemeente
    gemeente.instellingen = {"sollicitaties_per_drie_weken": 5}
    gemeente.save()
    klant.refresh_from_db()
    stand = selectors.plicht_stand(klant, op=date(2026, 1, 21))
    assert (stand.aantal, stand.periode_weken, stand.is_maatwerk) == (5, 3, False)
    # Periods of three weeks from Monday 5 January 2026; the test world's application is 20 January.
    assert (stand.periode_begin, stand.periode_einde) == (date(2026, 1, 5), date(2026, 1, 25))
    assert stand.gedaan == 1
    assert stand.tekst == "Je hebt er 1 van de 5 gedaan, goed bezig!"


def test_maatwerk_telt_alleen_de_afgesproken_soorten(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    services.plicht_instellen(
        door=_cp(wereld), klant=klant, aantal=2, periode_weken=4, soorten=["netwerk", "leernetwerk"]
    )
    vandaag = timezone.localdate()
    _log(klant, "netwerk", vandaag)
    _log(klant, "sollicitatie", vandaag)  # does not count in this agreement
    stand = selectors.plicht_stand(klant, op=vandaag)
    assert (stand.aantal, stand.periode_weken, stand.gedaan) == (2, 4, 1)
    assert stand.soort_labels == ["Netwerkcontact", "Bijdrage aan het leernetwerk"]
    _log(klant, "leernetwerk", vandaag)
    stand = selectors.plicht_stand(klant, op=vandaag)
    assert stand.gehaald and "Top, je hebt het gehaald" in stand.tekst


def test_aanpassen_bewaart_de_geschiedenis_en_alleen_de_eigen_contactpersoon(
    wereld: Wereld,
) -> None:
    klant = wereld.a.klanten["eigen"]
    services.plicht_instellen(
        door=_cp(wereld), klant=klant, aantal=3, periode_weken=3, soorten=["sollicitatie"]
    )
    services.plicht_instellen(
        door=_cp(wereld), klant=klant, aantal=1, periode_weken=2, soorten=["scholing"]
    )
    assert [p.aantal for p in selectors.plicht_historie(klant)] == [1, 3]
    assert selectors.geldende_plicht(klant).aantal == 1  # type: ignore[union-attr]
    for ander in (
        wereld.a.gebruikers["collega"],
        wereld.a.gebruikers[Rol.KLANT],
        wereld.b.gebruikers[Rol.CONTACTPERSOON],
    ):
        with pytest.raises(PermissionDenied):
            services.plicht_instellen(
                door=ander, klant=klant, aantal=9, periode_weken=3, soorten=["sollicitatie"]
            )
    assert Plicht.objects.filter(klant=klant).count() == 2
    with pytest.raises(services.InvoerFout, match="minstens één soort"):
        services.plicht_instellen(
            door=_cp(wereld), klant=klant, aantal=3, periode_weken=3, soorten=["onzin"]
        )


def test_vrijstelling_wordt_vriendelijk_genoemd_en_telt_niet_als_achterstand(
    wereld: Wereld,
) -> None:
    klant = wereld.a.klanten["eigen"]
    vandaag = timezone.localdate()
    services.plicht_instellen(
        door=_cp(wereld), klant=klant, aantal=3, periode_weken=1, soorten=["sollicitatie"]
    )
    Plicht.objects.filter(klant=klant).update(vastgelegd_op=timezone.now() - timedelta(days=21))
    assert selectors.plicht_stand(klant).loopt_achter  # nothing done last week
    services.vrijstelling_vastleggen(
        door=_cp(wereld),
        klant=klant,
        reden="Je bereidt je voor op een groot gesprek.",
        begin=vandaag - timedelta(days=10),
        einde=vandaag + timedelta(days=7),
    )
    stand = selectors.plicht_stand(klant)
    assert stand.vrijstelling is not None and not stand.loopt_achter
    assert "Je hoeft nu even niet te solliciteren" in stand.tekst
    with pytest.raises(services.InvoerFout, match="na de begindatum"):
        services.vrijstelling_vastleggen(
            door=_cp(wereld),
            klant=klant,
            reden="x",
            begin=vandaag,
            einde=vandaag - timedelta(days=1),
        )


def test_pauze_na_een_gemelde_baan_met_een_tik_zichtbaar_voor_beiden(
    wereld: Wereld, cp_client: Client, klant_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    baan = Baan.objects.get(klant=klant)
    pagina = cp_client.get(f"/werk/klanten/{klant.pk}/werkzoeken/").content.decode()
    assert baan.werkgever_naam in pagina and "Pauze sollicitatieplicht" in pagina
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/werkzoeken/", {"actie": "pauze", "weken": "12"}
    )
    assert response.status_code == 302
    pauze = Vrijstelling.objects.get(klant=klant)
    assert pauze.soort == VrijstellingSoort.PAUZE_BAAN and pauze.baan == baan
    assert pauze.einde == timezone.localdate() + timedelta(weeks=12) - timedelta(days=1)
    assert (
        "staat op pauze" in cp_client.get(f"/werk/klanten/{klant.pk}/werkzoeken/").content.decode()
    )
    klant_pagina = klant_client.get("/mijn/werkzoeken/").content.decode()
    assert "Pauze sollicitatieplicht: nieuwe baan" in klant_pagina
    assert baan.werkgever_naam in klant_pagina


def test_klant_schrijft_activiteit_op_en_ziet_vriendelijke_voortgang(
    wereld: Wereld, klant_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    services.plicht_instellen(
        door=_cp(wereld),
        klant=klant,
        aantal=3,
        periode_weken=3,
        soorten=["sollicitatie", "uitzendbureau"],
    )
    response = klant_client.post(
        "/mijn/werkzoeken/",
        {
            "soort": "uitzendbureau",
            "datum": timezone.localdate().isoformat(),
            "omschrijving": "Langs bij Randstad",
        },
    )
    assert response.status_code == 302
    pagina = klant_client.get("/mijn/werkzoeken/").content.decode()
    assert "Je hebt er 1 van de 3 gedaan, goed bezig!" in pagina
    assert "Langs bij Randstad" in pagina
    assert Inzage.objects.filter(klant=klant, onderdeel="werk zoeken").exists()
    # A date in the future is refused kindly, and what was typed stays.
    morgen = (timezone.localdate() + timedelta(days=1)).isoformat()
    fout = klant_client.post(
        "/mijn/werkzoeken/",
        {"soort": "netwerk", "datum": morgen, "omschrijving": "Koffie met Kees"},
    )
    assert fout.status_code == 400
    tekst = fout.content.decode()
    assert "ligt in de toekomst" in tekst and "Koffie met Kees" in tekst


def test_contactpersoon_stelt_in_via_het_formulier_en_ziet_activiteiten(
    wereld: Wereld, cp_client: Client
) -> None:
    klant = wereld.a.klanten["caseload"]
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/werkzoeken/",
        {
            "actie": "plicht",
            "aantal": "4",
            "periode_weken": "3",
            "soorten": ["sollicitatie", "netwerk"],
            "toelichting": "Vier per drie weken.",
        },
    )
    assert response.status_code == 302
    pagina = cp_client.get(f"/werk/klanten/{klant.pk}/werkzoeken/").content.decode()
    assert "Afspraak: 4 activiteiten per 3 weken." in pagina
    assert "Gesolliciteerd bij de bakker" in pagina  # the test world's activity
    # The coaching file itself shows the duty's state, the latest activities and what waits.
    dossier = cp_client.get(f"/werk/klanten/{klant.pk}/").content.decode()
    assert "Gesolliciteerd bij de bakker" in dossier
    assert "1 cv of brief wacht op nakijken." in dossier
    assert f"/werk/klanten/{klant.pk}/werkzoeken/" in dossier
    fout = cp_client.post(
        f"/werk/klanten/{klant.pk}/werkzoeken/",
        {
            "actie": "plicht",
            "aantal": "99",
            "periode_weken": "3",
            "soorten": ["sollicitatie"],
            "toelichting": "Te veel",
        },
    )
    assert fout.status_code == 400 and "tussen 0 en 30" in fout.content.decode()
    assert "Te veel" in fout.content.decode()

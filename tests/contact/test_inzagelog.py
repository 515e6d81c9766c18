"""Bars of issue 4: every read of a client file is in the access log, and messages, summaries and
applications are never lost (stored and confirmed, or an error and the typed text kept).

The access-log walk covers every contact route automatically: a new page that reads a client file
without logging fails here."""

from datetime import timedelta

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.contact.models import Aanvraag, Bericht, Contactmoment, Gespreksverslag
from opstap.klanten.models import Klant
from opstap.privacy.models import Inzage
from tests.test_toegang import AFGESCHERMD, Route, _url
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

# Contact pages that show no client file: help texts, notification settings, the push endpoint
# (POST only), and the municipal overview (logs per client whose application it lists, below).
GEEN_DOSSIER = {"mijn:hulp", "mijn:meldingen", "mijn:push", "werk:voorzieningen"}
# Without ?klant= a contact person gets the municipality's provisions, not a client's.
GEEN_DOSSIER_VOOR = {("api:regelingen", Rol.CONTACTPERSOON)}
CONTACT_API = {
    "api:berichten",
    "api:gespreksverslagen",
    "api:gespreksverslag",
    "api:contactmomenten",
    "api:stappenplan",
    "api:aanvragen",
    "api:regelingen",
}


def _contact_route(route: Route) -> bool:
    pad = route.pad
    contact_pad = any(
        deel in pad
        for deel in (
            "berichten",
            "gesprekken",
            "verslagen",
            "afspraken",
            "contactmomenten",
            "stappenplan",
            "regelingen",
            "aanvragen",
            "regels",
            "overdracht",
            "als-klant",
            "hulp",
            "meldingen",
            "voorzieningen",
        )
    )
    return route.naam in CONTACT_API or (
        route.naam.split(":")[0] in ("mijn", "werk") and contact_pad
    )


CONTACTROUTES = [r for r in AFGESCHERMD if _contact_route(r)]


def test_de_wandeling_vindt_de_contactpaginas() -> None:
    namen = {r.naam for r in CONTACTROUTES}
    assert {
        "mijn:berichten",
        "mijn:verslag",
        "werk:als-klant",
        "werk:stappenplan",
        "api:berichten",
    } <= namen
    assert namen >= CONTACT_API


@pytest.mark.parametrize(
    "route", [r for r in CONTACTROUTES if r.naam not in GEEN_DOSSIER], ids=lambda r: r.naam
)
def test_elke_inzage_van_een_dossier_staat_in_het_log(route: Route, wereld: Wereld) -> None:
    rollen = sorted(r for r in route.rollen if wereld.eigen_klant(r) is not None)
    assert rollen, f"{route.naam}: geen rol met een eigen klant"
    for rol in rollen:
        if (route.naam, rol) in GEEN_DOSSIER_VOOR:
            continue
        klant = wereld.eigen_klant(rol)
        assert klant is not None
        _iets_van_alles(wereld, klant)  # lists with something in them
        gebruiker = wereld.a.gebruikers[rol]
        client = Client()
        client.force_login(gebruiker)
        voor = Inzage.objects.filter(klant=klant, gebruiker=gebruiker).count()
        response = client.get(_url(route, wereld.objecten_van(klant)))
        if response.status_code == 405:
            continue
        assert response.status_code == 200, f"{rol} op {route.pad}"
        assert Inzage.objects.filter(klant=klant, gebruiker=gebruiker).count() > voor, (
            f"{route.naam} liet {rol} een dossier lezen zonder inzagelog"
        )


def _iets_van_alles(wereld: Wereld, klant: Klant) -> None:
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    if not Contactmoment.objects.filter(klant=klant).exists():
        Contactmoment.objects.create(
            gemeente=klant.gemeente,
            klant=klant,
            door=cp,
            onderwerp="bellen",
            wanneer=timezone.now() + timedelta(days=2),
        )
        Aanvraag.objects.create(
            gemeente=klant.gemeente,
            klant=klant,
            regeling_code="stadspas",
            regeling_naam="Demodampas",
            ingediend_door=cp,
        )


def test_gemeentelijk_overzicht_logt_elke_klant_met_een_lopende_aanvraag(
    wereld: Wereld, cp_client: Client
) -> None:
    klant = wereld.a.klanten["caseload"]
    Aanvraag.objects.create(
        gemeente=wereld.a.gemeente,
        klant=klant,
        regeling_code="stadspas",
        regeling_naam="Demodampas",
        ingediend_door=wereld.a.gebruikers[Rol.CONTACTPERSOON],
    )
    cp_client.get("/werk/voorzieningen/")
    assert Inzage.objects.filter(klant=klant, onderdeel="aanvraag").exists()


def test_contactmoment_afronden_staat_in_het_log(wereld: Wereld, cp_client: Client) -> None:
    klant = wereld.a.klanten["caseload"]
    moment = Contactmoment.objects.create(
        gemeente=wereld.a.gemeente,
        klant=klant,
        onderwerp="bellen",
        door=wereld.a.gebruikers[Rol.CONTACTPERSOON],
        wanneer=timezone.now() - timedelta(hours=1),
    )
    cp_client.post(
        f"/werk/klanten/{klant.pk}/contactmomenten/", {"moment": moment.pk, "status": "geweest"}
    )
    moment.refresh_from_db()
    assert moment.status == "geweest"
    assert Inzage.objects.filter(klant=klant, onderdeel="afspraken", actie="wijzigen").exists()


# --- never lost ---------------------------------------------------------------------------------


def test_verslag_met_fout_bewaart_wat_getypt_is(wereld: Wereld, cp_client: Client) -> None:
    klant = wereld.a.klanten["eigen"]
    voor = Gespreksverslag.objects.count()
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/verslagen/nieuw/",
        {
            "gesprek_op": "gisteren",
            "soort": "telefoon",
            "samenvatting": "We spraken over je rooster bij de bakker.",
            "afspraken": "Jij vraagt om vaste dagen.",
            "publiceren": "1",
        },
    )
    assert response.status_code == 400
    tekst = response.content.decode()
    assert (
        "We spraken over je rooster bij de bakker." in tekst
        and "Jij vraagt om vaste dagen." in tekst
    )
    assert Gespreksverslag.objects.count() == voor


def test_vraag_over_verslag_met_fout_bewaart_niets_half(
    wereld: Wereld, klant_client: Client
) -> None:
    verslag = Gespreksverslag.objects.get(klant=wereld.a.klanten["eigen"])
    te_lang = "Waarom " + "heel " * 1200 + "lang?"
    response = klant_client.post(f"/mijn/gesprekken/{verslag.pk}/", {"tekst": te_lang})
    assert response.status_code == 400
    assert "heel heel heel" in response.content.decode()  # kept in the textarea
    assert not Bericht.objects.filter(verslag=verslag).exists()


def test_aanvraag_met_fout_bewaart_de_toelichting(wereld: Wereld, klant_client: Client) -> None:
    klant_client.post(
        "/mijn/regelingen/aanvragen/", {"regeling": "stadspas", "toelichting": "Eerste keer"}
    )
    response = klant_client.post(
        "/mijn/regelingen/aanvragen/",
        {"regeling": "stadspas", "toelichting": "Voor mijn dochter ook graag"},
    )
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "al aangevraagd" in tekst and "Voor mijn dochter ook graag" in tekst
    assert Aanvraag.objects.count() == 1


def test_aanvraag_wordt_bevestigd_met_wat_er_nu_gebeurt(
    wereld: Wereld, klant_client: Client
) -> None:
    response = klant_client.post(
        "/mijn/regelingen/aanvragen/", {"regeling": "stadspas"}, follow=True
    )
    tekst = response.content.decode()
    assert "Je aanvraag is ontvangen en veilig opgeslagen" in tekst
    assert (
        "Aanvraag ontvangen" in tekst and "verwacht rond" in tekst
    )  # the procedure's steps with dates


def test_contactmoment_met_fout_bewaart_wat_getypt_is(wereld: Wereld, cp_client: Client) -> None:
    klant = wereld.a.klanten["eigen"]
    response = cp_client.post(
        f"/werk/klanten/{klant.pk}/contactmomenten/",
        {
            "datum": "2020-01-01",
            "tijd": "10:00",
            "soort": "telefoon",
            "onderwerp": "je nieuwe rooster",
            "waarom": "We kijken of het past met school.",
        },
    )
    assert response.status_code == 400
    tekst = response.content.decode()
    assert (
        "toekomst" in tekst
        and "je nieuwe rooster" in tekst
        and "We kijken of het past met school." in tekst
    )
    assert not Contactmoment.objects.exists()


def test_bericht_via_de_api_bewaard_of_fout_zonder_half_werk(wereld: Wereld) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(wereld.a.gebruikers[Rol.KLANT])
    voor = Bericht.objects.count()
    fout = api.post(
        "/api/v1/berichten/",
        {"tekst": "Met bijlage", "bijlage": SimpleUploadedFile("x.exe", b"MZ")},
        format="multipart",
    )
    assert fout.status_code == 400 and "PDF, JPG of PNG" in str(fout.json())
    assert Bericht.objects.count() == voor
    goed = api.post("/api/v1/berichten/", {"tekst": "Zonder bijlage"}, format="json")
    assert (
        goed.status_code == 201
        and Bericht.objects.get(pk=goed.json()["id"]).tekst == "Zonder bijlage"
    )

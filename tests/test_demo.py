import io

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings

from opstap.accounts.models import Gebruiker, Rol
from opstap.contact.models import Aanvraag, Bericht, Contactmoment, Gespreksverslag
from opstap.contact.selectors import signalen
from opstap.demo.laden import DEMO_WACHTWOORD, laad_demo
from opstap.klanten.models import Klant
from opstap.verklaringen.selectors import verklaring_signalen
from opstap.werken.selectors import werk_signalen
from opstap.werkgevers.models import Vacature, Werkgever

pytestmark = pytest.mark.django_db


def test_demogemeente_is_compleet_en_twee_keer_laden_verdubbelt_niets() -> None:
    gemeente, nieuw = laad_demo()
    assert nieuw
    tellingen = (
        Klant.objects.count(),
        Werkgever.objects.count(),
        Vacature.objects.count(),
        Gebruiker.objects.filter(rol=Rol.CONTACTPERSOON).count(),
    )
    assert tellingen == (200, 10, 40, 5)
    geschiedenis = [
        m.objects.count() for m in (Gebruiker, Gespreksverslag, Bericht, Contactmoment, Aanvraag)
    ]
    _gemeente, nieuw = laad_demo()
    assert not nieuw
    assert (
        Klant.objects.count(),
        Werkgever.objects.count(),
        Vacature.objects.count(),
        Gebruiker.objects.filter(rol=Rol.CONTACTPERSOON).count(),
    ) == tellingen
    assert [
        m.objects.count() for m in (Gebruiker, Gespreksverslag, Bericht, Contactmoment, Aanvraag)
    ] == geschiedenis
    # Varied households, all BSNs from the range for test persons.
    assert set(Klant.objects.values_list("huishouden", flat=True)) == {
        "alleenstaande",
        "alleenstaande_ouder",
        "gehuwd",
    }
    assert len(set(Klant.objects.values_list("trede", flat=True))) > 10
    assert all(k.bsn_versleuteld.startswith("9999") for k in Klant.objects.all())


def test_demologins_werken_en_klanten_horen_bij_contactpersoon1() -> None:
    laad_demo()
    for naam, rol in [
        ("klant1", "klant"),
        ("klant2", "klant"),
        ("contactpersoon1", "contactpersoon"),
        ("contactpersoon2", "contactpersoon"),
        ("inkomen1", "inkomensconsulent"),
        ("werkgever1", "werkgever"),
        ("beleid1", "beleidsmedewerker"),
        ("beheer1", "beheerder"),
    ]:
        gebruiker = Gebruiker.objects.get(username=naam)
        assert gebruiker.rol == rol and gebruiker.check_password(DEMO_WACHTWOORD)
    for naam in ("klant1", "klant2"):
        assert (
            Klant.objects.get(gebruiker__username=naam).contactpersoon.username == "contactpersoon1"
        )
    client = Client()
    client.post("/inloggen/", {"username": "contactpersoon1", "password": DEMO_WACHTWOORD})
    assert client.get("/werk/").status_code == 200


def test_contactpersoon1_heeft_een_volle_caseload_met_signalen_bij_de_start() -> None:
    """The caseload the product is made for (80 clients), and the first look at /werk/ already shows
    each kind of signal, for a part of the clients, not for all."""
    laad_demo()
    cp1 = Gebruiker.objects.get(username="contactpersoon1")
    assert Klant.objects.filter(contactpersoon=cp1).count() == 80
    client = Client()
    client.post("/inloggen/", {"username": "contactpersoon1", "password": DEMO_WACHTWOORD})
    alles = client.get("/werk/").content.decode()
    assert "80 klanten" in alles
    aandacht = signalen(cp1)
    soorten = {s.soort for lijst in aandacht.values() for s in lijst}
    assert soorten == {"bericht", "contactmoment", "aanvraag", "stil"} | {
        # werkzoeken: a run of rejections, silence, a shared mood dip, a duty falling behind
        "afwijzingen",
        "werkzoeken-stil",
        "stemming",
        "plicht",
    }
    assert 10 <= len(aandacht) <= 40
    for klasse in (
        "signaal--bericht",
        "signaal--contactmoment",
        "signaal--aanvraag",
        "signaal--stil",
    ):
        assert klasse in alles
    # Part-time work adds its own signals (werken.selectors.werk_signalen), with their reason.
    werk = werk_signalen(
        cp1.gemeente, Klant.objects.filter(contactpersoon=cp1).values_list("pk", flat=True)
    )
    for klasse in (
        "signaal--werk_contract",
        "signaal--werk_einde",
        "signaal--werk_moeilijk",
        "signaal--werk_vrijlating",
        "signaal--werk_meer_uren",
    ):
        assert klasse in alles
    # And the declarations theirs: a missed declaration, falling hours.
    verklaringen = verklaring_signalen(
        cp1.gemeente, Klant.objects.filter(contactpersoon=cp1).values_list("pk", flat=True)
    )
    assert "signaal--verklaring_mist" in alles
    gefilterd = client.get("/werk/", {"aandacht": "1"}).content.decode()
    assert f"{len(set(aandacht) | set(werk) | set(verklaringen))} klanten" in gefilterd
    # The other contact persons share the rest; every client has a contact person.
    andere = Klant.objects.exclude(contactpersoon=cp1)
    assert andere.count() == 120 and not andere.filter(contactpersoon__isnull=True).exists()


def test_foto_van_de_contactpersoon_heeft_een_tekstalternatief() -> None:
    """The demo contact person's illustration is an image with the person's name (axe: svg-img-alt)."""
    laad_demo(aantal_klanten=4)
    client = Client()
    client.post("/inloggen/", {"username": "klant1", "password": DEMO_WACHTWOORD})
    thuis = client.get("/mijn/").content.decode()
    assert 'role="img" aria-label="Marieke de Wit"' in thuis
    assert "<title>Marieke de Wit</title>" in thuis


def test_commando_drukt_logins_af() -> None:
    uit = io.StringIO()
    call_command("laad_demo", stdout=uit)
    assert "contactpersoon1" in uit.getvalue() and DEMO_WACHTWOORD in uit.getvalue()


@override_settings(DEMO_MODE=False)
def test_geen_demogegevens_buiten_demomodus() -> None:
    with pytest.raises(CommandError, match="alleen in demomodus"):
        call_command("laad_demo")

"""CV and letter check (C2): the same-day deadline, the review queue with what is overdue, comments
anchored on the words they are about, what the contact person may see, and the client reading it."""

from datetime import datetime, timedelta
from typing import Any

import pytest

from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.accounts.toegang import zichtbare_stukken
from opstap.privacy.models import Inzage
from opstap.werkzoeken import selectors, services
from opstap.werkzoeken.models import Controle, Stuk
from tests.wereld import Wereld
from tests.werkzoeken.conftest import inloggen

pytestmark = pytest.mark.django_db

BRIEF = "Geachte mevrouw,\n\nIk wil graag bij u werken. Ik ben altijd op tijd.\n\nGroet,\nAnna"


def _om(jaar: int, maand: int, dag: int, uur: int, minuut: int = 0) -> datetime:
    return timezone.make_aware(datetime(jaar, maand, dag, uur, minuut))


@pytest.mark.parametrize(
    ("gevraagd", "uiterlijk"),
    [
        (_om(2026, 3, 4, 10), _om(2026, 3, 4, 17)),  # Wednesday morning: the same day
        (_om(2026, 3, 4, 16, 59), _om(2026, 3, 4, 17)),
        (_om(2026, 3, 4, 17, 0), _om(2026, 3, 5, 17)),  # after hours: the next working day
        (_om(2026, 3, 6, 18), _om(2026, 3, 9, 17)),  # Friday evening: Monday
        (_om(2026, 3, 7, 11), _om(2026, 3, 9, 17)),  # Saturday: Monday
    ],
)
def test_einde_van_de_werkdag(gevraagd: datetime, uiterlijk: datetime) -> None:
    assert selectors.einde_werkdag(gevraagd) == uiterlijk


def _brief(wereld: Wereld) -> Stuk:
    return services.stuk_opslaan(
        door=wereld.a.gebruikers[Rol.KLANT],
        klant=wereld.a.klanten["eigen"],
        soort="brief",
        titel="Brief bakker",
        tekst=BRIEF,
    )


def test_een_concept_is_van_de_klant_tot_die_om_een_controle_vraagt(wereld: Wereld) -> None:
    stuk = _brief(wereld)
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    assert not zichtbare_stukken(cp).filter(pk=stuk.pk).exists()
    controle = services.controle_vragen(
        door=wereld.a.gebruikers[Rol.KLANT], stuk=stuk, vraag="Is het goed zo?"
    )
    assert zichtbare_stukken(cp).filter(pk=stuk.pk).exists()
    assert controle.uiterlijk_op == selectors.einde_werkdag(controle.gevraagd_op)
    assert controle.tekst == BRIEF
    # Nobody else: not a colleague, not the income desk, not an employer, not another municipality.
    for ander in ("collega", Rol.INKOMENSCONSULENT, Rol.WERKGEVER):
        assert not zichtbare_stukken(wereld.a.gebruikers[ander]).filter(pk=stuk.pk).exists()
    assert (
        not zichtbare_stukken(wereld.b.gebruikers[Rol.CONTACTPERSOON]).filter(pk=stuk.pk).exists()
    )
    with pytest.raises(services.InvoerFout, match="kijkt hier al naar"):
        services.controle_vragen(door=wereld.a.gebruikers[Rol.KLANT], stuk=stuk)


def test_opmerkingen_staan_bij_de_woorden_waar_ze_over_gaan() -> None:
    stukjes = selectors.met_opmerkingen(
        BRIEF,
        [
            {"passage": "Ik ben altijd op tijd.", "opmerking": "Geef een voorbeeld."},
            {"passage": "Ik wil graag bij u werken.", "opmerking": "Zeg waarom."},
            {"passage": "", "opmerking": "Mooie korte brief."},
        ],
    )
    assert "".join(s.tekst for s in stukjes) == BRIEF  # nothing of the text lost or doubled
    gemarkeerd = [(s.nummer, s.tekst, s.opmerking) for s in stukjes if s.nummer]
    assert gemarkeerd == [
        (1, "Ik wil graag bij u werken.", "Zeg waarom."),
        (2, "Ik ben altijd op tijd.", "Geef een voorbeeld."),
        (3, "", "Mooie korte brief."),
    ]


def test_woorden_die_niet_in_de_tekst_staan_worden_geweigerd(wereld: Wereld) -> None:
    controle = services.controle_vragen(door=wereld.a.gebruikers[Rol.KLANT], stuk=_brief(wereld))
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    with pytest.raises(services.InvoerFout, match="staan niet precies zo in de tekst"):
        services.controle_beantwoorden(
            door=cp,
            controle=controle,
            opmerkingen=[{"passage": "Ik ben nooit te laat", "opmerking": "x"}],
            slotwoord="",
        )
    with pytest.raises(services.InvoerFout, match="minstens één opmerking"):
        services.controle_beantwoorden(door=cp, controle=controle, opmerkingen=[], slotwoord="  ")
    with pytest.raises(PermissionDenied):
        services.controle_beantwoorden(
            door=wereld.a.gebruikers["collega"], controle=controle, opmerkingen=[], slotwoord="Goed"
        )


def test_wachtrij_toont_wat_over_tijd_is_en_de_klant_leest_de_opmerkingen(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    stuk = _brief(wereld)
    controle = services.controle_vragen(door=wereld.a.gebruikers[Rol.KLANT], stuk=stuk)
    # The test world's own checks are overdue (due when asked); this one is due tonight or later.
    assert controle.uiterlijk_op > timezone.now() - timedelta(seconds=5)
    cp = inloggen("alfa-contactpersoon")
    pagina = cp.get("/werk/controles/").content.decode()
    assert "Brief bakker" in pagina and "Brief magazijn" in pagina
    assert "2 controles zijn over tijd." in pagina  # the test world's two letters, not the new one
    assert "Collegaklant" not in pagina  # a colleague's client is not in my queue
    lijst_log = Inzage.objects.filter(
        klant=klant, onderdeel="cv en brieven", gebruiker=wereld.a.gebruikers[Rol.CONTACTPERSOON]
    )
    assert lijst_log.exists()

    url = f"/werk/klanten/{klant.pk}/werkzoeken/stukken/{stuk.pk}/"
    assert "Ik ben altijd op tijd." in cp.get(url).content.decode()
    response = cp.post(
        url,
        {
            "passage_1": "Ik ben altijd op tijd.",
            "opmerking_1": "Geef een voorbeeld: bij de voedselbank.",
            "passage_2": "",
            "opmerking_2": "",
            "slotwoord": "Mooie brief!",
        },
    )
    assert response.status_code == 302
    controle.refresh_from_db()
    assert (
        controle.beantwoord_op is not None
        and controle.beantwoord_door == wereld.a.gebruikers[Rol.CONTACTPERSOON]
    )
    assert "Brief bakker" not in cp.get("/werk/controles/").content.decode()

    klant_client = inloggen("alfa-klant")
    eerst = klant_client.get(f"/mijn/werkzoeken/cv-en-brieven/{stuk.pk}/")
    assert (
        eerst.status_code == 302 and "stemming=controle" in eerst["Location"]
    )  # a mood check after
    pagina = klant_client.get(eerst["Location"]).content.decode()
    assert "<mark>Ik ben altijd op tijd.</mark>" in pagina
    assert "Opmerking 1:</strong> Geef een voorbeeld: bij de voedselbank." in pagina
    assert "Mooie brief!" in pagina
    assert "Hoe gaat het nu met je?" in pagina
    controle.refresh_from_db()
    assert controle.gelezen_op is not None


def test_intrekken_haalt_tekst_en_bestand_weg_voor_iedereen(
    wereld: Wereld, cp_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    stuk = Stuk.objects.get(
        klant=klant, soort="brief"
    )  # the test world's shared letter with a file
    bestand = stuk.bestand.name
    assert (
        cp_client.get(f"/werk/klanten/{klant.pk}/werkzoeken/stukken/{stuk.pk}/bestand/").status_code
        == 200
    )
    services.stuk_intrekken(door=wereld.a.gebruikers[Rol.KLANT], stuk=stuk)
    stuk.refresh_from_db()
    assert stuk.ingetrokken_op and stuk.tekst == "" and not stuk.bestand
    assert not stuk.bestand.storage.exists(bestand)
    assert Controle.objects.get(stuk=stuk).tekst == ""
    assert (
        cp_client.get(f"/werk/klanten/{klant.pk}/werkzoeken/stukken/{stuk.pk}/").status_code == 404
    )
    assert (
        cp_client.get(f"/werk/klanten/{klant.pk}/werkzoeken/stukken/{stuk.pk}/bestand/").status_code
        == 404
    )


def test_beide_kanten_krijgen_een_melding_zonder_inhoud(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    cp, klant = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers[Rol.KLANT]
    cp.email, klant.email = "cp@alfa.example", "klant@alfa.example"
    cp.save()
    klant.save()
    with django_capture_on_commit_callbacks(execute=True):
        controle = services.controle_vragen(door=klant, stuk=_brief(wereld))
    assert [m.to for m in mail.outbox] == [["cp@alfa.example"]]
    assert mail.outbox[0].subject.startswith(
        "Er is een cv of brief van een klant om vandaag na te kijken"
    )
    assert "graag bij u werken" not in mail.outbox[0].body  # the content stays behind the login
    with django_capture_on_commit_callbacks(execute=True):
        services.controle_beantwoorden(
            door=cp, controle=controle, opmerkingen=[], slotwoord="Goed zo"
        )
    assert mail.outbox[-1].to == ["klant@alfa.example"]
    assert mail.outbox[-1].subject.startswith("Je contactpersoon heeft je cv of brief nagekeken")
    assert "Goed zo" not in mail.outbox[-1].body

"""Sensitive data is encrypted at rest (database columns and attachment files), the app still
shows it to those allowed to see it, and keys can be rotated without losing or doubling data.

The checks read what an attacker with a database dump or a copy of the media folder would read:
raw SQL and the raw stored bytes, below the ORM's decryption."""

from collections.abc import Iterator
from datetime import timedelta
from io import BytesIO, StringIO
from typing import Any

import pytest
from cryptography.fernet import Fernet
from pypdf import PdfWriter

from django.core.exceptions import FieldError, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, override_settings
from django.test.utils import isolate_apps
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.beleid.selectors import bestandsbeeld
from opstap.contact import services
from opstap.contact.models import Aanvraag, Bericht, Contactmoment, Doel, Overdracht, Stap
from opstap.inkomen.models import Berekening
from opstap.klanten.importeren import importeer_klanten
from opstap.klanten.models import Drempel, Klant, TredeWijziging
from opstap.privacy.checks import geen_volgorde_op_versleutelde_velden, volgorde_fouten
from opstap.privacy.crypto import (
    BESTAND_KOP,
    ontsleutel_bestand,
    sleutels_vergeten,
    zoekhash,
    zoekhashes,
)
from opstap.privacy.fields import VersleuteldTekstVeld
from opstap.privacy.sleutels import versleutelde_bestandsvelden, versleutelde_velden
from tests.wereld import Wereld, maak_klant, nieuwe_bsns

pytestmark = pytest.mark.django_db


def _loonstrook() -> bytes:
    """A real (parsable) PDF whose bytes hold the payslip's words in plain text."""
    schrijver = PdfWriter()
    schrijver.add_blank_page(width=200, height=200)
    schrijver.add_metadata({"/Title": "Loonstrook Jansen maart: netto 1234,56"})
    uit = BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


PDF = _loonstrook()
GEHEIMEN = [
    "Schuld bij de energieleverancier",
    "schuldhulpverlening",
    "Rijbewijs halen",
    "psycholoog",
    "schuldsanering",
    "bewindvoerder",
    "loonstrook-maart-jansen",
    "medisch_urenbeperkt",
]
TABELLEN = [
    "klanten_drempel",
    "klanten_tredewijziging",
    "klanten_klant",
    "contact_stap",
    "contact_doel",
    "contact_contactmoment",
    "contact_bericht",
    "inkomen_berekening",
]


@pytest.fixture(autouse=True)
def verse_sleutels() -> Iterator[None]:
    """The Fernet objects are cached per process: forget them around every test, so a test that
    changes FIELD_ENCRYPTION_KEYS never leaks its keys into the next one."""
    sleutels_vergeten()
    yield
    sleutels_vergeten()


def _ruw(tabel: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {tabel}")  # noqa: S608 - fixed table names from this test
        return repr(cursor.fetchall())


def _ruwe_waarde(tabel: str, kolom: str, pk: int) -> object:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {kolom} FROM {tabel} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def _client(wereld: Wereld, rol: str) -> Client:
    c = Client()
    c.force_login(wereld.a.gebruikers[rol])
    return c


def _vul_dossier(wereld: Wereld, cp: Client, klant_client: Client) -> Klant:
    """Everything sensitive, entered the way staff and the client enter it: through the pages."""
    klant = wereld.a.klanten["eigen"]
    url = f"/werk/klanten/{klant.pk}/stappenplan/"
    assert (
        cp.post(
            url,
            {
                "drempel-soort": "schulden",
                "drempel-toelichting": "Schuld bij de energieleverancier",
                "drempel-eerst_aanpakken": "on",
            },
        ).status_code
        == 302
    )
    assert cp.post(url, {"drempel-soort": "werknemersvaardigheden"}).status_code == 302
    assert (
        cp.post(
            url, {"stap-wat": "Afspraak maken bij de schuldhulpverlening", "stap-wie": "klant"}
        ).status_code
        == 302
    )
    assert (
        cp.post(
            url, {"doel-soort": "doel", "doel-tekst": "Rijbewijs halen voor de bezorgbaan"}
        ).status_code
        == 302
    )
    assert (
        cp.post(
            url,
            {
                "trede-trede": "4.1",
                "trede-fase": "werk_zoeken",
                "trede-toelichting": "Praat met een psycholoog, gaat beter",
            },
        ).status_code
        == 302
    )
    morgen = timezone.localdate() + timedelta(days=1)
    assert (
        cp.post(
            f"/werk/klanten/{klant.pk}/contactmomenten/",
            {
                "datum": morgen.isoformat(),
                "tijd": "10:00",
                "soort": "telefoon",
                "onderwerp": "Over je schuldsanering",
                "waarom": "De bewindvoerder wil meekijken",
            },
        ).status_code
        == 302
    )
    assert klant_client.post(
        "/mijn/berichten/",
        {
            "tekst": "Hier is mijn loonstrook",
            "bijlage": SimpleUploadedFile("loonstrook-maart-jansen.pdf", PDF),
        },
    ).status_code in (200, 302)
    Klant.objects.filter(pk=klant.pk).update(medisch_urenbeperkt=True)
    assert (
        cp.post(
            f"/werk/klanten/{klant.pk}/inkomen/vastleggen/",
            {"bruto_uurloon": "15.00", "uren": "20", "doel": "Advies over een baan van 20 uur"},
        ).status_code
        == 302
    )
    return klant


def test_gevoelige_gegevens_staan_niet_leesbaar_in_database_of_bestand(wereld: Wereld) -> None:
    cp, klant_client = _client(wereld, Rol.CONTACTPERSOON), _client(wereld, Rol.KLANT)
    klant = _vul_dossier(wereld, cp, klant_client)

    # A database dump: none of it readable, in any column of these tables.
    for tabel in TABELLEN:
        ruw = _ruw(tabel)
        for geheim in GEHEIMEN:
            assert geheim.lower() not in ruw.lower(), f"'{geheim}' leesbaar in {tabel}"
    drempels = list(Drempel.objects.filter(klant=klant))
    assert {d.soort for d in drempels} == {"schulden", "werknemersvaardigheden"}
    soorten_ruw = [str(_ruwe_waarde("klanten_drempel", "soort", d.pk)) for d in drempels]
    assert not {"schulden", "werknemersvaardigheden"} & set(soorten_ruw)
    # Padded before encryption: the length of the ciphertext does not tell which kind it is.
    assert len(soorten_ruw[0]) == len(soorten_ruw[1])
    medisch_ja = _ruwe_waarde("klanten_klant", "medisch_urenbeperkt", klant.pk)
    medisch_nee = _ruwe_waarde(
        "klanten_klant", "medisch_urenbeperkt", wereld.a.klanten["caseload"].pk
    )
    assert str(medisch_ja).startswith("gAAAAA") and str(medisch_nee).startswith("gAAAAA")
    assert len(str(medisch_ja)) == len(str(medisch_nee))  # yes and no look alike

    # A copy of the media folder: the file is neither readable nor named after the client's file.
    bericht = Bericht.objects.get(klant=klant, van_klant=True)
    assert "loonstrook" not in bericht.bijlage.name and "jansen" not in bericht.bijlage.name.lower()
    with storages["default"].open(bericht.bijlage.name, "rb") as bestand:
        opgeslagen = bestand.read()
    assert (
        b"%PDF" not in opgeslagen
        and b"Loonstrook" not in opgeslagen
        and b"1234,56" not in opgeslagen
    )

    # Those allowed to see it still do, in plain words.
    stappenplan = cp.get(f"/werk/klanten/{klant.pk}/stappenplan/").content.decode()
    for tekst in [
        "Schulden",
        "Schuld bij de energieleverancier",
        "Afspraak maken bij de schuldhulpverlening",
        "Rijbewijs halen voor de bezorgbaan",
        "Praat met een psycholoog, gaat beter",
    ]:
        assert tekst in stappenplan
    assert (
        "Over je schuldsanering"
        in cp.get(f"/werk/klanten/{klant.pk}/contactmomenten/").content.decode()
    )
    afspraken = klant_client.get("/mijn/afspraken/").content.decode()
    assert "Over je schuldsanering" in afspraken and "De bewindvoerder wil meekijken" in afspraken
    assert (
        "loonstrook-maart-jansen.pdf"
        in cp.get(f"/werk/klanten/{klant.pk}/berichten/").content.decode()
    )
    download = cp.get(f"/werk/klanten/{klant.pk}/berichten/{bericht.pk}/bijlage/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]
    eigen = klant_client.get(f"/mijn/berichten/{bericht.pk}/bijlage/")
    assert b"".join(eigen.streaming_content) == PDF  # type: ignore[attr-defined]
    berekening = Berekening.objects.get(klant=klant, doel="Advies over een baan van 20 uur")
    assert berekening.invoer["medisch_urenbeperkt"] is True
    assert cp.get(f"/werk/klanten/{klant.pk}/berekeningen/{berekening.pk}/").status_code == 200
    assert Klant.objects.get(pk=klant.pk).medisch_urenbeperkt is True


def _rijen(html: str) -> str:
    return html.split("<tbody>", 1)[-1]


def test_filter_op_drempel_en_telling_per_drempel_werken_in_python(wereld: Wereld) -> None:
    cp = _client(wereld, Rol.CONTACTPERSOON)
    eigen, caseload = wereld.a.klanten["eigen"], wereld.a.klanten["caseload"]
    services.drempel_vastleggen(klant=eigen, soort="schulden")
    services.drempel_vastleggen(klant=caseload, soort="beperking")
    opgelost = services.drempel_vastleggen(klant=caseload, soort="taal")
    services.drempel_bijwerken(drempel=opgelost, opgelost=True)
    services.drempel_vastleggen(
        klant=wereld.a.klanten["collega"], soort="schulden"
    )  # not in this caseload

    schulden = _rijen(cp.get("/werk/?drempel=schulden").content.decode())
    assert "Eigenaar" in schulden and "Caseload" not in schulden and "Collegaklant" not in schulden
    beperking = _rijen(cp.get("/werk/?drempel=beperking").content.decode())
    assert "Caseload" in beperking and "Eigenaar" not in beperking
    assert "Caseload" not in _rijen(
        cp.get("/werk/?drempel=taal").content.decode()
    )  # solved: not open
    assert "Eigenaar" in _rijen(cp.get("/werk/").content.decode())

    # The kinds are still checked against the list: on the page, in the service and in the model.
    fout = cp.post(
        f"/werk/klanten/{eigen.pk}/stappenplan/",
        {"drempel-soort": "onzin", "drempel-toelichting": "getypt"},
    )
    assert fout.status_code == 400 and "getypt" in fout.content.decode()
    with pytest.raises(services.InvoerFout, match="Kies een drempel uit de lijst"):
        services.drempel_vastleggen(klant=eigen, soort="onzin")
    with pytest.raises(ValidationError, match="soort"):
        Drempel(klant=eigen, soort="onzin").full_clean()
    with pytest.raises(ValidationError, match="toelichting"):
        Drempel(klant=eigen, soort="taal", toelichting="x" * 301).full_clean()

    # Recording the same kind again updates the one barrier, as the unique constraint did.
    services.drempel_vastleggen(klant=eigen, soort="schulden", toelichting="Nu met bewindvoering")
    assert [(d.soort, d.toelichting) for d in eigen.drempels.all()] == [
        ("schulden", "Nu met bewindvoering")
    ]

    # Policy counts per kind, in Python: ten clients with debts are counted once each.
    for bsn in nieuwe_bsns(9):
        k = maak_klant(wereld.a.gemeente, bsn, "Extra", wereld.a.gebruikers[Rol.CONTACTPERSOON])
        services.drempel_vastleggen(klant=k, soort="schulden")
    beeld = bestandsbeeld(wereld.a.gemeente)
    per_drempel = {c.label: c.aantal for c in beeld["drempel"]}  # type: ignore[attr-defined]
    assert per_drempel["Schulden"] == 11
    assert {c.label: c.aantal for c in beeld["drempelgroep"]}["Middelen"] == 12  # type: ignore[attr-defined]


def test_aanvraaggegevens_en_reden_van_overdracht_staan_versleuteld(wereld: Wereld) -> None:
    """The prefilled application (address, household) and why a colleague takes over (illness,
    leave) are personal too: readable in the application, not in the table."""
    klant = wereld.a.klanten["eigen"]
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    aanvraag = Aanvraag.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        regeling_code="x",
        regeling_naam="Stadspas",
        ingediend_door=cp,
        gegevens={"adres": "Zonnebloemstraat 7, 9931 AA Demodam"},
    )
    overdracht = Overdracht.objects.create(
        gemeente=klant.gemeente,
        soort="vervanging",
        van=cp,
        naar=cp,
        begin=timezone.localdate(),
        einde=timezone.localdate(),
        reden="Zwangerschapsverlof",
        vastgelegd_door=cp,
    )
    assert "Zonnebloemstraat" not in _ruw("contact_aanvraag")
    assert "Zwangerschapsverlof" not in _ruw("contact_overdracht")
    aanvraag.refresh_from_db()
    overdracht.refresh_from_db()
    assert aanvraag.gegevens == {"adres": "Zonnebloemstraat 7, 9931 AA Demodam"}
    assert overdracht.reden == "Zwangerschapsverlof"


def test_de_database_kan_niet_op_een_versleuteld_veld_zoeken(wereld: Wereld) -> None:
    """A forgotten SQL filter on an encrypted field would silently match nothing: it fails loudly."""
    with pytest.raises(FieldError, match="versleuteld"):
        list(Drempel.objects.filter(soort="schulden"))
    with pytest.raises(FieldError, match="versleuteld"):
        list(Klant.objects.filter(drempels__soort__in=["schulden"]))
    with pytest.raises(FieldError, match="versleuteld"):
        list(Berekening.objects.filter(invoer__medisch_urenbeperkt=True))
    assert list(Drempel.objects.filter(toelichting__isnull=True)) == []


def test_elk_gevoelig_veld_is_een_versleuteld_veld() -> None:
    """The rotation finds fields by class: this list is what it will re-encrypt."""
    gevonden = {
        (m._meta.label, v.name) for m, velden in versleutelde_velden().items() for v in velden
    }
    verwacht = {
        ("klanten.Klant", "bsn_versleuteld"),
        ("klanten.Klant", "gezondheid"),
        ("klanten.Klant", "schulden"),
        ("klanten.Klant", "medisch_urenbeperkt"),
        ("klanten.Drempel", "soort"),
        ("klanten.Drempel", "toelichting"),
        ("klanten.TredeWijziging", "toelichting"),
        ("contact.Stap", "wat"),
        ("contact.Doel", "tekst"),
        ("contact.Contactmoment", "onderwerp"),
        ("contact.Contactmoment", "waarom"),
        ("contact.Bericht", "tekst"),
        ("contact.Bericht", "bijlage_naam"),
        ("inkomen.Berekening", "invoer"),
        ("inkomen.Berekening", "uitkomst"),
        ("inkomen.Berekening", "uitleg"),
        ("contact.Aanvraag", "gegevens"),
        ("contact.Overdracht", "reden"),
        # Part-time work: the contract's name and the contact person's comment, check-in notes.
        ("werken.Contract", "bestand_naam"),
        ("werken.Contract", "opmerking"),
        ("werken.Startgesprek", "notitie"),
        ("werken.MoeilijkeStart", "toelichting"),
        ("werkzoeken.Activiteit", "omschrijving"),
        ("werkzoeken.Stuk", "tekst"),
        ("werkzoeken.Controle", "opmerkingen"),
        ("werkzoeken.Stemming", "score"),
        ("werkzoeken.NetwerkContact", "naam"),
    }
    assert verwacht <= gevonden
    assert {
        (m._meta.label, v.name)
        for m, velden in versleutelde_bestandsvelden().items()
        for v in velden
    } == {
        ("contact.Bericht", "bijlage"),
        ("verklaringen.Loonstrookbestand", "bestand"),
        ("werken.Contract", "bestand"),
        ("werkzoeken.Activiteit", "bewijs"),  # proof of an activity
        ("werkzoeken.Stuk", "bestand"),  # an uploaded CV or letter, a video
    }
    for model in (Stap, Doel, Contactmoment, TredeWijziging):
        assert model in versleutelde_velden()


# --- key rotation ---------------------------------------------------------------------------------

KOP = (
    "bsn;voorletters;achternaam;geboortedatum;postcode;huisnummer;huishouden;trede;contactpersoon\n"
)


def _csv(bsns: list[str]) -> bytes:
    return (
        KOP
        + "".join(
            f"{bsn};J.;Import{i};1985-03-12;9999 AB;{i};alleenstaande;4.1;alfa-contactpersoon\n"
            for i, bsn in enumerate(bsns, 1)
        )
    ).encode()


def _sleutels(*sleutels: str) -> override_settings:
    return override_settings(FIELD_ENCRYPTION_KEYS=list(sleutels))


def test_sleutel_roteren_zonder_dubbele_klanten_of_verloren_gegevens(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    from django.conf import settings as django_settings

    sleutel_a = django_settings.FIELD_ENCRYPTION_KEYS[0]
    sleutel_b = Fernet.generate_key().decode()
    gemeente = wereld.a.gemeente
    bsns = nieuwe_bsns(3, vanaf=5000)
    cp, klant_client = _client(wereld, Rol.CONTACTPERSOON), _client(wereld, Rol.KLANT)
    klant = _vul_dossier(wereld, cp, klant_client)
    bericht = Bericht.objects.get(klant=klant, van_klant=True)
    naam_voor = bericht.bijlage.name

    with _sleutels(sleutel_a):
        sleutels_vergeten()
        assert importeer_klanten(_csv(bsns), gemeente=gemeente).toegevoegd == 3
        oude_hash = zoekhash(bsns[0])
    aantal = Klant.objects.filter(gemeente=gemeente).count()

    # The new key goes in front; the old one stays to read what is not rotated yet.
    with _sleutels(sleutel_b, sleutel_a):
        sleutels_vergeten()
        assert zoekhashes(bsns[0]) == [zoekhash(bsns[0]), oude_hash]
        assert zoekhash(bsns[0]) != oude_hash
        resultaat = importeer_klanten(_csv(bsns), gemeente=gemeente)
        assert (resultaat.toegevoegd, resultaat.bijgewerkt, resultaat.fouten) == (0, 3, [])
        assert Klant.objects.filter(gemeente=gemeente).count() == aantal  # no duplicates

        uit = StringIO()
        with django_capture_on_commit_callbacks(execute=True):  # old files go after the commit
            call_command("sleutels_roteren", stdout=uit)
        tekst = uit.getvalue()
        assert "klanten.Drempel: 3 waarden opnieuw versleuteld" in tekst  # 2 kinds, 1 note
        assert "Bestanden: " in tekst and "BSN-zoekhashes: " in tekst and "Klaar." in tekst
        # Idempotent: a second run finds nothing left to do.
        uit = StringIO()
        call_command("sleutels_roteren", stdout=uit)
        assert (
            "klanten.Drempel: 0 waarden opnieuw versleuteld, 3 hadden de nieuwe sleutel al"
            in uit.getvalue()
        )
        assert "Bestanden: 0 opnieuw versleuteld" in uit.getvalue()
        assert "BSN-zoekhashes: 0 opnieuw berekend" in uit.getvalue()

    # The old key is gone: everything is still readable, found and served.
    with _sleutels(sleutel_b):
        sleutels_vergeten()
        nieuw = Fernet(sleutel_b.encode())
        for model, velden in versleutelde_velden().items():
            list(
                model.objects.values_list(*[v.name for v in velden])
            )  # decrypting every value works
        for tabel, kolom in [
            ("klanten_drempel", "soort"),
            ("contact_bericht", "tekst"),
            ("inkomen_berekening", "invoer"),
            ("klanten_klant", "bsn_versleuteld"),
        ]:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {kolom} FROM {tabel}")  # noqa: S608
                for (waarde,) in cursor.fetchall():
                    if waarde:
                        nieuw.decrypt(str(waarde).encode())  # raises if not under the new key
        assert {d.soort for d in klant.drempels.all()} == {"schulden", "werknemersvaardigheden"}
        assert Berekening.objects.filter(klant=klant).first() is not None
        bericht.refresh_from_db()
        # Rewritten under a fresh random name of the same length; the old file is gone.
        assert bericht.bijlage.name != naam_voor and len(bericht.bijlage.name) == len(naam_voor)
        assert not storages["default"].exists(naam_voor)
        with storages["default"].open(bericht.bijlage.name, "rb") as bestand:
            opgeslagen = bestand.read()
        # Only the new key is configured here: this raises if the file is not under it.
        assert opgeslagen.startswith(BESTAND_KOP) and ontsleutel_bestand(opgeslagen) == PDF
        download = cp.get(f"/werk/klanten/{klant.pk}/berichten/{bericht.pk}/bijlage/")
        assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]
        assert (
            "Schuld bij de energieleverancier"
            in cp.get(f"/werk/klanten/{klant.pk}/stappenplan/").content.decode()
        )
        # Found by BSN: the imported clients and the ones made before (hashed with the old key).
        resultaat = importeer_klanten(_csv([*bsns, klant.bsn_versleuteld]), gemeente=gemeente)
        assert (resultaat.toegevoegd, resultaat.bijgewerkt) == (0, 4)
        assert Klant.objects.filter(gemeente=gemeente).count() == aantal


def test_bestanden_gcm_en_oudere_fernet_bestanden_blijven_leesbaar(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    """Files are AES-256-GCM under a key derived from the first key; one changed byte is refused;
    a file stored earlier as a Fernet token is still served, and rotation rewrites it."""
    from django.conf import settings as django_settings
    from django.core.exceptions import ImproperlyConfigured

    cp, klant_client = _client(wereld, Rol.CONTACTPERSOON), _client(wereld, Rol.KLANT)
    klant = _vul_dossier(wereld, cp, klant_client)
    bericht = Bericht.objects.get(klant=klant, van_klant=True)
    onder = storages["default"]
    with onder.open(bericht.bijlage.name, "rb") as bestand:
        opgeslagen = bestand.read()
    assert opgeslagen.startswith(BESTAND_KOP)
    assert len(opgeslagen) == len(BESTAND_KOP) + 12 + len(PDF) + 16  # nonce, ciphertext, tag

    # Tampered with on disk: refused, never served as something else.
    gewijzigd = bytearray(opgeslagen)
    gewijzigd[len(BESTAND_KOP) + 20] ^= 1
    with pytest.raises(ImproperlyConfigured):
        ontsleutel_bestand(bytes(gewijzigd))

    # An older installation's file: a Fernet token under the same key, put in place raw.
    sleutel_a = django_settings.FIELD_ENCRYPTION_KEYS[0]
    onder.delete(bericht.bijlage.name)
    onder.save(bericht.bijlage.name, ContentFile(Fernet(sleutel_a.encode()).encrypt(PDF)))
    download = cp.get(f"/werk/klanten/{klant.pk}/berichten/{bericht.pk}/bijlage/")
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]

    sleutel_b = Fernet.generate_key().decode()
    with _sleutels(sleutel_b, sleutel_a):
        sleutels_vergeten()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("sleutels_roteren", stdout=StringIO())
    with _sleutels(sleutel_b):
        sleutels_vergeten()
        bericht.refresh_from_db()
        with onder.open(bericht.bijlage.name, "rb") as bestand:
            opgeslagen = bestand.read()
        assert opgeslagen.startswith(BESTAND_KOP) and ontsleutel_bestand(opgeslagen) == PDF
        eigen = klant_client.get(f"/mijn/berichten/{bericht.pk}/bijlage/")
        assert b"".join(eigen.streaming_content) == PDF  # type: ignore[attr-defined]


def test_zonder_roteren_blijft_de_oude_sleutel_nodig(wereld: Wereld) -> None:
    """Honest about the limit: drop the old key before rotating and the data cannot be read."""
    from django.conf import settings as django_settings
    from django.core.exceptions import ImproperlyConfigured

    klant = wereld.a.klanten["eigen"]
    services.drempel_vastleggen(klant=klant, soort="schulden")
    with _sleutels(Fernet.generate_key().decode()):
        sleutels_vergeten()
        with pytest.raises(ImproperlyConfigured):
            list(Drempel.objects.filter(klant=klant))
    assert django_settings.FIELD_ENCRYPTION_KEYS


# --- an existing database: the data migrations -------------------------------------------------

VOOR_VERSLEUTELING = [
    ("klanten", "0001_initial"),
    ("contact", "0003_contactmoment_herinnering"),
    ("inkomen", "0002_uren_per_week"),
    # Declarations (D3/D4) build on the encrypted client and calculation: none exist before.
    ("verklaringen", None),
]


def _migreer(
    naar: list[tuple[str, str | None]] | None,
) -> tuple[MigrationExecutor, list[tuple[str, str | None]]]:
    """Migrate these apps to `naar` (None: to the latest), every other app to its latest."""
    executor = MigrationExecutor(connection)
    laatste = executor.loader.graph.leaf_nodes()
    doelen = (
        laatste
        if naar is None
        else [*naar, *[n for n in laatste if n[0] not in {a for a, _ in naar}]]
    )
    executor.migrate(doelen)
    # (app, None) unapplies an app; the project state is that of the remaining nodes.
    return executor, [d for d in doelen if d[1] is not None]


@pytest.mark.django_db(transaction=True)
def test_migratie_versleutelt_wat_een_bestaande_database_al_had() -> None:
    """Production and the demo hold plain rows and files from before: the migration encrypts them
    (and migrating back decrypts them), without losing a thing."""
    executor, doelen = _migreer(VOOR_VERSLEUTELING)
    oud = executor.loader.project_state(doelen).apps
    gemeente = oud.get_model("gemeenten", "Gemeente").objects.create(
        naam="Gemeente Oud", slug="oud", cbs_code="GM9998", regels_code="demodam"
    )
    cp = oud.get_model("accounts", "Gebruiker").objects.create(
        username="oud-cp", rol=Rol.CONTACTPERSOON, gemeente=gemeente, password="!"
    )
    klant = oud.get_model("klanten", "Klant").objects.create(
        gemeente=gemeente,
        bsn_versleuteld="999990019",
        bsn_zoekhash=zoekhash("999990019"),
        voorletters="A.",
        achternaam="Oud",
        geboortedatum="1980-05-01",
        postcode="9999 AA",
        huisnummer="1",
        huishouden="alleenstaande",
        medisch_urenbeperkt=True,
        contactpersoon=cp,
    )
    gewoon = oud.get_model("klanten", "Klant").objects.create(
        gemeente=gemeente,
        bsn_versleuteld="999990032",
        bsn_zoekhash=zoekhash("999990032"),
        voorletters="B.",
        achternaam="Gewoon",
        geboortedatum="1980-05-01",
        postcode="9999 AA",
        huisnummer="2",
        huishouden="alleenstaande",
        medisch_urenbeperkt=False,
        contactpersoon=cp,
    )
    oud.get_model("klanten", "Drempel").objects.create(
        klant=klant, soort="schulden", toelichting="Schuld bij de energieleverancier"
    )
    oud.get_model("klanten", "TredeWijziging").objects.create(
        klant=klant, trede="4.1", datum="2026-01-01", toelichting="Praat met een psycholoog"
    )
    oud.get_model("contact", "Stap").objects.create(
        gemeente=gemeente, klant=klant, wie="klant", wat="Afspraak maken bij de schuldhulpverlening"
    )
    oud.get_model("contact", "Doel").objects.create(
        gemeente=gemeente, klant=klant, soort="doel", tekst="Rijbewijs halen voor de bezorgbaan"
    )
    oud.get_model("contact", "Contactmoment").objects.create(
        gemeente=gemeente,
        klant=klant,
        door=cp,
        wanneer=timezone.now(),
        onderwerp="Over je schuldsanering",
        waarom="De bewindvoerder wil meekijken",
    )
    oude_naam = storages["default"].save("berichten/oud/0123abcd.pdf", ContentFile(PDF))
    bericht = oud.get_model("contact", "Bericht").objects.create(
        gemeente=gemeente,
        klant=klant,
        afzender=cp,
        van_klant=True,
        tekst="Mijn loonstrook",
        bijlage=oude_naam,
        bijlage_naam="loonstrook-maart-jansen.pdf",
        bijlage_type="application/pdf",
    )
    oud.get_model("inkomen", "Berekening").objects.create(
        gemeente=gemeente,
        klant=klant,
        doel="advies",
        peildatum="2026-01-01",
        regelversie="test",
        invoer={"medisch_urenbeperkt": True, "huishouden": "alleenstaande"},
        uitkomst={"resultaten": []},
        uitleg={},
    )
    assert "schuldhulpverlening" in _ruw("contact_stap")  # plain before

    _migreer(None)
    sleutels_vergeten()
    for tabel in TABELLEN:
        ruw = _ruw(tabel)
        for geheim in GEHEIMEN:
            assert geheim.lower() not in ruw.lower(), (
                f"'{geheim}' leesbaar in {tabel} na de migratie"
            )
    nu = Bericht.objects.get(pk=bericht.pk)
    assert nu.bijlage.name != oude_naam and not storages["default"].exists(oude_naam)
    with storages["default"].open(nu.bijlage.name, "rb") as bestand:
        assert b"Loonstrook" not in bestand.read()
    with nu.bijlage.open("rb") as bestand:
        assert bestand.read() == PDF
    assert nu.bijlage_naam == "loonstrook-maart-jansen.pdf"
    assert [(d.soort, d.toelichting) for d in Drempel.objects.filter(klant_id=klant.pk)] == [
        ("schulden", "Schuld bij de energieleverancier")
    ]
    assert Klant.objects.get(pk=klant.pk).medisch_urenbeperkt is True
    assert Klant.objects.get(pk=gewoon.pk).medisch_urenbeperkt is False
    assert Berekening.objects.get(klant_id=klant.pk).invoer == {
        "medisch_urenbeperkt": True,
        "huishouden": "alleenstaande",
    }
    assert Stap.objects.get(klant_id=klant.pk).wat == "Afspraak maken bij de schuldhulpverlening"
    assert Contactmoment.objects.get(klant_id=klant.pk).waarom == "De bewindvoerder wil meekijken"

    # Migrating back gives the plain rows and file again; forward once more leaves the suite's schema.
    _migreer(VOOR_VERSLEUTELING)
    assert "Schuld bij de energieleverancier" in _ruw("klanten_drempel")
    with connection.cursor() as cursor:
        cursor.execute("SELECT medisch_urenbeperkt FROM klanten_klant ORDER BY id")
        assert [bool(r[0]) for r in cursor.fetchall()] == [True, False]
        cursor.execute("SELECT bijlage FROM contact_bericht")
        (naam,) = cursor.fetchone()
    with storages["default"].open(naam, "rb") as bestand:
        assert bestand.read() == PDF
    _migreer(None)


@isolate_apps("opstap.privacy")
def test_systeemcheck_weigert_een_volgorde_op_een_versleuteld_veld() -> None:
    class Geheim(models.Model):  # noqa: DJ008 - only for this check
        tekst = VersleuteldTekstVeld()

        class Meta:
            app_label = "privacy"
            ordering = ["-tekst"]

    fouten = volgorde_fouten(Geheim)
    assert [f.id for f in fouten] == ["opstap.E001"] and "tekst" in fouten[0].msg
    assert geen_volgorde_op_versleutelde_velden() == []  # the real models: none


def test_sleutels_roteren_via_de_opdrachtregel_en_meldt_wat_niet_lukt(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    import django.core.management
    from django.core.management import get_commands
    from django.core.management.base import CommandError

    from opstap.cli import main

    gekregen: list[list[str]] = []
    monkeypatch.setattr(django.core.management, "execute_from_command_line", gekregen.append)
    main(["opstap", "sleutels-roteren"])  # the hyphenated name, as in the README
    assert gekregen == [["opstap", "sleutels_roteren"]] and "sleutels_roteren" in get_commands()

    drempel = services.drempel_vastleggen(klant=wereld.a.klanten["eigen"], soort="schulden")
    uit = StringIO()
    call_command("sleutels_roteren", stdout=uit)
    assert "Klaar." in uit.getvalue()
    # A value no key can read (here: plain text slipped in below the app) is reported, not skipped
    # silently, and the command fails, so nobody removes the old key too early.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE klanten_drempel SET toelichting = %s WHERE id = %s", ["leesbaar", drempel.pk]
        )
    with pytest.raises(CommandError, match="niet opnieuw versleuteld"):
        call_command("sleutels_roteren", stdout=StringIO(), stderr=(fouten := StringIO()))
    assert f"klanten.Drempel {drempel.pk} (toelichting)" in fouten.getvalue()


def test_roteren_overschrijft_geen_wijziging_van_een_gebruiker_tijdens_het_roteren(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.conf import settings as django_settings

    from opstap.privacy import sleutels

    klant = wereld.a.klanten["eigen"]
    drempel = services.drempel_vastleggen(
        klant=klant, soort="schulden", toelichting="Oude toelichting"
    )
    echte_roteer = sleutels.roteer

    def roteer_terwijl_iemand_opslaat(token: bytes) -> bytes:
        # Between reading and writing, a contact person saves a new note (with the new key).
        Drempel.objects.filter(pk=drempel.pk).update(toelichting="Nieuw, net opgeslagen")
        return echte_roteer(token)

    monkeypatch.setattr(sleutels, "roteer", roteer_terwijl_iemand_opslaat)
    with _sleutels(Fernet.generate_key().decode(), django_settings.FIELD_ENCRYPTION_KEYS[0]):
        sleutels_vergeten()
        sleutels.velden_roteren()
        drempel.refresh_from_db()
        assert drempel.toelichting == "Nieuw, net opgeslagen"

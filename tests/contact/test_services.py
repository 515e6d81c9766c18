"""Services: stored and confirmed, or a clear Dutch error; notifications never carry content."""

from datetime import date, timedelta

import pytest

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.accounts.toegang import zichtbare_klanten
from opstap.contact import services
from opstap.contact.meldingen import LogSmsBackend
from opstap.contact.models import Bericht, Contactmoment, Gespreksverslag, Overdracht
from opstap.contact.selectors import gesprek, signalen, zoeken
from tests.contact import pdfs
from tests.contact.conftest import morgen
from tests.wereld import Wereld

PDF = pdfs.schoon()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def test_klant_stuurt_bericht_en_contactpersoon_krijgt_melding_zonder_inhoud(
    wereld: Wereld, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    klant = wereld.a.klanten["eigen"]
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    cp.email = "cp@alfa.example"
    cp.save()
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.bericht_versturen(
            klant=klant,
            afzender=wereld.a.gebruikers[Rol.KLANT],
            tekst="Mijn loonstrook is geheim-woord-123",
        )
    assert bericht.pk and bericht.van_klant
    assert Bericht.objects.get(pk=bericht.pk).tekst == "Mijn loonstrook is geheim-woord-123"
    assert len(mail.outbox) == 1
    assert "geheim-woord-123" not in mail.outbox[0].body + mail.outbox[0].subject
    assert mail.outbox[0].to == ["cp@alfa.example"]


def test_contactpersoon_schrijft_en_klant_krijgt_mail_en_sms(
    wereld: Wereld, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    klant = wereld.a.klanten["eigen"]
    klant.email, klant.telefoon = "klant@example.org", "0612345678"
    klant.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.bericht_versturen(
            klant=klant,
            afzender=wereld.a.gebruikers[Rol.CONTACTPERSOON],
            tekst="Je uitkering over mei",
        )
    assert mail.outbox[0].subject.startswith("Je hebt een nieuw bericht")
    assert "uitkering over mei" not in mail.outbox[0].body
    assert LogSmsBackend.verstuurd and "Je hebt een nieuw bericht" in LogSmsBackend.verstuurd[0][1]
    assert "mei" not in LogSmsBackend.verstuurd[0][1]


def test_mislukte_melding_laat_het_bericht_staan(
    wereld: Wereld, django_capture_on_commit_callbacks, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.OPSTAP_SMS_BACKEND = "bestaat.niet.Backend"
    klant = wereld.a.klanten["eigen"]
    klant.telefoon = "0612345678"
    klant.save()
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.bericht_versturen(
            klant=klant, afzender=wereld.a.gebruikers[Rol.CONTACTPERSOON], tekst="Hallo"
        )
    assert Bericht.objects.filter(pk=bericht.pk).exists()


def test_leeg_bericht_geeft_nederlandse_fout(wereld: Wereld) -> None:
    with pytest.raises(services.InvoerFout, match="Schrijf eerst een bericht") as fout:
        services.bericht_versturen(
            klant=wereld.a.klanten["eigen"], afzender=wereld.a.gebruikers[Rol.KLANT], tekst="   "
        )
    assert fout.value.veld == "tekst"


def test_klant_schrijft_niet_in_gesprek_van_een_ander(wereld: Wereld) -> None:
    with pytest.raises(services.InvoerFout):
        services.bericht_versturen(
            klant=wereld.a.klanten["caseload"], afzender=wereld.a.gebruikers[Rol.KLANT], tekst="Hoi"
        )


def test_niet_over_de_gemeentegrens(wereld: Wereld) -> None:
    with pytest.raises(services.InvoerFout):
        services.bericht_versturen(
            klant=wereld.b.klanten["caseload"],
            afzender=wereld.a.gebruikers[Rol.CONTACTPERSOON],
            tekst="Hoi",
        )


@pytest.mark.parametrize(
    "naam,inhoud,soort",
    [
        ("loon.pdf", PDF, "application/pdf"),
        ("foto.png", PNG, "image/png"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20, "image/jpeg"),
    ],
)
def test_toegestane_bijlagen(wereld: Wereld, naam: str, inhoud: bytes, soort: str) -> None:
    bericht = services.bericht_versturen(
        klant=wereld.a.klanten["eigen"],
        afzender=wereld.a.gebruikers[Rol.KLANT],
        tekst="",
        bijlage=SimpleUploadedFile(naam, inhoud),
    )
    assert bericht.bijlage_type == soort and bericht.bijlage_naam == naam
    assert naam not in bericht.bijlage.name  # the stored path never holds the client's file name


def test_bijlage_van_verkeerd_type_wordt_geweigerd(wereld: Wereld) -> None:
    with pytest.raises(services.InvoerFout, match="PDF, JPG of PNG"):
        services.bericht_versturen(
            klant=wereld.a.klanten["eigen"],
            afzender=wereld.a.gebruikers[Rol.KLANT],
            tekst="zie bijlage",
            bijlage=SimpleUploadedFile("virus.pdf", b"MZ\x90\x00"),
        )
    assert "zie bijlage" not in [
        b.tekst for b in Bericht.objects.all()
    ]  # encrypted: compared in Python


def test_te_grote_bijlage_wordt_geweigerd(wereld: Wereld) -> None:
    groot = SimpleUploadedFile("groot.pdf", PDF + b"0" * (5 * 1024 * 1024))
    with pytest.raises(services.InvoerFout, match="te groot"):
        services.bericht_versturen(
            klant=wereld.a.klanten["eigen"],
            afzender=wereld.a.gebruikers[Rol.KLANT],
            tekst="x",
            bijlage=groot,
        )


def test_lezen_zet_alleen_berichten_van_de_ander_op_gelezen(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    eigen = services.bericht_versturen(
        klant=klant, afzender=wereld.a.gebruikers[Rol.KLANT], tekst="vraag"
    )
    assert (
        services.berichten_lezen(klant=klant, lezer=wereld.a.gebruikers[Rol.KLANT]) == 1
    )  # the welcome
    eigen.refresh_from_db()
    assert eigen.gelezen_op is None
    services.berichten_lezen(klant=klant, lezer=wereld.a.gebruikers[Rol.CONTACTPERSOON])
    eigen.refresh_from_db()
    assert eigen.gelezen_op is not None


def _verslag(wereld: Wereld, samenvatting: str) -> Gespreksverslag:
    return services.verslag_opslaan(
        klant=wereld.a.klanten["eigen"],
        auteur=wereld.a.gebruikers[Rol.CONTACTPERSOON],
        gesprek_op=date(2026, 2, 3),
        soort="telefoon",
        samenvatting=samenvatting,
        afspraken="Je zoekt twee vacatures.\nIk bel het uitzendbureau.",
        volgende_stappen="Vrijdag: jij stuurt je cv.",
    )


def test_verslag_publiceren_met_b1_controle(wereld: Wereld) -> None:
    lang = " ".join(["woord"] * 25) + "."
    verslag = _verslag(wereld, lang)
    with pytest.raises(services.B1Fout) as fout:
        services.verslag_publiceren(verslag=verslag, door=wereld.a.gebruikers[Rol.CONTACTPERSOON])
    assert fout.value.meldingen[0].soort == "lange_zin"
    verslag.refresh_from_db()
    assert verslag.gepubliceerd_op is None  # still a draft, not lost
    services.verslag_publiceren(
        verslag=verslag, door=wereld.a.gebruikers[Rol.CONTACTPERSOON], b1_genegeerd=True
    )
    assert verslag.gepubliceerd_op is not None
    assert verslag.afspraken_lijst == ["Je zoekt twee vacatures.", "Ik bel het uitzendbureau."]


def test_vraag_over_verslag_komt_bij_contactpersoon(wereld: Wereld) -> None:
    verslag = _verslag(wereld, "We spraken over werk.")
    services.verslag_publiceren(verslag=verslag, door=wereld.a.gebruikers[Rol.CONTACTPERSOON])
    bericht = services.verslag_reageren(
        verslag=verslag,
        afzender=wereld.a.gebruikers[Rol.KLANT],
        tekst="Welk uitzendbureau bedoel je?",
    )
    assert bericht.verslag == verslag and bericht.van_klant
    assert signalen(wereld.a.gebruikers[Rol.CONTACTPERSOON])[verslag.klant_id][0].soort == "bericht"


def test_contactmoment_wordt_vooraf_aangekondigd(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    moment = services.contactmoment_plannen(
        klant=klant,
        door=wereld.a.gebruikers[Rol.CONTACTPERSOON],
        wanneer=morgen(),
        soort="telefoon",
        onderwerp="je nieuwe baan",
        waarom="We kijken samen naar je rooster.",
    )
    laatste = gesprek(klant).last()
    assert laatste is not None and "je nieuwe baan" in laatste.tekst and "rooster" in laatste.tekst
    assert Contactmoment.objects.get(pk=moment.pk).onderwerp == "je nieuwe baan"


def test_contactmoment_in_het_verleden_kan_niet(wereld: Wereld) -> None:
    with pytest.raises(services.InvoerFout, match="toekomst"):
        services.contactmoment_plannen(
            klant=wereld.a.klanten["eigen"],
            door=wereld.a.gebruikers[Rol.CONTACTPERSOON],
            wanneer=timezone.now() - timedelta(hours=1),
            soort="telefoon",
            onderwerp="x",
        )


def test_overdracht_stelt_nieuwe_contactpersoon_voor_en_houdt_geschiedenis(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    oud, nieuw = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers["collega"]
    voor = gesprek(klant).count()
    services.overdracht_vastleggen(
        klant=klant, naar=nieuw, door=oud, begin=timezone.localdate(), reden="verhuizing"
    )
    klant.refresh_from_db()
    assert klant.contactpersoon == nieuw
    assert Overdracht.objects.filter(klant=klant, van=oud, naar=nieuw).exists()
    assert gesprek(klant).count() == voor + 1
    assert nieuw.weergavenaam in gesprek(klant).last().tekst  # type: ignore[union-attr]
    assert zichtbare_klanten(nieuw).filter(pk=klant.pk).exists()
    assert not zichtbare_klanten(oud).filter(pk=klant.pk).exists()


def test_vervanging_informeert_alle_klanten(wereld: Wereld) -> None:
    oud, collega = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers["collega"]
    services.overdracht_vastleggen(
        klant=wereld.a.klanten["eigen"],
        naar=collega,
        door=oud,
        soort="vervanging",
        begin=timezone.localdate(),
        einde=timezone.localdate() + timedelta(days=14),
    )
    for sleutel in ("eigen", "caseload"):
        assert collega.weergavenaam in gesprek(wereld.a.klanten[sleutel]).last().tekst  # type: ignore[union-attr]
    assert zichtbare_klanten(collega).filter(pk=wereld.a.klanten["caseload"].pk).exists()


def test_overdracht_naar_andere_gemeente_kan_niet(wereld: Wereld) -> None:
    with pytest.raises(services.InvoerFout):
        services.overdracht_vastleggen(
            klant=wereld.a.klanten["eigen"],
            naar=wereld.b.gebruikers[Rol.CONTACTPERSOON],
            door=wereld.a.gebruikers[Rol.CONTACTPERSOON],
            begin=timezone.localdate(),
        )


def test_signalen_stil_en_gepland(wereld: Wereld) -> None:
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    klant = wereld.a.klanten["caseload"]
    # Last contact long ago: move the welcome message and the summary back in time.
    Bericht.objects.filter(klant=klant).update(verstuurd_op=timezone.now() - timedelta(weeks=10))
    Gespreksverslag.objects.filter(klant=klant).update(
        gesprek_op=timezone.localdate() - timedelta(weeks=10)
    )
    wereld.a.gemeente.instellingen = {"contact_signaal_weken": 8}
    wereld.a.gemeente.save()
    cp.refresh_from_db()
    assert [s.soort for s in signalen(cp)[klant.pk]] == ["stil"]
    wereld.a.gemeente.instellingen = {"contact_signaal_weken": 11}
    wereld.a.gemeente.save()
    cp.refresh_from_db()
    assert klant.pk not in signalen(cp)
    Contactmoment.objects.create(
        gemeente=wereld.a.gemeente,
        klant=klant,
        door=cp,
        onderwerp="bellen",
        wanneer=timezone.now() + timedelta(hours=3),
    )
    assert [s.soort for s in signalen(cp)[klant.pk]] == ["contactmoment"]


def test_zoeken_in_berichten_en_verslagen(wereld: Wereld) -> None:
    klant = wereld.a.klanten["eigen"]
    treffers = zoeken(klant, "uitzendbureaus")
    assert [t.soort for t in treffers] == ["verslag"]
    assert zoeken(klant, "welkom")[0].soort == "bericht"
    assert zoeken(klant, "bestaatniet") == []

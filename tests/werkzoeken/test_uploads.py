"""Uploads for CV, letters, proof and video: checked by content and size with a clear Dutch message
(what was typed stays), the video with its own limit, encrypted at rest, served only to who may
see them, and every view of a CV, letter or proof in the access log."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from opstap.accounts.models import Rol
from opstap.privacy.models import Inzage
from opstap.werkzoeken.models import Activiteit, Stuk
from tests.contact import pdfs
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def _nieuwe_brief(client: Client, naam: str, inhoud: bytes) -> object:
    return client.post(
        "/mijn/werkzoeken/cv-en-brieven/nieuw/?soort=cv",
        {"titel": "Mijn cv van de bieb", "tekst": "", "bestand": SimpleUploadedFile(naam, inhoud)},
    )


def test_een_webpagina_met_pdf_naam_wordt_geweigerd_en_de_invoer_blijft(
    klant_client: Client,
) -> None:
    response = _nieuwe_brief(klant_client, "cv.pdf", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 400  # type: ignore[attr-defined]
    tekst = response.content.decode()  # type: ignore[attr-defined]
    assert "Dit soort bestand kunnen we niet openen. Stuur een PDF, JPG of PNG." in tekst
    assert "Mijn cv van de bieb" in tekst
    assert not Stuk.objects.filter(soort="cv").exists()


def test_een_pdf_met_script_wordt_geweigerd(klant_client: Client) -> None:
    response = _nieuwe_brief(klant_client, "cv.pdf", pdfs.met_javascript())
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "uit veiligheid niet doorsturen" in response.content.decode()  # type: ignore[attr-defined]


def test_te_groot_bestand_krijgt_een_duidelijke_melding(klant_client: Client) -> None:
    response = _nieuwe_brief(klant_client, "cv.png", PNG + b"\x00" * (5 * 1024 * 1024))
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "Dit bestand is te groot. Het mag hooguit 5 MB zijn." in response.content.decode()  # type: ignore[attr-defined]


def test_goede_cv_wordt_versleuteld_bewaard_en_alleen_aan_de_klant_getoond(
    wereld: Wereld, klant_client: Client, cp_client: Client
) -> None:
    inhoud = pdfs.schoon()
    response = _nieuwe_brief(klant_client, "mijn cv.pdf", inhoud)
    assert response.status_code == 302  # type: ignore[attr-defined]
    stuk = Stuk.objects.get(soort="cv")
    ruw = stuk.bestand.storage.ruw_lezen(stuk.bestand.name)  # type: ignore[attr-defined]
    assert inhoud not in ruw and b"%PDF" not in ruw  # ciphertext at rest
    download = klant_client.get(f"/mijn/werkzoeken/cv-en-brieven/{stuk.pk}/bestand/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == inhoud  # type: ignore[attr-defined]
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="mijn cv.pdf"' in download["Content-Disposition"]
    klant = wereld.a.klanten["eigen"]
    assert Inzage.objects.filter(
        klant=klant, onderdeel="cv en brieven", doel="Je opende je eigen bestand"
    ).exists()
    # Not shared yet: the contact person cannot open it; after asking a check they can (and it is logged).
    url = f"/werk/klanten/{klant.pk}/werkzoeken/stukken/{stuk.pk}/bestand/"
    assert cp_client.get(url).status_code == 404
    klant_client.post(
        f"/mijn/werkzoeken/cv-en-brieven/{stuk.pk}/", {"actie": "controle", "vraag": ""}
    )
    assert cp_client.get(url).status_code == 200
    assert Inzage.objects.filter(
        klant=klant,
        gebruiker=wereld.a.gebruikers[Rol.CONTACTPERSOON],
        doel="Begeleiding: je cv, brief of filmpje geopend",
    ).exists()
    # Another client of the same municipality never gets it.
    ander = Client()
    ander.force_login(wereld.a.gebruikers["collega"])
    assert ander.get(url).status_code == 404


def test_bewijs_is_nooit_verplicht_en_wordt_gecontroleerd_en_gelogd(
    wereld: Wereld, klant_client: Client, cp_client: Client
) -> None:
    basis = {"soort": "sollicitatie", "datum": "2026-01-15", "omschrijving": "Brief naar de Hema"}
    assert klant_client.post("/mijn/werkzoeken/", basis).status_code == 302
    fout = klant_client.post(
        "/mijn/werkzoeken/", {**basis, "bewijs": SimpleUploadedFile("mail.pdf", b"MZ\x90\x00 exe")}
    )
    assert fout.status_code == 400
    assert (
        "Stuur een PDF, JPG of PNG" in fout.content.decode()
        and "Brief naar de Hema" in fout.content.decode()
    )
    assert (
        klant_client.post(
            "/mijn/werkzoeken/", {**basis, "bewijs": SimpleUploadedFile("mail.png", PNG)}
        ).status_code
        == 302
    )
    activiteit = Activiteit.objects.filter(bewijs_type="image/png").latest("pk")
    assert activiteit.omschrijving == "Brief naar de Hema"
    klant = wereld.a.klanten["eigen"]
    antwoord = cp_client.get(
        f"/werk/klanten/{klant.pk}/werkzoeken/activiteiten/{activiteit.pk}/bewijs/"
    )
    assert antwoord.status_code == 200 and b"".join(antwoord.streaming_content) == PNG  # type: ignore[attr-defined]
    assert Inzage.objects.filter(
        klant=klant, onderdeel="bewijs", gebruiker=wereld.a.gebruikers[Rol.CONTACTPERSOON]
    ).exists()


@override_settings(OPSTAP_MAX_VIDEO_BYTES=1024)
def test_filmpje_heeft_een_eigen_grens_en_moet_echt_een_filmpje_zijn(klant_client: Client) -> None:
    te_groot = klant_client.post(
        "/mijn/werkzoeken/presentatie/",
        {
            "actie": "video",
            "titel": "Over mij",
            "bestand": SimpleUploadedFile("ik.mp4", MP4 + b"\x00" * 2048),
        },
    )
    assert te_groot.status_code == 400
    assert "Dit filmpje is te groot. Het mag hooguit 1 kB zijn." in te_groot.content.decode()
    geen_video = klant_client.post(
        "/mijn/werkzoeken/presentatie/",
        {
            "actie": "video",
            "titel": "Over mij",
            "bestand": SimpleUploadedFile("ik.mp4", pdfs.schoon()),
        },
    )
    assert geen_video.status_code == 400
    assert "Dit is geen filmpje dat we kunnen tonen" in geen_video.content.decode()
    goed = klant_client.post(
        "/mijn/werkzoeken/presentatie/",
        {"actie": "video", "titel": "Over mij", "bestand": SimpleUploadedFile("ik.mp4", MP4)},
    )
    assert goed.status_code == 302
    video = Stuk.objects.get(soort="video")
    assert video.bestand_type == "video/mp4" and video.gedeeld_op is None


def test_filmpje_groter_dan_de_gewone_bijlagegrens_mag_als_het_onder_de_eigen_grens_blijft(
    klant_client: Client,
) -> None:
    """The video's own limit (20 MB by default) is above the 5 MB of other uploads."""
    groot = MP4 + b"\x00" * (7 * 1024 * 1024)
    response = klant_client.post(
        "/mijn/werkzoeken/presentatie/",
        {"actie": "video", "titel": "Over mij", "bestand": SimpleUploadedFile("ik.mp4", groot)},
    )
    assert response.status_code == 302
    # The same size as a letter is refused: that limit is 5 MB.
    brief = _nieuwe_brief(klant_client, "cv.png", PNG + b"\x00" * (7 * 1024 * 1024))
    assert brief.status_code in (400, 413)  # type: ignore[attr-defined]

"""Issue 4, bullet by bullet, where the other contact tests left a gap: the searchable list of what
was said and agreed, caseload signals and filters, a handover that keeps the history, 'view as
client', and submissions that are never lost."""

from datetime import date, timedelta

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.contact import services
from opstap.contact.models import Aanvraag, Bericht, Contactmoment, Gespreksverslag
from opstap.klanten.models import Drempel, Klant
from opstap.privacy.models import Inzage
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _verslag(
    klant: Klant, gesprek_op: date, afspraken: str, *, gepubliceerd: bool = True
) -> Gespreksverslag:
    assert klant.contactpersoon is not None
    return Gespreksverslag.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        auteur=klant.contactpersoon,
        gesprek_op=gesprek_op,
        samenvatting="We bespraken je week.",
        afspraken=afspraken,
        gepubliceerd_op=timezone.now() if gepubliceerd else None,
    )


# --- A2: a searchable list of what was already said and agreed ---------------------------------


def test_klant_ziet_alle_afspraken_op_een_rij_en_zoekt_erin(
    wereld: Wereld, klant_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    _verslag(klant, date(2026, 2, 2), "Jij belt het uitzendbureau.\nIk regel de reiskosten.")
    _verslag(klant, date(2026, 3, 3), "Concept: niet voor de klant", gepubliceerd=False)
    pagina = klant_client.get("/mijn/berichten/").content.decode()
    assert "Wat we afspraken" in pagina
    for afspraak in (
        "Jij belt het uitzendbureau.",
        "Ik regel de reiskosten.",
        "Je zoekt drie vacatures uit.",
    ):
        assert afspraak in pagina
    assert "Concept: niet voor de klant" not in pagina

    gezocht = klant_client.get("/mijn/berichten/?zoek=reiskosten").content.decode()
    lijst = gezocht.split('id="afspraken"')[1]
    assert "Ik regel de reiskosten." in lijst and "uitzendbureau." not in lijst
    assert "1 keer gevonden" in gezocht  # the summary holding the word, linked
    # Also what was *said*: a message.
    assert (
        "Welkom!"
        in klant_client.get("/mijn/berichten/?zoek=welkom")
        .content.decode()
        .split("keer gevonden")[1]
    )


def test_contactpersoon_zoekt_in_hetzelfde_gesprek(wereld: Wereld, cp_client: Client) -> None:
    klant = wereld.a.klanten["caseload"]
    verslag = _verslag(klant, date(2026, 2, 2), "Jij gaat naar het taalcafé.")
    pagina = cp_client.get(f"/werk/klanten/{klant.pk}/berichten/?zoek=taalcafé").content.decode()
    assert f'href="/werk/klanten/{klant.pk}/verslagen/{verslag.pk}/"' in pagina
    assert "Jij gaat naar het taalcafé." in pagina.split('id="afspraken"')[1]


# --- caseload: signals that need attention, filters by trede, phase and barrier --------------


def _klant(wereld: Wereld, bsn: str, achternaam: str, **extra: object) -> Klant:
    from tests.wereld import maak_klant

    return maak_klant(
        wereld.a.gemeente, bsn, achternaam, wereld.a.gebruikers[Rol.CONTACTPERSOON], **extra
    )


def _rijen(html: str) -> str:
    return html.split("<tbody>")[1].split("</tbody>")[0]


def test_caseload_toont_elk_signaal(
    wereld: Wereld, cp_client: Client, klant_client: Client
) -> None:
    from tests.wereld import nieuwe_bsns

    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    bsns = nieuwe_bsns(3)
    gepland = _klant(wereld, bsns[0], "Gepland")
    Bericht.objects.create(
        gemeente=wereld.a.gemeente, klant=gepland, afzender=cp, van_klant=False, tekst="Hoi"
    )
    Contactmoment.objects.create(
        gemeente=wereld.a.gemeente,
        klant=gepland,
        door=cp,
        onderwerp="bellen",
        wanneer=timezone.now() + timedelta(hours=20),
    )
    gemist = _klant(wereld, bsns[1], "Gemist")
    Bericht.objects.create(
        gemeente=wereld.a.gemeente, klant=gemist, afzender=cp, van_klant=False, tekst="Hoi"
    )
    Contactmoment.objects.create(
        gemeente=wereld.a.gemeente,
        klant=gemist,
        door=cp,
        onderwerp="bellen",
        wanneer=timezone.now() - timedelta(days=2),
    )
    stil = _klant(wereld, bsns[2], "Stil")
    Klant.objects.filter(pk=stil.pk).update(aangemaakt=timezone.now() - timedelta(weeks=7))
    klant_client.post(
        "/mijn/berichten/", {"tekst": "Kunt u mij bellen?"}
    )  # Eigenaar: unanswered message
    vast = wereld.a.klanten["caseload"]  # an application past its expected decision date
    Aanvraag.objects.create(
        gemeente=wereld.a.gemeente,
        klant=vast,
        regeling_code="stadspas",
        regeling_naam="Demodampas",
        ingediend_door=cp,
        verwacht_besluit_op=timezone.localdate() - timedelta(days=1),
    )

    rijen = {
        r.split("</a>")[0].rsplit(">", 1)[1]: r
        for r in _rijen(cp_client.get("/werk/").content.decode()).split("<tr>")[1:]
    }
    assert "Onbeantwoord bericht" in rijen["A. Eigenaar"]
    assert "Aanvraag loopt achter" in rijen["A. Caseload"]
    assert "Gepland contact" in rijen["A. Gepland"] and "Gepland contact" in rijen["A. Gemist"]
    assert "Geen contact in 6 weken" in rijen["A. Stil"]
    assert sum("signaal--" in r for r in rijen.values()) == 5

    aandacht = _rijen(cp_client.get("/werk/?aandacht=1").content.decode())
    for naam in ("Eigenaar", "Caseload", "Gepland", "Gemist", "Stil"):
        assert naam in aandacht
    # Answering the message takes that signal away.
    cp_client.post(
        f"/werk/klanten/{wereld.a.klanten['eigen'].pk}/berichten/", {"tekst": "Ik bel je morgen."}
    )
    assert "Onbeantwoord bericht" not in cp_client.get("/werk/").content.decode()


def test_caseload_filtert_op_trede_fase_en_drempel(wereld: Wereld, cp_client: Client) -> None:
    from tests.wereld import nieuwe_bsns

    bsns = nieuwe_bsns(2)
    zorg = _klant(wereld, bsns[0], "Zorgtrede", trede="1.2", fase="gesprek")
    werkend = _klant(wereld, bsns[1], "Parttimer", trede="5.2", fase="parttime")
    Drempel.objects.create(klant=zorg, soort="vervoer", eerst_aanpakken=True)
    Drempel.objects.create(klant=werkend, soort="kinderopvang")
    Drempel.objects.create(
        klant=werkend, soort="vervoer", opgelost_op=date(2026, 1, 1)
    )  # solved: no longer open

    def namen(query: str) -> set[str]:
        rijen = _rijen(cp_client.get(f"/werk/?{query}").content.decode())
        return {
            n
            for n in ("Eigenaar", "Caseload", "Zorgtrede", "Parttimer", "Collegaklant")
            if n in rijen
        }

    assert namen("") == {
        "Eigenaar",
        "Caseload",
        "Zorgtrede",
        "Parttimer",
    }  # never a colleague's client
    assert namen("trede=1") == {"Zorgtrede"}
    assert namen("trede=4") == {"Eigenaar", "Caseload"}
    assert namen("fase=parttime") == {"Parttimer"}
    assert namen("drempel=vervoer") == {"Zorgtrede"}
    assert namen("drempel=kinderopvang") == {"Parttimer"}
    assert namen("trede=5&fase=parttime&drempel=kinderopvang") == {"Parttimer"}
    assert namen("trede=5&fase=gesprek") == set()
    pagina = cp_client.get("/werk/?drempel=kinderopvang").content.decode()
    assert '<option value="kinderopvang" selected>' in pagina  # the filter stays visible


# --- A1: after a handover the client is told, the new person introduced, the history kept -------


def test_overdracht_informeert_klant_stelt_voor_en_houdt_geschiedenis(
    wereld: Wereld, cp_client: Client, klant_client: Client, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from django.core import mail

    from opstap.contact.models import Contactpersoon

    klant = wereld.a.klanten["eigen"]
    klant.email = "klant@example.org"
    klant.save()
    oud, nieuw = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers["collega"]
    Contactpersoon.objects.create(
        gebruiker=nieuw,
        bereikbaar="di en do van 9 tot 12 uur",
        introductie="Ik werk al tien jaar bij de gemeente en ik houd van wandelen.",
    )
    klant_client.post("/mijn/berichten/", {"tekst": "Mijn vraag van voor de overdracht"})
    with django_capture_on_commit_callbacks(execute=True):
        response = cp_client.post(
            f"/werk/klanten/{klant.pk}/overdracht/",
            {
                "soort": "overdracht",
                "naar": nieuw.pk,
                "begin": timezone.localdate().isoformat(),
                "reden": "verhuizing",
            },
        )
    assert response.status_code == 302

    # Told: a message in the conversation and a notification without content.
    assert any(m.subject.startswith("Je hebt een nieuw bericht") for m in mail.outbox)
    assert "verhuizing" not in "".join(
        m.body for m in mail.outbox
    )  # the internal reason stays internal
    # Introduced: on the home page, with how to reach the new person.
    thuis = klant_client.get("/mijn/").content.decode()
    assert f"Maak kennis met {nieuw.weergavenaam}" in thuis
    assert "houd van wandelen" in thuis and "di en do van 9 tot 12 uur" in thuis
    assert "verhuizing" not in thuis
    # History kept for the client: the old messages and the old summary are still there.
    berichten = klant_client.get("/mijn/berichten/").content.decode()
    for tekst in (
        "Welkom! Hier kun je me altijd een bericht sturen.",
        "Mijn vraag van voor de overdracht",
        f"{nieuw.weergavenaam} je nieuwe contactpersoon",
    ):
        assert tekst in berichten
    assert "We hebben kennisgemaakt." in klant_client.get("/mijn/gesprekken/").content.decode()

    # History kept for the new contact person, who now has the file; the old one no longer does.
    collega = Client()
    collega.force_login(nieuw)
    dossier = collega.get(f"/werk/klanten/{klant.pk}/").content.decode()
    assert (
        "Eerdere contactpersonen" in dossier
        and f"{oud.weergavenaam} → {nieuw.weergavenaam}" in dossier
    )
    assert "verhuizing" in dossier
    werk_berichten = collega.get(f"/werk/klanten/{klant.pk}/berichten/").content.decode()
    assert "Welkom! Hier kun je me altijd een bericht sturen." in werk_berichten
    assert "Mijn vraag van voor de overdracht" in werk_berichten
    verslag = Gespreksverslag.objects.get(klant=klant)
    assert collega.get(f"/werk/klanten/{klant.pk}/verslagen/{verslag.pk}/").status_code == 200
    assert cp_client.get(f"/werk/klanten/{klant.pk}/").status_code == 404
    assert Inzage.objects.filter(
        klant=klant, gebruiker=oud, onderdeel="contactpersoon", actie="wijzigen"
    ).exists()


# --- "view as client": everything the client sees, as the client sees it ----------------------


def test_bekijk_als_klant_toont_wat_de_klant_ziet(
    wereld: Wereld, cp_client: Client, klant_client: Client
) -> None:
    from opstap.contact import voorzieningen

    klant = wereld.a.klanten["eigen"]
    klant.fase = "solliciteren"
    klant.save()
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    services.contactmoment_plannen(
        klant=klant,
        door=cp,
        wanneer=timezone.now() + timedelta(days=3),
        soort="kantoor",
        onderwerp="je cv",
        waarom="We maken het samen af.",
    )
    services.doel_toevoegen(klant=klant, soort="doel", tekst="Weer onder de mensen zijn")
    klant_client.post("/mijn/regelingen/aanvragen/", {"regeling": "stadspas"})

    pagina = cp_client.get(f"/werk/klanten/{klant.pk}/als-klant/").content.decode()
    als_klant = pagina.split('class="als-klant"')[1]
    assert "<form" not in als_klant and "<textarea" not in als_klant  # read-only
    assert 'aria-current="step">Solliciteren' in pagina  # where the client is in the journey
    assert "06-12345678" in als_klant  # the contact person card, as on the client's home page
    assert "We maken het samen af." in als_klant  # the planned moment: what, when, who, why
    assert "Weer onder de mensen zijn" in als_klant
    assert "Je zoekt drie vacatures uit." in als_klant  # what was agreed
    assert "Vrijwilligerswerk" in als_klant  # the rules
    # Provisions: exactly what the client's own page shows (the engine's grants), without the button.
    klant_regelingen = klant_client.get("/mijn/regelingen/").content.decode()
    alle = voorzieningen.regelingen_van_gemeente(klant.gemeente.regels_code)
    toegekend = {
        u.regeling.naam
        for u in voorzieningen.regelingen_voor_klant(klant, peildatum=timezone.localdate())
    }
    assert toegekend  # the test means something
    for regeling in alle:
        op_klantpagina = f"<h3>{regeling.naam}</h3>" in klant_regelingen
        assert op_klantpagina == (regeling.naam in toegekend)
        assert (f"<h3>{regeling.naam}</h3>" in als_klant) == op_klantpagina
    assert "Demodampas <span" in als_klant  # the application and its status
    assert "regelingen/aanvragen" not in als_klant
    assert (
        Inzage.objects.filter(klant=klant, gebruiker=cp, onderdeel="weergave als klant").count()
        == 1
    )


# --- A5 / client file: barriers mapped early, trede with history, phase -------------------------


def _drempel(klant: Klant, soort: str) -> Drempel:
    """The client's barrier of this kind (the kind is encrypted, so not a database filter)."""
    [drempel] = [d for d in klant.drempels.all() if d.soort == soort]
    return drempel


def test_drempels_in_kaart_en_eerst_aanpakken(
    wereld: Wereld, cp_client: Client, klant_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    url = f"/werk/klanten/{klant.pk}/stappenplan/"
    response = cp_client.post(
        url,
        {
            "drempel-soort": "vervoer",
            "drempel-toelichting": "Geen auto, bus rijdt niet vroeg",
            "drempel-eerst_aanpakken": "on",
        },
    )
    assert response.status_code == 302
    cp_client.post(url, {"drempel-soort": "houding"})
    drempel = _drempel(klant, "vervoer")
    assert drempel.eerst_aanpakken and drempel.groep == "middelen"
    mijn = klant_client.get("/mijn/stappenplan/").content.decode()
    assert "Wat we eerst samen oplossen" in mijn and "Geen auto, bus rijdt niet vroeg" in mijn
    assert "Houding" not in mijn  # not agreed to tackle first
    assert "Eigenaar" in _rijen(cp_client.get("/werk/?drempel=vervoer").content.decode())
    assert (
        "Gedrag" in cp_client.get(url).content.decode()
    )  # the group (middelen / gedrag / context)

    cp_client.post(url, {"drempel_opgelost": drempel.pk})
    drempel.refresh_from_db()
    assert drempel.opgelost_op == timezone.localdate()
    assert "Geen auto" not in klant_client.get("/mijn/stappenplan/").content.decode()
    assert "Eigenaar" not in _rijen(cp_client.get("/werk/?drempel=vervoer").content.decode())
    cp_client.post(url, {"drempel_eerst": _drempel(klant, "houding").pk})
    assert _drempel(klant, "houding").eerst_aanpakken
    # A barrier of another client cannot be changed through this client's page.
    vreemd = Drempel.objects.create(klant=wereld.a.klanten["collega"], soort="taal")
    assert cp_client.post(url, {"drempel_opgelost": vreemd.pk}).status_code == 404


def test_trede_met_geschiedenis_en_fase_op_de_reis(
    wereld: Wereld, cp_client: Client, klant_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    url = f"/werk/klanten/{klant.pk}/stappenplan/"
    response = cp_client.post(
        url,
        {
            "trede-trede": "4.1",
            "trede-fase": "solliciteren",
            "trede-toelichting": "Solliciteert nu zelfstandig",
        },
    )
    assert response.status_code == 302
    klant.refresh_from_db()
    assert (klant.trede, klant.fase) == ("4.1", "solliciteren")
    wijziging = klant.trede_historie.get()  # type: ignore[attr-defined]
    assert wijziging.door == wereld.a.gebruikers[Rol.CONTACTPERSOON] and wijziging.toelichting
    assert (
        "Solliciteert nu zelfstandig"
        in cp_client.get(f"/werk/klanten/{klant.pk}/").content.decode()
    )
    assert 'aria-current="step">Solliciteren' in klant_client.get("/mijn/").content.decode()
    # Only the phase changes: no new rung in the history.
    cp_client.post(url, {"trede-trede": "4.1", "trede-fase": "baan"})
    assert klant.trede_historie.count() == 1  # type: ignore[attr-defined]
    # A wrong value: an error, and what was typed stays.
    fout = cp_client.post(
        url, {"trede-trede": "9.9", "trede-fase": "baan", "trede-toelichting": "Mijn uitleg"}
    )
    assert fout.status_code == 400 and "Mijn uitleg" in fout.content.decode()


# --- PWA: the latest summaries and the rules are named for offline reading ----------------------


def test_startpagina_noemt_wat_offline_bewaard_wordt(
    wereld: Wereld, klant_client: Client, cp_client: Client
) -> None:
    klant = wereld.a.klanten["eigen"]
    nieuw = [_verslag(klant, date(2026, 3, d), f"Afspraak {d}") for d in range(1, 7)]
    concept = _verslag(klant, date(2026, 4, 1), "Nog niet af", gepubliceerd=False)
    pagina = klant_client.get("/mijn/").content.decode()
    paden = pagina.split('data-offline-bewaren="')[1].split('"')[0].split()
    assert paden[:3] == ["/mijn/regels/", "/mijn/gesprekken/", "/mijn/hulp/"]
    assert paden[3:] == [
        f"/mijn/gesprekken/{v.pk}/" for v in reversed(nieuw[1:])
    ]  # the latest five
    assert f"/mijn/gesprekken/{concept.pk}/" not in paden
    # The contact person's browser keeps nothing of the client's.
    assert (
        "data-offline-bewaren"
        not in cp_client.get(f"/werk/klanten/{klant.pk}/als-klant/").content.decode()
    )


# --- A1 card and A6 letter: name, photo, how and when to reach them -----------------------------


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (60, 60), (21, 66, 115)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_contactkaart_en_brief_met_foto(wereld: Wereld, klant_client: Client) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    from django.core.files.base import ContentFile

    from opstap.contact.models import Contactpersoon

    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    thuis = klant_client.get("/mijn/").content.decode()
    assert cp.weergavenaam in thuis and "06-12345678" in thuis and "ma-do 9-12 uur" in thuis
    zonder = PdfReader(BytesIO(klant_client.get("/mijn/regels/pdf/").content))
    assert sum(len(p.images) for p in zonder.pages) == 0  # initials instead of a photo
    profiel = Contactpersoon.objects.get(gebruiker=cp)
    profiel.foto.save("foto.png", ContentFile(_png()))
    assert (
        'src="data:image/png;base64,' in klant_client.get("/mijn/").content.decode()
    )  # no address of its own
    met = PdfReader(BytesIO(klant_client.get("/mijn/regels/pdf/").content))
    assert sum(len(p.images) for p in met.pages) == 1
    assert cp.weergavenaam in "\n".join(p.extract_text() for p in met.pages)


def test_pushmelding_zonder_inhoud(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch, settings
) -> None:  # type: ignore[no-untyped-def]
    import json
    import sys
    import types

    from opstap.contact import meldingen

    verstuurd: list[dict[str, object]] = []
    nep = types.ModuleType("pywebpush")
    nep.webpush = lambda **kwargs: verstuurd.append(kwargs)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pywebpush", nep)
    settings.OPSTAP_VAPID_PRIVATE_KEY = "test-sleutel"
    klant = wereld.a.gebruikers[Rol.KLANT]
    services.meldingskanaal_opslaan(
        gebruiker=klant,
        soort="push",
        endpoint="https://fcm.googleapis.com/fcm/send/abc",
        sleutels={"p256dh": "B" + "A" * 86, "auth": "A" * 22},
    )
    assert meldingen.versturen(klant, "nieuw_verslag", "/mijn/gesprekken/1/") == []
    assert len(verstuurd) == 1
    data = json.loads(str(verstuurd[0]["data"]))
    assert data == {
        "titel": "Er staat een nieuw gespreksverslag voor je klaar",
        "tekst": "Log in bij Opstap om het te lezen.",
        "url": "/mijn/gesprekken/1/",
    }

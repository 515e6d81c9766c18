"""Mediation in Gemeente Demodam (all made up): consents with shared values, proposals (one waiting
for klant1's answer), feedback (hired and not), a scheduled trial day, meet-ups with sign-ups and
follow-up, work-experience places, and a login for the municipal temp agency (uitzend1)."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.contact.models import Doel, DoelSoort
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant
from opstap.werkgevers.models import Gegeven, Toestemming, Vacature, Werkgever

from .models import (
    Aanmelding,
    Bijeenkomst,
    Driehoeksmoment,
    Kandidaatprofiel,
    Plaats,
    PlaatsSoort,
    PlaatsStatus,
    Proefdag,
    Terugkoppeling,
    Uitkomst,
    Vervolg,
    Voorstel,
    VoorstelStatus,
    Werkwijze,
)

BESCHIKBAAR = [
    "Maandag tot en met donderdag, 9 tot 14 uur (onder schooltijd), 16 uur per week.",
    "Doordeweeks overdag, ook zaterdag. Tot 24 uur per week.",
    "Dinsdag, woensdag en vrijdag, 8 tot 12 uur.",
]
CV = [
    "5 jaar kassamedewerker bij een supermarkt. Vrijwilliger in de buurtkamer (koffie, gastvrouw). "
    "MBO-2 Zorg en welzijn, niet afgemaakt.",
    "Magazijnmedewerker (3 jaar), heftruckcertificaat. Daarna thuis voor de kinderen.",
    "Schoonmaakwerk in kantoren (4 jaar). Nu cursus Nederlands op B1.",
]
KWALITEITEN = ["Goed met mensen", "Betrouwbaar", "Werkt netjes", "Leert snel"]


def _moment(dagen: int, uur: int) -> datetime:
    dag = timezone.localdate() + timedelta(days=dagen)
    return timezone.make_aware(datetime.combine(dag, time(uur)))


def _profiel(klant: Klant, rng: random.Random) -> None:
    Kandidaatprofiel.objects.get_or_create(
        klant=klant,
        defaults={"beschikbaarheid": rng.choice(BESCHIKBAAR), "cv": rng.choice(CV)},
    )
    if not Doel.objects.filter(klant=klant, soort=DoelSoort.KWALITEIT).exists():
        for tekst in rng.sample(KWALITEITEN, 2):
            Doel.objects.create(
                gemeente=klant.gemeente, klant=klant, soort=DoelSoort.KWALITEIT, tekst=tekst
            )


def _kandidatuur(
    klant: Klant,
    werkgever: Werkgever,
    vacature: Vacature | None,
    gegevens: list[str],
    door: Gebruiker | None,
) -> Voorstel:
    toestemming = Toestemming.objects.filter(
        klant=klant, werkgever=werkgever, ingetrokken_op__isnull=True
    ).first() or Toestemming.objects.create(
        klant=klant, werkgever=werkgever, vacature=vacature, gegevens=gegevens
    )
    return Voorstel.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        werkgever=werkgever,
        vacature=toestemming.vacature,
        voorgestelde_gegevens=list(toestemming.gegevens),
        toestemming=toestemming,
        door=door,
        status=VoorstelStatus.GEDEELD,
        beantwoord_op=timezone.now() - timedelta(days=6),
        toelichting="Past bij je uren en je ervaring met mensen.",
    )


def demo_bemiddeling(gemeente: Gemeente, rng: random.Random) -> None:
    werkgevers = list(Werkgever.objects.filter(gemeente=gemeente).order_by("pk"))
    linde = werkgevers[0]
    supermarkt, glans, bakkerij = werkgevers[1], werkgevers[2], werkgevers[3]
    werkpunt = next(w for w in werkgevers if w.is_intern_uitzendbureau)
    werkgever1 = Gebruiker.objects.get(username="werkgever1")
    uitzend = Gebruiker.objects.create(
        username="uitzend1",
        rol=Rol.WERKGEVER,
        gemeente=gemeente,
        werkgever=werkpunt,
        first_name="Sevda",
        last_name="Kaya",
        is_demo_account=True,
        email="uitzend1@demodam.example",
        password=werkgever1.password,  # the one demo password, hashed once
    )
    cp1 = Gebruiker.objects.get(username="contactpersoon1")
    klanten = {
        k.pk: k
        for k in Klant.objects.filter(gemeente=gemeente, contactpersoon=cp1).order_by("pk")[:20]
    }
    rij = list(klanten.values())
    klant1 = Klant.objects.get(gebruiker__username="klant1")
    klant2 = Klant.objects.get(gebruiker__username="klant2")
    for klant in [klant1, klant2, *rij[2:14]]:
        _profiel(klant, rng)
    vac_linde = Vacature.objects.filter(werkgever=linde).first()
    vac_super = Vacature.objects.filter(werkgever=supermarkt).first()
    vac_glans = Vacature.objects.filter(werkgever=glans).first()
    Werkwijze.objects.create(
        werkgever=linde,
        proces="1. Kennismaking van 20 minuten op de afdeling.\n2. Een proefdag, samen met een "
        "vaste collega.\n3. Binnen een week hoort u of het doorgaat.",
        oefenvragen="Hoe ga je om met een bewoner die verdrietig is?\nWat doe je als je ergens "
        "niet uitkomt?",
    )
    standaard: list[str] = [Gegeven.NAAM, Gegeven.BESCHIKBAARHEID, Gegeven.KWALITEITEN]

    # klant1: shares with De Linde; a trial day is set, employer and contact person confirmed.
    eerste = _kandidatuur(klant1, linde, vac_linde, [*standaard, Gegeven.CV], cp1)
    Proefdag.objects.create(
        voorstel=eerste,
        aangevraagd_door_rol=Rol.KLANT,
        wens="Liever op dinsdag of donderdag, onder schooltijd.",
        datum=timezone.localdate() + timedelta(days=8),
        begin=time(9),
        einde=time(13),
        plaats="Zorgcentrum De Linde, Molenweg 4, receptie",
        meenemen="ID-bewijs, dichte schoenen",
        bevestigd_werkgever_op=timezone.now() - timedelta(days=1),
        bevestigd_contactpersoon_op=timezone.now() - timedelta(days=1),
    )
    Driehoeksmoment.objects.create(
        voorstel=eerste,
        gepland_op=_moment(15, 10),
        onderwerp="Hoe ging de proefdag? Samen de volgende stap kiezen",
        gepland_door=cp1,
    )
    # klant1: a proposal waiting for the answer (the consent screen is pre-filled with it).
    if vac_super is not None:
        Voorstel.objects.create(
            gemeente=gemeente,
            klant=klant1,
            werkgever=supermarkt,
            vacature=vac_super,
            voorgestelde_gegevens=standaard,
            toelichting="Ochtenddiensten onder schooltijd, vlak bij huis.",
            door=uitzend,
        )
    # klant2: not hired this time, with kind and useful feedback.
    tweede = _kandidatuur(klant2, linde, vac_linde, standaard, cp1)
    tweede.status = VoorstelStatus.NIET_AANGENOMEN
    tweede.save(update_fields=["status"])
    Terugkoppeling.objects.create(
        voorstel=tweede,
        uitkomst=Uitkomst.NIET_AANGENOMEN,
        goed="U was op tijd, vriendelijk tegen de bewoners en stelde goede vragen.",
        tip="Vertel in het gesprek wat meer over wat u in de buurtkamer deed: dat past goed bij zorg.",
        door=werkgever1,
    )
    # The earlier candidates of De Linde (loaded with the municipality) get their candidacy too.
    for toestemming in Toestemming.objects.filter(
        werkgever=linde, klant__gemeente=gemeente, voorstellen__isnull=True
    ).select_related("klant"):
        _profiel(toestemming.klant, rng)
        Voorstel.objects.create(
            gemeente=gemeente,
            klant=toestemming.klant,
            werkgever=linde,
            vacature=toestemming.vacature,
            voorgestelde_gegevens=list(toestemming.gegevens),
            toestemming=toestemming,
            door=toestemming.klant.contactpersoon,
            status=VoorstelStatus.GEDEELD,
        )
    # One hired, with feedback too.
    if len(rij) > 5:
        aangenomen = _kandidatuur(rij[5], glans, vac_glans, standaard, cp1)
        aangenomen.status = VoorstelStatus.AANGENOMEN
        aangenomen.save(update_fields=["status"])
        Terugkoppeling.objects.create(
            voorstel=aangenomen,
            uitkomst=Uitkomst.AANGENOMEN,
            goed="Zeer nauwkeurig gewerkt op de proefdag, en goed samengewerkt met het team.",
            tip="",
        )
    if len(rij) > 6:
        _kandidatuur(rij[6], werkpunt, None, [*standaard, Gegeven.CONTACT], cp1)

    # Meet-ups: one coming (with sign-ups), one held (attendance and follow-up per pair).
    komend = Bijeenkomst.objects.create(
        gemeente=gemeente,
        titel="Speeddate zorg en schoonmaak",
        omschrijving="Vijf minuten per werkgever, zonder cv. Koffie staat klaar.",
        begint_op=_moment(10, 14),
        plaats="Bibliotheek Demodam, zaal 2",
        max_deelnemers=24,
        georganiseerd_door=cp1,
    )
    komend.werkgevers.set([linde, glans, werkpunt])
    for klant in [klant1, *rij[3:7]]:
        Aanmelding.objects.get_or_create(bijeenkomst=komend, klant=klant)
    geweest = Bijeenkomst.objects.create(
        gemeente=gemeente,
        titel="Banenmarkt voorjaar",
        begint_op=_moment(-20, 13),
        plaats="Stadhuis Demodam",
        georganiseerd_door=cp1,
    )
    geweest.werkgevers.set([linde, supermarkt, bakkerij])
    for i, klant in enumerate(rij[7:11]):
        aanmelding, _ = Aanmelding.objects.get_or_create(bijeenkomst=geweest, klant=klant)
        aanmelding.aanwezig = i != 3
        aanmelding.save(update_fields=["aanwezig"])
        if i == 0:
            Vervolg.objects.create(
                aanmelding=aanmelding,
                werkgever=bakkerij,
                tekst="Bakkerij belt voor een kennismaking in de winkel.",
                door=cp1,
            )

    # Work-experience places and trial placements.
    Plaats.objects.create(
        gemeente=gemeente,
        werkgever=linde,
        soort=PlaatsSoort.WERKERVARING,
        titel="Gastvrouw of gastheer in het restaurant",
        omschrijving="Koffie schenken, tafels dekken, een praatje maken. Met een vaste begeleider.",
        uren_per_week=12,
        klant=rij[11] if len(rij) > 11 else None,
        begin=timezone.localdate() - timedelta(days=30),
        einde=timezone.localdate() + timedelta(days=60),
        status=PlaatsStatus.LOOPT if len(rij) > 11 else PlaatsStatus.AANGEBODEN,
    )
    Plaats.objects.create(
        gemeente=gemeente,
        werkgever=glans,
        soort=PlaatsSoort.PROEFPLAATSING,
        titel="Schoonmaker kantoren (ochtend)",
        uren_per_week=16,
    )
    Plaats.objects.create(
        gemeente=gemeente,
        werkgever=linde,
        soort=PlaatsSoort.PROEFPLAATSING,
        titel="Medewerker linnenkamer",
        uren_per_week=16,
    )

"""Gemeente Demodam: a fictitious municipality with a realistic caseload.

Everything here is made up. BSNs are drawn from the 9999-range used for test persons,
so they cannot be a real person's number. Loading is idempotent: a second run changes nothing."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.html import escape

from opstap.accounts.models import Gebruiker, Rol
from opstap.beleid.demo import demo_beleid
from opstap.beleid.services import doorrekening_starten
from opstap.bemiddeling.demo import demo_bemiddeling
from opstap.contact.demo import demo_begeleiding, demo_caseload
from opstap.contact.models import Contactpersoon
from opstap.gemeenten.models import Gemeente
from opstap.inkomen.rekendatum import rekendatum
from opstap.klanten.keuzes import DREMPEL_GROEP_VAN, Fase, Huishouden, Trede
from opstap.klanten.models import Drempel, Kind, Klant, Partner, TredeWijziging
from opstap.leernetwerk.demo import demo_leernetwerk
from opstap.privacy.bsn import is_geldig_bsn
from opstap.privacy.crypto import zoekhash
from opstap.vacatures.demo import demo_vacatures
from opstap.verklaringen.demo import demo_inkomsten
from opstap.verklaringen.demo_verrekening import demo_verrekeningen
from opstap.werken.demo import demo_werk
from opstap.werkgevers.models import Gegeven, Toestemming, Vacature, Werkgever
from opstap.werkzoeken.demo import demo_werkzoeken

DEMO_WACHTWOORD = "opstap-demo"  # noqa: S105 -- demo only; production settings refuse demo mode
AANTAL_KLANTEN = 200
# The caseload the product is made for: contactpersoon1 has a full one, the others share the rest.
CASELOAD_CONTACTPERSOON1 = 80

STRATEN = [
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Schoolstraat",
    "Stationsweg",
    "Wilhelminalaan",
    "Beatrixstraat",
    "Julianaplein",
    "Kanaalweg",
    "Eikenlaan",
]
VOORNAMEN = [
    "Anouk",
    "Bram",
    "Chantal",
    "Dewi",
    "Eline",
    "Fatima",
    "Gerrit",
    "Hanna",
    "Ilse",
    "Jeroen",
    "Karim",
    "Lotte",
    "Mehmet",
    "Nadia",
    "Orlando",
    "Petra",
    "Rachid",
    "Sanne",
    "Tamara",
    "Umut",
    "Vera",
    "Wim",
    "Yara",
    "Zoë",
    "Ahmed",
    "Bianca",
    "Cor",
    "Daan",
    "Esra",
    "Fleur",
    "Gijs",
    "Henk",
    "Ingrid",
    "Joyce",
    "Kees",
    "Leila",
    "Marco",
    "Noor",
    "Olga",
    "Priya",
    "Ruud",
    "Samira",
]
ACHTERNAMEN = [
    "Aalders",
    "Brink",
    "Claassen",
    "Dekkers",
    "Evers",
    "Franken",
    "Goossens",
    "Hoekstra",
    "IJzerman",
    "Jonker",
    "Kuipers",
    "Lammers",
    "Mol",
    "Nijland",
    "Oosterhof",
    "Post",
    "Roelofs",
    "Schouten",
    "Timmer",
    "Uiterwijk",
    "Veenstra",
    "Wolters",
    "Yilmaz",
    "Zwart",
    "Bakker",
    "Kaya",
    "Verbeek",
    "Hendriks",
    "Doğan",
    "Smits",
    "Meijer",
    "Bosman",
    "Demir",
    "Vos",
]
CONTACTPERSONEN = [
    ("contactpersoon1", "Marieke", "de Wit", "ma, di en do 9–12 uur", "06-10000001"),
    ("contactpersoon2", "Youssef", "el Amrani", "di, wo en vr 9–16 uur", "06-10000002"),
    ("contactpersoon3", "Ingrid", "Bosch", "ma t/m do 10–15 uur", "06-10000003"),
    ("contactpersoon4", "Thomas", "Vermeulen", "wo en do 9–17 uur", "06-10000004"),
    ("contactpersoon5", "Sevda", "Arslan", "ma, wo en vr 9–13 uur", "06-10000005"),
]
WERKGEVERS = [
    ("Zorgcentrum De Linde", "zorg", False),
    ("Supermarkt Demodam-Noord", "detailhandel", False),
    ("Schoonmaakbedrijf Glans", "schoonmaak", False),
    ("Bakkerij Van Dam", "voeding", False),
    ("Kinderopvang Het Speelhuis", "kinderopvang", False),
    ("Logistiek Centrum Demodam", "logistiek", False),
    ("Hotel De Haven", "horeca", False),
    ("Groenbedrijf Buitenwerk", "groen", False),
    ("Bibliotheek Demodam", "cultuur", False),
    ("Werkpunt Demodam (intern uitzendbureau)", "uitzend", True),
]
FUNCTIES = [
    ("Medewerker huishouding", 12, 24, "14.71", True, False),
    ("Vakkenvuller", 8, 20, "14.90", False, False),
    ("Schoonmaker kantoren", 10, 20, "15.10", False, False),
    ("Verkoopmedewerker bakkerij", 8, 16, "14.71", True, False),
    ("Pedagogisch hulpkracht", 12, 24, "15.60", True, False),
    ("Orderpicker", 16, 32, "15.25", False, True),
    ("Afwasser", 8, 24, "14.71", False, False),
    ("Hovenier", 16, 32, "15.40", False, True),
    ("Baliemedewerker", 8, 16, "15.00", True, False),
    ("Administratief medewerker", 12, 24, "16.20", True, False),
]


def _bsn(rng: random.Random, gebruikt: set[str]) -> str:
    while True:
        kandidaat = "9999" + f"{rng.randrange(100000):05d}"
        if is_geldig_bsn(kandidaat) and kandidaat not in gebruikt:
            gebruikt.add(kandidaat)
            return kandidaat


def _avatar(voornaam: str, achternaam: str, kleur: str) -> str:
    """An illustration in place of a photo. Its text alternative is the person's name (WCAG 1.1.1)."""
    letters = (voornaam[0] + achternaam.split()[-1][0]).upper()
    naam = escape(f"{voornaam} {achternaam}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" role="img" aria-label="{naam}">'
        f"<title>{naam}</title>"
        f'<rect width="96" height="96" fill="{kleur}"/><circle cx="48" cy="38" r="18" fill="#fff" opacity=".9"/>'
        f'<path d="M14 96c4-22 18-32 34-32s30 10 34 32z" fill="#fff" opacity=".9"/>'
        f'<text x="48" y="44" font-size="16" text-anchor="middle" fill="{kleur}" font-family="sans-serif" '
        f'font-weight="700">{letters}</text></svg>'
    )


def _gebruiker(
    gemeente: Gemeente,
    username: str,
    rol: str,
    voornaam: str = "",
    achternaam: str = "",
    *,
    wachtwoord_hash: str,
    **extra: object,
) -> Gebruiker:
    gebruiker = Gebruiker(
        username=username,
        rol=rol,
        gemeente=gemeente,
        first_name=voornaam,
        last_name=achternaam,
        is_demo_account=True,
        email=f"{username}@demodam.example",
        password=wachtwoord_hash,
        **extra,
    )
    gebruiker.save()
    return gebruiker


def _contactpersoon_van(nummer: int, cps: list[Gebruiker]) -> Gebruiker:
    """Clients 1..80 (klant1 and klant2 among them) are contactpersoon1's; the rest take turns."""
    if nummer <= CASELOAD_CONTACTPERSOON1:
        return cps[0]
    return cps[1 + (nummer - CASELOAD_CONTACTPERSOON1 - 1) % (len(cps) - 1)]


@transaction.atomic
def laad_demo(*, aantal_klanten: int = AANTAL_KLANTEN, seed: int = 2026) -> tuple[Gemeente, bool]:
    """Load Gemeente Demodam. Returns (gemeente, newly_loaded)."""
    bestaand = Gemeente.objects.filter(slug="demodam").first()
    if bestaand is not None:
        return bestaand, False
    rng = random.Random(seed)
    vandaag = date.today()
    # One hash for the one public demo password: argon2 is slow on purpose (half a second a go),
    # and eleven of them were two thirds of the loading time.
    wachtwoord_hash = make_password(DEMO_WACHTWOORD)
    gemeente = Gemeente.objects.create(
        naam="Gemeente Demodam",
        slug="demodam",
        cbs_code="GM9999",
        regels_code="demodam",
        is_demo=True,
    )

    cps = []
    kleuren = ["#154273", "#1e6b34", "#8a3b12", "#5b2a86", "#0b5563"]
    for (username, voornaam, achternaam, bereikbaar, tel), kleur in zip(
        CONTACTPERSONEN, kleuren, strict=True
    ):
        cp = _gebruiker(
            gemeente,
            username,
            Rol.CONTACTPERSOON,
            voornaam,
            achternaam,
            wachtwoord_hash=wachtwoord_hash,
        )
        Contactpersoon.objects.create(
            gebruiker=cp,
            foto_svg=_avatar(voornaam, achternaam, kleur),
            telefoon_direct=tel,
            bereikbaar=bereikbaar,
            introductie=f"Ik ben {voornaam}. Ik help je bij de stap naar werk die bij jou past. "
            "Stuur me gerust een bericht als je iets wilt vragen.",
        )
        cps.append(cp)
    _gebruiker(
        gemeente,
        "inkomen1",
        Rol.INKOMENSCONSULENT,
        "Petra",
        "Lindeman",
        wachtwoord_hash=wachtwoord_hash,
    )
    beleid = _gebruiker(
        gemeente,
        "beleid1",
        Rol.BELEIDSMEDEWERKER,
        "Arjen",
        "Koster",
        wachtwoord_hash=wachtwoord_hash,
    )
    _gebruiker(
        gemeente, "beheer1", Rol.BEHEERDER, "Fenna", "Dijkstra", wachtwoord_hash=wachtwoord_hash
    )

    werkgevers = [
        Werkgever.objects.create(
            gemeente=gemeente,
            naam=naam,
            sector=sector,
            plaats="Demodam",
            is_intern_uitzendbureau=intern,
        )
        for naam, sector, intern in WERKGEVERS
    ]
    _gebruiker(
        gemeente,
        "werkgever1",
        Rol.WERKGEVER,
        "Jan",
        "van Dam",
        wachtwoord_hash=wachtwoord_hash,
        werkgever=werkgevers[0],
    )
    vacatures = []
    for i in range(40):
        titel, uren_min, uren_max, loon, schooltijd, zwaar = FUNCTIES[i % len(FUNCTIES)]
        werkgever = werkgevers[i % len(werkgevers)]
        vacatures.append(
            Vacature.objects.create(
                gemeente=gemeente,
                werkgever=werkgever,
                titel=titel,
                omschrijving=f"{titel} bij {werkgever.naam}. Parttime kan. We leren je het werk.",
                uren_per_week_min=uren_min,
                uren_per_week_max=uren_max,
                bruto_uurloon=Decimal(loon),
                binnen_schooltijden=schooltijd,
                fysiek_zwaar=zwaar,
                bereikbaar_zonder_auto=rng.random() < 0.8,
                taalniveau=rng.choice(["A2", "B1", "B1", "B2"]),
                geplaatst_op=vandaag - timedelta(days=rng.randrange(60)),
            )
        )

    gebruikte_bsns: set[str] = set()
    drempelsoorten = list(DREMPEL_GROEP_VAN)
    for nummer in range(1, aantal_klanten + 1):
        huishouden = rng.choices(list(Huishouden), weights=[55, 25, 20])[0]
        leeftijd = rng.randint(22, 64)
        geboortedatum = vandaag.replace(year=vandaag.year - leeftijd) - timedelta(
            days=rng.randrange(1, 360)
        )
        voornaam = rng.choice(VOORNAMEN)
        trede = rng.choices(
            Trede.values, weights=[2, 2, 2, 2, 3, 2, 3, 3, 6, 4, 4, 4, 10, 10, 3, 2, 8, 1, 2, 1, 1]
        )[0]
        contactpersoon = _contactpersoon_van(nummer, cps)
        fase = (
            Fase.PARTTIME
            if trede == "5.2"
            else rng.choice([Fase.GESPREK, Fase.WERK_ZOEKEN, Fase.SOLLICITEREN, Fase.WERK_ZOEKEN])
        )
        bsn = _bsn(rng, gebruikte_bsns)
        klant = Klant.objects.create(
            gemeente=gemeente,
            bsn_versleuteld=bsn,
            bsn_zoekhash=zoekhash(bsn),
            voorletters=voornaam[0] + ".",
            roepnaam=voornaam,
            achternaam=rng.choice(ACHTERNAMEN),
            geboortedatum=geboortedatum,
            postcode=f"{rng.randint(9900, 9999)} {rng.choice(['AA', 'AB', 'BC', 'DE', 'XY'])}",
            huisnummer=str(rng.randint(1, 250)),
            huishouden=huishouden,
            straat=STRATEN[nummer % len(STRATEN)],
            woonplaats="Demodam",
            kostendelers=rng.choices([0, 1, 2], weights=[85, 12, 3])[0]
            if huishouden != Huishouden.GEHUWD
            else 0,
            kale_huur=Decimal(rng.randrange(450, 900)),
            servicekosten=Decimal(rng.randrange(0, 60)),
            vermogen=Decimal(rng.randrange(0, 4000)),
            trede=trede,
            fase=fase,
            contactpersoon=contactpersoon,
            vrijlating_maanden_gebruikt=rng.randint(0, 6) if trede == "5.2" else 0,
            bijstand_sinds=vandaag - timedelta(days=rng.randrange(60, 3650)),
            email=f"klant{nummer}@voorbeeld.example",
        )
        if huishouden == Huishouden.GEHUWD:
            Partner.objects.create(
                klant=klant,
                geboortedatum=geboortedatum - timedelta(days=rng.randrange(-2000, 2000)),
            )
        if huishouden == Huishouden.ALLEENSTAANDE_OUDER or (
            huishouden == Huishouden.GEHUWD and rng.random() < 0.5
        ):
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                kind_leeftijd = rng.randint(0, min(17, leeftijd - 19))
                Kind.objects.create(
                    klant=klant,
                    geboortedatum=vandaag.replace(year=vandaag.year - kind_leeftijd)
                    - timedelta(days=rng.randrange(1, 360)),
                )
        for soort in rng.sample(drempelsoorten, rng.randint(0, 4)):
            Drempel.objects.create(klant=klant, soort=soort, eerst_aanpakken=rng.random() < 0.3)
        TredeWijziging.objects.create(
            klant=klant,
            trede=trede,
            datum=klant.bijstand_sinds or vandaag,
            toelichting="Startsituatie",
        )
        if nummer <= 2:
            klant.gebruiker = _gebruiker(
                gemeente,
                f"klant{nummer}",
                Rol.KLANT,
                voornaam,
                klant.achternaam,
                wachtwoord_hash=wachtwoord_hash,
            )
            klant.save(update_fields=["gebruiker"])
        if nummer in (3, 8):  # two candidates who chose to share a little with the first employer
            Toestemming.objects.create(
                klant=klant,
                werkgever=werkgevers[0],
                vacature=vacatures[0],
                gegevens=[Gegeven.NAAM, Gegeven.BESCHIKBAARHEID, Gegeven.KWALITEITEN],
            )
    demo_begeleiding(gemeente)
    demo_caseload(gemeente, rng)
    demo_inkomsten(gemeente)  # D3: part-timers with income declarations, a paper client, a reminder
    demo_verrekeningen(gemeente)  # D4: the income desk's queue and klant1's settlement
    demo_werk(gemeente)  # part-time work: jobs, contracts to check, check-ins (werken/demo.py)
    demo_beleid(gemeente)  # approach, jobs, outflow and falling back: history for /beleid/
    demo_werkzoeken(gemeente)
    demo_bemiddeling(gemeente, rng)
    demo_vacatures(gemeente)  # criteria, places, client constraints: matches on /mijn/vacatures/
    demo_leernetwerk(gemeente)
    # One finished recalculation with a policy variant beside today's rules, for beleid1.
    doorrekening_starten(
        door=beleid,
        gemeente=gemeente,
        peildatum=rekendatum(vandaag).datum,
        variant_naam="Vrijlating 35% in plaats van 25%",
        variant_parameters={"participatiewet.inkomensvrijlating.n_percentage": 35},
    )
    return gemeente, True

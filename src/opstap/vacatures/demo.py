"""Demo data for matching: the demo vacancies get criteria and a place, the demo clients their
constraints, wishes and a home location. Fictitious: the places are real coordinates of a Dutch
region (around Delfzijl and Appingedam, where the 99xx postcodes are), the employers and people
are made up. Its own random generator, so the rest of the demo stays exactly as it was."""

import random

from opstap.accounts.models import Gebruiker, Rol
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant
from opstap.werkgevers.models import Vacature, Werkgever

# The middle of Demodam, and the villages around it (fictitious names, real-looking distances).
MIDDEN = (53.3190, 6.8760)
PLAATSEN = [
    ("Demodam", 0.0, 0.0),
    ("Demodam", 0.012, -0.020),
    ("Demodam", -0.010, 0.015),
    ("Noorderhaven", 0.020, 0.060),
    ("Westerwold", -0.015, -0.090),
    ("Zuiderbroek", -0.110, -0.050),
    ("Oosterveen", 0.060, 0.180),
]
STRATEN = ["Havenweg", "Marktplein", "Industrieweg", "Schoolstraat", "Zorglaan", "Dijkweg"]

# Per demo function (laden.FUNCTIES, by title): occupation, skills, evening/weekend work.
CRITERIA = {
    "Medewerker huishouding": (
        "huishoudelijk werk",
        ["schoonmaken", "zorgzaam", "zelfstandig"],
        False,
    ),
    "Vakkenvuller": ("winkelmedewerker", ["vakken vullen", "netjes werken", "tillen"], True),
    "Schoonmaker kantoren": ("schoonmaker", ["schoonmaken", "zelfstandig"], True),
    "Verkoopmedewerker bakkerij": ("verkoper", ["klantcontact", "kassa", "brood"], False),
    "Pedagogisch hulpkracht": ("kinderopvang", ["kinderen", "geduld", "zorgzaam"], False),
    "Orderpicker": ("magazijnmedewerker", ["tillen", "scanner", "netjes werken"], True),
    "Afwasser": ("keukenhulp", ["afwassen", "koken", "snel werken"], True),
    "Hovenier": ("hovenier", ["buiten werken", "tuinieren", "tillen"], False),
    "Baliemedewerker": ("baliemedewerker", ["klantcontact", "computer", "vriendelijk"], False),
    "Administratief medewerker": (
        "administratief medewerker",
        ["computer", "rekenen", "plannen"],
        False,
    ),
}
BEROEPEN = sorted({b for b, _, _ in CRITERIA.values()})
VAARDIGHEDEN = sorted({v for _, vs, _ in CRITERIA.values() for v in vs})
INTERESSES = [
    "mensen helpen",
    "buiten werken",
    "koken",
    "kinderen",
    "winkel",
    "computer",
    "tuinieren",
]


def _plek(rng: random.Random, spreiding: float = 0.02) -> tuple[str, float, float]:
    naam, dlat, dlon = rng.choice(PLAATSEN)
    lat = MIDDEN[0] + dlat + rng.uniform(-spreiding, spreiding)
    lon = MIDDEN[1] + dlon + rng.uniform(-spreiding, spreiding) * 1.6
    return naam, round(lat, 5), round(lon, 5)


def demo_vacatures(gemeente: Gemeente, *, seed: int = 11) -> None:
    rng = random.Random(seed)  # noqa: S311 -- reproducible demo data, not crypto
    for i, vacature in enumerate(Vacature.objects.filter(gemeente=gemeente).order_by("id")):
        beroep, vaardigheden, avond = CRITERIA.get(vacature.titel, ("", [], False))
        plaats, lat, lon = _plek(rng)
        vacature.beroep = beroep
        vacature.vaardigheden = vaardigheden
        vacature.avond_weekend = avond and not vacature.binnen_schooltijden
        vacature.parttime_mogelijk = i % 7 != 3
        vacature.adres = f"{rng.choice(STRATEN)} {rng.randint(1, 80)}"
        vacature.postcode = f"99{rng.randint(10, 40)} {rng.choice(['AB', 'CD', 'EF'])}"
        vacature.plaats = plaats
        vacature.breedtegraad, vacature.lengtegraad = lat, lon
        vacature.save()
    for i, klant in enumerate(Klant.objects.filter(gemeente=gemeente).order_by("id")):
        _, lat, lon = _plek(rng, spreiding=0.03)
        klant.breedtegraad, klant.lengtegraad = lat, lon
        klant.alleen_schooltijden = klant.huishouden == "alleenstaande_ouder" or rng.random() < 0.15
        klant.heeft_auto = rng.random() < 0.25
        klant.fysiek_beperkt = rng.random() < 0.2
        klant.max_uren_per_week = rng.choice([None, 12, 16, 20, 24, 32])
        klant.gewenste_beroepen = rng.sample(BEROEPEN, rng.randint(0, 2))
        klant.vaardigheden = rng.sample(VAARDIGHEDEN, rng.randint(1, 4))
        klant.interesses = rng.sample(INTERESSES, rng.randint(0, 2))
        klant.ervaring = rng.sample(BEROEPEN, rng.randint(0, 1))
        klant.mogelijke_beroepen = rng.sample(BEROEPEN, 3) if i % 3 == 0 else []
        if klant.gebruiker is not None and klant.gebruiker.username == "klant1":
            # The demo's first client: a parent within school hours, no car, no heavy work.
            klant.alleen_schooltijden = True
            klant.heeft_auto = False
            klant.fysiek_beperkt = True
            klant.max_uren_per_week = 20
            klant.gewenste_beroepen = ["verkoper"]
            klant.mogelijke_beroepen = ["verkoper", "baliemedewerker", "kinderopvang"]
            klant.vaardigheden = ["klantcontact", "kassa", "zorgzaam"]
            klant.interesses = ["mensen helpen", "kinderen"]
            klant.ervaring = ["kinderopvang"]
        klant.save()
    _uitzendbureau(gemeente)


def _uitzendbureau(gemeente: Gemeente) -> None:
    """A login for the municipal temp agency: every vacancy in the city, and how many fit."""
    bureau = Werkgever.objects.filter(gemeente=gemeente, is_intern_uitzendbureau=True).first()
    voorbeeld = Gebruiker.objects.filter(gemeente=gemeente, rol=Rol.WERKGEVER).first()
    if bureau is None or voorbeeld is None:
        return
    if not Gebruiker.objects.filter(username="uitzend1").exists():
        Gebruiker.objects.create(
            username="uitzend1",
            password=voorbeeld.password,  # the same demo password (already hashed)
            rol=Rol.WERKGEVER,
            gemeente=gemeente,
            werkgever=bureau,
            first_name="Sara",
            last_name="Veenstra",
            is_demo_account=True,
            email="uitzend1@demodam.example",
        )

"""Fixed lists of the domain: household types, the trede ladder, journey phases, barriers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Huishouden(models.TextChoices):
    ALLEENSTAANDE = "alleenstaande", _("Alleenstaande")
    ALLEENSTAANDE_OUDER = "alleenstaande_ouder", _("Alleenstaande ouder")
    GEHUWD = "gehuwd", _("Gehuwd of samenwonend")


class Trede(models.TextChoices):
    """The participation ladder as used by Almere (seed 003, bijlage 1)."""

    T1_0 = "1.0", _("1.0 Zorg/Hulpverlening")
    T1_1 = "1.1", _("1.1 Heeft inkomenszekerheid/maakt gebruik van noodzakelijke hulpverlening")
    T1_2 = "1.2", _("1.2 Is in contact met netwerk zorg en welzijn")
    T1_4 = "1.4", _("1.4 Neemt deel aan een vorm van dagbesteding")
    T2_0 = "2.0", _("2.0 Sociale activering")
    T2_1 = "2.1", _("2.1 Verricht mantelzorg")
    T2_2 = "2.2", _("2.2 Volgt activeringstraject gericht op educatie")
    T2_3 = "2.3", _("2.3 Doet onbetaald werk in de wijk of vrijwilligerswerk")
    T3_0 = "3.0", _("3.0 Arbeidsactivering")
    T3_1 = "3.1", _("3.1 Heeft vakgerichte stage doorlopen")
    T3_2 = "3.2", _("3.2 Heeft basale vaardigheden door stage")
    T3_3 = "3.3", _("3.3 Heeft opleiding met arbeidscomponent afgerond")
    T4_0 = "4.0", _("4.0 Arbeidstoeleiding")
    T4_1 = "4.1", _("4.1 Heeft voldoende sollicitatievaardigheden")
    T5_0 = "5.0", _("5.0 Regulier werk met ondersteuning")
    T5_1 = "5.1", _("5.1 Werkt met loonkostensubsidie")
    T5_2 = "5.2", _("5.2 Werkt parttime met aanvullende uitkering")
    T5_3 = "5.3", _("5.3 Heeft een Wsw-dienstbetrekking")
    T6_0 = "6.0", _("6.0 Regulier werk zonder ondersteuning")
    T6_1 = "6.1", _("6.1 Heeft een betaalde leerwerkbaan")
    T6_2 = "6.2", _("6.2 Werkt als zelfstandige")


TREDE_GROEP = {
    "1": _("Zorg en hulpverlening"),
    "2": _("Sociale activering"),
    "3": _("Arbeidsactivering"),
    "4": _("Arbeidstoeleiding"),
    "5": _("Regulier werk met ondersteuning"),
    "6": _("Regulier werk zonder ondersteuning"),
}


class Fase(models.TextChoices):
    """The phases of the journey study (seed 000)."""

    GESPREK = "gesprek", _("Gesprek en voorzieningen")
    WERK_ZOEKEN = "werk_zoeken", _("Werk zoeken")
    SOLLICITEREN = "solliciteren", _("Solliciteren")
    BAAN = "baan", _("Baan")
    PARTTIME = "parttime", _("Parttime werken")
    DOORSTROMEN = "doorstromen", _("Doorstromen")


class DrempelGroep(models.TextChoices):
    MIDDELEN = "middelen", _("Middelen")
    GEDRAG = "gedrag", _("Gedrag")
    CONTEXT = "context", _("Context")


class DrempelSoort(models.TextChoices):
    # middelen (seed 000: concrete means that block the search)
    KINDEROPVANG = "kinderopvang", _("Kinderopvang of zorgtaken")
    BEPERKING = "beperking", _("Lichamelijke of psychische beperking")
    OPLEIDING = "opleiding", _("Verouderde opleiding")
    SCHULDEN = "schulden", _("Schulden")
    VERVOER = "vervoer", _("Geen vervoer")
    DIGITAAL = "digitaal", _("Geen computer of digitale vaardigheden")
    TAAL = "taal", _("Taal")
    # gedrag (seed 000, Metas dimensions)
    ZOEKVAARDIGHEDEN = "zoekvaardigheden", _("Vaardigheden om werk te zoeken")
    VOORBEREIDING = "voorbereiding", _("Voorbereiding en initiatief")
    WERKNEMERSVAARDIGHEDEN = "werknemersvaardigheden", _("Werknemersvaardigheden")
    HOUDING = "houding", _("Houding")
    ZOEKINTENSITEIT = "zoekintensiteit", _("Zoekintensiteit")
    VERTROUWEN = "vertrouwen", _("Zelfvertrouwen")
    ACCEPTATIE = "acceptatie", _("Acceptatie van de situatie")
    # context (seed 000: often not solvable, but can be worked around)
    LEEFTIJD = "leeftijd", _("Leeftijd")
    LANG_ZONDER_WERK = "lang_zonder_werk", _("Lang zonder werk")
    GEZINSSITUATIE = "gezinssituatie", _("Gezinssituatie")
    WOONSITUATIE = "woonsituatie", _("Woonsituatie")
    NETWERK = "netwerk", _("Klein netwerk")


DREMPEL_GROEP_VAN = {
    **dict.fromkeys(
        ["kinderopvang", "beperking", "opleiding", "schulden", "vervoer", "digitaal", "taal"],
        DrempelGroep.MIDDELEN,
    ),
    **dict.fromkeys(
        [
            "zoekvaardigheden",
            "voorbereiding",
            "werknemersvaardigheden",
            "houding",
            "zoekintensiteit",
            "vertrouwen",
            "acceptatie",
        ],
        DrempelGroep.GEDRAG,
    ),
    **dict.fromkeys(
        ["leeftijd", "lang_zonder_werk", "gezinssituatie", "woonsituatie", "netwerk"],
        DrempelGroep.CONTEXT,
    ),
}

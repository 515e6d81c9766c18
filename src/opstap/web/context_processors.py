from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opstap.accounts.middleware import tweestaps_overgeslagen
from opstap.accounts.models import Rol
from opstap.inkomen.rekendatum import rekendatum

# The menu of each role's area: (label, url name).
MENU: dict[str, list[tuple[Any, str]]] = {
    Rol.KLANT: [
        (_("Overzicht"), "mijn:start"),
        (_("Berichten"), "mijn:berichten"),
        (_("Gesprekken"), "mijn:verslagen"),
        (_("Stappenplan"), "mijn:stappenplan"),
        (_("Regelingen"), "mijn:regelingen"),
        (_("Vragen"), "mijn:hulp"),
        (_("Werk en inkomen"), "mijn:inkomen"),
        (_("Inkomsten doorgeven"), "mijn:inkomsten"),
        (_("Verrekening"), "mijn:verrekening"),
        (_("Mijn werk"), "mijn:werk"),
        (_("Werk zoeken"), "mijn:werkzoeken"),
        (_("Vacatures"), "mijn:vacatures"),
        (_("Ervaringen delen"), "mijn:leernetwerk"),
        (_("Wie keek in mijn dossier"), "mijn:inzages"),
    ],
    Rol.CONTACTPERSOON: [
        (_("Mijn klanten"), "werk:caseload"),
        (_("Contracten"), "werk:contracten"),
        (_("Nakijken"), "werk:werkzoeken-controles"),
        (_("Regelingen"), "werk:voorzieningen"),
        (_("Vacatures"), "werk:vacatures"),
        (_("Mijn profiel"), "werk:profiel"),
        (_("Leernetwerk"), "werk:leernetwerk"),
    ],
    Rol.INKOMENSCONSULENT: [
        (_("Inkomstenverklaringen"), "werk:inkomsten"),
        (_("Papieren formulieren"), "inkomen_papier:papier"),
    ],
    Rol.WERKGEVER: [
        (_("Overzicht"), "werkgever:start"),
        (_("Vacatures"), "werkgever:vacatures"),
        (_("Regelingen"), "werkgever:regelingen"),
    ],
    Rol.BELEIDSMEDEWERKER: [
        (_("Overzicht"), "beleid:start"),
        (_("Doorrekenen"), "beleid:doorrekeningen"),
        (_("Trends"), "beleid:trends"),
        (_("Besparing"), "beleid:besparing"),
        (_("Effectiviteit"), "beleid:effectiviteit"),
        (_("Leernetwerk"), "werk:leernetwerk"),
    ],
    Rol.BEHEERDER: [
        (_("Overzicht"), "beheer:start"),
        (_("Klanten importeren"), "beheer:import"),
        (_("Contactpersonen"), "beheer:contactpersonen"),
    ],
}


def opstap(request: HttpRequest) -> dict[str, Any]:
    gebruiker = getattr(request, "user", None)
    ingelogd = bool(gebruiker is not None and gebruiker.is_authenticated)
    menu = []
    if ingelogd:
        menu = [
            (label, reverse(naam)) for label, naam in MENU.get(getattr(gebruiker, "rol", ""), [])
        ]
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "tweestaps_overgeslagen": ingelogd and tweestaps_overgeslagen(request),
        "menu": menu,
        "gemeente": getattr(gebruiker, "gemeente", None) if ingelogd else None,
        # Today's date for the rules engine; a page that computes includes inkomen/_voorlopig.html,
        # which says so when the engine does not know this year's amounts yet. A page computing a
        # given month passes its own `rekendatum`.
        "rekendatum": rekendatum(),
    }


# Mediation with employers (bemiddeling): consent for the client, proposals for the contact person,
# candidates for the employer.
MENU[Rol.KLANT].insert(-1, (_("Werkgevers"), "mijn:toestemmingen"))
MENU[Rol.CONTACTPERSOON].insert(1, (_("Voorstellen aan werkgevers"), "werk:voorstellen"))
MENU[Rol.WERKGEVER].append((_("Kandidaten"), "kandidaten:lijst"))

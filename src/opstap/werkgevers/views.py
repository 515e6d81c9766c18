from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.bemiddeling.selectors import kandidaten_voor
from opstap.bemiddeling.views_werkgever import leesdoel
from opstap.privacy.services import inzages_bij_lijst

from .selectors import vacatures_van


@rol_vereist(Rol.WERKGEVER)
def start(request: HttpRequest) -> HttpResponse:
    """The employer's start: candidates with the values they chose to share (bemiddeling decides
    what that is), and the vacancies."""
    gebruiker = gebruiker_van(request)
    kandidaten = kandidaten_voor(gebruiker)
    inzages_bij_lijst(
        request,
        [k.toestemming.klant for k in kandidaten],
        "gedeeld met werkgever",
        leesdoel(gebruiker),
    )
    return render(
        request,
        "werkgevers/start.html",
        {
            "werkgever": gebruiker.werkgever,
            "vacatures": vacatures_van(gebruiker),
            "kandidaten": kandidaten,
        },
    )

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from opstap.accounts.models import Rol
from opstap.accounts.rollen import rol_vereist
from opstap.privacy.services import inzages_bij_lijst

from .models import Gegeven
from .selectors import gedeelde_kandidaten, vacatures_van


@rol_vereist(Rol.WERKGEVER)
def start(request: HttpRequest) -> HttpResponse:
    kandidaten = []
    toestemmingen = list(gedeelde_kandidaten(request.user))  # type: ignore[arg-type]
    inzages_bij_lijst(
        request,
        [t.klant for t in toestemmingen],
        "gedeeld met werkgever",
        "Werkgever bekeek wat je met toestemming deelde",
    )
    for toestemming in toestemmingen:
        gedeeld = set(toestemming.gegevens)
        kandidaten.append(
            {
                "naam": toestemming.klant.naam if Gegeven.NAAM in gedeeld else "Kandidaat",
                "vacature": toestemming.vacature,
                "contact": (toestemming.klant.email, toestemming.klant.telefoon)
                if Gegeven.CONTACT in gedeeld
                else None,
                "gegevens": [Gegeven(g).label for g in toestemming.gegevens],
            }
        )
    return render(
        request,
        "werkgevers/start.html",
        {
            "werkgever": request.user.werkgever,  # type: ignore[union-attr]
            "vacatures": vacatures_van(request.user),  # type: ignore[arg-type]
            "kandidaten": kandidaten,
        },
    )

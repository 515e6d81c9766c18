"""The client's visual settlement (D4): /mijn/inkomsten/verrekening/."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import eigen_klant
from opstap.privacy.services import inzage_bij_verzoek

from .overzicht import DELEN, maanden_van, wachtende_maanden


@rol_vereist(Rol.KLANT)
def mijn_verrekening(request: HttpRequest) -> HttpResponse:
    klant = eigen_klant(gebruiker_van(request))
    if klant is None:
        return render(request, "fouten/404.html", status=404)
    inzage_bij_verzoek(
        request, klant, "inkomstenverklaringen", "Je bekeek je verrekening per maand"
    )
    return render(
        request,
        "verklaringen/mijn_verrekening.html",
        {
            "klant": klant,
            "maanden": maanden_van(klant),
            "wachtend": wachtende_maanden(klant),
            "kleuren": dict(DELEN),
        },
    )

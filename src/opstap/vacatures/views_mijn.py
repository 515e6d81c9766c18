"""The client's vacancies (C3): matched to what I can, with reasons, one tap to my money."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import eigen_klant, eis, mag_werkwensen_bijwerken, zichtbare_vacatures
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek

from .forms import WerkwensenFormulier
from .selectors import beoordeling, passende_vacatures, wensen_begin
from .services import werkwensen_opslaan


def _klant(request: HttpRequest) -> Klant | None:
    return eigen_klant(gebruiker_van(request))


@rol_vereist(Rol.KLANT)
def mijn_vacatures(request: HttpRequest) -> HttpResponse:
    klant = _klant(request)
    if klant is None:
        return render(request, "fouten/404.html", status=404)
    matches = passende_vacatures(klant)
    inzage_bij_verzoek(request, klant, "werkwensen", "Je bekeek de vacatures die bij je passen")
    return render(
        request,
        "vacatures/mijn/vacatures.html",
        {"klant": klant, "matches": matches, "zonder_plek": klant.breedtegraad is None},
    )


@rol_vereist(Rol.KLANT)
def mijn_vacature(request: HttpRequest, vacature_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    if klant is None:
        return render(request, "fouten/404.html", status=404)
    vacature = get_object_or_404(
        zichtbare_vacatures(gebruiker).select_related("werkgever"), pk=vacature_pk
    )
    bezwaren, redenen, regelen = beoordeling(klant, vacature)
    inzage_bij_verzoek(request, klant, "werkwensen", "Je bekeek of een vacature bij je past")
    return render(
        request,
        "vacatures/mijn/vacature.html",
        {
            "klant": klant,
            "vacature": vacature,
            "bezwaren": bezwaren,
            "redenen": redenen,
            "regelen": regelen,
            "inkomen_url": f"{reverse('mijn:inkomen')}?vacature={vacature.pk}",
        },
    )


@rol_vereist(Rol.KLANT)
def mijn_werkwensen(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    if klant is None:
        return render(request, "fouten/404.html", status=404)
    form = WerkwensenFormulier(request.POST or None, initial=wensen_begin(klant))
    if request.method == "POST":
        eis(mag_werkwensen_bijwerken(gebruiker, klant))
        if form.is_valid():
            gegevens = dict(form.cleaned_data)
            adres_opzoeken = bool(gegevens.pop("adres_opzoeken", False))
            melding = werkwensen_opslaan(
                klant=klant, gegevens=gegevens, door=gebruiker, adres_opzoeken=adres_opzoeken
            )
            inzage_bij_verzoek(
                request, klant, "werkwensen", "Je paste je werkwensen aan", actie=Actie.WIJZIGEN
            )
            messages.success(request, _("Je wensen zijn bewaard. De vacatures passen zich aan."))
            if melding:
                messages.warning(request, melding)
            return redirect("mijn:vacatures")
    inzage_bij_verzoek(request, klant, "werkwensen", "Je bekeek je werkwensen")
    return render(
        request,
        "vacatures/mijn/werkwensen.html",
        {"klant": klant, "form": form},
        status=400 if form.errors else 200,
    )

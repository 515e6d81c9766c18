"""The contact person's side: a client's matches and work wishes, and who in my caseload fits a
vacancy (to talk it through with the client, who consents before any employer sees them)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import (
    begeleide_klanten,
    eis,
    mag_mogelijke_beroepen_bijwerken,
    mag_werkwensen_bijwerken,
    zichtbare_vacatures,
)
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst

from .forms import WerkwensenFormulier
from .selectors import passende_klanten, passende_vacatures, wensen_begin
from .services import werkwensen_opslaan


@rol_vereist(Rol.CONTACTPERSOON)
def klant_vacatures(request: HttpRequest, klant_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    klant = get_object_or_404(begeleide_klanten(gebruiker), pk=klant_pk)
    form = WerkwensenFormulier(
        request.POST or None, initial=wensen_begin(klant), als_contactpersoon=True
    )
    if request.method == "POST":
        eis(mag_werkwensen_bijwerken(gebruiker, klant))
        if form.is_valid():
            gegevens = dict(form.cleaned_data)
            adres_opzoeken = bool(gegevens.pop("adres_opzoeken", False))
            if not mag_mogelijke_beroepen_bijwerken(gebruiker, klant):
                gegevens.pop("mogelijke_beroepen", None)
            melding = werkwensen_opslaan(
                klant=klant, gegevens=gegevens, door=gebruiker, adres_opzoeken=adres_opzoeken
            )
            inzage_bij_verzoek(
                request,
                klant,
                "werkwensen",
                "Begeleiding: werkwensen en mogelijke beroepen aangepast",
                actie=Actie.WIJZIGEN,
            )
            messages.success(request, _("De werkwensen zijn bewaard."))
            if melding:
                messages.warning(request, melding)
            return redirect("werk:klant-vacatures", klant_pk=klant.pk)
    matches = passende_vacatures(klant)
    inzage_bij_verzoek(
        request, klant, "werkwensen", "Begeleiding: passende vacatures en werkwensen bekeken"
    )
    return render(
        request,
        "vacatures/werk/klant_vacatures.html",
        {"klant": klant, "form": form, "matches": matches},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.CONTACTPERSOON)
def vacature_kandidaten(request: HttpRequest, vacature_pk: int) -> HttpResponse:
    """A vacancy and the clients of my caseload it fits, with the reasons."""
    gebruiker = gebruiker_van(request)
    vacature = get_object_or_404(
        zichtbare_vacatures(gebruiker).select_related("werkgever"), pk=vacature_pk
    )
    matches = passende_klanten(vacature, begeleide_klanten(gebruiker))[:50]
    inzages_bij_lijst(
        request,
        [m.klant for m in matches],
        "werkwensen",
        "Begeleiding: je stond in de lijst van klanten bij wie een vacature past",
    )
    return render(
        request, "vacatures/werk/vacature.html", {"vacature": vacature, "matches": matches}
    )


@rol_vereist(Rol.CONTACTPERSOON)
def vacatures(request: HttpRequest) -> HttpResponse:
    """All open vacancies of the municipality; each opens the clients it fits."""
    lijst = zichtbare_vacatures(gebruiker_van(request)).select_related("werkgever")[:200]
    return render(request, "vacatures/werk/vacatures.html", {"vacatures": lijst})

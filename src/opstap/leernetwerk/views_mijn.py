"""The client's side of the learning network (/mijn/leernetwerk/): write an experience, see
exactly what will be shared, change it, send it, and withdraw it later."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import eigen_bijdragen, eigen_klant, eis, mag_bijdrage_schrijven
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek

from . import services
from .forms import BijdrageFormulier, VersturenFormulier
from .models import Status


def _fouten_naar_formulier(form: object, fout: ValidationError) -> None:
    velden = getattr(form, "fields", {})
    if hasattr(fout, "error_dict"):
        for veld, meldingen in fout.message_dict.items():
            form.add_error(veld if veld in velden else None, meldingen)  # type: ignore[attr-defined]
    else:
        form.add_error(None, fout.messages)  # type: ignore[attr-defined]


@rol_vereist(Rol.KLANT)
def mijn_leernetwerk(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    klant = eigen_klant(gebruiker)
    if klant is None:
        return render(request, "fouten/404.html", status=404)
    form = BijdrageFormulier(request.POST or None)
    if request.method == "POST":
        eis(mag_bijdrage_schrijven(gebruiker, klant))
        if form.is_valid():
            try:
                bijdrage = services.bijdrage_aanmaken(
                    klant=klant,
                    onderwerp=form.cleaned_data["onderwerp"],
                    tekst=form.cleaned_data["tekst"],
                    in_plaats_van_sollicitatie=form.cleaned_data["in_plaats_van_sollicitatie"],
                )
            except ValidationError as fout:
                _fouten_naar_formulier(form, fout)
            else:
                inzage_bij_verzoek(
                    request, klant, "leernetwerk", "Je schreef een ervaring", actie=Actie.AANMAKEN
                )
                return redirect("mijn:leernetwerk_bijdrage", bijdrage_pk=bijdrage.pk)
    bijdragen = list(eigen_bijdragen(gebruiker))
    inzage_bij_verzoek(request, klant, "leernetwerk", "Je bekeek je ervaringen")
    return render(
        request,
        "leernetwerk/mijn_leernetwerk.html",
        {"form": form, "bijdragen": bijdragen},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def mijn_bijdrage(request: HttpRequest, bijdrage_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    bijdrage = get_object_or_404(eigen_bijdragen(gebruiker), pk=bijdrage_pk)
    klant = bijdrage.klant
    kan_versturen = bijdrage.status in (Status.CONCEPT, Status.TERUGGESTUURD)
    form = VersturenFormulier(
        request.POST if request.POST.get("actie") == "versturen" else None,
        initial={"gedeelde_tekst": bijdrage.gedeelde_tekst},
    )
    if request.method == "POST":
        eis(mag_bijdrage_schrijven(gebruiker, klant))
        actie = request.POST.get("actie")
        if actie == "intrekken" and bijdrage.status != Status.INGETROKKEN:
            services.bijdrage_intrekken(bijdrage)
            inzage_bij_verzoek(
                request, klant, "leernetwerk", "Je trok een ervaring in", actie=Actie.WIJZIGEN
            )
            messages.success(request, _("Je ervaring is ingetrokken. Niemand kan hem nog lezen."))
            return redirect("mijn:leernetwerk")
        if actie == "versturen" and kan_versturen and form.is_valid():
            try:
                verstuurd = services.bijdrage_versturen(
                    bijdrage, form.cleaned_data["gedeelde_tekst"]
                )
            except ValidationError as fout:
                _fouten_naar_formulier(form, fout)
            else:
                inzage_bij_verzoek(
                    request,
                    klant,
                    "leernetwerk",
                    "Je verstuurde een ervaring",
                    actie=Actie.WIJZIGEN,
                )
                if verstuurd:
                    messages.success(
                        request,
                        _("Dank je wel! Je ervaring is verstuurd. Iemand kijkt hem nog na."),
                    )
                else:
                    messages.info(
                        request,
                        _(
                            "In je aanpassing stond nog een naam, adres of nummer. Die is eruit gehaald. Kijk de tekst nog een keer na en verstuur hem dan."
                        ),
                    )
                return redirect("mijn:leernetwerk_bijdrage", bijdrage_pk=bijdrage.pk)
    inzage_bij_verzoek(request, klant, "leernetwerk", "Je bekeek je ervaring")
    return render(
        request,
        "leernetwerk/mijn_bijdrage.html",
        {
            "bijdrage": bijdrage,
            "form": form,
            "kan_versturen": kan_versturen,
            "bewaar_dagen": services.bewaar_dagen(bijdrage.gemeente),
        },
        status=400 if form.errors else 200,
    )

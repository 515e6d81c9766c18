"""The employer's side (/werkgever/, namespace 'kandidaten'): candidates with exactly the values
they share, feedback, trial days, the selection process, places offered and meet-ups. The municipal
temp agency (an employer marked `is_intern_uitzendbureau`) also proposes its candidates."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts import toegang
from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.contact.services import InvoerFout
from opstap.privacy.services import inzages_bij_lijst

from . import selectors, services
from .forms import PlaatsFormulier, VoorstelFormulier, WerkwijzeFormulier
from .views_gedeeld import kandidatuur_pagina

ONDERDEEL = services.ONDERDEEL


def leesdoel(gebruiker: Gebruiker) -> str:
    """What the client reads in their access log: which employer looked."""
    naam = gebruiker.werkgever.naam if gebruiker.werkgever else _("een werkgever")
    return f"Werkgever {naam} keek naar wat je met toestemming deelt"


@rol_vereist(Rol.WERKGEVER)
def kandidaten(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    werkwijze = selectors.werkwijze_van(gebruiker.werkgever) if gebruiker.werkgever else None
    werkwijze_form = WerkwijzeFormulier(
        request.POST if request.POST.get("actie") == "werkwijze" else None,
        initial={
            "proces": werkwijze.proces if werkwijze else "",
            "oefenvragen": werkwijze.oefenvragen if werkwijze else "",
        },
    )
    uitzendbureau = toegang.is_intern_uitzendbureau(gebruiker)
    voorstel_form = None
    if uitzendbureau:
        voorstel_form = VoorstelFormulier(
            request.POST if request.POST.get("actie") == "voorstellen" else None,
            initial={"gegevens": ["naam", "beschikbaarheid", "kwaliteiten"]},
            klanten=toegang.zichtbare_klanten(gebruiker),
            vacatures=selectors.open_vacatures_in(gebruiker.gemeente_id).exclude(
                werkgever_id=gebruiker.werkgever_id or -1
            ),
        )
        voorstel_form.fields["klant"].label_from_instance = (  # type: ignore[attr-defined]
            lambda k: selectors.naam_voor_werkgever(gebruiker, k)
        )
    if request.method == "POST":
        try:
            if request.POST.get("actie") == "werkwijze" and werkwijze_form.is_valid():
                services.werkwijze_opslaan(door=gebruiker, **werkwijze_form.cleaned_data)
                messages.success(request, _("Opgeslagen. Kandidaten lezen dit ter voorbereiding."))
                return redirect("kandidaten:lijst")
            if voorstel_form is not None and voorstel_form.is_valid():
                services.voorstel_doen(door=gebruiker, **voorstel_form.cleaned_data)
                messages.success(
                    request, _("Voorgesteld. De kandidaat krijgt eerst de vraag of dit mag.")
                )
                return redirect("kandidaten:lijst")
        except InvoerFout as fout:
            (
                voorstel_form if request.POST.get("actie") == "voorstellen" else werkwijze_form
            ).fout_tonen(fout)  # type: ignore[union-attr]
    lijst = selectors.kandidaten_voor(gebruiker)
    inzages_bij_lijst(request, [k.toestemming.klant for k in lijst], ONDERDEEL, leesdoel(gebruiker))
    fouten = bool(werkwijze_form.errors or (voorstel_form is not None and voorstel_form.errors))
    return render(
        request,
        "bemiddeling/werkgever/kandidaten.html",
        {
            "werkgever": gebruiker.werkgever,
            "kandidaten": lijst,
            "werkwijze_form": werkwijze_form,
            "voorstel_form": voorstel_form,
        },
        status=400 if fouten else 200,
    )


@rol_vereist(Rol.WERKGEVER)
def kandidaat(request: HttpRequest, voorstel_pk: int) -> HttpResponse:
    voorstel = get_object_or_404(
        toegang.zichtbare_voorstellen(gebruiker_van(request)).select_related(
            "werkgever", "vacature", "klant", "toestemming"
        ),
        pk=voorstel_pk,
    )
    return kandidatuur_pagina(request, voorstel, template="bemiddeling/werkgever/kandidaat.html")


@rol_vereist(Rol.WERKGEVER)
def plaatsen(request: HttpRequest) -> HttpResponse:
    """Offer a work-experience place or trial placement; see how each one runs."""
    gebruiker = gebruiker_van(request)
    form = PlaatsFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plaats_aanbieden(door=gebruiker, **form.cleaned_data)
        except InvoerFout as fout:
            form.fout_tonen(fout)
        else:
            messages.success(
                request, _("De plaats is aangeboden. De gemeente zoekt een kandidaat.")
            )
            return redirect("kandidaten:plaatsen")
    return render(
        request,
        "bemiddeling/werkgever/plaatsen.html",
        {"form": form, "plaatsen": toegang.zichtbare_plaatsen(gebruiker)[:200]},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.WERKGEVER)
def bijeenkomsten(request: HttpRequest) -> HttpResponse:
    """Meet-ups of the municipality: take part, or not. Who signed up is not shown here: a candidate
    reaches you through their own consent."""
    gebruiker = gebruiker_van(request)
    zichtbaar = toegang.zichtbare_bijeenkomsten(gebruiker)
    if request.method == "POST":
        keuze = request.POST.get("bijeenkomst", "")
        gekozen = get_object_or_404(zichtbaar, pk=int(keuze) if keuze.isdigit() else -1)
        mee = request.POST.get("actie") != "niet"
        services.meedoen_als_werkgever(door=gebruiker, bijeenkomst=gekozen, mee=mee)
        messages.success(request, _("U doet mee.") if mee else _("U doet niet mee."))
        return redirect("kandidaten:bijeenkomsten")
    komend = zichtbaar.filter(begint_op__gte=timezone.now()).prefetch_related("werkgevers")[:50]
    return render(
        request,
        "bemiddeling/werkgever/bijeenkomsten.html",
        {
            "bijeenkomsten": [
                (b, any(w.pk == gebruiker.werkgever_id for w in b.werkgevers.all())) for b in komend
            ]
        },
    )

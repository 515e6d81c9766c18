"""The contact person's side (namespace 'werk'): propose clients for vacancies, follow each
candidacy, organise meet-ups, place clients on work-experience places."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.contact.services import InvoerFout
from opstap.privacy.services import inzages_bij_lijst

from . import selectors, services
from .forms import (
    BijeenkomstFormulier,
    PlaatsBezettenFormulier,
    VervolgFormulier,
    VoorstelFormulier,
)
from .views_gedeeld import kandidatuur_pagina

ONDERDEEL = services.ONDERDEEL
MAX_RIJEN = 200


@rol_vereist(Rol.CONTACTPERSOON)
def voorstellen(request: HttpRequest) -> HttpResponse:
    """Propose a client of the caseload for a vacancy (the client is asked first), and follow the
    proposals: status per proposal."""
    gebruiker = gebruiker_van(request)
    klanten = toegang.begeleide_klanten(gebruiker).order_by("achternaam", "pk")
    initial: dict[str, Any] = {"gegevens": ["naam", "beschikbaarheid", "kwaliteiten"]}
    gevraagd = request.GET.get("klant", "")
    if gevraagd.isdigit():
        initial["klant"] = int(gevraagd)
    form = VoorstelFormulier(
        request.POST or None,
        initial=initial,
        klanten=klanten,
        vacatures=selectors.open_vacatures_in(gebruiker.gemeente_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            voorstel = services.voorstel_doen(door=gebruiker, **form.cleaned_data)
        except InvoerFout as fout:
            form.fout_tonen(fout)
        else:
            messages.success(
                request,
                _("Voorgesteld. %(n)s krijgt eerst de vraag of dit mag.")
                % {"n": voorstel.klant.naam},
            )
            return redirect("werk:voorstellen")
    lijst = list(
        toegang.zichtbare_voorstellen(gebruiker).select_related("klant", "werkgever", "vacature")[
            :MAX_RIJEN
        ]
    )
    inzages_bij_lijst(
        request,
        [v.klant for v in lijst],
        ONDERDEEL,
        "Begeleiding: voorstellen aan werkgevers bekeken",
    )
    return render(
        request,
        "bemiddeling/werk/voorstellen.html",
        {"form": form, "voorstellen": lijst},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.CONTACTPERSOON)
def voorstel(request: HttpRequest, voorstel_pk: int) -> HttpResponse:
    gevonden = get_object_or_404(
        toegang.zichtbare_voorstellen(gebruiker_van(request)).select_related(
            "werkgever", "vacature", "klant", "toestemming"
        ),
        pk=voorstel_pk,
    )
    return kandidatuur_pagina(request, gevonden, template="bemiddeling/werk/voorstel.html")


@rol_vereist(Rol.CONTACTPERSOON)
def bijeenkomsten(request: HttpRequest) -> HttpResponse:
    """Meet-ups of the municipality; organise a new one with chosen employers."""
    gebruiker = gebruiker_van(request)
    form = BijeenkomstFormulier(
        request.POST or None, werkgevers=selectors.werkgevers_in(gebruiker.gemeente_id)
    )
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = services.bijeenkomst_organiseren(
                door=gebruiker,
                titel=form.cleaned_data["titel"],
                omschrijving=form.cleaned_data["omschrijving"],
                begint_op=form.cleaned_data["begint_op"],
                plaats=form.cleaned_data["plaats"],
                max_deelnemers=form.cleaned_data["max_deelnemers"],
                werkgevers=list(form.cleaned_data["werkgevers"]),
            )
        except InvoerFout as fout:
            form.fout_tonen(fout)
        else:
            messages.success(
                request, _("De bijeenkomst staat klaar. Klanten kunnen zich aanmelden.")
            )
            return redirect("werk:bijeenkomst", bijeenkomst_pk=nieuw.pk)
    lijst = toegang.zichtbare_bijeenkomsten(gebruiker).prefetch_related("werkgevers")[:MAX_RIJEN]
    return render(
        request,
        "bemiddeling/werk/bijeenkomsten.html",
        {"form": form, "bijeenkomsten": lijst},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.CONTACTPERSOON)
def bijeenkomst(request: HttpRequest, bijeenkomst_pk: int) -> HttpResponse:
    """Sign-ups of my caseload (others are counted, not named), attendance and follow-up per pair."""
    gebruiker = gebruiker_van(request)
    gevonden = get_object_or_404(toegang.zichtbare_bijeenkomsten(gebruiker), pk=bijeenkomst_pk)
    werkgevers = gevonden.werkgevers.all()
    eigen = toegang.zichtbare_aanmeldingen(gebruiker).filter(bijeenkomst=gevonden)
    vervolg_form = VervolgFormulier(werkgevers=werkgevers)
    if request.method == "POST":
        keuze = request.POST.get("aanmelding", "")
        aanmelding = get_object_or_404(eigen, pk=int(keuze) if keuze.isdigit() else -1)
        try:
            if request.POST.get("actie") == "aanwezig":
                services.aanwezigheid_vastleggen(
                    door=gebruiker,
                    aanmelding=aanmelding,
                    aanwezig=request.POST.get("aanwezig") == "ja",
                )
                messages.success(request, _("Aanwezigheid opgeslagen."))
                return redirect(request.path)
            vervolg_form = VervolgFormulier(request.POST, werkgevers=werkgevers)
            if vervolg_form.is_valid():
                services.vervolg_vastleggen(
                    door=gebruiker, aanmelding=aanmelding, **vervolg_form.cleaned_data
                )
                messages.success(request, _("Vervolg opgeslagen."))
                return redirect(request.path)
        except InvoerFout as fout:
            vervolg_form.fout_tonen(fout)
    aanmeldingen = list(eigen.select_related("klant").prefetch_related("vervolgen__werkgever"))
    inzages_bij_lijst(
        request,
        [a.klant for a in aanmeldingen],
        ONDERDEEL,
        f"Begeleiding: aanmelding voor {gevonden.titel} bekeken",
    )
    return render(
        request,
        "bemiddeling/werk/bijeenkomst.html",
        {
            "bijeenkomst": gevonden,
            "werkgevers": werkgevers,
            "aanmeldingen": aanmeldingen,
            "totaal": gevonden.aanmeldingen.count(),
            "vervolg_form": vervolg_form,
        },
        status=400 if vervolg_form.errors else 200,
    )


@rol_vereist(Rol.CONTACTPERSOON)
def plaatsen(request: HttpRequest) -> HttpResponse:
    """Work-experience places and trial placements in the municipality: place a client of my
    caseload, track start, end and status. A colleague's client is not named."""
    gebruiker = gebruiker_van(request)
    klanten = toegang.begeleide_klanten(gebruiker).order_by("achternaam", "pk")
    eigen_ids = set(klanten.values_list("pk", flat=True))
    alle = list(
        toegang.zichtbare_plaatsen(gebruiker).select_related("werkgever", "klant")[:MAX_RIJEN]
    )
    fout_formulier: tuple[int, PlaatsBezettenFormulier] | None = None
    if request.method == "POST":
        keuze = request.POST.get("plaats", "")
        plaats = next((p for p in alle if str(p.pk) == keuze), None)
        if plaats is None:
            messages.error(request, _("Deze plaats bestaat niet (meer)."))
            return redirect("werk:plaatsen")
        form = PlaatsBezettenFormulier(request.POST, prefix=f"p{plaats.pk}", klanten=klanten)
        if form.is_valid():
            try:
                services.plaats_bijwerken(door=gebruiker, plaats=plaats, **form.cleaned_data)
            except InvoerFout as fout:
                form.fout_tonen(fout)
            else:
                messages.success(request, _("Opgeslagen."))
                return redirect("werk:plaatsen")
        fout_formulier = (plaats.pk, form)
    rijen = []
    for p in alle:
        eigen = p.klant_id is None or p.klant_id in eigen_ids
        if fout_formulier and fout_formulier[0] == p.pk:
            form = fout_formulier[1]
        else:
            form = PlaatsBezettenFormulier(
                prefix=f"p{p.pk}",
                klanten=klanten,
                initial={
                    "klant": p.klant_id,
                    "begin": p.begin,
                    "einde": p.einde,
                    "status": p.status,
                },
            )
        rijen.append({"plaats": p, "eigen": eigen, "form": form if eigen else None})
    inzages_bij_lijst(
        request,
        [p.klant for p in alle if p.klant is not None and p.klant_id in eigen_ids],
        ONDERDEEL,
        "Begeleiding: werkervaringsplaatsen bekeken",
    )
    return render(
        request,
        "bemiddeling/werk/plaatsen.html",
        {"rijen": rijen},
        status=400 if fout_formulier else 200,
    )

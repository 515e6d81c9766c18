"""The one page about a candidacy, seen by the client, the contact person and the employer, each
with the actions their role may take (the rules themselves are in accounts.toegang, via services)."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van
from opstap.contact.services import InvoerFout
from opstap.privacy.services import inzage_bij_verzoek

from . import selectors, services
from .forms import (
    Formulier,
    MomentFormulier,
    ProefdagAanvraagFormulier,
    ProefdagPlanFormulier,
    TerugkoppelingFormulier,
    VerslagFormulier,
)
from .models import Voorstel, VoorstelStatus

ONDERDEEL = services.ONDERDEEL


def _leesdoel(gebruiker: Gebruiker, voorstel: Voorstel) -> str:
    if gebruiker.rol == Rol.WERKGEVER:
        return f"Werkgever {voorstel.werkgever.naam} keek naar wat je met toestemming deelt"
    if gebruiker.rol == Rol.CONTACTPERSOON:
        return f"Begeleiding: je kandidatuur bij {voorstel.werkgever.naam} bekeken"
    return f"Je bekeek je kandidatuur bij {voorstel.werkgever.naam}"


def _actie(request: HttpRequest, voorstel: Voorstel, formulieren: dict[str, Formulier]) -> bool:
    """Carry out the posted action; True when done. A form with errors stays in `formulieren`,
    with a service's message on its field; other refusals become a message on top."""
    gebruiker = gebruiker_van(request)
    actie = request.POST.get("actie", "")
    keuze = request.POST.get("nummer", "")
    nummer = int(keuze) if keuze.isdigit() else -1
    form: Formulier | None = None
    try:
        if actie == "proefdag_aanvragen":
            form = formulieren["aanvraag"] = ProefdagAanvraagFormulier(
                request.POST, prefix="aanvraag"
            )
            if form.is_valid():
                services.proefdag_aanvragen(
                    door=gebruiker, voorstel=voorstel, wens=form.cleaned_data["wens"]
                )
                messages.success(request, _("De proefdag is aangevraagd."))
                return True
        elif actie == "proefdag_plannen":
            proefdag = voorstel.proefdagen.filter(pk=nummer).first()
            form = formulieren[f"plan{nummer}"] = ProefdagPlanFormulier(
                request.POST, prefix=f"plan{nummer}"
            )
            if proefdag is not None and form.is_valid():
                services.proefdag_plannen(door=gebruiker, proefdag=proefdag, **form.cleaned_data)
                messages.success(request, _("De proefdag is gepland. De anderen bevestigen nog."))
                return True
        elif actie == "proefdag_bevestigen":
            proefdag = voorstel.proefdagen.filter(pk=nummer).first()
            if proefdag is not None:
                services.proefdag_bevestigen(door=gebruiker, proefdag=proefdag)
                messages.success(request, _("Je hebt de proefdag bevestigd."))
                return True
        elif actie == "terugkoppeling":
            form = formulieren["terug"] = TerugkoppelingFormulier(request.POST, prefix="terug")
            if form.is_valid():
                services.terugkoppeling_geven(
                    door=gebruiker, voorstel=voorstel, **form.cleaned_data
                )
                messages.success(request, _("Dank u wel. De kandidaat leest uw terugkoppeling."))
                return True
        elif actie == "evaluatie":
            services.evaluatie_vragen(door=gebruiker, voorstel=voorstel)
            messages.success(
                request, _("Je contactpersoon heeft je vraag gekregen en neemt contact op.")
            )
            return True
        elif actie == "moment_plannen":
            form = formulieren["moment"] = MomentFormulier(request.POST, prefix="moment")
            if form.is_valid():
                services.driehoeksmoment_plannen(
                    door=gebruiker, voorstel=voorstel, **form.cleaned_data
                )
                messages.success(request, _("Het gesprek is gepland."))
                return True
        elif actie == "moment_vastleggen":
            moment = voorstel.momenten.filter(pk=nummer).first()
            form = formulieren[f"verslag{nummer}"] = VerslagFormulier(
                request.POST, prefix=f"verslag{nummer}"
            )
            if moment is not None and form.is_valid():
                services.driehoeksmoment_vastleggen(
                    door=gebruiker, moment=moment, verslag=form.cleaned_data["verslag"]
                )
                messages.success(request, _("Het verslag is vastgelegd."))
                return True
        else:
            messages.error(request, _("Dat ging niet. Probeer het nog eens."))
    except InvoerFout as fout:
        if form is not None:
            form.fout_tonen(fout)
        else:
            messages.error(request, str(fout))
    return False


def kandidatuur_pagina(
    request: HttpRequest, voorstel: Voorstel, *, template: str, extra: dict[str, Any] | None = None
) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    formulieren: dict[str, Formulier] = {}
    if request.method == "POST" and _actie(request, voorstel, formulieren):
        return redirect(request.path)
    overzicht = selectors.kandidatuur(voorstel)
    planformulieren = {
        p.pk: formulieren.get(f"plan{p.pk}")
        or ProefdagPlanFormulier(
            prefix=f"plan{p.pk}",
            initial={
                "datum": p.datum,
                "begin": p.begin,
                "einde": p.einde,
                "plaats": p.plaats,
                "meenemen": p.meenemen,
            },
        )
        for p in overzicht.proefdagen
    }
    verslagformulieren = {
        m.pk: formulieren.get(f"verslag{m.pk}") or VerslagFormulier(prefix=f"verslag{m.pk}")
        for m in overzicht.momenten
    }
    inzage_bij_verzoek(request, voorstel.klant, ONDERDEEL, _leesdoel(gebruiker, voorstel))
    context: dict[str, Any] = {
        "k": overzicht,
        "voorstel": voorstel,
        "rol": gebruiker.rol,
        # The employer sees the candidate: a trial day or a talk of the three can be arranged.
        "zichtbaar": voorstel.status in (VoorstelStatus.GEDEELD, VoorstelStatus.AANGENOMEN),
        "aanvraag_form": formulieren.get("aanvraag")
        or ProefdagAanvraagFormulier(prefix="aanvraag"),
        "plannen": [(p, planformulieren[p.pk]) for p in overzicht.proefdagen],
        "momenten": [(m, verslagformulieren[m.pk]) for m in overzicht.momenten],
        "terug_form": formulieren.get("terug")
        or TerugkoppelingFormulier(
            prefix="terug",
            initial={
                "uitkomst": overzicht.terugkoppeling.uitkomst,
                "goed": overzicht.terugkoppeling.goed,
                "tip": overzicht.terugkoppeling.tip,
            }
            if overzicht.terugkoppeling
            else None,
        ),
        "moment_form": formulieren.get("moment") or MomentFormulier(prefix="moment"),
        "oefenvragen": selectors.ALGEMENE_OEFENVRAGEN,
        "checklist": selectors.CHECKLIST,
        **(extra or {}),
    }
    return render(request, template, context, status=400 if formulieren else 200)

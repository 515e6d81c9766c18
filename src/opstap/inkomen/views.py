from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

import regels
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import eigen_klant, zichtbare_klanten
from opstap.klanten.models import Klant
from opstap.privacy.services import inzage_bij_verzoek
from opstap.web.geld import euro

from .forms import VastleggenFormulier, WatAlsFormulier
from .grafiek import BUREAU, LAGEN, TELEFOON, inkomen_svg, staven
from .rekendatum import rekendatum
from .selectors import berekeningen_van, uitleg_voor_niveau, vrijlating_stand
from .services import (
    UREN_NIVEAUS,
    bereken,
    berekening_vastleggen,
    invoer_voor_klant,
    minimumloon_per_uur,
    uren_bij_vacature,
)
from .varianten import REGEL_NAMEN


def _inkomen_pagina(request: HttpRequest, klant: Klant, *, als_klant: bool) -> HttpResponse:
    peildatum: date = timezone.localdate()
    form = WatAlsFormulier(
        request.GET or None, gemeente_id=klant.gemeente_id, met_variant=not als_klant
    )
    uurloon: Decimal | None = None
    uren: int | None = None
    variant_regel = ""
    vacature = None
    if form.is_valid():
        vacature = form.cleaned_data["vacature"]
        uurloon = form.cleaned_data["bruto_uurloon"]
        uren = form.cleaned_data["uren"]
        variant_regel = form.cleaned_data.get("variant") or ""
        if vacature is not None:
            # A chosen vacancy brings its own wage and hours: hours the user typed count only
            # within the vacancy's range (the field keeps the last level shown, which used to win).
            uurloon = vacature.bruto_uurloon
            uren = uren_bij_vacature(vacature, uren, klant.max_uren_per_week)
    context: dict[str, Any] = {
        "klant": klant,
        "form": form,
        "als_klant": als_klant,
        "peildatum": peildatum,
        "rekendatum": rekendatum(peildatum),
        "toon_spoor": not als_klant,
        "vacature": vacature,
    }
    if form.is_bound and not form.is_valid():
        return render(request, "inkomen/inkomen.html", context, status=400)
    if uurloon is None:
        uurloon = minimumloon_per_uur(peildatum)
        context["uurloon_is_minimumloon"] = True
    invoer = invoer_voor_klant(
        klant,
        peildatum=peildatum,
        werk={"bruto_uurloon": float(uurloon), "uren_per_week": UREN_NIVEAUS},
    )
    inzage_bij_verzoek(
        request,
        klant,
        "huishouden en inkomen",
        "Je bekeek wat werken voor je inkomen betekent"
        if als_klant
        else "Begeleiding: inkomen bij werk doorgerekend",
    )
    try:
        uitkomst = bereken(invoer, uitleg=True, variant_regel=variant_regel)
    except regels.InvoerFout as fout:
        context["fout"] = str(fout)
        return render(request, "inkomen/inkomen.html", context)
    rijen = staven(uitkomst)
    gekozen = uren if uren is not None else 16
    i = min(gekozen, len(rijen) - 1)  # the level shown: hours are 0, 1, … 40
    nul, gekozen_rij = rijen[0], rijen[i]
    titel = _("Inkomen per maand bij 0 tot 40 uur werk per week, bruto uurloon %(uurloon)s") % {
        "uurloon": euro(uurloon)
    }
    context.update(
        {
            "uitkomst": uitkomst,
            "uurloon": uurloon,
            "uren": gekozen,
            # Both layouts go out; CSS shows the one that fits the screen (no JavaScript needed).
            "svgs": [
                inkomen_svg(uitkomst, titel=titel, gemarkeerd_uren=float(gekozen), opmaak=opmaak)
                for opmaak in (BUREAU, TELEFOON)
            ],
            "lagen": LAGEN,
            "rijen": rijen,
            "gekozen": gekozen_rij,
            "verschil": gekozen_rij.totaal - nul.totaal,
            "armoedeval_uren": [s.uren for s in rijen if s.armoedeval],
            "uitleg_gekozen": uitleg_voor_niveau(uitkomst.get("uitleg") or {}, i),
            "vrijlating": vrijlating_stand(uitkomst, i, vandaag=peildatum),
            "bijstand_bij_nul": nul.delen["bijstand"] > 0,
            # The engine's caveats stay with the explanation; above the chart only a short, calm pointer.
            "kanttekeningen": list(uitkomst.get("waarschuwingen") or []),
            "berekeningen": berekeningen_van(klant)[:10],
        }
    )
    if not form.is_bound or form.is_valid():
        # Show the values this result used, so "Bij 16 uur" never sits beside empty fields. A chosen
        # vacancy supplies its own wage, so the wage field then stays as the user left it.
        gegevens = form.cleaned_data if form.is_bound else {}
        begin: dict[str, Any] = {
            **gegevens,
            "uren": gekozen,
            "bruto_uurloon": uurloon.quantize(Decimal("0.01")),
        }
        context["form"] = WatAlsFormulier(
            initial=begin, gemeente_id=klant.gemeente_id, met_variant=not als_klant
        )
    if not als_klant:
        context["vastleggen"] = VastleggenFormulier(
            initial={"bruto_uurloon": uurloon, "uren": gekozen}
        )
    if variant_regel:
        variant = uitkomst["varianten"][0]
        context["variant"] = {
            "naam": REGEL_NAMEN[variant_regel],
            "totalen": [r["totaal_netto_per_maand"] for r in variant["resultaten"]],
            "verschillen": variant["verschil_totaal_per_maand"],
            "uren_uit_bijstand": variant["uren_uit_bijstand"],
            "gekozen_totaal": variant["resultaten"][i]["totaal_netto_per_maand"],
            "gekozen_verschil": variant["verschil_totaal_per_maand"][i],
        }
    leeg = [None] * len(rijen)
    v = context.get("variant") or {}
    context["tabel_rijen"] = list(
        zip(rijen, v.get("totalen", leeg), v.get("verschillen", leeg), strict=True)
    )
    return render(request, "inkomen/inkomen.html", context)


@rol_vereist(Rol.KLANT)
def mijn_inkomen(request: HttpRequest) -> HttpResponse:
    klant = eigen_klant(gebruiker_van(request))
    if klant is None:
        return render(request, "fouten/404.html", status=404)
    return _inkomen_pagina(request, klant, als_klant=True)


@rol_vereist(Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT)
def klant_inkomen(request: HttpRequest, klant_pk: int) -> HttpResponse:
    klant = get_object_or_404(zichtbare_klanten(gebruiker_van(request)), pk=klant_pk)
    return _inkomen_pagina(request, klant, als_klant=False)


@rol_vereist(Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT)
def berekening_vastleggen_view(request: HttpRequest, klant_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    klant = get_object_or_404(
        zichtbare_klanten(gebruiker), pk=klant_pk
    )  # someone else's client: 404 first
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = VastleggenFormulier(request.POST)
    if not form.is_valid():
        inzage_bij_verzoek(
            request, klant, "huishouden en inkomen", "Begeleiding: berekening vastleggen"
        )
        return render(
            request, "inkomen/vastleggen_fout.html", {"klant": klant, "form": form}, status=400
        )
    d = form.cleaned_data
    invoer = invoer_voor_klant(
        klant,
        peildatum=timezone.localdate(),
        werk={"bruto_uurloon": float(d["bruto_uurloon"]), "uren_per_week": UREN_NIVEAUS},
    )
    try:
        berekening = berekening_vastleggen(
            klant=klant,
            gemeente_id=klant.gemeente_id,
            door=gebruiker,
            doel=d["doel"],
            invoer=invoer,
            uren_per_week=d["uren"],
        )
    except regels.InvoerFout as fout:
        form.add_error(None, str(fout))
        return render(
            request, "inkomen/vastleggen_fout.html", {"klant": klant, "form": form}, status=400
        )
    return redirect("werk:klant-berekening", klant_pk=klant.pk, berekening_pk=berekening.pk)


def _berekening_pagina(
    request: HttpRequest, klant: Klant, berekening_pk: int, *, als_klant: bool
) -> HttpResponse:
    berekening = get_object_or_404(berekeningen_van(klant), pk=berekening_pk)
    inzage_bij_verzoek(
        request,
        klant,
        "huishouden en inkomen",
        "Je bekeek een vastgelegde berekening"
        if als_klant
        else "Begeleiding: vastgelegde berekening",
    )
    uren = berekening.uren_per_week
    index = UREN_NIVEAUS.index(int(uren)) if uren is not None and int(uren) in UREN_NIVEAUS else 0
    resultaten = berekening.uitkomst.get("resultaten") or []
    return render(
        request,
        "inkomen/berekening.html",
        {
            "klant": klant,
            "berekening": berekening,
            "als_klant": als_klant,
            "toon_spoor": not als_klant,
            "rij": resultaten[index] if index < len(resultaten) else None,
            "uitleg_gekozen": uitleg_voor_niveau(berekening.uitleg, index),
        },
    )


@rol_vereist(Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT)
def klant_berekening(request: HttpRequest, klant_pk: int, berekening_pk: int) -> HttpResponse:
    klant = get_object_or_404(zichtbare_klanten(gebruiker_van(request)), pk=klant_pk)
    return _berekening_pagina(request, klant, berekening_pk, als_klant=False)


@rol_vereist(Rol.KLANT)
def mijn_berekening(request: HttpRequest, berekening_pk: int) -> HttpResponse:
    klant = eigen_klant(gebruiker_van(request))
    if klant is None:
        return render(request, "fouten/404.html", status=404)
    return _berekening_pagina(request, klant, berekening_pk, als_klant=True)

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

import regels
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist

from .forms import DoorrekeningFormulier
from .grafiek import gemiddelden_svg
from .models import Doorrekening
from .onderdrukking import MINIMALE_CELGROOTTE, VERBORGEN_TEKEN
from .selectors import bestandsbeeld, doorrekening_tabel, doorrekeningen_van
from .services import doorrekening_starten


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def start(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    return render(
        request,
        "beleid/start.html",
        {
            "beeld": bestandsbeeld(gebruiker.gemeente),  # type: ignore[arg-type]
            "laatste": doorrekeningen_van(gebruiker).first(),
            "teken": VERBORGEN_TEKEN,
            "minimale_celgrootte": MINIMALE_CELGROOTTE,
        },
    )


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def doorrekeningen(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    form = DoorrekeningFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        naam, regel, parameters = form.variant()
        try:
            d = doorrekening_starten(
                door=gebruiker,
                gemeente=gebruiker.gemeente,  # type: ignore[arg-type]
                peildatum=form.gekozen_peildatum,
                bruto_uurloon=form.cleaned_data["bruto_uurloon"],
                variant_naam=naam,
                variant_regel=regel,
                variant_parameters=parameters,
            )
        except regels.InvoerFout as fout:
            if fout.veld == "peildatum":
                form.add_error("peildatum", fout.melding[:1].upper() + fout.melding[1:])
            else:
                form.add_error(None, str(fout))
        else:
            return redirect("beleid:doorrekening", doorrekening_pk=d.pk)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "beleid/doorrekeningen.html",
        {"form": form, "doorrekeningen": doorrekeningen_van(gebruiker)[:20]},
        status=status,
    )


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def doorrekening(request: HttpRequest, doorrekening_pk: int) -> HttpResponse:
    d: Doorrekening = get_object_or_404(
        doorrekeningen_van(gebruiker_van(request)), pk=doorrekening_pk
    )
    r = d.resultaat or {}
    svg = ""
    if "basis" in r:
        svg = gemiddelden_svg(
            r["uren"],
            r["basis"]["gemiddeld_totaal_per_maand"],
            (r.get("variant") or {}).get("gemiddeld_totaal_per_maand"),
            titel=_("Gemiddeld inkomen per maand bij 0 tot 40 uur werk per week"),
        )
    return render(
        request,
        "beleid/doorrekening.html",
        {
            "d": d,
            "tabel": doorrekening_tabel(d),
            "svg": svg,
            "teken": VERBORGEN_TEKEN,
            "minimale_celgrootte": MINIMALE_CELGROOTTE,
        },
    )

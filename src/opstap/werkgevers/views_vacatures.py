"""E1–E3 for employers: post and edit a vacancy with real criteria; the municipal temp agency sees
every vacancy in the city and how many clients fit (a number, never who); the instruments."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import (
    eis,
    mag_kandidaten_tellen,
    mag_vacature_bewerken,
    mag_vacature_plaatsen,
    zichtbare_vacatures,
)
from opstap.vacatures.forms import VacatureFormulier
from opstap.vacatures.selectors import aantal_passende_klanten
from opstap.vacatures.services import vacature_opslaan

from .models import Vacature

VELDEN = list(VacatureFormulier.base_fields)
# Below this, the temp agency sees "fewer than 10": a small number can point at a person.
KLEINSTE_AANTAL = 10


def _begin(vacature: Vacature) -> dict[str, Any]:
    return {veld: getattr(vacature, veld) for veld in VELDEN}


def _opslaan(request: HttpRequest, form: VacatureFormulier, vacature: Vacature) -> bool:
    try:
        melding = vacature_opslaan(vacature=vacature, gegevens=dict(form.cleaned_data))
    except ValidationError as fout:
        for veld, meldingen in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, meldingen)
        return False
    messages.success(request, _("De vacature is bewaard."))
    if melding:
        messages.warning(request, melding)
    return True


@rol_vereist(Rol.WERKGEVER)
def vacature_nieuw(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    eis(mag_vacature_plaatsen(gebruiker))
    form = VacatureFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assert gebruiker.werkgever is not None and gebruiker.gemeente_id is not None
        vacature = Vacature(
            gemeente_id=gebruiker.gemeente_id,
            werkgever=gebruiker.werkgever,
            geplaatst_op=timezone.localdate(),
        )
        if _opslaan(request, form, vacature):
            return redirect("werkgever:vacature", vacature_pk=vacature.pk)
    return render(
        request,
        "werkgevers/vacature_formulier.html",
        {"form": form, "nieuw": True},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.WERKGEVER)
def vacature_bewerken(request: HttpRequest, vacature_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    vacature = get_object_or_404(zichtbare_vacatures(gebruiker), pk=vacature_pk)
    eis(
        mag_vacature_bewerken(gebruiker, vacature),
        "Alleen de werkgever van deze vacature past hem aan.",
    )
    form = VacatureFormulier(request.POST or None, initial=_begin(vacature))
    if request.method == "POST" and form.is_valid() and _opslaan(request, form, vacature):
        return redirect("werkgever:vacature", vacature_pk=vacature.pk)
    return render(
        request,
        "werkgevers/vacature_formulier.html",
        {"form": form, "nieuw": False, "vacature": vacature},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.WERKGEVER)
def vacature(request: HttpRequest, vacature_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    gekozen = get_object_or_404(
        zichtbare_vacatures(gebruiker).select_related("werkgever"), pk=vacature_pk
    )
    aantal = None
    if mag_kandidaten_tellen(gebruiker) and gekozen.open:
        aantal = aantal_passende_klanten(gekozen)
    return render(
        request,
        "werkgevers/vacature.html",
        {
            "vacature": gekozen,
            "mag_bewerken": mag_vacature_bewerken(gebruiker, gekozen),
            "aantal": aantal,
            "klein": aantal is not None and aantal < KLEINSTE_AANTAL,
            "kleinste": KLEINSTE_AANTAL,
        },
    )


@rol_vereist(Rol.WERKGEVER)
def vacatures(request: HttpRequest) -> HttpResponse:
    """The employer's vacancies; for the municipal temp agency every vacancy in the city."""
    gebruiker = gebruiker_van(request)
    lijst = zichtbare_vacatures(gebruiker).select_related("werkgever")[:500]
    return render(
        request,
        "werkgevers/vacatures.html",
        {
            "vacatures": lijst,
            "heel_de_stad": mag_kandidaten_tellen(gebruiker),
            "mag_plaatsen": mag_vacature_plaatsen(gebruiker),
        },
    )


@rol_vereist(Rol.WERKGEVER, Rol.KLANT, Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT)
def regelingen(request: HttpRequest) -> HttpResponse:
    """E3: the municipality's instruments for employers, plainly (readable by everyone who works
    with employers, and by clients who want to tell an employer about them)."""
    return render(request, "werkgevers/regelingen.html", {})

"""The client's work pages (/mijn/werk/): report a job, the money per month with all jobs, the
rules that now apply (page and letter), change or end a job, upload the contract, the check-ins of
the first weeks, a difficult start, and more hours (D1, D2, D5)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

import regels
from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import (
    eigen_klant,
    eis,
    mag_baan_aanmelden,
    mag_baan_bijwerken,
    mag_start_bijhouden,
    zichtbare_banen,
)
from opstap.inkomen.rekendatum import rekendatum
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek

from .forms import (
    BaanFormulier,
    BaanWijzigenFormulier,
    ContractFormulier,
    MoeilijkeStartFormulier,
    NotitieFormulier,
)
from .models import Baan
from .pdf import werkbrief_pdf
from .rekenen import WerkGeld, geld_met_banen, meer_uren, regels_bij_werk
from .selectors import banen_met_start
from .services import (
    baan_aanmelden,
    baan_wijzigen,
    contract_uploaden,
    geld_bij_baan,
    moeilijke_start_melden,
    startgesprek_afronden,
)


def _klant(request: HttpRequest) -> tuple[Gebruiker, Klant]:
    gebruiker = gebruiker_van(request)
    klant = eigen_klant(gebruiker)
    eis(klant is not None)
    assert klant is not None
    return gebruiker, klant


def _fouten_naar_form(form: Form, fout: ValidationError) -> None:
    for veld, meldingen in fout.message_dict.items():
        form.add_error(veld if veld in form.fields else None, meldingen)


def _nummer(request: HttpRequest, veld: str) -> int:
    """A posted object number; anything else is 'not found', never a server error."""
    waarde = request.POST.get(veld, "")
    if not waarde.isdigit():
        raise Http404("Onbekend nummer.")
    return int(waarde)


def _geld(klant: Klant, banen: list[Baan]) -> tuple[WerkGeld | None, str]:
    try:
        return geld_met_banen(klant, banen), ""
    except regels.InvoerFout as fout:
        return None, str(fout)


@rol_vereist(Rol.KLANT)
def mijn_werk(request: HttpRequest) -> HttpResponse:
    """Report a job once, see the jobs reported, and straight after reporting: congratulations,
    then what this job means for the money per month (computed by the engine), and the rules."""
    gebruiker, klant = _klant(request)
    form = BaanFormulier(request.POST or None)
    if request.method == "POST":
        eis(mag_baan_aanmelden(gebruiker, klant))
        if form.is_valid():
            try:
                baan = baan_aanmelden(klant=klant, gegevens=form.gegevens(), door=gebruiker)
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
            else:
                inzage_bij_verzoek(
                    request, klant, "werk", "Je meldde een nieuwe baan", actie=Actie.AANMAKEN
                )
                return redirect(f"{reverse('mijn:werk')}?nieuw={baan.pk}")
    banen = list(zichtbare_banen(gebruiker).filter(klant=klant))
    vandaag = timezone.localdate()
    context: dict[str, Any] = {
        "klant": klant,
        "form": form,
        "banen": banen,
        "lopende_banen": [b for b in banen if b.loopt_op(vandaag)],
        "gestopte_banen": [b for b in banen if not b.loopt_op(vandaag)],
        "rekendatum": rekendatum(vandaag),
    }
    nieuw = request.GET.get("nieuw", "")
    nieuwe_baan = next((b for b in banen if str(b.pk) == nieuw), None)
    if nieuwe_baan is not None:
        context["nieuwe_baan"] = nieuwe_baan
        try:
            context["geld"] = geld_bij_baan(nieuwe_baan)
        except regels.InvoerFout as fout:
            context["rekenfout"] = str(fout)
    if context["lopende_banen"]:
        samen, rekenfout = _geld(klant, banen)
        context["samen"] = samen
        context["regels"] = regels_bij_werk(samen, klant.gemeente) if samen else []
        context.setdefault("rekenfout", rekenfout)
    inzage_bij_verzoek(request, klant, "werk", "Je bekeek je banen")
    return render(request, "werken/mijn_werk.html", context, status=400 if form.errors else 200)


@rol_vereist(Rol.KLANT)
def mijn_werkbrief(request: HttpRequest) -> HttpResponse:
    """The letter: the jobs, the money per month with all jobs together, the rules (PDF)."""
    gebruiker, klant = _klant(request)
    vandaag = timezone.localdate()
    banen = [b for b in zichtbare_banen(gebruiker).filter(klant=klant) if b.loopt_op(vandaag)]
    if not banen:
        return redirect("mijn:werk")
    geld, _ = _geld(klant, banen)
    naam = klant.contactpersoon.weergavenaam if klant.contactpersoon else "je contactpersoon"
    pdf = werkbrief_pdf(
        klant,
        banen,
        geld,
        regels_bij_werk(geld, klant.gemeente) if geld else [],
        contactpersoon_naam=naam,
    )
    inzage_bij_verzoek(
        request, klant, "werk", "Je maakte een brief over je werk en je geld", Actie.EXPORTEREN
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="mijn-werk-en-geld.pdf"'
    return response


def _eigen_baan(gebruiker: Gebruiker, klant: Klant, baan_pk: int) -> Baan:
    return get_object_or_404(zichtbare_banen(gebruiker).filter(klant=klant), pk=baan_pk)


@rol_vereist(Rol.KLANT)
def mijn_baan(request: HttpRequest, baan_pk: int) -> HttpResponse:
    """One job: its history, the contract for the contact person to check (and their comment), the
    check-ins of the first weeks, and 'my start is hard'."""
    gebruiker, klant = _klant(request)
    baan = _eigen_baan(gebruiker, klant, baan_pk)
    contract_form = ContractFormulier()
    moeilijk_form = MoeilijkeStartFormulier(prefix="moeilijk")
    melding = ""
    status = 200
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        eis(mag_start_bijhouden(gebruiker, klant))
        if actie == "contract":
            contract_form = ContractFormulier(request.POST, request.FILES)
            if contract_form.is_valid():
                try:
                    contract_uploaden(baan=baan, bestand=contract_form.cleaned_data["bestand"])
                except ValidationError as fout:
                    _fouten_naar_form(contract_form, fout)
                else:
                    inzage_bij_verzoek(
                        request, klant, "werk", "Je stuurde je arbeidscontract", Actie.AANMAKEN
                    )
                    return redirect(reverse("mijn:baan", args=[baan.pk]) + "?verstuurd=contract")
        elif actie == "startgesprek":
            gesprek = get_object_or_404(baan.startgesprekken.all(), pk=_nummer(request, "gesprek"))
            notitie = NotitieFormulier(request.POST, prefix=f"g{gesprek.pk}")
            if notitie.is_valid():
                startgesprek_afronden(
                    gesprek=gesprek, door=gebruiker, notitie=notitie.cleaned_data["notitie"]
                )
                inzage_bij_verzoek(
                    request, klant, "werk", "Je vinkte een startgesprek af", Actie.WIJZIGEN
                )
                return redirect(reverse("mijn:baan", args=[baan.pk]) + "#start")
            melding = notitie.errors.as_text()
        elif actie == "moeilijk":
            moeilijk_form = MoeilijkeStartFormulier(request.POST, prefix="moeilijk")
            if moeilijk_form.is_valid():
                moeilijke_start_melden(
                    baan=baan,
                    door=gebruiker,
                    toelichting=moeilijk_form.cleaned_data["toelichting"],
                )
                inzage_bij_verzoek(
                    request, klant, "werk", "Je gaf door dat je start moeilijk is", Actie.AANMAKEN
                )
                return redirect(reverse("mijn:baan", args=[baan.pk]) + "?verstuurd=moeilijk")
        status = 400
    baan = banen_met_start(zichtbare_banen(gebruiker).filter(pk=baan.pk))[0]
    inzage_bij_verzoek(request, klant, "werk", "Je bekeek je baan")
    return render(
        request,
        "werken/mijn_baan.html",
        {
            "klant": klant,
            "baan": baan,
            "contract_form": contract_form,
            "moeilijk_form": moeilijk_form,
            "melding": melding,
            "verstuurd": request.GET.get("verstuurd", ""),
            "loopt": baan.loopt_op(timezone.localdate()),
            "moeilijk_open": any(m.opgelost_op is None for m in baan.moeilijke_starts.all()),
        },
        status=status,
    )


@rol_vereist(Rol.KLANT)
def mijn_baan_wijzigen(request: HttpRequest, baan_pk: int) -> HttpResponse:
    """Hours or wage changed, or the job ends: prefilled with what we know."""
    gebruiker, klant = _klant(request)
    baan = _eigen_baan(gebruiker, klant, baan_pk)
    eis(mag_baan_bijwerken(gebruiker, baan))
    oproep = baan.uren_per_week is None
    form = BaanWijzigenFormulier(
        request.POST or None,
        oproep=oproep,
        initial={
            "uren_per_week": baan.uren_per_week,
            "bruto_uurloon": baan.bruto_uurloon,
            "einde_op": baan.einde_op,
            "ingaand_op": max(timezone.localdate(), baan.begonnen_op),
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            wijziging = baan_wijzigen(
                baan=baan,
                door=gebruiker,
                ingaand_op=d["ingaand_op"],
                uren_per_week=d.get("uren_per_week"),
                bruto_uurloon=d["bruto_uurloon"],
                einde_op=d["einde_op"],
            )
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            if wijziging is not None:
                inzage_bij_verzoek(
                    request, klant, "werk", "Je gaf een verandering in je baan door", Actie.WIJZIGEN
                )
            return redirect(reverse("mijn:baan", args=[baan.pk]) + "?verstuurd=gewijzigd")
    inzage_bij_verzoek(request, klant, "werk", "Je bekeek je baan om iets te veranderen")
    return render(
        request,
        "werken/mijn_baan_wijzigen.html",
        {"klant": klant, "baan": baan, "form": form},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def mijn_meer_uren(request: HttpRequest, baan_pk: int) -> HttpResponse:
    """D5: how many extra hours take me out of bijstand, what more hours do to my money per month
    (with the engine's poverty-trap warnings), and help to ask my employer."""
    gebruiker, klant = _klant(request)
    baan = _eigen_baan(gebruiker, klant, baan_pk)
    banen = list(zichtbare_banen(gebruiker).filter(klant=klant))
    context: dict[str, Any] = {"klant": klant, "baan": baan, "rekendatum": rekendatum()}
    try:
        context["meer"] = meer_uren(klant, baan, banen)
    except regels.InvoerFout as fout:
        context["rekenfout"] = str(fout)
    inzage_bij_verzoek(request, klant, "werk", "Je rekende uit wat meer uren werken oplevert")
    return render(request, "werken/mijn_meer_uren.html", context)

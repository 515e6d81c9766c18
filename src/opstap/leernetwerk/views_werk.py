"""The professionals' side of the learning network (/werk/leernetwerk/): moderation (policy
staff), coding with the shared codebook, agreement between coders, sessions with their pack,
conclusions and actions, and the export for researchers. Nobody here sees an original text."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import (
    LEERNETWERK_MODERATOREN,
    akkoord_vragen,
    codeerbare_bijdragen,
    eis,
    mag_leernetwerk_exporteren,
    mag_sollicitatie_akkoord_geven,
    te_modereren_bijdragen,
    zichtbare_codes,
    zichtbare_sessies,
)
from opstap.privacy.models import Actie as InzageActie
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst

from . import services
from .export import csv_regels, qdpx
from .forms import (
    ActieFormulier,
    ActieStatusFormulier,
    CodeerFormulier,
    CodeFormulier,
    ConclusiesFormulier,
    ModeratieFormulier,
    SessieFormulier,
)
from .models import ActieStatus, Codering, Status
from .pdf import sessiepakket_pdf
from .selectors import fragmenten_per_thema, overeenstemming, zinnen
from .views_mijn import _fouten_naar_formulier

CODEURS = (Rol.CONTACTPERSOON, Rol.BELEIDSMEDEWERKER)
LIJST_MAX = 200  # bounded work per request: the newest 200 of each list


def _collegas(gebruiker: Gebruiker) -> Any:
    return Gebruiker.objects.filter(
        gemeente_id=gebruiker.gemeente_id or -1, rol__in=CODEURS, is_active=True
    ).order_by("first_name", "last_name", "username")


@rol_vereist(*CODEURS)
def overzicht(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    code_form = CodeFormulier(request.POST if request.POST.get("actie") == "code" else None)
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "akkoord":
            bijdrage = get_object_or_404(akkoord_vragen(gebruiker), pk=request.POST.get("bijdrage"))
            eis(mag_sollicitatie_akkoord_geven(gebruiker, bijdrage))
            services.sollicitatie_akkoord(bijdrage, gebruiker)
            inzage_bij_verzoek(
                request,
                bijdrage.klant,
                "leernetwerk",
                "Akkoord: ervaring telt als sollicitatie",
                actie=InzageActie.WIJZIGEN,
            )
            messages.success(request, _("Akkoord gegeven: deze ervaring telt als sollicitatie."))
            return redirect("werk:leernetwerk")
        if actie == "startcodes":
            services.codeboek_klaarzetten(gebruiker.gemeente)  # type: ignore[arg-type]
            messages.success(request, _("De thema's uit het onderzoek staan in het codeboek."))
            return redirect("werk:leernetwerk")
        if actie == "code" and code_form.is_valid():
            try:
                services.code_toevoegen(
                    gebruiker.gemeente,  # type: ignore[arg-type]
                    code_form.cleaned_data["naam"],
                    code_form.cleaned_data["omschrijving"],
                )
            except ValidationError as fout:
                _fouten_naar_formulier(code_form, fout)
            else:
                messages.success(request, _("De code staat in het codeboek."))
                return redirect("werk:leernetwerk")
    vragen = list(
        akkoord_vragen(gebruiker)
        .filter(sollicitatie_akkoord_op__isnull=True)
        .select_related("klant")[:LIJST_MAX]
    )
    if vragen:
        inzages_bij_lijst(
            request, [b.klant for b in vragen], "leernetwerk", "Vragen om akkoord op een ervaring"
        )
    codeerbaar = list(codeerbare_bijdragen(gebruiker).order_by("-ingediend_op")[:LIJST_MAX])
    eigen = set(
        Codering.objects.filter(codeur=gebruiker, bijdrage__in=codeerbaar).values_list(
            "bijdrage_id", flat=True
        )
    )
    context = {
        "vragen": vragen,
        "moderator": gebruiker.rol in LEERNETWERK_MODERATOREN,
        "te_modereren": list(
            te_modereren_bijdragen(gebruiker)
            .filter(status=Status.INGEDIEND)
            .order_by("ingediend_op")[:LIJST_MAX]
        ),
        "codeerbaar": [(b, b.pk in eigen) for b in codeerbaar],
        "codes": list(zichtbare_codes(gebruiker)),
        "sessies": list(zichtbare_sessies(gebruiker)[:LIJST_MAX]),
        "code_form": code_form,
        "exporteren": mag_leernetwerk_exporteren(gebruiker),
    }
    return render(
        request, "leernetwerk/werk_overzicht.html", context, status=400 if code_form.errors else 200
    )


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def modereren(request: HttpRequest, bron_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    bijdrage = get_object_or_404(te_modereren_bijdragen(gebruiker), pk=bron_pk)
    form = ModeratieFormulier(request.POST or None, initial={"tekst": bijdrage.gedeelde_tekst})
    if request.method == "POST" and form.is_valid():
        goedkeuren = request.POST.get("actie") == "goedkeuren"
        try:
            services.modereren(
                bijdrage,
                moderator=gebruiker,
                tekst=form.cleaned_data["tekst"],
                goedkeuren=goedkeuren,
                opmerking=form.cleaned_data["opmerking"],
            )
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                _("Goedgekeurd: de ervaring staat klaar om te coderen.")
                if goedkeuren
                else _("Teruggestuurd naar de klant met je opmerking."),
            )
            return redirect("werk:leernetwerk")
    return render(
        request,
        "leernetwerk/modereren.html",
        {"bijdrage": bijdrage, "form": form},
        status=400 if form.errors else 200,
    )


@rol_vereist(*CODEURS)
def coderen(request: HttpRequest, bron_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    bijdrage = get_object_or_404(codeerbare_bijdragen(gebruiker), pk=bron_pk)
    spans = zinnen(bijdrage.gedeelde_tekst)
    codes = zichtbare_codes(gebruiker)
    form = CodeerFormulier(
        request.POST if request.POST.get("actie") == "coderen" else None,
        zinnen=spans,
        tekst=bijdrage.gedeelde_tekst,
        codes=codes,
    )
    if request.method == "POST":
        if request.POST.get("actie") == "verwijderen":
            codering = get_object_or_404(
                Codering.objects.filter(bijdrage=bijdrage, codeur=gebruiker),
                pk=request.POST.get("codering"),
            )
            services.codering_verwijderen(codering)
            messages.success(request, _("De codering is weggehaald."))
            return redirect("werk:leernetwerk_coderen", bron_pk=bijdrage.pk)
        if form.is_valid():
            try:
                for begin, einde in form.gekozen_spans():
                    services.coderen(
                        bijdrage,
                        codeur=gebruiker,
                        code=form.cleaned_data["code"],
                        begin=begin,
                        einde=einde,
                        memo=form.cleaned_data["memo"],
                    )
            except ValidationError as fout:
                _fouten_naar_formulier(form, fout)
            else:
                messages.success(request, _("Gecodeerd."))
                return redirect("werk:leernetwerk_coderen", bron_pk=bijdrage.pk)
    eigen = list(
        Codering.objects.filter(bijdrage=bijdrage, codeur=gebruiker).select_related("code")
    )
    return render(
        request,
        "leernetwerk/coderen.html",
        {"bijdrage": bijdrage, "form": form, "eigen": eigen, "geen_codes": not codes.exists()},
        status=400 if form.errors else 200,
    )


@rol_vereist(*CODEURS)
def overeenstemming_pagina(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    return render(
        request,
        "leernetwerk/overeenstemming.html",
        {"paren": overeenstemming(gebruiker.gemeente)},  # type: ignore[arg-type]
    )


@rol_vereist(*CODEURS)
def sessies(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    form = SessieFormulier(request.POST or None, codes=zichtbare_codes(gebruiker))
    if request.method == "POST" and form.is_valid():
        sessie = services.sessie_aanmaken(
            gemeente=gebruiker.gemeente,  # type: ignore[arg-type]
            titel=form.cleaned_data["titel"],
            datum=form.cleaned_data["datum"],
            codes=list(form.cleaned_data["codes"]),
            door=gebruiker,
        )
        return redirect("werk:leernetwerk_sessie", sessie_pk=sessie.pk)
    return render(
        request,
        "leernetwerk/sessies.html",
        {"form": form, "sessies": list(zichtbare_sessies(gebruiker)[:LIJST_MAX])},
        status=400 if form.errors else 200,
    )


@rol_vereist(*CODEURS)
def sessie(request: HttpRequest, sessie_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    s = get_object_or_404(zichtbare_sessies(gebruiker), pk=sessie_pk)
    actie = request.POST.get("actie")
    conclusies_form = ConclusiesFormulier(
        request.POST if actie == "conclusies" else None, initial={"conclusies": s.conclusies}
    )
    actie_form = ActieFormulier(
        request.POST if actie == "actie" else None, collegas=_collegas(gebruiker)
    )
    if request.method == "POST":
        if actie == "conclusies" and conclusies_form.is_valid():
            services.conclusies_opslaan(s, conclusies_form.cleaned_data["conclusies"])
            messages.success(request, _("De conclusies zijn opgeslagen."))
            return redirect("werk:leernetwerk_sessie", sessie_pk=s.pk)
        if actie == "actie" and actie_form.is_valid():
            try:
                services.actie_toevoegen(s, **actie_form.cleaned_data)
            except ValidationError as fout:
                _fouten_naar_formulier(actie_form, fout)
            else:
                messages.success(request, _("De actie is toegevoegd."))
                return redirect("werk:leernetwerk_sessie", sessie_pk=s.pk)
        if actie == "status":
            status_form = ActieStatusFormulier(request.POST)
            if status_form.is_valid():
                a = get_object_or_404(s.acties.all(), pk=status_form.cleaned_data["actie_id"])
                services.actie_bijwerken(a, status_form.cleaned_data["status"])
                messages.success(request, _("De status van de actie is bijgewerkt."))
                return redirect("werk:leernetwerk_sessie", sessie_pk=s.pk)
    themas = fragmenten_per_thema(s.gemeente, list(s.codes.all()) or None)
    acties = list(s.acties.select_related("eigenaar"))
    ongeldig = bool(conclusies_form.errors or actie_form.errors)
    return render(
        request,
        "leernetwerk/sessie.html",
        {
            "sessie": s,
            "themas": themas,
            "conclusies_form": conclusies_form,
            "actie_form": actie_form,
            "acties": acties,
            "vandaag": timezone.localdate(),
            "statussen": ActieStatus.choices,
        },
        status=400 if ongeldig else 200,
    )


@rol_vereist(*CODEURS)
def sessie_pdf(request: HttpRequest, sessie_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    s = get_object_or_404(zichtbare_sessies(gebruiker), pk=sessie_pk)
    pdf = sessiepakket_pdf(s, fragmenten_per_thema(s.gemeente, list(s.codes.all()) or None))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sessiepakket-{s.pk}.pdf"'
    return response


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def export_qdpx(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    eis(mag_leernetwerk_exporteren(gebruiker))
    response = HttpResponse(qdpx(gebruiker.gemeente), content_type="application/zip")  # type: ignore[arg-type]
    response["Content-Disposition"] = 'attachment; filename="leernetwerk.qdpx"'
    return response


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def export_csv(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    eis(mag_leernetwerk_exporteren(gebruiker))
    response = StreamingHttpResponse(
        csv_regels(gebruiker.gemeente),  # type: ignore[arg-type]
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="leernetwerk.csv"'
    return response  # type: ignore[return-value]  # a streamed download, like an HttpResponse

"""The contact person's side: conversation, summaries with a B1 check, planned contact, step plan,
applications, handover, 'view as client' and the municipal provisions overview."""

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import zichtbare_klanten
from opstap.klanten.models import Drempel, Klant
from opstap.klanten.selectors import reis_van
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst

from . import selectors, services, voorzieningen
from .bijlagen import als_download
from .forms import (
    AanvraagStatusForm,
    BerichtForm,
    ContactmomentForm,
    DoelForm,
    DrempelForm,
    OverdrachtForm,
    ProfielForm,
    StapForm,
    TredeForm,
    VerslagForm,
)
from .models import (
    Aanvraag,
    AanvraagStatus,
    Contactmoment,
    Contactpersoon,
    Gespreksverslag,
    Stap,
)
from .regelteksten import regels_voor_klant

BEGELEIDING = (Rol.CONTACTPERSOON,)


def _klant(request: HttpRequest, klant_pk: int) -> Klant:
    """A client of the caller's (substituted) caseload, or a 404: the coaching file is for nobody else."""
    return get_object_or_404(toegang.begeleide_klanten(gebruiker_van(request)), pk=klant_pk)


def _fout_in_form(form: Any, fout: services.InvoerFout) -> None:
    form.add_error(fout.veld if fout.veld in form.fields else None, str(fout))


@rol_vereist(*BEGELEIDING)
def berichten(request: HttpRequest, klant_pk: int) -> HttpResponse:
    klant = _klant(request, klant_pk)
    form = BerichtForm()
    if request.method == "POST":
        toegang.eis(toegang.mag_bericht_sturen(gebruiker_van(request), klant))
        form = BerichtForm(request.POST, request.FILES)
        if form.is_valid() and form.versturen(door=gebruiker_van(request), klant=klant):
            messages.success(
                request, _("Bericht verstuurd. De klant krijgt een melding (zonder inhoud).")
            )
            return redirect("werk:berichten", klant_pk=klant.pk)
    inzage_bij_verzoek(request, klant, "berichten", "Begeleiding: berichten gelezen")
    services.berichten_lezen(klant=klant, lezer=gebruiker_van(request))
    zoek = request.GET.get("zoek", "").strip()
    return render(
        request,
        "contact/werk/berichten.html",
        {
            "klant": klant,
            "form": form,
            **selectors.gesprek_met_zoeken(klant, zoek),
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(*BEGELEIDING)
def bijlage(request: HttpRequest, klant_pk: int, bericht_pk: int) -> HttpResponse:
    klant = _klant(request, klant_pk)
    response = als_download(klant, bericht_pk)
    inzage_bij_verzoek(request, klant, "bijlage", "Begeleiding: bijlage van een bericht geopend")
    return response  # type: ignore[return-value]


def _verslag_form(
    request: HttpRequest, klant: Klant, verslag: Gespreksverslag | None
) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    if verslag is None:
        initial: dict[str, Any] = {"gesprek_op": timezone.localdate()}
    else:
        initial = {
            v: getattr(verslag, v)
            for v in ("gesprek_op", "soort", "samenvatting", "afspraken", "volgende_stappen")
        }
    form = VerslagForm(request.POST or None, initial=initial)
    b1_meldingen = services.verslag_b1_controle(verslag) if verslag is not None else []
    if request.method == "POST":
        toegang.eis(toegang.mag_verslag_schrijven(gebruiker, klant))
    if request.method == "POST" and form.is_valid():
        try:
            verslag = services.verslag_opslaan(
                klant=klant, auteur=gebruiker, verslag=verslag, **form.cleaned_data
            )
            inzage_bij_verzoek(
                request,
                klant,
                "gespreksverslag",
                "Begeleiding: gespreksverslag geschreven",
                Actie.WIJZIGEN,
            )
            if "publiceren" in request.POST or "toch_publiceren" in request.POST:
                services.verslag_publiceren(
                    verslag=verslag, door=gebruiker, b1_genegeerd="toch_publiceren" in request.POST
                )
                messages.success(request, _("Het verslag staat nu in de app van de klant."))
                return redirect("werk:klant", klant_pk=klant.pk)
            messages.success(request, _("Opgeslagen als concept. De klant ziet het nog niet."))
            return redirect("werk:verslag", klant_pk=klant.pk, verslag_pk=verslag.pk)
        except services.B1Fout as fout:
            b1_meldingen = fout.meldingen
            messages.warning(request, str(fout))
            return render(
                request,
                "contact/werk/verslag.html",
                {
                    "klant": klant,
                    "form": form,
                    "verslag": verslag,
                    "b1_meldingen": b1_meldingen,
                    "b1_blokkeert": True,
                },
                status=400,
            )
        except services.InvoerFout as fout:
            _fout_in_form(form, fout)
    inzage_bij_verzoek(request, klant, "gespreksverslag", "Begeleiding: gespreksverslag geopend")
    return render(
        request,
        "contact/werk/verslag.html",
        {
            "klant": klant,
            "form": form,
            "verslag": verslag,
            "b1_meldingen": b1_meldingen,
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(*BEGELEIDING)
def verslag_nieuw(request: HttpRequest, klant_pk: int) -> HttpResponse:
    return _verslag_form(request, _klant(request, klant_pk), None)


@rol_vereist(*BEGELEIDING)
def verslag(request: HttpRequest, klant_pk: int, verslag_pk: int) -> HttpResponse:
    klant = _klant(request, klant_pk)
    return _verslag_form(
        request, klant, get_object_or_404(selectors.alle_verslagen(klant), pk=verslag_pk)
    )


@rol_vereist(*BEGELEIDING)
def contactmomenten(request: HttpRequest, klant_pk: int) -> HttpResponse:
    """Plan a call or meeting; the client is told in advance."""
    klant = _klant(request, klant_pk)
    gebruiker = gebruiker_van(request)
    form = ContactmomentForm(request.POST or None)
    if request.method == "POST":
        toegang.eis(toegang.mag_contactmoment_plannen(gebruiker, klant))
    if request.method == "POST" and "moment" in request.POST:
        moment = get_object_or_404(Contactmoment, pk=request.POST["moment"] or 0, klant=klant)
        try:
            services.contactmoment_afronden(moment=moment, status=request.POST.get("status", ""))
        except services.InvoerFout as fout:
            messages.error(request, str(fout))
        else:
            inzage_bij_verzoek(
                request, klant, "afspraken", "Begeleiding: contactmoment afgerond", Actie.WIJZIGEN
            )
            messages.success(request, _("Opgeslagen."))
        return redirect("werk:contactmomenten", klant_pk=klant.pk)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        wanneer = timezone.make_aware(datetime.combine(d["datum"], d["tijd"]))
        try:
            services.contactmoment_plannen(
                klant=klant,
                door=gebruiker,
                wanneer=wanneer,
                soort=d["soort"],
                onderwerp=d["onderwerp"],
                waarom=d["waarom"],
            )
        except services.InvoerFout as fout:
            _fout_in_form(form, fout)
        else:
            inzage_bij_verzoek(
                request, klant, "afspraken", "Begeleiding: contactmoment gepland", Actie.AANMAKEN
            )
            messages.success(
                request,
                _("Gepland. De klant heeft een bericht gekregen met wat, wanneer en waarom."),
            )
            return redirect("werk:contactmomenten", klant_pk=klant.pk)
    inzage_bij_verzoek(request, klant, "afspraken", "Begeleiding: afspraken bekeken")
    return render(
        request,
        "contact/werk/contactmomenten.html",
        {
            "klant": klant,
            "form": form,
            "momenten": Contactmoment.objects.filter(klant=klant).order_by("-wanneer"),
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(*BEGELEIDING)
def stappenplan(request: HttpRequest, klant_pk: int) -> HttpResponse:
    """Goals, qualities, barriers (mapped early, the ones to tackle first marked), trede and phase,
    and the step plan: who does what by when."""
    klant = _klant(request, klant_pk)
    doel_form = DoelForm(prefix="doel")
    stap_form = StapForm(prefix="stap", klant=klant)
    drempel_form = DrempelForm(prefix="drempel")
    trede_form = TredeForm(prefix="trede", initial={"trede": klant.trede, "fase": klant.fase})
    fout_gezien = False
    if request.method == "POST":
        toegang.eis(toegang.mag_stappenplan_bijwerken(gebruiker_van(request), klant))
        try:
            if "stap_afvinken" in request.POST:
                stap = get_object_or_404(Stap, pk=request.POST["stap_afvinken"] or 0, klant=klant)
                services.stap_afvinken(stap=stap, gedaan=stap.gedaan_op is None)
                return _opgeslagen(request, klant, "werk:stappenplan")
            if "drempel_eerst" in request.POST or "drempel_opgelost" in request.POST:
                sleutel = "drempel_eerst" if "drempel_eerst" in request.POST else "drempel_opgelost"
                drempel = get_object_or_404(Drempel, pk=request.POST[sleutel] or 0, klant=klant)
                if sleutel == "drempel_eerst":
                    services.drempel_bijwerken(
                        drempel=drempel, eerst_aanpakken=not drempel.eerst_aanpakken
                    )
                else:
                    services.drempel_bijwerken(
                        drempel=drempel, opgelost=drempel.opgelost_op is None
                    )
                return _opgeslagen(request, klant, "werk:stappenplan")
            if "drempel-soort" in request.POST:
                drempel_form = DrempelForm(request.POST, prefix="drempel")
                if drempel_form.is_valid():
                    services.drempel_vastleggen(klant=klant, **drempel_form.cleaned_data)
                    return _opgeslagen(request, klant, "werk:stappenplan")
            elif "trede-trede" in request.POST:
                trede_form = TredeForm(request.POST, prefix="trede")
                if trede_form.is_valid():
                    services.trede_en_fase_wijzigen(
                        klant=klant, door=gebruiker_van(request), **trede_form.cleaned_data
                    )
                    return _opgeslagen(request, klant, "werk:stappenplan")
            elif "doel-tekst" in request.POST:
                doel_form = DoelForm(request.POST, prefix="doel")
                if doel_form.is_valid():
                    services.doel_toevoegen(klant=klant, **doel_form.cleaned_data)
                    return _opgeslagen(request, klant, "werk:stappenplan")
            else:
                stap_form = StapForm(request.POST, prefix="stap", klant=klant)
                if stap_form.is_valid():
                    d = stap_form.cleaned_data
                    bij_drempel = (
                        klant.drempels.filter(pk=d["drempel"]).first() if d["drempel"] else None
                    )
                    services.stap_toevoegen(
                        klant=klant,
                        wat=d["wat"],
                        wie=d["wie"],
                        uiterlijk=d["uiterlijk"],
                        drempel=bij_drempel,
                    )
                    return _opgeslagen(request, klant, "werk:stappenplan")
        except services.InvoerFout as fout:
            messages.error(request, str(fout))
            fout_gezien = True
    inzage_bij_verzoek(request, klant, "stappenplan", "Begeleiding: stappenplan bekeken")
    formulieren = (doel_form, stap_form, drempel_form, trede_form)
    return render(
        request,
        "contact/werk/stappenplan.html",
        {
            "klant": klant,
            "doel_form": doel_form,
            "stap_form": stap_form,
            "drempel_form": drempel_form,
            "trede_form": trede_form,
            **selectors.stappenplan_van(klant),
            "drempels": sorted(klant.drempels.all(), key=lambda d: d.volgorde),
            "trede_historie": klant.trede_historie.select_related("door"),
        },
        status=400 if fout_gezien or any(f.errors for f in formulieren) else 200,
    )


def _opgeslagen(request: HttpRequest, klant: Klant, naam: str) -> HttpResponse:
    inzage_bij_verzoek(
        request, klant, "stappenplan", "Begeleiding: stappenplan bijgewerkt", Actie.WIJZIGEN
    )
    messages.success(request, _("Opgeslagen."))
    return redirect(naam, klant_pk=klant.pk)


@rol_vereist(*BEGELEIDING)
def aanvragen(request: HttpRequest, klant_pk: int) -> HttpResponse:
    klant = _klant(request, klant_pk)
    if request.method == "POST":
        toegang.eis(toegang.mag_aanvraag_bijwerken(gebruiker_van(request), klant))
        form = AanvraagStatusForm(request.POST)
        if form.is_valid():
            aanvraag = get_object_or_404(Aanvraag, pk=form.cleaned_data["aanvraag"], klant=klant)
            services.aanvraag_bijwerken(
                aanvraag=aanvraag, door=gebruiker_van(request), status=form.cleaned_data["status"]
            )
            inzage_bij_verzoek(
                request, klant, "aanvraag", "Begeleiding: aanvraag bijgewerkt", Actie.WIJZIGEN
            )
            messages.success(request, _("Bijgewerkt. De klant heeft een bericht gekregen."))
            return redirect("werk:aanvragen", klant_pk=klant.pk)
    inzage_bij_verzoek(request, klant, "regelingen", "Begeleiding: regelingen en aanvragen bekeken")
    uitkomsten, fout = voorzieningen.voor_weergave(
        klant, peildatum=timezone.localdate(), alleen_recht=False
    )
    return render(
        request,
        "contact/werk/aanvragen.html",
        {
            "klant": klant,
            "aanvragen": klant.aanvragen.all(),
            "statussen": AanvraagStatus.choices,
            "uitkomsten": uitkomsten,
            "rekenfout": fout,
        },
    )


@rol_vereist(*BEGELEIDING)
def overdracht(request: HttpRequest, klant_pk: int) -> HttpResponse:
    """Hand a client over to a colleague, or record a substitution; the client is told. Only the
    client's own contact person: a substitute gets a 403, also for just the form."""
    klant = _klant(request, klant_pk)
    gebruiker = gebruiker_van(request)
    toegang.eis(
        toegang.mag_caseload_delegeren(gebruiker, klant.contactpersoon),
        _("Alleen de vaste contactpersoon van deze klant legt een overdracht of vervanging vast."),
    )
    assert klant.contactpersoon is not None  # checked by the rule above
    form = OverdrachtForm(
        request.POST or None, van=klant.contactpersoon, initial={"begin": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.overdracht_vastleggen(klant=klant, door=gebruiker, **form.cleaned_data)
        except services.InvoerFout as fout:
            _fout_in_form(form, fout)
        else:
            inzage_bij_verzoek(
                request,
                klant,
                "contactpersoon",
                "Begeleiding: overdracht vastgelegd",
                Actie.WIJZIGEN,
            )
            messages.success(
                request, _("Vastgelegd. De klant heeft een bericht gekregen over wie nu helpt.")
            )
            if toegang.mag_klant_zien(gebruiker, klant):
                return redirect("werk:klant", klant_pk=klant.pk)
            return redirect("werk:caseload")
    inzage_bij_verzoek(request, klant, "contactpersoon", "Begeleiding: overdracht voorbereid")
    return render(
        request,
        "contact/werk/overdracht.html",
        {
            "klant": klant,
            "form": form,
            "overdrachten": selectors.overdrachten(klant),
            "max_dagen": toegang.vervanging_max_dagen(klant.gemeente),
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(*BEGELEIDING)
def als_klant(request: HttpRequest, klant_pk: int) -> HttpResponse:
    """See what the client sees, read-only. Logged in the access log, so the client sees it too."""
    klant = _klant(request, klant_pk)
    inzage_bij_verzoek(
        request, klant, "weergave als klant", "Begeleiding: bekeken wat de klant in de app ziet"
    )
    uitkomsten, fout = voorzieningen.voor_weergave(klant, peildatum=timezone.localdate())
    return render(
        request,
        "contact/werk/als_klant.html",
        {
            # The client's links become links the viewer can follow, or text (web.templatetags klantlink).
            "als_klant_voorbeeld": True,
            "klant": klant,
            "fases": reis_van(klant),
            **selectors.thuis_overzicht(klant),
            **selectors.stappenplan_van(klant),
            "contactpersoon": selectors.contactpersoon_profiel(klant.contactpersoon_id),
            "berichten": selectors.gesprek(klant),
            "verslagen": selectors.gepubliceerde_verslagen(klant),
            "afspraken": selectors.afspraken_op_een_rij(klant),
            "momenten": selectors.komende_contactmomenten(klant),
            "teksten": regels_voor_klant(klant),
            # The provisions exactly as the client's page computes them: only what the engine grants.
            "beschikbaar": not fout,
            "aanvragen": klant.aanvragen.all(),
            "uitkomsten": uitkomsten,
        },
    )


@rol_vereist(Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT)
def voorzieningen_overzicht(request: HttpRequest) -> HttpResponse:
    """All provisions of the municipality, their rules and processing times, applications in progress."""
    gebruiker = gebruiker_van(request)
    gemeente = gebruiker.gemeente
    if gemeente is None:
        raise Http404
    lopend = Aanvraag.objects.filter(
        gemeente_id=gemeente.pk,
        klant__in=zichtbare_klanten(gebruiker),
        status__in=[AanvraagStatus.INGEDIEND, AanvraagStatus.IN_BEHANDELING],
    ).select_related("klant")
    inzages_bij_lijst(
        request,
        [a.klant for a in lopend],
        "aanvraag",  # evaluates and caches the queryset
        "Begeleiding: lopende aanvragen in het overzicht",
    )
    return render(
        request,
        "contact/werk/voorzieningen.html",
        {
            "regelingen": voorzieningen.regelingen_van_gemeente(gemeente.regels_code),
            "lopend": lopend,
            "standaard_weken": gemeente.instelling("voorziening_behandel_weken", 8),
            "vandaag": timezone.localdate(),
        },
    )


@rol_vereist(Rol.CONTACTPERSOON)
def profiel(request: HttpRequest) -> HttpResponse:
    """A1: the contact person's own card (photo, introduction, availability, direct number), as
    every client of theirs sees it. Staff data only: nothing of a client, so no access log."""
    gebruiker = gebruiker_van(request)
    huidig = selectors.contactpersoon_profiel(gebruiker.pk)
    form = ProfielForm(
        initial={
            "introductie": huidig.introductie if huidig else "",
            "bereikbaar": huidig.bereikbaar if huidig else "",
            "telefoon_direct": huidig.telefoon_direct if huidig else "",
        }
    )
    if request.method == "POST":
        form = ProfielForm(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.profiel_bijwerken(
                    gebruiker,
                    introductie=d["introductie"],
                    bereikbaar=d["bereikbaar"],
                    telefoon_direct=d["telefoon_direct"],
                    foto=d["foto"],
                    foto_weghalen=d["foto_weghalen"],
                )
            except services.InvoerFout as fout:
                _fout_in_form(form, fout)
            else:
                messages.success(
                    request, _("Je gegevens zijn opgeslagen. Je klanten zien ze meteen.")
                )
                return redirect("werk:profiel")
    return render(
        request,
        "contact/werk/profiel.html",
        {
            "form": form,
            "contactpersoon": huidig or Contactpersoon(gebruiker=gebruiker),
            "naam": gebruiker.weergavenaam,
        },
        status=400 if form.errors else 200,
    )

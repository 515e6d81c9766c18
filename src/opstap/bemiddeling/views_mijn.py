"""The client's side (namespace 'mijn'): consent per employer, the details employers may see,
candidacies with feedback and trial days, and meet-ups."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.contact.services import InvoerFout
from opstap.klanten.models import Klant
from opstap.privacy.services import inzage_bij_verzoek
from opstap.werkgevers.models import Toestemming

from . import selectors, services
from .forms import ProfielFormulier, ToestemmingFormulier
from .models import Voorstel, VoorstelStatus
from .views_gedeeld import kandidatuur_pagina

ONDERDEEL = services.ONDERDEEL


def _klant(request: HttpRequest) -> Klant:
    klant = toegang.eigen_klant(gebruiker_van(request))
    if klant is None:
        raise PermissionDenied("Dit deel is voor klanten.")
    return klant


@rol_vereist(Rol.KLANT)
def toestemmingen(request: HttpRequest) -> HttpResponse:
    """Who may see me, exactly what (the values, as the employer sees them), for which vacancy and
    since when; give consent, or answer a proposal (pre-filled)."""
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    wachtend = list(selectors.wachtende_voorstellen(klant))
    gekozen_voorstel: Voorstel | None = None
    keuze = request.POST.get("voorstel") or request.GET.get("voorstel") or ""
    if keuze.isdigit():
        gekozen_voorstel = next((v for v in wachtend if v.pk == int(keuze)), None)
    if request.method == "POST" and request.POST.get("actie") == "nee":
        if gekozen_voorstel is not None:
            services.voorstel_afwijzen(door=gebruiker, voorstel=gekozen_voorstel)
        messages.success(request, _("Goed, we delen niets. Dat is helemaal in orde."))
        return redirect("mijn:toestemmingen")
    initial = {}
    if gekozen_voorstel is not None:
        initial = {
            "werkgever": gekozen_voorstel.werkgever_id,
            "vacature": gekozen_voorstel.vacature_id,
            "gegevens": gekozen_voorstel.voorgestelde_gegevens,
        }
    form = ToestemmingFormulier(
        request.POST or None,
        initial=initial,
        werkgevers=selectors.werkgevers_in(klant.gemeente_id),
        vacatures=selectors.open_vacatures_in(klant.gemeente_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            toestemming = services.toestemming_geven(
                door=gebruiker,
                klant=klant,
                werkgever=form.cleaned_data["werkgever"],
                vacature=form.cleaned_data["vacature"],
                gegevens=form.cleaned_data["gegevens"],
                voorstel=gekozen_voorstel,
            )
        except InvoerFout as fout:
            form.fout_tonen(fout)
        else:
            messages.success(
                request,
                _("%(w)s kan nu zien wat je koos. Je kunt dit altijd intrekken.")
                % {"w": toestemming.werkgever.naam},
            )
            return redirect("mijn:toestemmingen")
    lopend = [
        {"toestemming": t, "waarden": selectors.gedeelde_waarden(t)}
        for t in selectors.toestemmingen_van(klant)
    ]
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je bekeek met wie je gegevens deelt")
    return render(
        request,
        "bemiddeling/mijn/toestemmingen.html",
        {
            "klant": klant,
            "lopend": lopend,
            "ingetrokken": selectors.ingetrokken_toestemmingen_van(klant),
            "wachtend": wachtend,
            "gekozen_voorstel": gekozen_voorstel,
            "form": form,
            "alles": selectors.waarden_van(klant, list(selectors.GEGEVENS_VOLGORDE)),
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def toestemming_intrekken(request: HttpRequest, toestemming_pk: int) -> HttpResponse:
    """One tap, a confirmation, and the employer sees nothing from that moment."""
    klant = _klant(request)
    toestemming = get_object_or_404(
        Toestemming.objects.select_related("werkgever", "vacature"),
        pk=toestemming_pk,
        klant=klant,
        ingetrokken_op__isnull=True,
    )
    if request.method == "POST":
        services.toestemming_intrekken(door=gebruiker_van(request), toestemming=toestemming)
        messages.success(
            request,
            _("Ingetrokken. %(w)s ziet vanaf nu niets meer van je.")
            % {"w": toestemming.werkgever.naam},
        )
        return redirect("mijn:toestemmingen")
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je bekeek een toestemming om in te trekken")
    return render(
        request,
        "bemiddeling/mijn/intrekken.html",
        {"toestemming": toestemming, "waarden": selectors.gedeelde_waarden(toestemming)},
    )


@rol_vereist(Rol.KLANT)
def kandidaatprofiel(request: HttpRequest) -> HttpResponse:
    """What I write for employers: when I can work and a short CV."""
    klant = _klant(request)
    profiel = selectors.kandidaatprofiel(klant)
    form = ProfielFormulier(
        request.POST or None, initial={"beschikbaarheid": profiel.beschikbaarheid, "cv": profiel.cv}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.profiel_opslaan(door=gebruiker_van(request), klant=klant, **form.cleaned_data)
        except InvoerFout as fout:
            form.fout_tonen(fout)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("mijn:toestemmingen")
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je bekeek wat werkgevers kunnen zien")
    return render(
        request,
        "bemiddeling/mijn/profiel.html",
        {"form": form, "kwaliteiten": selectors.kwaliteiten_van(klant)},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def kandidaturen(request: HttpRequest) -> HttpResponse:
    """Where I am a candidate, with the status, and my work-experience places."""
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    voorstellen = (
        toegang.zichtbare_voorstellen(gebruiker)
        .exclude(status__in=[VoorstelStatus.GEVRAAGD, VoorstelStatus.NEE])
        .select_related("werkgever", "vacature")
    )
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je bekeek je kandidaturen")
    return render(
        request,
        "bemiddeling/mijn/kandidaturen.html",
        {
            "voorstellen": voorstellen,
            "wachtend": selectors.wachtende_voorstellen(klant).count(),
            "plaatsen": toegang.zichtbare_plaatsen(gebruiker).select_related("werkgever"),
        },
    )


@rol_vereist(Rol.KLANT)
def kandidatuur(request: HttpRequest, voorstel_pk: int) -> HttpResponse:
    voorstel = get_object_or_404(
        toegang.zichtbare_voorstellen(gebruiker_van(request)).select_related(
            "werkgever", "vacature", "klant", "toestemming"
        ),
        pk=voorstel_pk,
    )
    return kandidatuur_pagina(request, voorstel, template="bemiddeling/mijn/kandidatuur.html")


@rol_vereist(Rol.KLANT)
def bijeenkomsten(request: HttpRequest) -> HttpResponse:
    """Meet-ups with employers: I choose to sign up, or off."""
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    zichtbaar = toegang.zichtbare_bijeenkomsten(gebruiker)
    if request.method == "POST":
        keuze = request.POST.get("bijeenkomst", "")
        bijeenkomst = get_object_or_404(zichtbaar, pk=int(keuze) if keuze.isdigit() else -1)
        try:
            if request.POST.get("actie") == "af":
                services.afmelden(door=gebruiker, klant=klant, bijeenkomst=bijeenkomst)
                messages.success(request, _("Je bent afgemeld."))
            else:
                services.aanmelden(door=gebruiker, klant=klant, bijeenkomst=bijeenkomst)
                messages.success(request, _("Je bent aangemeld. Tot dan!"))
        except InvoerFout as fout:
            messages.error(request, str(fout))
        return redirect("mijn:bijeenkomsten")
    aangemeld = set(
        toegang.zichtbare_aanmeldingen(gebruiker).values_list("bijeenkomst_id", flat=True)
    )
    komend = list(
        zichtbaar.filter(begint_op__gte=timezone.now()).prefetch_related("werkgevers")[:50]
    )
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je bekeek de bijeenkomsten met werkgevers")
    return render(
        request,
        "bemiddeling/mijn/bijeenkomsten.html",
        {"bijeenkomsten": [(b, b.pk in aangemeld) for b in komend]},
    )

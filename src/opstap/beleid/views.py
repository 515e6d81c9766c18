import csv
from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import regels
from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.gemeenten.models import Gemeente
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek

from .besparing import PARTTIME_MAANDLOON, STUDIEVOORBEELDEN, studiemethode
from .forms import AanpakFormulier, BesparingFormulier, DoorrekeningFormulier, StudieFormulier
from .grafiek import gemiddelden_svg, legenda, lijnen_svg
from .models import Aanpak, Besparingsschatting, Doorrekening
from .onderdrukking import MINIMALE_CELGROOTTE, VERBORGEN_TEKEN, weergave
from .overleving import UITKOMSTEN, aandeel_na, cohorten, curves
from .rapport import MAANDEN_KM, Rapportparameters, rapport_csv, rapport_pdf
from .schatting import besparing_starten
from .selectors import bestandsbeeld, doorrekening_tabel, doorrekeningen_van
from .services import aanpak_zetten, doorrekening_starten
from .tijdreeks import GEBEURTENISSEN, INDELING, INDELINGEN, bestandsbeeld_in_de_tijd
from .verloop import verlopen_van


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


def _gemeente(request: HttpRequest) -> Gemeente:
    gemeente = gebruiker_van(request).gemeente
    toegang.eis(gemeente is not None, "Geen gemeente.")
    return gemeente  # type: ignore[return-value]


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def trends(request: HttpRequest) -> HttpResponse:
    """Counts per month by one breakdown, as a chart with the table beside it."""
    sleutel = request.GET.get("indeling", "trede")
    indeling = INDELING.get(sleutel)
    if indeling is None or indeling.alleen_nu:
        indeling = INDELING["trede"]
    beeld = bestandsbeeld_in_de_tijd(_gemeente(request))
    maanden = beeld.maanden
    labels = [m.eerste.strftime("%m-%Y") for m in maanden]
    namen = [str(label) for _c, label in indeling.categorieen]
    reeksen = [
        (naam, [m.tabellen[indeling.sleutel][i] for m in maanden]) for i, naam in enumerate(namen)
    ]
    svg = lijnen_svg(
        labels,
        [(n, [None if w is None else float(w) for w in r]) for n, r in reeksen],
        titel=_("Aantal klanten per maand: %(indeling)s") % {"indeling": indeling.titel},
        uitleg=_("Een lijn per groep. De tabel ernaast geeft dezelfde aantallen."),
        y_label=_("maand"),
        sleutel="trend",
    )
    rijen = [
        {
            "maand": m,
            "totaal": m.totaal,
            "cellen": m.tabellen[indeling.sleutel],
            "gebeurtenissen": [m.gebeurtenissen[s] for s, _l in GEBEURTENISSEN],
        }
        for m in maanden
    ]
    return render(
        request,
        "beleid/trends.html",
        {
            "indeling": indeling,
            "indelingen": [i for i in INDELINGEN if not i.alleen_nu],
            "namen": namen,
            "legenda": legenda(namen),
            "svg": svg,
            "rijen": rijen,
            "gebeurtenissen": [label for _s, label in GEBEURTENISSEN],
            "teken": VERBORGEN_TEKEN,
            "minimale_celgrootte": MINIMALE_CELGROOTTE,
        },
    )


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def trends_csv(request: HttpRequest) -> HttpResponse:
    """Every month, every breakdown, in long form: the same numbers as the pages."""
    gemeente = _gemeente(request)
    beeld = bestandsbeeld_in_de_tijd(gemeente)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="bestandsbeeld-{gemeente.slug}-{beeld.peildag.isoformat()}.csv"'
    )
    schrijver = csv.writer(response, delimiter=";", lineterminator="\n")
    schrijver.writerow(["maand", "peildag", "indeling", "categorie", "label", "aantal"])
    for m in beeld.maanden:
        maand, dag = m.eerste.strftime("%Y-%m"), m.peildag.isoformat()
        schrijver.writerow([maand, dag, "totaal", "", "", weergave(m.totaal)])
        for indeling in INDELINGEN:
            if indeling.sleutel not in m.tabellen:
                continue
            for (c, label), n in zip(
                indeling.categorieen, m.tabellen[indeling.sleutel], strict=True
            ):
                schrijver.writerow([maand, dag, indeling.sleutel, c, str(label), weergave(n)])
        for s, label in GEBEURTENISSEN:
            schrijver.writerow([maand, dag, s, "", str(label), weergave(m.gebeurtenissen[s])])
    return response


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def besparing(request: HttpRequest) -> HttpResponse:
    """The study's method (with its own figures, or yours) and the engine's estimate."""
    gebruiker = gebruiker_van(request)
    gemeente = _gemeente(request)
    studie_form = StudieFormulier(request.GET if "trede34" in request.GET else None)
    studie = None
    if studie_form.is_bound and studie_form.is_valid():
        d = studie_form.cleaned_data
        studie = studiemethode(
            doelgroep=d["trede34"], parttimers=d["parttimers"], maandloon=d["maandloon"]
        )
    voorbeelden = [
        (naam, bijstand, doelgroep, pt, studiemethode(doelgroep=doelgroep, parttimers=pt))
        for naam, bijstand, doelgroep, pt in STUDIEVOORBEELDEN
    ]
    form = BesparingFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        naam, regel, parameters = form.variant()
        try:
            s = besparing_starten(
                door=gebruiker,
                gemeente=gemeente,
                peildatum=form.gekozen_peildatum,
                treden=form.cleaned_data["treden"],
                uren=form.cleaned_data["uren"],
                bruto_uurloon=form.cleaned_data["bruto_uurloon"],
                maandloon_studie=form.cleaned_data["maandloon_studie"],
                variant_naam=naam,
                variant_regel=regel,
                variant_parameters=parameters,
            )
        except regels.InvoerFout as fout:
            form.add_error(None, str(fout))
        else:
            return redirect(f"{reverse('beleid:besparing')}?schatting={s.pk}")
    schattingen = Besparingsschatting.objects.filter(gemeente=gemeente)
    gekozen = None
    if request.GET.get("schatting", "").isdigit():
        gekozen = get_object_or_404(schattingen, pk=int(request.GET["schatting"]))
    else:
        gekozen = schattingen.first()
    return render(
        request,
        "beleid/besparing.html",
        {
            "studie_form": studie_form,
            "studie": studie,
            "voorbeelden": voorbeelden,
            "parameter": PARTTIME_MAANDLOON,
            "form": form,
            "schattingen": schattingen[:10],
            "s": gekozen,
            "teken": VERBORGEN_TEKEN,
            "minimale_celgrootte": MINIMALE_CELGROOTTE,
        },
        status=400 if form.is_bound or (studie_form.is_bound and studie is None) else 200,
    )


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def effectiviteit(request: HttpRequest) -> HttpResponse:
    """Kaplan-Meier curves per approach, for one cohort (start year) or all."""
    uitkomst = request.GET.get("uitkomst", "baan")
    if uitkomst not in UITKOMSTEN:
        uitkomst = "baan"
    verlopen = verlopen_van(_gemeente(request))
    jaren = cohorten(verlopen)
    cohort = int(request.GET["cohort"]) if request.GET.get("cohort", "").isdigit() else None
    if cohort not in jaren:
        cohort = None
    vandaag = timezone.localdate()
    lijnen = curves(verlopen, uitkomst, vandaag, cohort=cohort)
    getekend = [c for c in lijnen if len(c.punten) > 1]  # more than the start point
    svg = lijnen_svg(
        [str(m) for m in range(0, 61, 6)],
        [(str(c.label), [p.aandeel for p in c.punten]) for c in getekend],
        titel=_("%(uitkomst)s: aandeel klanten per maand sinds de start")
        % {"uitkomst": UITKOMSTEN[uitkomst]},
        uitleg=_("Een trap per aanpak met een band voor het 95%-betrouwbaarheidsinterval."),
        y_label=_("maanden sinds de start"),
        sleutel="km",
        trap=True,
        x_waarden=[[p.maand for p in c.punten] for c in getekend],
        banden=[[(p.onder, p.boven) for p in c.punten] for c in getekend],
        procent=True,
    )
    tabel = [{"curve": c, "na": [aandeel_na(c, m) for m in MAANDEN_KM]} for c in lijnen]
    return render(
        request,
        "beleid/effectiviteit.html",
        {
            "uitkomst": uitkomst,
            "uitkomsten": UITKOMSTEN,
            "uitkomst_label": UITKOMSTEN[uitkomst],
            "cohort": cohort,
            "cohorten": jaren,
            "svg": svg,
            "legenda": legenda([str(c.label) for c in getekend]),
            "tabel": tabel,
            "maanden_km": MAANDEN_KM,
            "teken": VERBORGEN_TEKEN,
            "minimale_celgrootte": MINIMALE_CELGROOTTE,
        },
    )


def _rapportparameters(request: HttpRequest) -> Rapportparameters:
    try:
        peildatum = date.fromisoformat(request.GET.get("peildatum", ""))
    except ValueError:
        peildatum = timezone.localdate()
    peildatum = min(peildatum, timezone.localdate())
    cohort = int(request.GET["cohort"]) if request.GET.get("cohort", "").isdigit() else None
    return Rapportparameters(peildatum=peildatum, cohort=cohort)


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def rapport_csv_view(request: HttpRequest) -> HttpResponse:
    gemeente, p = _gemeente(request), _rapportparameters(request)
    response = HttpResponse(rapport_csv(gemeente, p), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="beleidsrapport-{gemeente.slug}-{p.peildatum.isoformat()}.csv"'
    )
    return response


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def rapport_pdf_view(request: HttpRequest) -> HttpResponse:
    gemeente, p = _gemeente(request), _rapportparameters(request)
    response = HttpResponse(rapport_pdf(gemeente, p), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="beleidsrapport-{gemeente.slug}-{p.peildatum.isoformat()}.pdf"'
    )
    return response


@rol_vereist(Rol.CONTACTPERSOON)
def aanpak(request: HttpRequest, klant_pk: int) -> HttpResponse:
    """The contact person sets the client's approach (regular or tailored), for F2's cohorts."""
    gebruiker = gebruiker_van(request)
    klant = get_object_or_404(toegang.begeleide_klanten(gebruiker), pk=klant_pk)
    huidig = Aanpak.objects.filter(klant=klant).first()
    form = AanpakFormulier(
        request.POST or None, initial={"soort": huidig.soort if huidig else "regulier"}
    )
    if request.method == "POST":
        toegang.eis(toegang.mag_aanpak_zetten(gebruiker, klant))
        if form.is_valid():
            aanpak_zetten(klant=klant, soort=form.cleaned_data["soort"], door=gebruiker)
            inzage_bij_verzoek(
                request, klant, "aanpak", "Begeleiding: aanpak vastgelegd", Actie.WIJZIGEN
            )
            messages.success(request, _("Opgeslagen."))
            return redirect("werk:stappenplan", klant_pk=klant.pk)
    else:
        inzage_bij_verzoek(request, klant, "aanpak", "Begeleiding: aanpak bekijken")
    return render(
        request,
        "beleid/aanpak.html",
        {"klant": klant, "form": form, "huidig": huidig},
        status=400 if form.is_bound else 200,
    )

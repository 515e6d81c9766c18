"""The contact person's side of the client's search for work (namespace 'werk'): the duty per client,
exemptions and the pause after a job, activities and outcomes, shared moods, and the review queue
for CV and letter checks with its same-day target."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.klanten.models import Klant
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst

from . import selectors, services
from .downloads import bewijs_download, stuk_download
from .forms import ControleForm, PauzeForm, PlichtForm, VrijstellingForm
from .models import STANDAARD_SOORTEN, Groepstip, Vrijstelling, VrijstellingSoort


def _klant(request: HttpRequest, klant_pk: int) -> Klant:
    return get_object_or_404(toegang.begeleide_klanten(gebruiker_van(request)), pk=klant_pk)


def _fout(form: Any, fout: services.InvoerFout) -> None:
    form.add_error(fout.veld if fout.veld in form.fields else None, str(fout))


@rol_vereist(Rol.CONTACTPERSOON)
def controles(request: HttpRequest) -> HttpResponse:
    """The review queue: CV and letter checks of my caseload, due the same working day."""
    gebruiker = gebruiker_van(request)
    wachtrij = selectors.controle_wachtrij(gebruiker)
    inzages_bij_lijst(
        request,
        [c.klant for c in wachtrij],
        "cv en brieven",
        "Begeleiding: je stond in de lijst van cv's en brieven om na te kijken",
    )
    nu = timezone.now()
    return render(
        request,
        "werkzoeken/werk/controles.html",
        {
            "rijen": [(c, c.uiterlijk_op < nu) for c in wachtrij],
            "te_laat": sum(1 for c in wachtrij if c.uiterlijk_op < nu),
            "groepen": selectors.groepen_van_moderator(gebruiker),
        },
    )


@rol_vereist(Rol.CONTACTPERSOON)
def klant(request: HttpRequest, klant_pk: int) -> HttpResponse:
    """One client's search for work: set and adjust the duty, an exemption, the pause after a
    job; their activities, outcomes, shared moods and checks."""
    gebruiker = gebruiker_van(request)
    dossier = _klant(request, klant_pk)
    plicht = selectors.geldende_plicht(dossier)
    plicht_form = PlichtForm(
        initial={
            "aantal": plicht.aantal if plicht else selectors.standaard_aantal(dossier.gemeente),
            "periode_weken": plicht.periode_weken if plicht else selectors.STANDAARD_PERIODE_WEKEN,
            "soorten": plicht.soorten if plicht else [str(s) for s in STANDAARD_SOORTEN],
            "toelichting": plicht.toelichting if plicht else "",
        }
    )
    vandaag = timezone.localdate()
    vrij_form = VrijstellingForm(initial={"begin": vandaag})
    pauze_form = PauzeForm()
    baan = selectors.laatste_baan(dossier)
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    try:
        if actie == "plicht":
            plicht_form = PlichtForm(request.POST)
            if plicht_form.is_valid():
                services.plicht_instellen(door=gebruiker, klant=dossier, **plicht_form.cleaned_data)
                messages.success(request, _("De afspraak is bewaard. De klant ziet hem nu."))
                return redirect("werk:werkzoeken-klant", klant_pk=dossier.pk)
        elif actie == "vrijstelling":
            vrij_form = VrijstellingForm(request.POST)
            if vrij_form.is_valid():
                services.vrijstelling_vastleggen(
                    door=gebruiker, klant=dossier, **vrij_form.cleaned_data
                )
                messages.success(request, _("De vrijstelling is bewaard. De klant ziet hem nu."))
                return redirect("werk:werkzoeken-klant", klant_pk=dossier.pk)
        elif actie == "pauze" and baan is not None:
            pauze_form = PauzeForm(request.POST)
            if pauze_form.is_valid():
                services.pauze_na_baan(
                    door=gebruiker, klant=dossier, baan=baan, weken=pauze_form.cleaned_data["weken"]
                )
                messages.success(
                    request, _("De sollicitatieplicht is gepauzeerd. De klant ziet het.")
                )
                return redirect("werk:werkzoeken-klant", klant_pk=dossier.pk)
        elif actie == "beeindigen":
            vrijstelling = get_object_or_404(
                Vrijstelling.objects.filter(klant=dossier),
                pk=request.POST.get("vrijstelling", "0")
                if request.POST.get("vrijstelling", "").isdigit()
                else 0,
            )
            services.vrijstelling_beeindigen(door=gebruiker, vrijstelling=vrijstelling)
            messages.success(request, _("De vrijstelling is gestopt."))
            return redirect("werk:werkzoeken-klant", klant_pk=dossier.pk)
    except services.InvoerFout as fout:
        _fout({"plicht": plicht_form, "vrijstelling": vrij_form}.get(actie, pauze_form), fout)
    inzage_bij_verzoek(
        request, dossier, "werk zoeken", "Begeleiding: activiteiten en sollicitatieplicht bekeken"
    )
    stand = selectors.plicht_stand(dossier)
    return render(
        request,
        "werkzoeken/werk/klant.html",
        {
            "klant": dossier,
            "stand": stand,
            "plicht_form": plicht_form,
            "vrij_form": vrij_form,
            "pauze_form": pauze_form,
            "baan": baan,
            "pauze_loopt": stand.vrijstelling is not None
            and stand.vrijstelling.soort == VrijstellingSoort.PAUZE_BAAN,
            "historie": selectors.plicht_historie(dossier)[:10],
            "vrijstellingen": selectors.vrijstellingen_van(dossier)[:10],
            "activiteiten": toegang.zichtbare_activiteiten(gebruiker).filter(klant=dossier)[:40],
            "stukken": toegang.zichtbare_stukken(gebruiker)
            .filter(klant=dossier)
            .prefetch_related("controles"),
            "stemmingen": toegang.zichtbare_stemmingen(gebruiker).filter(klant=dossier)[:10],
        },
        status=400 if plicht_form.errors or vrij_form.errors or pauze_form.errors else 200,
    )


@rol_vereist(Rol.CONTACTPERSOON)
def controle(request: HttpRequest, klant_pk: int, stuk_pk: int) -> HttpResponse:
    """Check a CV or letter: comments on the words they are about, and a word at the end."""
    gebruiker = gebruiker_van(request)
    dossier = _klant(request, klant_pk)
    stuk = get_object_or_404(toegang.zichtbare_stukken(gebruiker).filter(klant=dossier), pk=stuk_pk)
    alle = list(
        toegang.zichtbare_controles(gebruiker).filter(stuk=stuk).order_by("-gevraagd_op", "-id")
    )
    open_controle = next((c for c in alle if c.beantwoord_op is None), None)
    form = ControleForm()
    if request.method == "POST" and open_controle is not None:
        form = ControleForm(request.POST)
        if form.is_valid():
            try:
                services.controle_beantwoorden(
                    door=gebruiker,
                    controle=open_controle,
                    opmerkingen=form.opmerkingen(),
                    slotwoord=form.cleaned_data["slotwoord"],
                )
            except services.InvoerFout as fout:
                _fout(form, fout)
            else:
                messages.success(request, _("Verstuurd. De klant ziet je opmerkingen in de tekst."))
                return redirect("werk:werkzoeken-controles")
    inzage_bij_verzoek(request, dossier, "cv en brieven", "Begeleiding: je cv of brief gelezen")
    laatste = next((c for c in alle if c.beantwoord_op), None)
    return render(
        request,
        "werkzoeken/werk/controle.html",
        {
            "klant": dossier,
            "stuk": stuk,
            "open_controle": open_controle,
            "laatste": laatste,
            "stukjes": selectors.met_opmerkingen(laatste.tekst, laatste.opmerkingen)
            if laatste
            else [],
            "form": form,
            "te_laat": open_controle is not None and open_controle.uiterlijk_op < timezone.now(),
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.CONTACTPERSOON)
def stuk_bestand(request: HttpRequest, klant_pk: int, stuk_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    dossier = _klant(request, klant_pk)
    stuk = get_object_or_404(toegang.zichtbare_stukken(gebruiker).filter(klant=dossier), pk=stuk_pk)
    response = stuk_download(stuk)
    inzage_bij_verzoek(
        request, dossier, "cv en brieven", "Begeleiding: je cv, brief of filmpje geopend"
    )
    return response  # type: ignore[return-value]


@rol_vereist(Rol.CONTACTPERSOON)
def bewijs(request: HttpRequest, klant_pk: int, activiteit_pk: int) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    dossier = _klant(request, klant_pk)
    item = get_object_or_404(
        toegang.zichtbare_activiteiten(gebruiker).filter(klant=dossier), pk=activiteit_pk
    )
    response = bewijs_download(item)
    inzage_bij_verzoek(request, dossier, "bewijs", "Begeleiding: een bewijsstuk geopend")
    return response  # type: ignore[return-value]


@rol_vereist(Rol.CONTACTPERSOON)
def groepen(request: HttpRequest) -> HttpResponse:
    """Peer groups I moderate: the tips shared (without names), and hide one that does not belong."""
    gebruiker = gebruiker_van(request)
    if request.method == "POST":
        tip = get_object_or_404(
            Groepstip.objects.filter(groep__in=selectors.groepen_van_moderator(gebruiker)),
            pk=request.POST.get("tip", "0") if request.POST.get("tip", "").isdigit() else 0,
        )
        services.groepstip_verbergen(door=gebruiker, tip=tip)
        messages.success(request, _("De tip is verborgen."))
        return redirect("werk:werkzoeken-groepen")
    groepen_ = [
        (
            g,
            list(g.tips.select_related("klant")[:50]),
            g.leden.filter(afgemeld_op__isnull=True).count(),
        )
        for g in selectors.groepen_van_moderator(gebruiker)
    ]
    # The tips show no names, but what a client wrote is theirs: the read is in their access log.
    schrijvers = {t.klant_id: t.klant for _g, tips, _n in groepen_ for t in tips}
    inzages_bij_lijst(
        request,
        list(schrijvers.values()),
        "netwerk",
        "Begeleiding: je tip in een groep gelezen (als begeleider van de groep)",
    )
    return render(request, "werkzoeken/werk/groepen.html", {"groepen": groepen_})

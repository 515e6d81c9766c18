"""The client's own search for work (namespace 'mijn'): activities and the duty, CV and letters with
a same-day check, presentation, network, volunteer work and mantelzorg, outcome and mood.
Views validate, call a service or selector, render."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek
from opstap.web.omvang import max_verzoek

from . import selectors, services
from .downloads import bewijs_download, stuk_download
from .flyer import flyer_pdf
from .forms import (
    ActiviteitForm,
    AfwijzingForm,
    ControleVraagForm,
    GroepstipForm,
    NetwerkContactForm,
    PitchForm,
    StemmingForm,
    StukForm,
    VideoForm,
)
from .models import (
    ActiviteitSoort,
    Groep,
    StemmingMoment,
    StemmingScore,
    Stuk,
    StukSoort,
    Uitkomst,
)
from .teksten import BRIEF_CHECKLIST, BRIEF_VOORBEELDEN, CV_CHECKLIST, REGELS_VRIJWILLIG


def _klant(request: HttpRequest) -> Klant:
    klant = toegang.eigen_klant(gebruiker_van(request))
    if klant is None:
        raise Http404("Er is (nog) geen dossier aan dit account gekoppeld.")
    return klant


def _fout(form: Any, fout: services.InvoerFout) -> None:
    form.add_error(fout.veld if fout.veld in form.fields else None, str(fout))


def _stemming_context(request: HttpRequest) -> dict[str, Any]:
    """The one-tap mood check shown after a key moment (?stemming=<moment>)."""
    moment = request.GET.get("stemming", "")
    if moment not in StemmingMoment.values:
        return {}
    return {"stemming_moment": moment, "stemming_scores": StemmingScore.choices}


@rol_vereist(Rol.KLANT)
@max_verzoek("OPSTAP_MAX_UPLOAD_BYTES")
def overzicht(request: HttpRequest) -> HttpResponse:
    """My search for work: where I stand with what we agreed, and write down what I did."""
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    form = ActiviteitForm()
    if request.method == "POST":
        form = ActiviteitForm(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            try:
                activiteit = services.activiteit_loggen(
                    door=gebruiker,
                    klant=klant,
                    soort=d["soort"],
                    datum=d["datum"],
                    omschrijving=d["omschrijving"],
                    uren=d["uren"],
                    uitkomst=d["uitkomst"] or "",
                    bewijs=d["bewijs"],
                )
            except services.InvoerFout as fout:
                _fout(form, fout)
            else:
                messages.success(request, _("Opgeschreven. Goed dat je dit doet!"))
                if activiteit.uitkomst == Uitkomst.AANGENOMEN:
                    return redirect("mijn:werkzoeken-baan")
                momenten: dict[str, str] = {
                    Uitkomst.AFGEWEZEN: StemmingMoment.AFWIJZING,
                    Uitkomst.GESPREK: StemmingMoment.GESPREK,
                }
                moment = momenten.get(activiteit.uitkomst)
                if activiteit.uitkomst == Uitkomst.AFGEWEZEN:
                    return redirect("mijn:werkzoeken-activiteit", activiteit_pk=activiteit.pk)
                if moment:
                    return redirect(f"{reverse('mijn:werkzoeken')}?stemming={moment}")
                return redirect("mijn:werkzoeken")
    inzage_bij_verzoek(request, klant, "werk zoeken", "Je bekeek je activiteiten en afspraken")
    stand = selectors.plicht_stand(klant)
    return render(
        request,
        "werkzoeken/mijn/overzicht.html",
        {
            "klant": klant,
            "form": form,
            "stand": stand,
            "activiteiten": toegang.zichtbare_activiteiten(gebruiker).filter(klant=klant)[:30],
            "open_controles": selectors.controles_van(klant).filter(
                beantwoord_op__isnull=False, gelezen_op__isnull=True
            ),
            **_stemming_context(request),
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def activiteit(request: HttpRequest, activiteit_pk: int) -> HttpResponse:
    """One activity: how it ended. After a rejection: an evaluation and a pause if I want."""
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    item = get_object_or_404(
        toegang.zichtbare_activiteiten(gebruiker).filter(klant=klant), pk=activiteit_pk
    )
    form = AfwijzingForm()
    if request.method == "POST":
        uitkomst = request.POST.get("uitkomst", "")
        form = AfwijzingForm(request.POST)
        if form.is_valid():
            try:
                services.uitkomst_vastleggen(
                    door=gebruiker,
                    activiteit=item,
                    uitkomst=uitkomst,
                    evaluatie=form.cleaned_data["evaluatie"],
                    pauze=form.cleaned_data["pauze"],
                )
            except services.InvoerFout as fout:
                _fout(form, fout)
            else:
                if uitkomst == Uitkomst.AANGENOMEN:
                    return redirect("mijn:werkzoeken-baan")
                if uitkomst == Uitkomst.AFGEWEZEN:
                    if form.cleaned_data["evaluatie"] or form.cleaned_data["pauze"]:
                        messages.success(
                            request, _("Je contactpersoon heeft je bericht en neemt contact op.")
                        )
                    return redirect(
                        f"{reverse('mijn:werkzoeken')}?stemming={StemmingMoment.AFWIJZING}"
                    )
                if uitkomst == Uitkomst.GESPREK:
                    return redirect(
                        f"{reverse('mijn:werkzoeken')}?stemming={StemmingMoment.GESPREK}"
                    )
                return redirect("mijn:werkzoeken")
    inzage_bij_verzoek(request, klant, "werk zoeken", "Je bekeek een activiteit")
    return render(
        request,
        "werkzoeken/mijn/activiteit.html",
        {"klant": klant, "activiteit": item, "form": form, "uitkomsten": Uitkomst},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def bewijs(request: HttpRequest, activiteit_pk: int) -> HttpResponse:
    klant = _klant(request)
    item = get_object_or_404(
        toegang.zichtbare_activiteiten(gebruiker_van(request)).filter(klant=klant),
        pk=activiteit_pk,
    )
    response = bewijs_download(item)
    inzage_bij_verzoek(request, klant, "bewijs", "Je opende een bewijsstuk")
    return response  # type: ignore[return-value]


@rol_vereist(Rol.KLANT)
def baan(request: HttpRequest) -> HttpResponse:
    """'Ik heb de baan!': joy first. The rules come another day (reporting the job, D1)."""
    klant = _klant(request)
    if request.method == "POST":
        services.baan_gevonden(
            door=gebruiker_van(request),
            klant=klant,
            activiteit=None,
            omschrijving=request.POST.get("omschrijving", "").strip()[:500],
        )
        return redirect("mijn:werkzoeken-baan")
    inzage_bij_verzoek(request, klant, "werk zoeken", "Je vierde je nieuwe baan")
    return render(
        request,
        "werkzoeken/mijn/baan.html",
        {
            "klant": klant,
            "stemming_moment": StemmingMoment.BAAN,
            "stemming_scores": StemmingScore.choices,
        },
    )


# --- CV and letters -----------------------------------------------------------------------------


@rol_vereist(Rol.KLANT)
def stukken(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    if request.method == "POST" and request.POST.get("actie") == "cv_uit_profiel":
        stuk = services.stuk_opslaan(
            door=gebruiker,
            klant=klant,
            soort=StukSoort.CV,
            titel=_("Mijn cv"),
            tekst=selectors.cv_uit_profiel(klant),
        )
        messages.success(
            request, _("Je cv staat klaar met wat de gemeente al weet. Vul de rest aan.")
        )
        return redirect("mijn:werkzoeken-stuk", stuk_pk=stuk.pk)
    inzage_bij_verzoek(request, klant, "cv en brieven", "Je bekeek je cv en brieven")
    lijst = (
        toegang.zichtbare_stukken(gebruiker)
        .filter(klant=klant, ingetrokken_op__isnull=True, soort__in=[StukSoort.CV, StukSoort.BRIEF])
        .prefetch_related("controles")
    )
    return render(
        request,
        "werkzoeken/mijn/stukken.html",
        {"klant": klant, "stukken": lijst, "cv_checklist": CV_CHECKLIST},
    )


@rol_vereist(Rol.KLANT)
@max_verzoek("OPSTAP_MAX_UPLOAD_BYTES")
def stuk_nieuw(request: HttpRequest) -> HttpResponse:
    klant = _klant(request)
    soort = request.GET.get("soort", StukSoort.BRIEF)
    if soort not in (StukSoort.CV, StukSoort.BRIEF):
        soort = StukSoort.BRIEF
    form = StukForm(initial={"titel": _("Mijn cv") if soort == StukSoort.CV else ""})
    if request.method == "POST":
        form = StukForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                stuk = services.stuk_opslaan(
                    door=gebruiker_van(request),
                    klant=klant,
                    soort=soort,
                    titel=form.cleaned_data["titel"],
                    tekst=form.cleaned_data["tekst"],
                    bestand=form.cleaned_data["bestand"],
                )
            except services.InvoerFout as fout:
                _fout(form, fout)
            else:
                messages.success(request, _("Bewaard."))
                return redirect("mijn:werkzoeken-stuk", stuk_pk=stuk.pk)
    return render(
        request,
        "werkzoeken/mijn/stuk_nieuw.html",
        {
            "klant": klant,
            "form": form,
            "soort": soort,
            "soort_naam": dict(StukSoort.choices)[soort],
            "checklist": BRIEF_CHECKLIST if soort == StukSoort.BRIEF else CV_CHECKLIST,
            "voorbeelden": BRIEF_VOORBEELDEN if soort == StukSoort.BRIEF else [],
        },
        status=400 if form.errors else 200,
    )


def _eigen_stuk(request: HttpRequest, klant: Klant, stuk_pk: int) -> Stuk:
    return get_object_or_404(
        toegang.zichtbare_stukken(gebruiker_van(request)).filter(
            klant=klant, ingetrokken_op__isnull=True
        ),
        pk=stuk_pk,
    )


@rol_vereist(Rol.KLANT)
@max_verzoek("OPSTAP_MAX_UPLOAD_BYTES")
def stuk(request: HttpRequest, stuk_pk: int) -> HttpResponse:
    """Work on a CV or letter, ask for a check, read the comments in the text, or withdraw it."""
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    item = _eigen_stuk(request, klant, stuk_pk)
    form = StukForm(initial={"titel": item.titel, "tekst": item.tekst})
    vraag_form = ControleVraagForm()
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    try:
        if actie == "opslaan":
            form = StukForm(request.POST, request.FILES)
            if form.is_valid():
                services.stuk_opslaan(
                    door=gebruiker,
                    klant=klant,
                    soort=item.soort,
                    titel=form.cleaned_data["titel"],
                    tekst=form.cleaned_data["tekst"],
                    bestand=form.cleaned_data["bestand"],
                    stuk=item,
                )
                messages.success(request, _("Bewaard."))
                return redirect("mijn:werkzoeken-stuk", stuk_pk=item.pk)
        elif actie == "controle":
            vraag_form = ControleVraagForm(request.POST)
            if vraag_form.is_valid():
                services.controle_vragen(
                    door=gebruiker, stuk=item, vraag=vraag_form.cleaned_data["vraag"]
                )
                messages.success(
                    request,
                    _("Gevraagd! Je contactpersoon kijkt er vandaag naar. Je krijgt bericht."),
                )
                return redirect("mijn:werkzoeken-stuk", stuk_pk=item.pk)
        elif actie == "intrekken":
            services.stuk_intrekken(door=gebruiker, stuk=item)
            messages.success(request, _("Weggehaald. Niemand kan het nog zien."))
            return redirect("mijn:werkzoeken-stukken")
    except services.InvoerFout as fout:
        _fout(vraag_form if actie == "controle" else form, fout)
    controles = list(
        selectors.controles_van(klant).filter(stuk=item).select_related("beantwoord_door")
    )
    laatste = next((c for c in controles if c.beantwoord_op), None)
    if laatste is not None and laatste.gelezen_op is None:
        services.controle_gelezen(controle=laatste)
        if "stemming" not in request.GET:
            return redirect(
                f"{reverse('mijn:werkzoeken-stuk', args=[item.pk])}?stemming={StemmingMoment.CONTROLE}"
            )
    inzage_bij_verzoek(request, klant, "cv en brieven", "Je las je cv of brief")
    return render(
        request,
        "werkzoeken/mijn/stuk.html",
        {
            "klant": klant,
            "stuk": item,
            "form": form,
            "vraag_form": vraag_form,
            "open_controle": next((c for c in controles if not c.beantwoord_op), None),
            "laatste": laatste,
            "stukjes": selectors.met_opmerkingen(laatste.tekst, laatste.opmerkingen)
            if laatste
            else [],
            "checklist": BRIEF_CHECKLIST if item.soort == StukSoort.BRIEF else CV_CHECKLIST,
            **_stemming_context(request),
        },
        status=400 if form.errors or vraag_form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def stuk_bestand(request: HttpRequest, stuk_pk: int) -> HttpResponse:
    klant = _klant(request)
    item = _eigen_stuk(request, klant, stuk_pk)
    response = stuk_download(item)
    inzage_bij_verzoek(request, klant, "cv en brieven", "Je opende je eigen bestand")
    return response  # type: ignore[return-value]


# --- presentation beyond the CV (C6) ------------------------------------------------------------


@rol_vereist(Rol.KLANT)
@max_verzoek("OPSTAP_MAX_VIDEO_VERZOEK_BYTES")
def presentatie(request: HttpRequest) -> HttpResponse:
    """My pitch, a one-page flyer made from it, and a short video: mine to show, share or withdraw."""
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    huidig = selectors.presentatie_van(klant)
    pitch, video = huidig["pitch"], huidig["video"]
    pitch_form = PitchForm(initial={"tekst": pitch.tekst if pitch else ""})
    video_form = VideoForm()
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    try:
        if actie == "pitch":
            pitch_form = PitchForm(request.POST)
            if pitch_form.is_valid():
                services.stuk_opslaan(
                    door=gebruiker,
                    klant=klant,
                    soort=StukSoort.PITCH,
                    titel=_("Mijn pitch"),
                    tekst=pitch_form.cleaned_data["tekst"],
                    stuk=pitch,
                )
                messages.success(request, _("Je pitch is bewaard."))
                return redirect("mijn:werkzoeken-presentatie")
        elif actie == "video":
            video_form = VideoForm(request.POST, request.FILES)
            if video_form.is_valid():
                services.stuk_opslaan(
                    door=gebruiker,
                    klant=klant,
                    soort=StukSoort.VIDEO,
                    titel=video_form.cleaned_data["titel"],
                    bestand=video_form.cleaned_data["bestand"],
                    stuk=video,
                )
                messages.success(request, _("Je filmpje is bewaard. Alleen jij ziet het."))
                return redirect("mijn:werkzoeken-presentatie")
        elif actie in ("delen", "niet_delen", "intrekken"):
            doel = get_object_or_404(
                toegang.zichtbare_stukken(gebruiker).filter(
                    klant=klant,
                    ingetrokken_op__isnull=True,
                    soort__in=[StukSoort.PITCH, StukSoort.VIDEO],
                ),
                pk=request.POST.get("stuk", "0") if request.POST.get("stuk", "").isdigit() else 0,
            )
            if actie == "intrekken":
                services.stuk_intrekken(door=gebruiker, stuk=doel)
                messages.success(request, _("Weggehaald. Niemand kan het nog zien."))
            else:
                services.stuk_delen(door=gebruiker, stuk=doel, delen=actie == "delen")
                messages.success(request, _("Bewaard."))
            return redirect("mijn:werkzoeken-presentatie")
    except services.InvoerFout as fout:
        _fout(video_form if actie == "video" else pitch_form, fout)
    inzage_bij_verzoek(request, klant, "presentatie", "Je bekeek je pitch, flyer en filmpje")
    return render(
        request,
        "werkzoeken/mijn/presentatie.html",
        {
            "klant": klant,
            "pitch": pitch,
            "video": video,
            "pitch_form": pitch_form,
            "video_form": video_form,
            "video_grens_mb": services.max_video_bytes() // (1024 * 1024),
        },
        status=400 if pitch_form.errors or video_form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def flyer(request: HttpRequest) -> HttpResponse:
    klant = _klant(request)
    pitch = selectors.presentatie_van(klant)["pitch"]
    if pitch is None:
        raise Http404("Schrijf eerst je pitch; daar maken we de flyer van.")
    inzage_bij_verzoek(
        request, klant, "presentatie", "Je maakte je flyer als pdf", actie=Actie.EXPORTEREN
    )
    response = HttpResponse(flyer_pdf(klant, pitch.tekst), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="mijn-flyer.pdf"'
    return response


# --- network (C4) -------------------------------------------------------------------------------


@rol_vereist(Rol.KLANT)
def netwerk(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    form = NetwerkContactForm()
    tip_form = GroepstipForm()
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    try:
        if actie == "contact":
            form = NetwerkContactForm(request.POST)
            if form.is_valid():
                services.netwerkcontact_toevoegen(door=gebruiker, klant=klant, **form.cleaned_data)
                messages.success(request, _("Toegevoegd aan je netwerk."))
                return redirect("mijn:werkzoeken-netwerk")
        elif actie == "contact_weg":
            contact = get_object_or_404(
                selectors.eigen_netwerk(klant), pk=_getal(request.POST.get("contact"))
            )
            services.netwerkcontact_verwijderen(door=gebruiker, contact=contact)
            return redirect("mijn:werkzoeken-netwerk")
        elif actie in ("lid", "afmelden", "tip"):
            groep = get_object_or_404(
                Groep.objects.filter(gemeente_id=klant.gemeente_id),
                pk=_getal(request.POST.get("groep")),
            )
            if actie == "tip":
                tip_form = GroepstipForm(request.POST)
                if tip_form.is_valid():
                    services.groepstip_delen(
                        door=gebruiker, klant=klant, groep=groep, **tip_form.cleaned_data
                    )
                    messages.success(request, _("Je tip is gedeeld. Dank je wel!"))
                    return redirect("mijn:werkzoeken-netwerk")
            else:
                services.groep_lid_worden(
                    door=gebruiker, klant=klant, groep=groep, lid=actie == "lid"
                )
                return redirect("mijn:werkzoeken-netwerk")
    except services.InvoerFout as fout:
        _fout(tip_form if actie == "tip" else form, fout)
    inzage_bij_verzoek(request, klant, "netwerk", "Je bekeek je netwerk")
    return render(
        request,
        "werkzoeken/mijn/netwerk.html",
        {
            "klant": klant,
            "organisaties": selectors.netwerk_van_gemeente(klant.gemeente),
            "contacten": selectors.eigen_netwerk(klant),
            "groepen": selectors.groepen_voor(klant),
            "form": form,
            "tip_form": tip_form,
        },
        status=400 if form.errors or tip_form.errors else 200,
    )


def _getal(waarde: str | None) -> int:
    return int(waarde) if waarde and waarde.isdigit() else 0


# --- volunteer work and mantelzorg (C5) ---------------------------------------------------------


@rol_vereist(Rol.KLANT)
def vrijwilligerswerk(request: HttpRequest) -> HttpResponse:
    klant = _klant(request)
    inzage_bij_verzoek(
        request, klant, "werk zoeken", "Je bekeek je vrijwilligerswerk en mantelzorg"
    )
    stand = selectors.plicht_stand(klant)
    lijst = selectors.activiteiten_van(klant).filter(
        soort__in=[ActiviteitSoort.VRIJWILLIGERSWERK, ActiviteitSoort.MANTELZORG]
    )[:30]
    return render(
        request,
        "werkzoeken/mijn/vrijwilligerswerk.html",
        {
            "klant": klant,
            "stand": stand,
            "activiteiten": lijst,
            "regels": REGELS_VRIJWILLIG,
            "telt_vrijwillig": ActiviteitSoort.VRIJWILLIGERSWERK in stand.soorten,
            "telt_mantelzorg": ActiviteitSoort.MANTELZORG in stand.soorten,
        },
    )


# --- mood (C9) ----------------------------------------------------------------------------------


@rol_vereist(Rol.KLANT)
def stemming(request: HttpRequest) -> HttpResponse:
    """How am I doing: one tap; I choose whether my contact person sees it (not, unless I say so)."""
    gebruiker = gebruiker_van(request)
    klant = _klant(request)
    if request.method == "POST":
        if request.POST.get("actie") in ("delen", "niet_delen"):
            item = get_object_or_404(
                selectors.stemmingen_van(klant), pk=_getal(request.POST.get("stemming"))
            )
            services.stemming_delen(
                door=gebruiker, stemming=item, gedeeld=request.POST["actie"] == "delen"
            )
            return redirect("mijn:werkzoeken-stemming")
        form = StemmingForm(request.POST)
        if form.is_valid():
            services.stemming_geven(
                door=gebruiker,
                klant=klant,
                score=form.cleaned_data["score"],
                moment=form.cleaned_data["moment"],
                gedeeld=form.cleaned_data["gedeeld"],
            )
            messages.success(
                request,
                _("Dank je wel. Je contactpersoon ziet dit.")
                if form.cleaned_data["gedeeld"]
                else _("Dank je wel. Dit blijft van jou; je kunt het later nog delen."),
            )
            return redirect("mijn:werkzoeken-stemming")
    inzage_bij_verzoek(request, klant, "hoe het gaat", "Je bekeek hoe het met je ging")
    return render(
        request,
        "werkzoeken/mijn/stemming.html",
        {
            "klant": klant,
            "stemmingen": selectors.stemmingen_van(klant)[:20],
            "stemming_moment": StemmingMoment.ZOMAAR,
            "stemming_scores": StemmingScore.choices,
        },
    )

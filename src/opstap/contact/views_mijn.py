"""The client's side of contact and guidance: messages, summaries, appointments, step plan,
provisions, rules on paper and help. Views validate, call a service or selector, render."""

import json
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import eigen_klant
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek
from opstap.web.omvang import max_verzoek

from . import selectors, services, voorzieningen
from .bijlagen import als_download
from .forms import AanvraagForm, BerichtForm, ReactieForm
from .hulp import zoek_vragen
from .models import Gespreksverslag, KanaalSoort, Stap, StapWie
from .pdf import regels_brief_pdf, verslag_pdf
from .pwa import vapid_publieke_sleutel
from .regelteksten import regels_voor_klant


def _klant(request: HttpRequest) -> Klant:
    klant = eigen_klant(gebruiker_van(request))
    if klant is None:
        raise Http404("Er is (nog) geen dossier aan dit account gekoppeld.")
    return klant


def _fout_in_form(form: Any, fout: services.InvoerFout) -> None:
    form.add_error(fout.veld if fout.veld in form.fields else None, str(fout))


@rol_vereist(Rol.KLANT)
def berichten(request: HttpRequest) -> HttpResponse:
    """The conversation with my contact person (A2), with a search through what was said and agreed."""
    klant = _klant(request)
    form = BerichtForm()
    if request.method == "POST":
        toegang.eis(toegang.mag_bericht_sturen(gebruiker_van(request), klant))
        form = BerichtForm(request.POST, request.FILES)
        if form.is_valid() and form.versturen(door=gebruiker_van(request), klant=klant):
            messages.success(request, _("Je bericht is verstuurd. Je contactpersoon ziet het nu."))
            return redirect("mijn:berichten")
    inzage_bij_verzoek(request, klant, "berichten", "Je las je berichten")
    services.berichten_lezen(klant=klant, lezer=gebruiker_van(request))
    zoek = request.GET.get("zoek", "").strip()
    status = 400 if form.errors else 200
    return render(
        request,
        "contact/mijn/berichten.html",
        {
            "klant": klant,
            "form": form,
            **selectors.gesprek_met_zoeken(klant, zoek),
            "contactpersoon": selectors.contactpersoon_profiel(klant.contactpersoon_id),
            "vervanger": selectors.vervanger_nu(klant),
        },
        status=status,
    )


@rol_vereist(Rol.KLANT)
def bijlage(request: HttpRequest, bericht_pk: int) -> HttpResponse:
    klant = _klant(request)
    response = als_download(klant, bericht_pk)
    inzage_bij_verzoek(request, klant, "bijlage", "Je opende een bijlage")
    return response  # type: ignore[return-value]


@rol_vereist(Rol.KLANT)
def verslagen(request: HttpRequest) -> HttpResponse:
    klant = _klant(request)
    inzage_bij_verzoek(request, klant, "gespreksverslagen", "Je bekeek je gespreksverslagen")
    return render(
        request,
        "contact/mijn/verslagen.html",
        {
            "klant": klant,
            "verslagen": toegang.leesbare_verslagen(gebruiker_van(request))
            .filter(klant=klant)
            .select_related("auteur"),
        },
    )


def _leesbaar_verslag(request: HttpRequest, klant: Klant, verslag_pk: int) -> Gespreksverslag:
    """One of my summaries (404 for anyone else's); a draft is not mine to read yet (403)."""
    item = get_object_or_404(
        selectors.alle_verslagen(klant).select_related("auteur"), pk=verslag_pk
    )
    toegang.eis(
        toegang.mag_verslag_lezen(gebruiker_van(request), item),
        "Dit gespreksverslag is nog niet klaar.",
    )
    return item


@rol_vereist(Rol.KLANT)
def verslag(request: HttpRequest, verslag_pk: int) -> HttpResponse:
    """One summary to read back, print, and ask a question about (A3)."""
    klant = _klant(request)
    item = _leesbaar_verslag(request, klant, verslag_pk)
    form = ReactieForm()
    if request.method == "POST":
        form = ReactieForm(request.POST)
        if form.is_valid():
            try:
                services.verslag_reageren(
                    verslag=item, afzender=gebruiker_van(request), tekst=form.cleaned_data["tekst"]
                )
            except services.InvoerFout as fout:
                _fout_in_form(form, fout)
            else:
                messages.success(
                    request,
                    _("Je vraag is verstuurd. Je contactpersoon ziet hem bij je berichten."),
                )
                return redirect("mijn:verslag", verslag_pk=item.pk)
    inzage_bij_verzoek(request, klant, "gespreksverslag", "Je las een gespreksverslag")
    services.verslag_gelezen(verslag=item)
    return render(
        request,
        "contact/mijn/verslag.html",
        {
            "klant": klant,
            "verslag": item,
            "form": form,
            "reacties": item.reacties.order_by("verstuurd_op"),
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def verslag_als_pdf(request: HttpRequest, verslag_pk: int) -> HttpResponse:
    klant = _klant(request)
    item = _leesbaar_verslag(request, klant, verslag_pk)
    inzage_bij_verzoek(
        request, klant, "gespreksverslag", "Je maakte een PDF van een verslag", Actie.EXPORTEREN
    )
    response = HttpResponse(verslag_pdf(item), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="gespreksverslag-{item.gesprek_op:%Y-%m-%d}.pdf"'
    )
    return response


@rol_vereist(Rol.KLANT)
def afspraken(request: HttpRequest) -> HttpResponse:
    """Announced contact moments (A4): what, when, by whom and why."""
    klant = _klant(request)
    inzage_bij_verzoek(request, klant, "afspraken", "Je bekeek je afspraken")
    return render(
        request,
        "contact/mijn/afspraken.html",
        {"klant": klant, "momenten": selectors.komende_contactmomenten(klant)},
    )


@rol_vereist(Rol.KLANT)
def stappenplan(request: HttpRequest) -> HttpResponse:
    """My goals, qualities, barriers we tackle first and who does what by when (A5)."""
    klant = _klant(request)
    if request.method == "POST":
        toegang.eis(toegang.mag_stap_afvinken(gebruiker_van(request), klant))
        stap = get_object_or_404(
            Stap,
            pk=request.POST.get("stap") or 0,
            klant=klant,
            wie__in=[StapWie.KLANT, StapWie.SAMEN],
        )
        services.stap_afvinken(stap=stap, gedaan=request.POST.get("gedaan") == "1")
        inzage_bij_verzoek(request, klant, "stappenplan", "Je vinkte een stap af", Actie.WIJZIGEN)
        messages.success(request, _("Goed bezig! We hebben het opgeslagen."))
        return redirect("mijn:stappenplan")
    inzage_bij_verzoek(request, klant, "stappenplan", "Je bekeek je stappenplan")
    return render(
        request,
        "contact/mijn/stappenplan.html",
        {"klant": klant, **selectors.stappenplan_van(klant)},
    )


@rol_vereist(Rol.KLANT)
def regelingen(request: HttpRequest) -> HttpResponse:
    """Only the provisions I am entitled to (B1), and how far my applications are."""
    klant = _klant(request)
    inzage_bij_verzoek(
        request, klant, "regelingen", "De app rekende uit op welke regelingen je recht hebt"
    )
    uitkomsten, fout = voorzieningen.voor_weergave(klant, peildatum=timezone.localdate())
    return render(
        request,
        "contact/mijn/regelingen.html",
        {
            "klant": klant,
            "beschikbaar": not fout,
            "uitkomsten": uitkomsten,
            "aanvragen": klant.aanvragen.all(),
        },
    )


@rol_vereist(Rol.KLANT)
def aanvragen(request: HttpRequest) -> HttpResponse:
    """Apply for one provision; what the municipality knows is filled in already (never ask twice)."""
    klant = _klant(request)
    code = request.POST.get("regeling") or request.GET.get("regeling", "")
    uitkomsten, fout = voorzieningen.voor_weergave(klant, peildatum=timezone.localdate())
    uitkomst = next((u for u in uitkomsten if u.regeling.code == code), None)
    if uitkomst is None:
        # No (known) provision chosen: let the client choose from what they are entitled to.
        inzage_bij_verzoek(request, klant, "regelingen", "De app rekende uit wat je kunt aanvragen")
        return render(
            request,
            "contact/mijn/aanvragen_kiezen.html",
            {"uitkomsten": uitkomsten, "beschikbaar": not fout, "gevraagd": code},
            status=404 if code else 200,
        )
    form = AanvraagForm(request.POST or None)
    if request.method == "POST":
        toegang.eis(toegang.mag_aanvraag_indienen(gebruiker_van(request), klant))
    if request.method == "POST" and form.is_valid():
        try:
            aanvraag = services.aanvraag_indienen(
                klant=klant,
                door=gebruiker_van(request),
                regeling_code=code,
                toelichting=form.cleaned_data["toelichting"],
            )
        except services.InvoerFout as fout:
            _fout_in_form(form, fout)
        else:
            inzage_bij_verzoek(
                request, klant, "aanvraag", f"Je vroeg {aanvraag.regeling_naam} aan", Actie.AANMAKEN
            )
            messages.success(
                request,
                _(
                    "Je aanvraag is ontvangen en veilig opgeslagen. Hieronder zie je wat er nu gebeurt."
                ),
            )
            return redirect("mijn:regelingen")
    inzage_bij_verzoek(
        request, klant, "aanvraag", "Je gegevens zijn alvast ingevuld voor een aanvraag"
    )
    return render(
        request,
        "contact/mijn/aanvragen.html",
        {
            "klant": klant,
            "uitkomst": uitkomst,
            "form": form,
            "gegevens": services.aanvraag_voorinvullen(klant),
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def mijn_regels(request: HttpRequest) -> HttpResponse:
    """The rules for my situation in plain Dutch (A6)."""
    klant = _klant(request)
    inzage_bij_verzoek(request, klant, "regels", "Je las de regels voor jouw situatie")
    return render(
        request,
        "contact/mijn/regels.html",
        {
            "klant": klant,
            "teksten": regels_voor_klant(klant),
            "contactpersoon": selectors.contactpersoon_profiel(klant.contactpersoon_id),
        },
    )


@rol_vereist(Rol.KLANT)
def mijn_regels_pdf(request: HttpRequest) -> HttpResponse:
    klant = _klant(request)
    profiel = selectors.contactpersoon_profiel(klant.contactpersoon_id)
    naam = klant.contactpersoon.weergavenaam if klant.contactpersoon else "de gemeente"
    inzage_bij_verzoek(
        request, klant, "regels", "Je maakte een brief met je regels", Actie.EXPORTEREN
    )
    with translation.override("nl"):  # the letter itself is in Dutch only
        teksten = regels_voor_klant(klant)
    pdf = regels_brief_pdf(
        klant,
        teksten,
        contactpersoon_naam=naam,
        bereikbaar=profiel.bereikbaar if profiel else "",
        telefoon=profiel.telefoon_direct if profiel else "",
        foto=profiel.foto if profiel else None,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="mijn-regels.pdf"'
    return response


@rol_vereist(Rol.KLANT)
def hulp(request: HttpRequest) -> HttpResponse:
    """Questions first: the answer may be here before you call."""
    zoek = request.GET.get("zoek", "").strip()
    return render(request, "contact/mijn/hulp.html", {"zoek": zoek, "vragen": zoek_vragen(zoek)})


@rol_vereist(Rol.KLANT)
def meldingen(request: HttpRequest) -> HttpResponse:
    """How I hear that something new is waiting. Push subscriptions arrive as JSON from pwa.js."""
    gebruiker = gebruiker_van(request)
    return render(
        request,
        "contact/mijn/meldingen.html",
        {
            "kanalen": gebruiker.meldingskanalen.filter(actief=True),
            "klant": _klant(request),
            "vapid_sleutel": vapid_publieke_sleutel(),
        },
    )


@max_verzoek("OPSTAP_MAX_PUSH_BYTES")  # a subscription is a few hundred bytes
@rol_vereist(Rol.KLANT)
@require_POST
def push_inschrijven(request: HttpRequest) -> JsonResponse:
    try:
        data = json.loads(request.body or b"{}")
        services.meldingskanaal_opslaan(
            gebruiker=gebruiker_van(request),
            soort=KanaalSoort.PUSH,
            endpoint=str(data.get("endpoint", "")),
            sleutels=data.get("keys"),
        )
    except (ValueError, TypeError, AttributeError) as fout:
        return JsonResponse({"fout": str(fout) or "Ongeldige inschrijving."}, status=400)
    return JsonResponse({"ok": True}, status=201)

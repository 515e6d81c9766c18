"""The client's income declaration pages (D3) under /mijn/inkomsten/: what I declared and what is
still to do, declaring with a payslip photo or PDF, the receipt, confirming the figures read, adding
a payslip, opening my own payslip again, and switching from the paper form to online.

The receipt page is shown only after `verklaring_indienen` returned, i.e. after the commit. Reading
the payslip is a Celery task; the receipt page polls a small JSON status (no figures in it) and
works without JavaScript through a plain link."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import (
    eigen_klant,
    eis,
    mag_verklaring_indienen,
    zichtbare_banen,
    zichtbare_verklaringen,
)
from opstap.contact.bijlagen import downloadnaam
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek
from opstap.web.omvang import max_verzoek
from opstap.werken.models import Baan

from . import selectors
from .bestanden import BijlageFout, Voorbereid, voorbereiden
from .forms import AanvulFormulier, BevestigFormulier, VerklaringFormulier
from .models import Inkomstenverklaring, LeesStatus, Status
from .services import (
    AANPASBAAR,
    Cijfers,
    Opgave,
    bestanden_toevoegen,
    cijfers_bevestigen,
    naar_online,
    verklaring_indienen,
)

ONDERDEEL = "inkomstenverklaringen"
MAANDEN_TERUG = 6  # how far back the month list goes (older months: ask the income desk)


def _klant(request: HttpRequest) -> tuple[Gebruiker, Klant]:
    gebruiker = gebruiker_van(request)
    klant = eigen_klant(gebruiker)
    if klant is None:
        raise Http404(_("Geen klantdossier gevonden."))
    return gebruiker, klant


def _banen(gebruiker: Gebruiker, klant: Klant) -> list[Baan]:
    return list(zichtbare_banen(gebruiker).filter(klant=klant))


def _verklaringen(gebruiker: Gebruiker, klant: Klant) -> list[Inkomstenverklaring]:
    return list(
        zichtbare_verklaringen(gebruiker)
        .filter(klant=klant)
        .select_related("baan")
        .prefetch_related("bestanden")
    )


def _verklaring(
    request: HttpRequest, verklaring_pk: int
) -> tuple[Gebruiker, Klant, Inkomstenverklaring]:
    gebruiker, klant = _klant(request)
    verklaring = get_object_or_404(
        zichtbare_verklaringen(gebruiker).filter(klant=klant).select_related("baan"),
        pk=verklaring_pk,
    )
    return gebruiker, klant, verklaring


@rol_vereist(Rol.KLANT)
def inkomsten(request: HttpRequest) -> HttpResponse:
    """Per month and per employer: what I declared and its status, what is still to do and by when,
    and everything I sent."""
    gebruiker, klant = _klant(request)
    vandaag = timezone.localdate()
    banen = _banen(gebruiker, klant)
    verklaringen = _verklaringen(gebruiker, klant)
    open_ = selectors.te_doen(klant, banen, verklaringen, vandaag)
    papier = selectors.papierformulier_van(klant)
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je bekeek je inkomstenverklaringen")
    return render(
        request,
        "verklaringen/inkomsten.html",
        {
            "klant": klant,
            "banen": banen,
            "maanden": selectors.overzicht(klant, banen, verklaringen, open_),
            "herinnering": selectors.herinnering_op_scherm(klant, open_, vandaag),
            "papier": papier if papier is not None and papier.actief else None,
            "papier_bericht": selectors.papier_bericht(klant, vandaag),
            "vandaag": vandaag,
        },
    )


def _maanden(banen: list[Baan], vandaag: date) -> list[date]:
    """The months one can declare: from the first job's start (at most MAANDEN_TERUG back) up to
    this month, newest first."""
    maand = vandaag.replace(day=1)
    eerste = min((b.begonnen_op.replace(day=1) for b in banen), default=maand)
    uit: list[date] = []
    while maand >= eerste and len(uit) <= MAANDEN_TERUG:
        uit.append(maand)
        maand = selectors.vorige_maand(maand)
    return uit


def _voorkeur(
    open_: list[selectors.Open], banen: list[Baan], maanden: list[date], request: HttpRequest
) -> dict[str, str]:
    """Pre-selected job and month: those asked for in the link, else the month that is due
    (older months still open have their own link on the overview)."""
    keuze: dict[str, str] = {}
    if open_:
        # The most recent finished month (its deadline is the next one); else this month.
        eerste = next((o for o in reversed(open_) if not o.lopend), open_[-1])
        keuze = {"baan": str(eerste.baan.pk), "maand": eerste.maand.strftime("%Y-%m")}
    elif maanden:
        keuze = {"maand": maanden[min(1, len(maanden) - 1)].strftime("%Y-%m")}
    if request.GET.get("baan") in {str(b.pk) for b in banen}:
        keuze["baan"] = request.GET["baan"]
    if request.GET.get("maand") in {m.strftime("%Y-%m") for m in maanden}:
        keuze["maand"] = request.GET["maand"]
    return keuze


def _bestanden_van(form: Any, velden: list[str]) -> list[Voorbereid] | None:
    """Each chosen file checked; None (with the Dutch reason on its field) when one is refused."""
    uit: list[Voorbereid] = []
    for veld in velden:
        upload = form.cleaned_data.get(veld)
        if upload is None:
            continue
        try:
            uit.append(voorbereiden(upload, upload.name))
        except BijlageFout as fout:
            form.add_error(veld, str(fout))
    return None if form.errors else uit


def _fouten_naar_formulier(form: Any, fout: ValidationError) -> None:
    for veld, meldingen in fout.message_dict.items():
        form.add_error(veld if veld in form.fields else None, meldingen)


@max_verzoek("OPSTAP_MAX_VERKLARING_BYTES")
@rol_vereist(Rol.KLANT)
def doorgeven(request: HttpRequest) -> HttpResponse:
    """Declare a month for one job: hours, a payslip photo or PDF (or my own estimate). The receipt
    follows only after the declaration and its files are stored."""
    gebruiker, klant = _klant(request)
    vandaag = timezone.localdate()
    banen = _banen(gebruiker, klant)
    if not banen:
        inzage_bij_verzoek(request, klant, ONDERDEEL, "Je opende het formulier voor je inkomsten")
        return render(request, "verklaringen/doorgeven.html", {"klant": klant, "geen_banen": True})
    verklaringen = _verklaringen(gebruiker, klant)
    maanden = _maanden(banen, vandaag)
    open_ = selectors.te_doen(klant, banen, verklaringen, vandaag)
    form = VerklaringFormulier(
        request.POST or None,
        request.FILES or None,
        banen=banen,
        maanden=maanden,
        initial=_voorkeur(open_, banen, maanden, request),
    )
    al_gedaan: Inkomstenverklaring | None = None
    if request.method == "POST":
        eis(mag_verklaring_indienen(gebruiker, klant))
        if form.is_valid():
            baan = form.gekozen_baan()
            maand = date.fromisoformat(form.cleaned_data["maand"] + "-01")
            al_gedaan = next(
                (v for v in verklaringen if v.baan_id == baan.pk and v.maand == maand), None
            )
            if al_gedaan is not None:
                form.add_error(
                    "maand",
                    _(
                        "Deze maand gaf je bij deze werkgever al door. Kreeg je nog een loonstrook? "
                        "Voeg hem toe aan die verklaring (zie de link hieronder)."
                    ),
                )
            bestanden = _bestanden_van(form, ["loonstrook", "loonstrook_2"])
            if bestanden is not None and not form.errors:
                d = form.cleaned_data
                try:
                    verklaring = verklaring_indienen(
                        klant=klant,
                        door=gebruiker,
                        opgave=Opgave(
                            baan=baan,
                            maand=maand,
                            uren=d["uren"],
                            netto_loon=d["netto_loon"],
                            bruto_loon=d["bruto_loon"],
                            schatting=bool(d["schatting"]),
                        ),
                        bestanden=bestanden,
                    )
                except ValidationError as fout:
                    _fouten_naar_formulier(form, fout)
                else:  # the access log entry was written with the declaration
                    return redirect(
                        reverse("mijn:inkomstenverklaring", args=[verklaring.pk]) + "?nieuw=1"
                    )
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je opende het formulier voor je inkomsten")
    return render(
        request,
        "verklaringen/doorgeven.html",
        {"klant": klant, "form": form, "al_gedaan": al_gedaan, "banen": banen},
        status=400 if form.errors else 200,
    )


def _lezen_klaar(verklaring: Inkomstenverklaring) -> bool:
    return verklaring.lees_status != LeesStatus.WACHT


def _verschillen(verklaring: Inkomstenverklaring) -> list[str]:
    """The figures where the client's statement differs from what was read (plain words)."""
    gelezen = verklaring.gelezen or {}
    namen = {"netto_loon": _("netto loon"), "bruto_loon": _("bruto loon"), "uren": _("uren")}
    uit = []
    for veld, naam in namen.items():
        gelezen_waarde, eigen = gelezen.get(veld), getattr(verklaring, veld)
        if (
            gelezen_waarde is not None
            and eigen is not None
            and Decimal(str(gelezen_waarde)).quantize(Decimal("0.01")) != eigen
        ):
            uit.append(naam)
    return uit


@rol_vereist(Rol.KLANT)
def verklaring(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    """The receipt (printable) and the status of one declaration."""
    _gebruiker, klant, v = _verklaring(request, verklaring_pk)
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je bekeek je inkomstenverklaring")
    return render(
        request,
        "verklaringen/verklaring.html",
        {
            "klant": klant,
            "v": v,
            "bestanden": list(v.bestanden.all()),
            "nieuw": request.GET.get("nieuw") == "1",
            "lezen_klaar": _lezen_klaar(v),
            "aanpasbaar": v.status in AANPASBAAR,
            "termijn": selectors.termijn(klant.gemeente, v.maand),
            "verschillen": _verschillen(v) if v.bevestigd_op else [],
            "Status": Status,
            "LeesStatus": LeesStatus,
        },
    )


@rol_vereist(Rol.KLANT)
def lees_status(request: HttpRequest, verklaring_pk: int) -> JsonResponse:
    """For the receipt page's polite poll: only whether reading is done, no figures. Not in the
    access log: it shows nothing of the declaration but that (the page itself is logged)."""
    _gebruiker, _klant_, v = _verklaring(request, verklaring_pk)
    response = JsonResponse(
        {
            "lees_status": v.lees_status,
            "klaar": _lezen_klaar(v),
            "bevestigen": reverse("mijn:inkomsten_bevestigen", args=[v.pk]),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


def _beginwaarden(v: Inkomstenverklaring) -> dict[str, Any]:
    """Pre-filled: what the client confirmed before, else what was read, else what was typed."""
    gelezen: dict[str, Any] = v.gelezen or {}
    if v.bevestigd_op is not None:
        return {
            "netto_loon": v.netto_loon,
            "bruto_loon": v.bruto_loon,
            "uren": v.uren,
            "periode_van": v.periode_van,
            "periode_tot": v.periode_tot,
        }

    def uit(veld: str, eigen: Any) -> Any:
        waarde = gelezen.get(veld)
        return Decimal(str(waarde)).quantize(Decimal("0.01")) if waarde is not None else eigen

    def datum(veld: str) -> date | None:
        try:
            return date.fromisoformat(str(gelezen[veld])) if gelezen.get(veld) else None
        except ValueError:
            return None

    return {
        "netto_loon": uit("netto_loon", v.netto_loon),
        "bruto_loon": uit("bruto_loon", v.bruto_loon),
        "uren": uit("uren", v.uren),
        "periode_van": datum("periode_van"),
        "periode_tot": datum("periode_tot"),
    }


@rol_vereist(Rol.KLANT)
def bevestigen(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    """Confirm or correct the figures read from the payslip."""
    gebruiker, klant, v = _verklaring(request, verklaring_pk)
    form = BevestigFormulier(request.POST or None, initial=_beginwaarden(v))
    if request.method == "POST":
        eis(mag_verklaring_indienen(gebruiker, klant))
        if form.is_valid():
            d = form.cleaned_data
            try:
                cijfers_bevestigen(
                    verklaring=v,
                    cijfers=Cijfers(
                        uren=d["uren"],
                        netto_loon=d["netto_loon"],
                        bruto_loon=d["bruto_loon"],
                        periode_van=d["periode_van"],
                        periode_tot=d["periode_tot"],
                    ),
                )
            except ValidationError as fout:
                _fouten_naar_formulier(form, fout)
            else:
                inzage_bij_verzoek(
                    request,
                    klant,
                    ONDERDEEL,
                    "Je bevestigde de bedragen van je inkomstenverklaring",
                    actie=Actie.WIJZIGEN,
                )
                messages.success(request, _("Dank je wel. De bedragen zijn opgeslagen."))
                return redirect("mijn:inkomstenverklaring", verklaring_pk=v.pk)
    inzage_bij_verzoek(
        request, klant, ONDERDEEL, "Je bekeek de bedragen van je inkomstenverklaring"
    )
    return render(
        request,
        "verklaringen/bevestigen.html",
        {
            "klant": klant,
            "v": v,
            "form": form,
            "aanpasbaar": v.status in AANPASBAAR,
            "gelezen": v.gelezen or {},
            "lezen_klaar": _lezen_klaar(v),
            "LeesStatus": LeesStatus,
        },
        status=400 if form.errors else 200,
    )


@max_verzoek("OPSTAP_MAX_UPLOAD_BYTES")
@rol_vereist(Rol.KLANT)
def aanvullen(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    """Add a payslip to a declaration: a second four-weekly payslip, or what the income desk asked."""
    gebruiker, klant, v = _verklaring(request, verklaring_pk)
    form = AanvulFormulier(request.POST or None, request.FILES or None)
    if request.method == "POST":
        eis(mag_verklaring_indienen(gebruiker, klant))
        if form.is_valid():
            bestanden = _bestanden_van(form, ["loonstrook"])
            if bestanden is not None:
                try:
                    bestanden_toevoegen(verklaring=v, bestanden=bestanden)
                except ValidationError as fout:
                    _fouten_naar_formulier(form, fout)
                else:
                    inzage_bij_verzoek(
                        request,
                        klant,
                        ONDERDEEL,
                        "Je stuurde een loonstrook bij je inkomstenverklaring",
                        actie=Actie.WIJZIGEN,
                    )
                    return redirect(reverse("mijn:inkomstenverklaring", args=[v.pk]) + "?nieuw=1")
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je bekeek je inkomstenverklaring")
    return render(
        request,
        "verklaringen/aanvullen.html",
        {"klant": klant, "v": v, "form": form, "aanpasbaar": v.status in AANPASBAAR},
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.KLANT)
def loonstrook(request: HttpRequest, verklaring_pk: int, bestand_pk: int) -> HttpResponse:
    """My own payslip file, decrypted, as a download (in my access log)."""
    _gebruiker, klant, v = _verklaring(request, verklaring_pk)
    rij = get_object_or_404(v.bestanden.all(), pk=bestand_pk)
    inzage_bij_verzoek(request, klant, ONDERDEEL, "Je opende je loonstrook")
    response = FileResponse(
        rij.bestand.open("rb"),
        as_attachment=True,
        filename=downloadnaam(rij.naam, rij.soort, rij.pk),
        content_type=rij.soort,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response  # type: ignore[return-value]  # a streaming response, like contact's bijlage


@rol_vereist(Rol.KLANT)
@require_POST
def online(request: HttpRequest) -> HttpResponse:
    """Stop the paper form: I declare online from now on."""
    gebruiker, klant = _klant(request)
    eis(mag_verklaring_indienen(gebruiker, klant))
    formulier = naar_online(klant=klant, door=gebruiker)
    if formulier is not None:
        inzage_bij_verzoek(
            request,
            klant,
            ONDERDEEL,
            "Je koos ervoor je inkomsten online door te geven in plaats van op papier",
            actie=Actie.WIJZIGEN,
        )
        messages.success(
            request,
            _(
                "Je geeft je inkomsten voortaan online door. Je krijgt geen papieren formulier meer. "
                "De inkomensconsulent ziet dit ook."
            ),
        )
    return redirect("mijn:inkomsten")

"""The income administrator's workspace (/werk/inkomsten/): the queue of declarations, one
declaration with its payslip beside the figures and the signals, settling, and the export for the
payment system. Income data only: no messages, barriers or health."""

import csv
import io
import json
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import eis, mag_verklaring_behandelen, zichtbare_verklaringen
from opstap.inkomen.rekendatum import rekendatum
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst, inzages_vastleggen

from . import verrekening as diensten
from .forms_werk import AanvullingFormulier, VerrekenFormulier, WachtrijFilter
from .loonstrookbeeld import BeeldFout, als_beeld
from .models import Inkomstenverklaring, Status
from .selectors_werk import (
    EXPORT_VELDEN,
    PAGINA,
    datum_uit_tekst,
    export_rijen,
    maand_tekst,
    rijen_met_signalen,
    verklaring_dag,
    verwachte_uren,
    wachtrij,
)
from .services import maand_uit_tekst

ONDERDEEL = "inkomstenverklaringen"


def _maand(tekst: str) -> date | None:
    try:
        return maand_uit_tekst(tekst) if tekst else None
    except ValidationError:
        return None


@rol_vereist(Rol.INKOMENSCONSULENT)
def wachtrij_view(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    filter_ = WachtrijFilter(request.GET or None)
    status, maand = "open", None
    if filter_.is_bound and filter_.is_valid():
        status = filter_.cleaned_data["status"] or "open"
        maand = _maand(filter_.cleaned_data["maand"])
    try:
        pagina = max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        pagina = 1
    qs = wachtrij(gebruiker, status=status, maand=maand)
    totaal = qs.count()
    verklaringen = list(qs[(pagina - 1) * PAGINA : pagina * PAGINA])
    inzages_bij_lijst(
        request,
        [v.klant for v in verklaringen],
        ONDERDEEL,
        "Inkomen: je inkomstenverklaring stond in de werklijst van de inkomensconsulent",
    )
    rijen = rijen_met_signalen(verklaringen, gemeente=gebruiker.gemeente)
    vorige_maand = (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)
    return render(
        request,
        "verklaringen/werk_wachtrij.html",
        {
            "filter": filter_ if filter_.is_bound else WachtrijFilter(initial={"status": "open"}),
            "rijen": rijen,
            "totaal": totaal,
            "pagina": pagina,
            "volgende": pagina * PAGINA < totaal,
            "status": status,
            "export_maand": (maand or vorige_maand).strftime("%Y-%m"),
            "dag": verklaring_dag(gebruiker.gemeente),
        },
    )


def _verklaring(request: HttpRequest, verklaring_pk: int) -> Inkomstenverklaring:
    gebruiker = gebruiker_van(request)
    verklaring: Inkomstenverklaring = get_object_or_404(
        zichtbare_verklaringen(gebruiker).select_related("klant", "baan"), pk=verklaring_pk
    )
    eis(mag_verklaring_behandelen(gebruiker, verklaring))
    return verklaring


def _detail(
    request: HttpRequest,
    verklaring: Inkomstenverklaring,
    *,
    verreken: VerrekenFormulier | None = None,
    aanvulling: AanvullingFormulier | None = None,
    status: int = 200,
) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    inzage_bij_verzoek(
        request,
        verklaring.klant,
        ONDERDEEL,
        f"Inkomen: inkomstenverklaring {verklaring.kenmerk} bekeken",
    )
    rij = rijen_met_signalen([verklaring], gemeente=gebruiker.gemeente)[0]
    verrekening = getattr(verklaring, "verrekening", None)
    eerdere = (
        Inkomstenverklaring.objects.filter(
            klant=verklaring.klant, maand=verklaring.maand, baan=verklaring.baan
        )
        .exclude(pk=verklaring.pk)
        .select_related("verrekening")
        .order_by("ontvangen_op")
    )
    if verreken is None:
        verreken = VerrekenFormulier(
            initial={
                "netto_loon": verklaring.netto_loon,
                "bruto_loon": verklaring.bruto_loon,
                "uren": verklaring.uren,
            }
        )
    return render(
        request,
        "verklaringen/werk_verklaring.html",
        {
            "verklaring": verklaring,
            "klant": verklaring.klant,
            "baan": verklaring.baan,
            "rij": rij,
            "verwacht": verwachte_uren(verklaring.baan, verklaring.maand),
            "bestanden": list(verklaring.bestanden.all()),
            "gelezen": verklaring.gelezen or {},
            "gelezen_van": datum_uit_tekst((verklaring.gelezen or {}).get("periode_van")),
            "gelezen_tot": datum_uit_tekst((verklaring.gelezen or {}).get("periode_tot")),
            "verrekening": verrekening,
            "eerdere": eerdere,
            "verreken": verreken,
            "aanvulling": aanvulling
            or AanvullingFormulier(initial={"ontbreekt": verklaring.ontbreekt}),
            "maand": maand_tekst(verklaring.maand),
            "rekendatum": rekendatum(verklaring.maand),
            "open": verklaring.status != Status.VERREKEND,
        },
        status=status,
    )


@rol_vereist(Rol.INKOMENSCONSULENT)
def verklaring_view(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    verklaring = _verklaring(request, verklaring_pk)
    return _detail(request, verklaring)


@rol_vereist(Rol.INKOMENSCONSULENT)
def oppakken(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    verklaring = _verklaring(request, verklaring_pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    diensten.in_behandeling_nemen(verklaring, door=gebruiker_van(request))
    return redirect("werk:inkomstenverklaring", verklaring_pk=verklaring.pk)


@rol_vereist(Rol.INKOMENSCONSULENT)
def aanvulling(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    verklaring = _verklaring(request, verklaring_pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = AanvullingFormulier(request.POST)
    if form.is_valid():
        try:
            diensten.aanvulling_vragen(
                verklaring, door=gebruiker_van(request), ontbreekt=form.cleaned_data["ontbreekt"]
            )
            return redirect("werk:inkomstenverklaring", verklaring_pk=verklaring.pk)
        except ValidationError as fout:
            form.add_error(None, fout)
    return _detail(request, verklaring, aanvulling=form, status=400)


@rol_vereist(Rol.INKOMENSCONSULENT)
def verrekenen(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    """Approve (the figures as declared) or correct (changed figures with a reason)."""
    verklaring = _verklaring(request, verklaring_pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = VerrekenFormulier(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            diensten.verrekenen(
                verklaring,
                door=gebruiker_van(request),
                netto_loon=d["netto_loon"],
                bruto_loon=d["bruto_loon"],
                uren=d["uren"],
                reden=d["reden"],
            )
            return redirect("werk:inkomstenverklaring", verklaring_pk=verklaring.pk)
        except ValidationError as fout:
            if hasattr(fout, "error_dict"):
                for veld, meldingen in fout.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, meldingen)
            else:
                form.add_error(None, fout)
    return _detail(request, verklaring, verreken=form, status=400)


@rol_vereist(Rol.INKOMENSCONSULENT)
def schatting_corrigeren(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    """The real figures of an estimated month, entered by the administrator."""
    verklaring = _verklaring(request, verklaring_pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    verrekening = getattr(verklaring, "verrekening", None)
    if verrekening is None or not verklaring.schatting:
        raise Http404
    form = VerrekenFormulier(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            nieuw = diensten.schatting_corrigeren(
                verrekening,
                door=gebruiker_van(request),
                netto_loon=d["netto_loon"],
                bruto_loon=d["bruto_loon"],
                uren=d["uren"],
                reden=d["reden"],
            )
            return redirect("werk:inkomstenverklaring", verklaring_pk=nieuw.verklaring_id)
        except ValidationError as fout:
            form.add_error(None, fout)
    return _detail(request, verklaring, verreken=form, status=400)


@rol_vereist(Rol.INKOMENSCONSULENT)
def loonstrook(request: HttpRequest, verklaring_pk: int) -> HttpResponse:
    """The payslip decrypted, only for the income desk, logged in the client's access log: a
    photo as it is, a PDF's first page as an image (shown beside the figures, on a phone too);
    `?origineel=1` gives the PDF itself."""
    verklaring = _verklaring(request, verklaring_pk)
    try:
        nummer = max(0, int(request.GET.get("nr", "0")))
    except ValueError:
        nummer = 0
    bestanden = list(verklaring.bestanden.all())
    if nummer >= len(bestanden):
        raise Http404
    bestand = bestanden[nummer]
    with bestand.bestand.open("rb") as f:
        inhoud = f.read()
    inzage_bij_verzoek(
        request,
        verklaring.klant,
        "loonstrook",
        f"Inkomen: loonstrook bij inkomstenverklaring {verklaring.kenmerk} bekeken",
    )
    if request.GET.get("origineel") == "1":
        response = HttpResponse(inhoud, content_type=bestand.soort)
        response["Content-Disposition"] = f'inline; filename="loonstrook-{verklaring.kenmerk}"'
    else:
        try:
            beeld, soort = als_beeld(inhoud, bestand.soort)
        except BeeldFout:
            raise Http404 from None
        response = HttpResponse(beeld, content_type=soort)
    response["Cache-Control"] = "no-store, private"
    return response


def _export(request: HttpRequest) -> tuple[date, list[dict[str, str]]]:
    gebruiker = gebruiker_van(request)
    maand = _maand(request.GET.get("maand", "")) or (
        timezone.localdate().replace(day=1) - timedelta(days=1)
    ).replace(day=1)
    try:
        rijen, klanten = export_rijen(gebruiker, maand)
    except ValueError as fout:
        raise Http404(str(fout)) from fout
    inzages_vastleggen(
        gebruiker=gebruiker,
        klanten=klanten,
        onderdeel=ONDERDEEL,
        doel=f"Inkomen: verrekening van {maand:%Y-%m} geëxporteerd voor de uitbetaling",
        actie=Actie.EXPORTEREN,
    )
    return maand, rijen


@rol_vereist(Rol.INKOMENSCONSULENT)
def export_csv(request: HttpRequest) -> HttpResponse:
    maand, rijen = _export(request)
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=EXPORT_VELDEN, delimiter=";", lineterminator="\r\n")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    response = HttpResponse(uit.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="verrekening-{maand:%Y-%m}.csv"'
    return response


@rol_vereist(Rol.INKOMENSCONSULENT)
def export_json(request: HttpRequest) -> HttpResponse:
    maand, rijen = _export(request)
    gegevens: dict[str, Any] = {"maand": maand.strftime("%Y-%m"), "verrekeningen": rijen}
    response = HttpResponse(
        json.dumps(gegevens, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="verrekening-{maand:%Y-%m}.json"'
    return response

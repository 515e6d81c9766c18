"""The contact person's workspace: caseload and client file."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from opstap.accounts.models import Rol
from opstap.accounts.rollen import rol_vereist
from opstap.accounts.toegang import zichtbare_klanten
from opstap.contact.selectors import dossier_overzicht, signalen
from opstap.privacy.selectors import inzages_voor_klant
from opstap.privacy.services import inzage_bij_verzoek

from .keuzes import DrempelSoort, Fase, Trede
from .selectors import caseload as caseload_selector
from .selectors import klant_dossier


@rol_vereist(Rol.CONTACTPERSOON)
def caseload(request: HttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "") for k in ("trede", "fase", "drempel", "zoek")}
    klanten = caseload_selector(request.user, **filters)  # type: ignore[arg-type]
    aandacht = signalen(request.user, klanten)  # type: ignore[arg-type]
    if request.GET.get("aandacht"):
        klanten = klanten.filter(pk__in=list(aandacht))
    return render(request, "klanten/werk/caseload.html", {
        "klanten": [(k, aandacht.get(k.pk, [])) for k in klanten],
        "aandacht": request.GET.get("aandacht", ""),
        "filters": filters,
        "trede_groepen": ["1", "2", "3", "4", "5", "6"],
        "fases": Fase.choices,
        "drempels": DrempelSoort.choices,
    })


@rol_vereist(Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT)
def klant(request: HttpRequest, klant_pk: int) -> HttpResponse:
    dossier = get_object_or_404(zichtbare_klanten(request.user), pk=klant_pk)  # type: ignore[arg-type]
    dossier = klant_dossier(dossier)
    inzage_bij_verzoek(request, dossier, "dossier", "Begeleiding: het dossier bekeken")
    return render(request, "klanten/werk/klant.html", {
        "klant": dossier,
        "inzages": inzages_voor_klant(dossier)[:20],
        "trede_keuzes": Trede.choices,
        **dossier_overzicht(dossier),
    })

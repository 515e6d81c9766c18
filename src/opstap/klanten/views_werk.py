"""The contact person's workspace: caseload and client file."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import begeleide_klanten, mag_caseload_delegeren, zichtbare_banen
from opstap.contact.selectors import dossier_overzicht, signalen
from opstap.privacy.selectors import inzages_voor_klant
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst
from opstap.vacatures.selectors import passende_vacatures
from opstap.verklaringen.selectors import verklaring_signalen
from opstap.werken.selectors import werk_signalen
from opstap.werkzoeken.selectors import dossier_samenvatting

from .keuzes import DrempelSoort, Fase, Trede
from .selectors import caseload as caseload_selector
from .selectors import klant_dossier


def caseload_doel(*, drempel: str, aandacht: bool, zoek: str) -> str:
    """Why a client was in the caseload list, in the access log: what the list revealed about them."""
    getoond = []
    if drempel:
        with translation.override("nl"):
            naam = str(dict(DrempelSoort.choices).get(drempel, drempel)).lower()
        getoond.append(f"welke klanten de drempel '{naam}' hebben")
    if aandacht:
        getoond.append("welke klanten aandacht nodig hebben")
    if getoond:
        return ("Begeleiding: de lijst van klanten liet zien " + " en ".join(getoond))[:200]
    if zoek:
        return "Begeleiding: je naam kwam voor bij het zoeken naar een klant"
    return "Begeleiding: je stond in de lijst van klanten, met je trede, fase en aantal drempels"


@rol_vereist(Rol.CONTACTPERSOON)
def caseload(request: HttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "") for k in ("trede", "fase", "drempel", "zoek")}
    gebruiker = gebruiker_van(request)
    klanten = caseload_selector(gebruiker, **filters)
    aandacht = signalen(gebruiker, klanten)
    if gebruiker.gemeente is not None:  # part-time work (D5): contract, exemption, start, hours
        pks = list(klanten.values_list("pk", flat=True))
        for bron in (werk_signalen, verklaring_signalen):  # and missed declarations, falling hours
            for klant_pk, lijst in bron(gebruiker.gemeente, pks).items():
                aandacht.setdefault(klant_pk, []).extend(lijst)
    if request.GET.get("aandacht"):
        klanten = klanten.filter(pk__in=list(aandacht))
    rijen = [(k, aandacht.get(k.pk, [])) for k in klanten]
    inzages_bij_lijst(
        request,
        [k for k, _ in rijen],
        "lijst van klanten",
        caseload_doel(
            drempel=filters["drempel"],
            aandacht=bool(request.GET.get("aandacht")),
            zoek=filters["zoek"],
        ),
    )
    return render(
        request,
        "klanten/werk/caseload.html",
        {
            "klanten": rijen,
            "aandacht": request.GET.get("aandacht", ""),
            "filters": filters,
            "trede_groepen": ["1", "2", "3", "4", "5", "6"],
            "fases": Fase.choices,
            "drempels": DrempelSoort.choices,
        },
    )


@rol_vereist(Rol.CONTACTPERSOON)
def klant(request: HttpRequest, klant_pk: int) -> HttpResponse:
    """The coaching file: only for the contact person (and a substitute). The income desk gets its
    own workspace; it never reads messages, summaries or barriers."""
    gebruiker = gebruiker_van(request)
    dossier = get_object_or_404(begeleide_klanten(gebruiker), pk=klant_pk)
    dossier = klant_dossier(dossier)
    inzage_bij_verzoek(request, dossier, "dossier", "Begeleiding: het dossier bekeken")
    return render(
        request,
        "klanten/werk/klant.html",
        {
            "klant": dossier,
            "inzages": inzages_voor_klant(dossier)[:20],
            "trede_keuzes": Trede.choices,
            "mag_overdragen": mag_caseload_delegeren(gebruiker, dossier.contactpersoon),
            "banen": list(zichtbare_banen(gebruiker).filter(klant=dossier)),  # part-time work
            "passende_vacatures": passende_vacatures(dossier, 3),  # C3: the best three, in the file
            **dossier_overzicht(dossier),
            "werkzoeken": dossier_samenvatting(dossier),
        },
    )

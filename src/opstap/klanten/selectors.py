from django.db.models import Count, Q, QuerySet

from opstap.accounts.models import Gebruiker
from opstap.accounts.toegang import zichtbare_klanten

from .keuzes import Fase
from .models import Klant


def caseload(gebruiker: Gebruiker, *, trede: str = "", fase: str = "", drempel: str = "",
             zoek: str = "") -> QuerySet[Klant]:
    klanten = zichtbare_klanten(gebruiker).select_related("contactpersoon").annotate(
        aantal_drempels=Count("drempels", filter=Q(drempels__opgelost_op__isnull=True))
    )
    if trede:
        klanten = klanten.filter(trede__startswith=trede)
    if fase:
        klanten = klanten.filter(fase=fase)
    if drempel:
        klanten = klanten.filter(drempels__soort=drempel, drempels__opgelost_op__isnull=True)
    if zoek:
        klanten = klanten.filter(Q(achternaam__icontains=zoek) | Q(roepnaam__icontains=zoek))
    return klanten.order_by("achternaam", "voorletters")


def klant_dossier(klant: Klant) -> Klant:
    return (
        Klant.objects.select_related("contactpersoon", "gemeente", "partner")
        .prefetch_related("kinderen", "drempels", "trede_historie")
        .get(pk=klant.pk)
    )


def reis_van(klant: Klant) -> list[tuple[Fase, bool, bool]]:
    """The journey's phases with, for each, whether it is done and whether the client is there now."""
    fases = list(Fase)
    huidige = fases.index(Fase(klant.fase))
    return [(f, i < huidige, i == huidige) for i, f in enumerate(fases)]

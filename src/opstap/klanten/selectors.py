from django.db.models import Count, Q, QuerySet

from opstap.accounts.models import Gebruiker
from opstap.accounts.toegang import zichtbare_klanten

from .keuzes import Fase
from .models import Drempel, Klant


def caseload(
    gebruiker: Gebruiker, *, trede: str = "", fase: str = "", drempel: str = "", zoek: str = ""
) -> QuerySet[Klant]:
    zichtbaar = zichtbare_klanten(gebruiker)
    klanten = zichtbaar.select_related("contactpersoon").annotate(
        aantal_drempels=Count("drempels", filter=Q(drempels__opgelost_op__isnull=True))
    )
    if trede:
        klanten = klanten.filter(trede__startswith=trede)
    if fase:
        klanten = klanten.filter(fase=fase)
    if drempel:
        klanten = klanten.filter(pk__in=klanten_met_drempel(zichtbaar, drempel))
    if zoek:
        klanten = klanten.filter(Q(achternaam__icontains=zoek) | Q(roepnaam__icontains=zoek))
    return klanten.order_by("achternaam", "voorletters")


def klanten_met_drempel(klanten: QuerySet[Klant], soort: str) -> set[int]:
    """Ids of the clients among `klanten` with an open barrier of this kind. The kind is
    encrypted, so the database cannot match it: we decrypt the open barriers of these clients
    only (a caseload holds some 80) and compare in Python."""
    open_drempels = Drempel.objects.filter(klant__in=klanten.values("pk"), opgelost_op__isnull=True)
    return {
        klant_id for klant_id, s in open_drempels.values_list("klant_id", "soort") if s == soort
    }


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

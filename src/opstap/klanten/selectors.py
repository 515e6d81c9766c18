from django.db.models import Count, Q, QuerySet

from opstap.accounts.models import Gebruiker
from opstap.accounts.toegang import zichtbare_klanten

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

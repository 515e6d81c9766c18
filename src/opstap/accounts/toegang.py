"""Who may see which client: the one place that decides object-level access.

Every page and API endpoint that shows a client's data gets its queryset from here,
so a rule change is made once and the access-refusal test checks it everywhere.
"""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from opstap.klanten.models import Klant

from .models import Gebruiker, Rol


def vervangen_collegas(gebruiker: Gebruiker, *, op: date | None = None) -> QuerySet[Gebruiker]:
    """Colleagues whose caseload this contact person covers today (a recorded substitution)."""
    dag = op or timezone.localdate()
    return Gebruiker.objects.filter(
        overdrachten_van__naar=gebruiker,
        overdrachten_van__soort="vervanging",
        overdrachten_van__begin__lte=dag,
    ).filter(Q(overdrachten_van__einde__isnull=True) | Q(overdrachten_van__einde__gte=dag)).distinct()


def zichtbare_klanten(gebruiker: Gebruiker) -> QuerySet[Klant]:
    """The clients whose personal data this user may see. Never crosses municipalities."""
    if not gebruiker.is_authenticated or gebruiker.gemeente_id is None:
        return Klant.objects.none()
    binnen_gemeente = Klant.objects.filter(gemeente_id=gebruiker.gemeente_id)
    match gebruiker.rol:
        case Rol.KLANT:
            return binnen_gemeente.filter(gebruiker=gebruiker)
        case Rol.CONTACTPERSOON:
            return binnen_gemeente.filter(
                Q(contactpersoon=gebruiker) | Q(contactpersoon__in=vervangen_collegas(gebruiker))
            )
        case Rol.INKOMENSCONSULENT:
            # Income declarations of every client of the municipality pass this desk.
            return binnen_gemeente
        case Rol.WERKGEVER if gebruiker.werkgever_id is not None:
            # Only what a client consented to share with this employer (and not revoked).
            return binnen_gemeente.filter(
                toestemmingen__werkgever_id=gebruiker.werkgever_id,
                toestemmingen__ingetrokken_op__isnull=True,
            ).distinct()
        case _:
            # Policy staff see aggregates only; the administrator manages, not reads, files.
            return Klant.objects.none()


def mag_klant_zien(gebruiker: Gebruiker, klant: Klant) -> bool:
    return zichtbare_klanten(gebruiker).filter(pk=klant.pk).exists()


def eigen_klant(gebruiker: Gebruiker) -> Klant | None:
    if gebruiker.rol != Rol.KLANT or gebruiker.gemeente_id is None:
        return None
    return Klant.objects.filter(gebruiker=gebruiker, gemeente_id=gebruiker.gemeente_id).first()

"""Who may see or do what with which client: the one place that decides object-level access.

Every page and API endpoint that shows a client's data gets its queryset from here, and every
write asks one of the `mag_…` rules below, so a rule change is made once and the access walk
(tests/test_toegang.py) checks it everywhere. A refused write is a 403 (problem+json on the API).
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from opstap.contact.models import Gespreksverslag, OverdrachtSoort
from opstap.gemeenten.models import STANDAARD_INSTELLINGEN, Gemeente
from opstap.klanten.models import Klant
from opstap.leernetwerk.models import Bijdrage, Code, Sessie, Status
from opstap.werken.models import Baan
from opstap.werkgevers.models import Toestemming

from .models import Gebruiker, Rol

# Roles that work with the coaching file (messages, summaries, barriers, goals, steps, appointments).
# The income desk and employers never see it, whatever the page's role list says.
BEGELEIDING_ROLLEN = frozenset({Rol.KLANT, Rol.CONTACTPERSOON})


def eis(toegestaan: bool, reden: str = "") -> None:
    """Stop a request the rules refuse: a 403 on a page, a problem+json 403 on the API."""
    if not toegestaan:
        raise PermissionDenied(reden)


# --- substitution -------------------------------------------------------------------------------


def vervanging_max_dagen(gemeente: Gemeente | None) -> int:
    """The longest substitution a municipality allows (setting `vervanging_max_dagen`)."""
    if gemeente is None:
        return 0
    waarde = gemeente.instelling("vervanging_max_dagen")
    try:
        return max(1, int(str(waarde)))
    except (TypeError, ValueError):  # a mistyped setting: the safe default, not an error page
        return int(str(STANDAARD_INSTELLINGEN["vervanging_max_dagen"]))


def lopende_vervanging(gemeente: Gemeente | None, *, op: date | None = None, pad: str = "") -> Q:
    """A substitution that runs on this day: begun, not ended, and never longer than the
    municipality's maximum from its first day. The cap also holds for substitutions recorded
    before end dates were required (no end, or an end years away)."""
    dag = op or timezone.localdate()
    vroegste_begin = dag - timedelta(days=vervanging_max_dagen(gemeente) - 1)
    return Q(
        **{
            f"{pad}soort": OverdrachtSoort.VERVANGING,
            f"{pad}begin__lte": dag,
            f"{pad}begin__gte": vroegste_begin,
        }
    ) & (Q(**{f"{pad}einde__gte": dag}) | Q(**{f"{pad}einde__isnull": True}))


def vervangen_collegas(gebruiker: Gebruiker, *, op: date | None = None) -> QuerySet[Gebruiker]:
    """Colleagues whose own caseload this contact person covers today (a recorded substitution).
    Only their own clients: what a colleague covers for someone else is not passed on."""
    return Gebruiker.objects.filter(
        lopende_vervanging(gebruiker.gemeente, op=op, pad="overdrachten_van__"),
        overdrachten_van__naar=gebruiker,
        overdrachten_van__gemeente_id=gebruiker.gemeente_id or -1,
    ).distinct()


# --- seeing clients -----------------------------------------------------------------------------


def caseload_van(contactpersoon: Gebruiker) -> QuerySet[Klant]:
    """The clients whose fixed contact person this is: their own caseload, without substitutions."""
    return Klant.objects.filter(
        gemeente_id=contactpersoon.gemeente_id or -1, contactpersoon=contactpersoon
    )


def geldende_toestemmingen(gebruiker: Gebruiker) -> QuerySet[Toestemming]:
    """Consents in force for this employer: the only way an employer sees a client, and only
    what the client chose to share. A revoked consent shuts the employer out at once."""
    if (
        gebruiker.rol != Rol.WERKGEVER
        or gebruiker.werkgever_id is None
        or gebruiker.gemeente_id is None
    ):
        return Toestemming.objects.none()
    return Toestemming.objects.filter(
        werkgever_id=gebruiker.werkgever_id,
        ingetrokken_op__isnull=True,
        klant__gemeente_id=gebruiker.gemeente_id,
    )


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
        case Rol.WERKGEVER:
            return binnen_gemeente.filter(
                pk__in=geldende_toestemmingen(gebruiker).values("klant_id")
            )
        case _:
            # Policy staff see aggregates only; the administrator manages, not reads, files.
            return Klant.objects.none()


def mag_klant_zien(gebruiker: Gebruiker, klant: Klant) -> bool:
    return zichtbare_klanten(gebruiker).filter(pk=klant.pk).exists()


def eigen_klant(gebruiker: Gebruiker) -> Klant | None:
    if gebruiker.rol != Rol.KLANT or gebruiker.gemeente_id is None:
        return None
    return Klant.objects.filter(gebruiker=gebruiker, gemeente_id=gebruiker.gemeente_id).first()


# --- the coaching file --------------------------------------------------------------------------


def begeleide_klanten(gebruiker: Gebruiker) -> QuerySet[Klant]:
    """Clients whose coaching file this user may see: a client their own, a contact person their
    caseload (and a substituted colleague's). Nobody else, not even the income desk."""
    if not gebruiker.is_authenticated or gebruiker.rol not in BEGELEIDING_ROLLEN:
        return Klant.objects.none()
    return zichtbare_klanten(gebruiker)


def leesbare_verslagen(gebruiker: Gebruiker) -> QuerySet[Gespreksverslag]:
    """Conversation summaries this user may read. A client sees only the published ones: a draft
    is the contact person's until it is published."""
    verslagen = Gespreksverslag.objects.filter(klant__in=begeleide_klanten(gebruiker))
    if gebruiker.rol == Rol.KLANT:
        verslagen = verslagen.filter(gepubliceerd_op__isnull=False)
    return verslagen


def mag_verslag_lezen(gebruiker: Gebruiker, verslag: Gespreksverslag) -> bool:
    return leesbare_verslagen(gebruiker).filter(pk=verslag.pk).exists()


def _begeleidt(gebruiker: Gebruiker, klant: Klant) -> bool:
    return (
        gebruiker.rol == Rol.CONTACTPERSOON
        and begeleide_klanten(gebruiker).filter(pk=klant.pk).exists()
    )


def mag_bericht_sturen(gebruiker: Gebruiker, klant: Klant) -> bool:
    """The client in their own conversation; the contact person (or substitute) with the client."""
    return begeleide_klanten(gebruiker).filter(pk=klant.pk).exists()


def mag_verslag_schrijven(gebruiker: Gebruiker, klant: Klant) -> bool:
    """Only the contact person (or substitute) writes a summary; the client asks about one by message."""
    return _begeleidt(gebruiker, klant)


def mag_contactmoment_plannen(gebruiker: Gebruiker, klant: Klant) -> bool:
    """Only the contact person (or substitute) plans contact; the client replies by message."""
    return _begeleidt(gebruiker, klant)


def mag_stappenplan_bijwerken(gebruiker: Gebruiker, klant: Klant) -> bool:
    """Goals, barriers, trede and steps: the contact person (or substitute)."""
    return _begeleidt(gebruiker, klant)


def mag_stap_afvinken(gebruiker: Gebruiker, klant: Klant) -> bool:
    """A step is ticked off by the client who did it, or by the contact person."""
    return begeleide_klanten(gebruiker).filter(pk=klant.pk).exists()


def mag_aanvraag_indienen(gebruiker: Gebruiker, klant: Klant) -> bool:
    """A client applies for a provision themselves, for their own file only."""
    return (
        gebruiker.rol == Rol.KLANT
        and klant.gebruiker_id == gebruiker.pk
        and klant.gemeente_id == gebruiker.gemeente_id
    )


def mag_aanvraag_bijwerken(gebruiker: Gebruiker, klant: Klant) -> bool:
    return _begeleidt(gebruiker, klant)


# --- handover and substitution ------------------------------------------------------------------


def mag_caseload_delegeren(gebruiker: Gebruiker, van: Gebruiker | None) -> bool:
    """Who records a handover or substitution of `van`'s clients: `van` themselves, or an
    administrator of the same municipality. Never a substitute: clients seen through a
    substitution are not theirs to pass on, for a day or for good."""
    if van is None or not gebruiker.is_authenticated or gebruiker.gemeente_id is None:
        return False
    if van.rol != Rol.CONTACTPERSOON or van.gemeente_id != gebruiker.gemeente_id:
        return False
    if gebruiker.rol == Rol.BEHEERDER:
        return True
    return gebruiker.rol == Rol.CONTACTPERSOON and gebruiker.pk == van.pk


def delegatie_ontvangers(van: Gebruiker) -> QuerySet[Gebruiker]:
    """Colleagues who can take over or cover `van`'s clients: active contact persons of the same municipality."""
    return Gebruiker.objects.filter(
        gemeente_id=van.gemeente_id or -1, rol=Rol.CONTACTPERSOON, is_active=True
    ).exclude(pk=van.pk)


# --- part-time work -----------------------------------------------------------------------------


def zichtbare_banen(gebruiker: Gebruiker) -> QuerySet[Baan]:
    """Jobs this user may see: a client their own, a contact person those of their caseload (and a
    substituted colleague's). The income desk comes with the declarations (D3), not yet here."""
    if not gebruiker.is_authenticated or gebruiker.rol not in BEGELEIDING_ROLLEN:
        return Baan.objects.none()
    return Baan.objects.filter(
        klant__in=zichtbare_klanten(gebruiker), gemeente_id=gebruiker.gemeente_id
    )


def mag_baan_aanmelden(gebruiker: Gebruiker, klant: Klant) -> bool:
    """Only the client reports their own job: they know it first, and it is their report."""
    eigen = eigen_klant(gebruiker)
    return eigen is not None and eigen.pk == klant.pk


# --- the learning network (F3) ------------------------------------------------------------------
# Coders: contact persons and policy staff (researchers work as policy staff). Moderators: policy
# staff only, because they never see the client's file and so cannot be tempted to fill in who
# wrote what; a contact person would often recognise their own client. Nobody but the client ever
# sees the original text: every professional query below yields the shared, de-identified text.

LEERNETWERK_CODEURS = frozenset({Rol.CONTACTPERSOON, Rol.BELEIDSMEDEWERKER})
LEERNETWERK_MODERATOREN = frozenset({Rol.BELEIDSMEDEWERKER})
LEERNETWERK_EXPORTEURS = frozenset({Rol.BELEIDSMEDEWERKER})


def _leernetwerk(gebruiker: Gebruiker, rollen: frozenset[str]) -> bool:
    return (
        gebruiker.is_authenticated and gebruiker.gemeente_id is not None and gebruiker.rol in rollen
    )


def eigen_bijdragen(gebruiker: Gebruiker) -> QuerySet[Bijdrage]:
    """A client's own contributions; nobody else has any here."""
    klant = eigen_klant(gebruiker)
    if klant is None:
        return Bijdrage.objects.none()
    return Bijdrage.objects.filter(klant=klant, gemeente_id=gebruiker.gemeente_id or -1)


def mag_bijdrage_schrijven(gebruiker: Gebruiker, klant: Klant) -> bool:
    eigen = eigen_klant(gebruiker)
    return eigen is not None and eigen.pk == klant.pk


def te_modereren_bijdragen(gebruiker: Gebruiker) -> QuerySet[Bijdrage]:
    """Sent contributions of the moderator's municipality (waiting, returned or shared)."""
    if not _leernetwerk(gebruiker, LEERNETWERK_MODERATOREN):
        return Bijdrage.objects.none()
    return Bijdrage.objects.filter(
        gemeente_id=gebruiker.gemeente_id or -1,
        status__in=[Status.INGEDIEND, Status.TERUGGESTUURD, Status.GOEDGEKEURD],
    )


def codeerbare_bijdragen(gebruiker: Gebruiker) -> QuerySet[Bijdrage]:
    """Approved, not withdrawn contributions of the coder's municipality."""
    if not _leernetwerk(gebruiker, LEERNETWERK_CODEURS):
        return Bijdrage.objects.none()
    return Bijdrage.objects.filter(
        gemeente_id=gebruiker.gemeente_id or -1, status=Status.GOEDGEKEURD
    )


def zichtbare_codes(gebruiker: Gebruiker) -> QuerySet[Code]:
    if not _leernetwerk(gebruiker, LEERNETWERK_CODEURS):
        return Code.objects.none()
    return Code.objects.filter(gemeente_id=gebruiker.gemeente_id or -1)


def zichtbare_sessies(gebruiker: Gebruiker) -> QuerySet[Sessie]:
    if not _leernetwerk(gebruiker, LEERNETWERK_CODEURS):
        return Sessie.objects.none()
    return Sessie.objects.filter(gemeente_id=gebruiker.gemeente_id or -1)


def mag_leernetwerk_exporteren(gebruiker: Gebruiker) -> bool:
    return _leernetwerk(gebruiker, LEERNETWERK_EXPORTEURS)


def akkoord_vragen(gebruiker: Gebruiker) -> QuerySet[Bijdrage]:
    """Contributions of this contact person's clients that ask to count in place of an application."""
    if gebruiker.rol != Rol.CONTACTPERSOON:
        return Bijdrage.objects.none()
    return Bijdrage.objects.filter(
        klant__in=begeleide_klanten(gebruiker),
        in_plaats_van_sollicitatie=True,
        status__in=[Status.INGEDIEND, Status.TERUGGESTUURD, Status.GOEDGEKEURD],
    )


def mag_sollicitatie_akkoord_geven(gebruiker: Gebruiker, bijdrage: Bijdrage) -> bool:
    """Only the client's own contact person (or substitute) agrees that it counts."""
    return akkoord_vragen(gebruiker).filter(pk=bijdrage.pk).exists()

"""Who may see or do what with which client: the one place that decides object-level access.

Every page and API endpoint that shows a client's data gets its queryset from here, and every
write asks one of the `mag_…` rules below, so a rule change is made once and the access walk
(tests/test_toegang.py) checks it everywhere. A refused write is a 403 (problem+json on the API).
"""

from datetime import date, timedelta
from functools import cache
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from opstap.bemiddeling.models import Aanmelding, Bijeenkomst, Plaats, Voorstel
from opstap.contact.models import Gespreksverslag, OverdrachtSoort
from opstap.gemeenten.models import STANDAARD_INSTELLINGEN, Gemeente
from opstap.invoegen import uit_rij
from opstap.klanten.models import Klant
from opstap.leernetwerk.models import Bijdrage, Code, Sessie, Status
from opstap.verklaringen.models import Inkomstenverklaring, Verrekening
from opstap.werken.models import Baan, Contract
from opstap.werkgevers.models import Toestemming, Vacature
from opstap.werkzoeken.models import Activiteit, Controle, Stemming, Stuk

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


# --- income declarations (D3) --------------------------------------------------------------------

# Who works with declarations: the client who sends them and the income desk that settles them.
# The contact person sees whether one is missing (a signal), never the amounts.
VERKLARING_ROLLEN = frozenset({Rol.KLANT, Rol.INKOMENSCONSULENT})


def zichtbare_verklaringen(gebruiker: Gebruiker) -> QuerySet[Inkomstenverklaring]:
    """Declarations this user may see: a client their own, the income desk every client's of its
    municipality. Nobody else."""
    if not gebruiker.is_authenticated or gebruiker.rol not in VERKLARING_ROLLEN:
        return Inkomstenverklaring.objects.none()
    return Inkomstenverklaring.objects.filter(
        klant__in=zichtbare_klanten(gebruiker), gemeente_id=gebruiker.gemeente_id
    )


_BAAN_VOOR_VERKLARING = {"id", "gemeente_id", "klant_id", "werkgever_naam", "begonnen_op"}


@cache
def _baan_kolommen() -> tuple[list[Any], str]:
    """The job's fields a declaration reads, in the model's order (as Model.from_db expects
    them), and their columns for the query: worked out once, not per declaration."""
    velden = [f for f in Baan._meta.concrete_fields if f.attname in _BAAN_VOOR_VERKLARING]
    return velden, ", ".join(f"b.{f.column}" for f in velden)


def eigen_baan(gebruiker: Gebruiker, baan_pk: int) -> Baan | None:
    """A client's own job with the client loaded, in one query (deadline day: thousands of
    declarations, each naming its job). None for anyone else's job, or for a non-client.
    Plain SQL: the ORM's building of this join cost more CPU than the rest of such a request.
    Of the job and the client only what a declaration reads; the rest loads when asked for."""
    if gebruiker.rol != Rol.KLANT or gebruiker.gemeente_id is None:
        return None
    velden, kolommen = _baan_kolommen()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {kolommen} FROM werken_baan b JOIN klanten_klant k ON k.id = b.klant_id "  # noqa: S608  # the model's own column names
            "WHERE b.id = %s AND b.gemeente_id = %s AND k.gemeente_id = %s AND k.gebruiker_id = %s",
            [baan_pk, gebruiker.gemeente_id, gebruiker.gemeente_id, gebruiker.pk],
        )
        rij = cursor.fetchone()
    if rij is None:
        return None
    baan = uit_rij(Baan, velden, rij)
    baan.klant = Klant.from_db(
        "default",
        ["id", "gemeente_id", "gebruiker_id"],
        [baan.klant_id, baan.gemeente_id, gebruiker.pk],
    )
    return baan


def mag_verklaring_indienen(gebruiker: Gebruiker, klant: Klant) -> bool:
    """The client declares their own income: it is their statement. (No query: this runs for each
    of thousands of declarations on deadline day.)"""
    return (
        gebruiker.is_authenticated
        and gebruiker.rol == Rol.KLANT
        and klant.gebruiker_id == gebruiker.pk
        and klant.gemeente_id == gebruiker.gemeente_id
    )


def mag_papierformulier_zetten(gebruiker: Gebruiker, klant: Klant) -> bool:
    """The income desk puts a client of its own municipality on the paper declaration form (the
    client switches back to online themselves, with mag_verklaring_indienen)."""
    return (
        gebruiker.is_authenticated
        and gebruiker.rol == Rol.INKOMENSCONSULENT
        and zichtbare_klanten(gebruiker).filter(pk=klant.pk).exists()
    )


def mag_baan_bijwerken(gebruiker: Gebruiker, baan: Baan) -> bool:
    """Only the client changes or ends their own job (the contact person reads it)."""
    eigen = eigen_klant(gebruiker)
    return eigen is not None and eigen.pk == baan.klant_id and eigen.gemeente_id == baan.gemeente_id


def zichtbare_contracten(gebruiker: Gebruiker) -> QuerySet[Contract]:
    """Employment contracts (D2): a client their own, a contact person those of the caseload (and a
    substituted colleague's). The contract is part of the coaching, not of the income desk."""
    if not gebruiker.is_authenticated or gebruiker.rol not in BEGELEIDING_ROLLEN:
        return Contract.objects.none()
    return Contract.objects.filter(
        klant__in=begeleide_klanten(gebruiker), gemeente_id=gebruiker.gemeente_id
    )


def mag_contract_controleren(gebruiker: Gebruiker, klant: Klant) -> bool:
    """The contact person (or substitute) checks a contract; the client uploads it."""
    return _begeleidt(gebruiker, klant)


def mag_start_bijhouden(gebruiker: Gebruiker, klant: Klant) -> bool:
    """Check-ins and a difficult start: the client about their own job, and the contact person."""
    return begeleide_klanten(gebruiker).filter(pk=klant.pk).exists()


# --- policy (beleid) ----------------------------------------------------------------------------


def mag_aanpak_zetten(gebruiker: Gebruiker, klant: Klant) -> bool:
    """The approach (regular or tailored) is set by the contact person (or substitute); policy
    staff only see it counted per cohort (beleid.overleving), never per client."""
    return _begeleidt(gebruiker, klant)


# --- settling declarations (D4) -------------------------------------------------------------------


def mag_verklaring_behandelen(gebruiker: Gebruiker, verklaring: Inkomstenverklaring) -> bool:
    """Only the income desk picks up, asks about, settles and exports declarations, and only
    those of its own municipality. The client reads the outcome; the contact person never."""
    return (
        gebruiker.is_authenticated
        and gebruiker.rol == Rol.INKOMENSCONSULENT
        and zichtbare_verklaringen(gebruiker).filter(pk=verklaring.pk).exists()
    )


def zichtbare_verrekeningen(gebruiker: Gebruiker) -> QuerySet[Verrekening]:
    """Settlements this user may see: those of the declarations they may see."""
    return Verrekening.objects.filter(verklaring__in=zichtbare_verklaringen(gebruiker))


# --- finding work: the client's own search (C1, C2, C6, C9) --------------------------------------


def zichtbare_activiteiten(gebruiker: Gebruiker) -> QuerySet[Activiteit]:
    """Search activities (and their proof): a client their own, a contact person their caseload's."""
    return Activiteit.objects.filter(
        klant__in=begeleide_klanten(gebruiker), gemeente_id=gebruiker.gemeente_id
    )


def zichtbare_stukken(gebruiker: Gebruiker) -> QuerySet[Stuk]:
    """CVs, letters, pitch and video. The client sees their own; the contact person only what the
    client shared (asking for a check shares it) and did not withdraw: a draft stays the client's."""
    stukken = Stuk.objects.filter(
        klant__in=begeleide_klanten(gebruiker), gemeente_id=gebruiker.gemeente_id
    )
    if gebruiker.is_authenticated and gebruiker.rol == Rol.CONTACTPERSOON:
        stukken = stukken.filter(gedeeld_op__isnull=False, ingetrokken_op__isnull=True)
    return stukken


def zichtbare_controles(gebruiker: Gebruiker) -> QuerySet[Controle]:
    return Controle.objects.filter(
        stuk__in=zichtbare_stukken(gebruiker), gemeente_id=gebruiker.gemeente_id
    )


def zichtbare_stemmingen(gebruiker: Gebruiker) -> QuerySet[Stemming]:
    """Moods: the client sees all of their own; the contact person only those the client shared."""
    stemmingen = Stemming.objects.filter(
        klant__in=begeleide_klanten(gebruiker), gemeente_id=gebruiker.gemeente_id
    )
    if gebruiker.is_authenticated and gebruiker.rol != Rol.KLANT:
        stemmingen = stemmingen.filter(gedeeld=True)
    return stemmingen


def mag_zelf_werk_zoeken(gebruiker: Gebruiker, klant: Klant) -> bool:
    """Logging activities, writing a CV or letter, asking a check, a mood: the client themselves."""
    eigen = eigen_klant(gebruiker)
    return eigen is not None and eigen.pk == klant.pk


def mag_plicht_instellen(gebruiker: Gebruiker, klant: Klant) -> bool:
    """The duty, an exemption or a pause: the contact person (or substitute)."""
    return _begeleidt(gebruiker, klant)


def mag_controle_beantwoorden(gebruiker: Gebruiker, klant: Klant) -> bool:
    return _begeleidt(gebruiker, klant)


# --- mediation with employers (bemiddeling) -----------------------------------------------------


def is_intern_uitzendbureau(gebruiker: Gebruiker) -> bool:
    """The municipal temp agency: an employer account whose organisation is marked as such."""
    return (
        gebruiker.is_authenticated
        and gebruiker.rol == Rol.WERKGEVER
        and gebruiker.werkgever is not None
        and gebruiker.werkgever.is_intern_uitzendbureau
    )


def eigen_werkgever_id(gebruiker: Gebruiker) -> int | None:
    """The organisation an employer account acts for: its own vacancies, places, selection process
    and meet-up participation. None for every other role."""
    if not gebruiker.is_authenticated or gebruiker.rol != Rol.WERKGEVER:
        return None
    return gebruiker.werkgever_id


def zichtbare_voorstellen(gebruiker: Gebruiker) -> QuerySet[Voorstel]:
    """Candidacies this user may see: a client their own, a contact person their caseload's, an
    employer only those of their own organisation with the client's consent in force."""
    if not gebruiker.is_authenticated or gebruiker.gemeente_id is None:
        return Voorstel.objects.none()
    binnen = Voorstel.objects.filter(gemeente_id=gebruiker.gemeente_id)
    if gebruiker.rol in BEGELEIDING_ROLLEN:
        return binnen.filter(klant__in=begeleide_klanten(gebruiker))
    if gebruiker.rol == Rol.WERKGEVER:
        return binnen.filter(
            werkgever_id=gebruiker.werkgever_id or -1,
            toestemming__in=geldende_toestemmingen(gebruiker),
        )
    return Voorstel.objects.none()


def mag_voorstel_zien(gebruiker: Gebruiker, voorstel: Voorstel) -> bool:
    return zichtbare_voorstellen(gebruiker).filter(pk=voorstel.pk).exists()


def mag_voorstellen(gebruiker: Gebruiker, klant: Klant) -> bool:
    """Who proposes a client for a vacancy: the contact person (or substitute), or the municipal temp
    agency for a client who consented to it. The client is always asked before anyone sees more."""
    if _begeleidt(gebruiker, klant):
        return True
    return is_intern_uitzendbureau(gebruiker) and mag_klant_zien(gebruiker, klant)


def mag_toestemming_geven(gebruiker: Gebruiker, klant: Klant) -> bool:
    """Only the client gives or withdraws consent, for themselves."""
    eigen = eigen_klant(gebruiker)
    return eigen is not None and eigen.pk == klant.pk


def mag_terugkoppelen(gebruiker: Gebruiker, voorstel: Voorstel) -> bool:
    """The employer of the candidacy, while the client's consent is in force."""
    return gebruiker.rol == Rol.WERKGEVER and mag_voorstel_zien(gebruiker, voorstel)


def mag_proefdag_plannen(gebruiker: Gebruiker, voorstel: Voorstel) -> bool:
    """Employer or contact person set the date; the client asks for one and confirms."""
    return gebruiker.rol in (Rol.WERKGEVER, Rol.CONTACTPERSOON) and mag_voorstel_zien(
        gebruiker, voorstel
    )


def mag_driehoeksmoment_vastleggen(gebruiker: Gebruiker, voorstel: Voorstel) -> bool:
    """The contact person records what the three agreed."""
    return gebruiker.rol == Rol.CONTACTPERSOON and mag_voorstel_zien(gebruiker, voorstel)


def zichtbare_bijeenkomsten(gebruiker: Gebruiker) -> QuerySet[Bijeenkomst]:
    """Meet-ups of the user's own municipality, for clients, contact persons and employers."""
    if (
        not gebruiker.is_authenticated
        or gebruiker.gemeente_id is None
        or gebruiker.rol not in (Rol.KLANT, Rol.CONTACTPERSOON, Rol.WERKGEVER)
    ):
        return Bijeenkomst.objects.none()
    return Bijeenkomst.objects.filter(gemeente_id=gebruiker.gemeente_id)


def zichtbare_aanmeldingen(gebruiker: Gebruiker) -> QuerySet[Aanmelding]:
    """Who signed up: a client sees their own, a contact person their caseload's. An employer sees
    no names here; a candidate reaches an employer only through consent."""
    if not gebruiker.is_authenticated or gebruiker.rol not in BEGELEIDING_ROLLEN:
        return Aanmelding.objects.none()
    return Aanmelding.objects.filter(
        klant__in=begeleide_klanten(gebruiker),
        bijeenkomst__gemeente_id=gebruiker.gemeente_id,
    )


def mag_bijeenkomst_organiseren(gebruiker: Gebruiker) -> bool:
    return gebruiker.is_authenticated and gebruiker.rol == Rol.CONTACTPERSOON


def zichtbare_plaatsen(gebruiker: Gebruiker) -> QuerySet[Plaats]:
    """Work-experience places and trial placements: an employer its own, a contact person all of the
    municipality (to place a client), a client the ones they hold."""
    if not gebruiker.is_authenticated or gebruiker.gemeente_id is None:
        return Plaats.objects.none()
    binnen = Plaats.objects.filter(gemeente_id=gebruiker.gemeente_id)
    match gebruiker.rol:
        case Rol.WERKGEVER:
            return binnen.filter(werkgever_id=gebruiker.werkgever_id or -1)
        case Rol.CONTACTPERSOON:
            return binnen
        case Rol.KLANT:
            return binnen.filter(klant__in=begeleide_klanten(gebruiker))
        case _:
            return Plaats.objects.none()


def mag_plaats_bezetten(gebruiker: Gebruiker, klant: Klant | None) -> bool:
    """Only the contact person (or substitute) places a client of their caseload."""
    if gebruiker.rol != Rol.CONTACTPERSOON:
        return False
    return klant is None or _begeleidt(gebruiker, klant)


# --- vacancies and matching ---------------------------------------------------------------------


def zichtbare_vacatures(gebruiker: Gebruiker) -> QuerySet[Vacature]:
    """Vacancies this user may see. Clients and staff: the open ones of their municipality. An
    employer: its own (open or closed); the municipal temp agency: every vacancy in the city.
    Vacancies hold no client data; who matches them is decided per client, never here."""
    if not gebruiker.is_authenticated or gebruiker.gemeente_id is None:
        return Vacature.objects.none()
    binnen_gemeente = Vacature.objects.filter(gemeente_id=gebruiker.gemeente_id)
    match gebruiker.rol:
        case Rol.KLANT | Rol.CONTACTPERSOON | Rol.INKOMENSCONSULENT:
            return binnen_gemeente.filter(open=True)
        case Rol.WERKGEVER:
            werkgever = gebruiker.werkgever
            if werkgever is None or werkgever.gemeente_id != gebruiker.gemeente_id:
                return Vacature.objects.none()
            if werkgever.is_intern_uitzendbureau:
                return binnen_gemeente
            return binnen_gemeente.filter(werkgever_id=werkgever.pk)
        case _:
            return Vacature.objects.none()


def mag_vacature_bewerken(gebruiker: Gebruiker, vacature: Vacature) -> bool:
    """Only the employer that posted it (the temp agency sees all, but edits only its own)."""
    return (
        gebruiker.is_authenticated
        and gebruiker.rol == Rol.WERKGEVER
        and gebruiker.werkgever_id is not None
        and vacature.werkgever_id == gebruiker.werkgever_id
        and vacature.gemeente_id == gebruiker.gemeente_id
    )


def mag_vacature_plaatsen(gebruiker: Gebruiker) -> bool:
    return (
        gebruiker.is_authenticated
        and gebruiker.rol == Rol.WERKGEVER
        and gebruiker.werkgever_id is not None
        and gebruiker.gemeente_id is not None
    )


def mag_kandidaten_tellen(gebruiker: Gebruiker) -> bool:
    """The municipal temp agency sees how many clients match a vacancy: a number, never who.
    Who matches is for the contact person, who asks the client's consent first."""
    werkgever = gebruiker.werkgever if gebruiker.is_authenticated else None
    return (
        gebruiker.rol == Rol.WERKGEVER
        and werkgever is not None
        and werkgever.is_intern_uitzendbureau
        and werkgever.gemeente_id == gebruiker.gemeente_id
    )


def mag_werkwensen_bijwerken(gebruiker: Gebruiker, klant: Klant) -> bool:
    """A client's constraints and wishes for work: the client themselves, or their contact person."""
    return begeleide_klanten(gebruiker).filter(pk=klant.pk).exists()


def mag_mogelijke_beroepen_bijwerken(gebruiker: Gebruiker, klant: Klant) -> bool:
    """The list of possible occupations is made with the contact person, who writes it down."""
    return _begeleidt(gebruiker, klant)


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

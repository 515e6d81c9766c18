from collections.abc import Iterable, Sequence

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone

from opstap.accounts.models import Gebruiker
from opstap.invoegen import invoegen
from opstap.klanten.models import Klant

from .models import Actie, Inzage


def _inzage(
    gebruiker: Gebruiker | None, klant: Klant, onderdeel: str, doel: str, actie: str
) -> Inzage:
    return Inzage(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        gebruiker=gebruiker,
        rol=getattr(gebruiker, "rol", "systeem") or "systeem",
        actie=actie,
        onderdeel=onderdeel,
        doel=doel,
    )


def _gebruiker(request: HttpRequest) -> Gebruiker | None:
    return request.user if isinstance(request.user, Gebruiker) else None


def inzage_vastleggen(
    *,
    gebruiker: Gebruiker | None,
    klant: Klant,
    onderdeel: str,
    doel: str,
    actie: str = Actie.LEZEN,
) -> Inzage:
    """Record one read or change of a client's personal data. Called by every view that shows it."""
    inzage = _inzage(gebruiker, klant, onderdeel, doel, actie)
    invoegen(inzage)  # on every view of personal data: without the ORM's SQL building
    return inzage


def inzage_bij_verzoek(
    request: HttpRequest, klant: Klant, onderdeel: str, doel: str, actie: str = Actie.LEZEN
) -> Inzage:
    return inzage_vastleggen(
        gebruiker=_gebruiker(request), klant=klant, onderdeel=onderdeel, doel=doel, actie=actie
    )


def inzages_vastleggen(
    *,
    gebruiker: Gebruiker | None,
    klanten: Iterable[Klant],
    onderdeel: str,
    doel: str,
    actie: str = Actie.LEZEN,
) -> list[Inzage]:
    """Record that one screen or answer showed these clients' personal data: one entry per client
    (a client shown twice counts once), written in one query."""
    uniek = {k.pk: k for k in klanten}
    return Inzage.objects.bulk_create(
        _inzage(gebruiker, k, onderdeel, doel, actie) for k in uniek.values()
    )


def inzages_bij_lijst(
    request: HttpRequest, klanten: Iterable[Klant], onderdeel: str, doel: str
) -> list[Inzage]:
    """Every list that shows clients' personal data (a caseload, search results, an API page)
    calls this with exactly the clients it shows, after filtering and paging."""
    return inzages_vastleggen(
        gebruiker=_gebruiker(request), klanten=klanten, onderdeel=onderdeel, doel=doel
    )


def inzages_door_systeem(klanten: list[Klant], *, onderdeel: str, doel: str) -> None:
    """Record that the system itself read these clients' data (a batch job), one entry each.
    On PostgreSQL with COPY (a batch over a whole caseload writes hundreds of thousands of
    entries; the same rows as bulk_create, several times faster)."""
    if connection.vendor != "postgresql":
        inzages_vastleggen(gebruiker=None, klanten=klanten, onderdeel=onderdeel, doel=doel)
        return
    nu = timezone.now()
    uniek = {k.pk: k.gemeente_id for k in klanten}
    velden = "tijdstip, gemeente_id, klant_id, gebruiker_id, rol, actie, onderdeel, doel"
    with (
        connection.cursor() as c,
        c.cursor.copy(f"COPY {Inzage._meta.db_table} ({velden}) FROM STDIN") as copy,
    ):
        for pk, gemeente_id in uniek.items():
            copy.write_row((nu, gemeente_id, pk, None, "systeem", Actie.LEZEN, onderdeel, doel))


def pg_array(ids: Sequence[int]) -> str:
    """Ids as a PostgreSQL array literal, for `= ANY(%s::bigint[])`."""
    return "{" + ",".join(map(str, map(int, ids))) + "}"


def inzages_door_systeem_voor_ids(ids: Sequence[int], *, onderdeel: str, doel: str) -> None:
    """`inzages_door_systeem` for clients known by id (a batch job that read them with SQL):
    one entry per client, with the client's own gemeente. On PostgreSQL one INSERT … SELECT
    with the ids as one array parameter: the rows are made in the database, none in Python."""
    uniek = list(dict.fromkeys(ids))
    if not uniek:
        return
    nu = timezone.now()
    if connection.vendor != "postgresql":
        gemeenten = dict(Klant.objects.filter(pk__in=uniek).values_list("pk", "gemeente_id"))
        Inzage.objects.bulk_create(
            Inzage(
                gemeente_id=gemeenten[pk],
                klant_id=pk,
                gebruiker=None,
                rol="systeem",
                actie=Actie.LEZEN,
                onderdeel=onderdeel,
                doel=doel,
                tijdstip=nu,
            )
            for pk in uniek
        )
        return
    velden = "tijdstip, gemeente_id, klant_id, gebruiker_id, rol, actie, onderdeel, doel"
    with connection.cursor() as c:
        c.execute(
            f"INSERT INTO {Inzage._meta.db_table} ({velden}) "  # noqa: S608 - table name only
            f"SELECT %s, k.gemeente_id, k.id, NULL, 'systeem', %s, %s, %s "
            f"FROM {Klant._meta.db_table} k WHERE k.id = ANY(%s::bigint[]) ORDER BY k.id",
            [nu, Actie.LEZEN.value, onderdeel, doel, pg_array(uniek)],
        )

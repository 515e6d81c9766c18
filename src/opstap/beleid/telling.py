"""Today's caseload picture counted in the database, for large caseloads (issue 12).

tijdreeks.py builds every client's path in Python (verloop.py) and counts it: exact, but it
reads every client, job, trede change and barrier on each request (about 1 s per 10,000 clients).
Here the same definitions for today are GROUP BY aggregates on plain columns, so the page costs
a few queries whatever the caseload's size:

- in the caseload today: started (bijstand_sinds, else the day the record was made, in UTC as
  Python's `aangemaakt.date()`) and no change to trede 6 after the start up to today;
- trede (group), household type, phase: plain columns;
- age band: the birth date against the first day of each band (no age arithmetic in SQL);
- work: the jobs running today, summed per client in a subquery (on-call and no-hours jobs
  count as on-call only when no job has fixed hours).

The barrier kind is encrypted (it says something about health, debts or addiction), so SQL
cannot group on it. Storing it again as a plain column would undo that encryption (a bucket
per kind per client is the kind). So the barrier tables are counted in Python, as before, and
kept as a snapshot (`Drempelopname`, suppressed cells only, per municipality and day) with a
fingerprint of everything they depend on: the barrier rows (their ciphertext changes on every
save) of the clients in the caseload today. A request computes the fingerprint in SQL and uses
the snapshot only when it still matches; otherwise it counts live and stores a new snapshot.
The Celery task `bestandsbeeld_verversen` refreshes the snapshots every night and after bulk
changes, so the first visitor of the day does not pay for the decryption.

At 500,000 clients even the GROUP BY takes about a second on a small machine, so on PostgreSQL
the whole picture (suppressed cells only) is kept too (`Beeldopname`) with a data version: a
sequence that statement-level triggers on the four tables it reads move on (migration 0006).
The page counts again only when the version has moved (or after OPNAME_GELDIG, see
bestandsbeeld_nu), so what it shows is what counting now would show.

tests/beleid/test_telling.py compares this path with tijdreeks.py on a generated caseload.
"""

import hashlib
from collections import Counter
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from opstap.gemeenten.models import Gemeente
from opstap.klanten.keuzes import DREMPEL_GROEP_VAN
from opstap.klanten.models import Drempel, Klant, TredeWijziging
from opstap.werken.models import Baan

from .models import Beeldopname, Drempelopname
from .onderdrukking import onderdruk, onderdruk_met_totaal, toonbaar_aantal
from .tijdreeks import INDELING, INDELINGEN, LEEFTIJDSBANDEN, Maand

DREMPEL_INDELINGEN = ("drempelgroep", "drempel")
OPNAME_GELDIG = timedelta(minutes=5)


def _eerste_dag_van_leeftijd(dag: date, jaren: int) -> date:
    """The latest birth date of someone who is `jaren` or older on `dag` (29 February: the
    28th, as leeftijd() counts a birthday on 29 February as not yet reached on 28 February)."""
    try:
        return dag.replace(year=dag.year - jaren)
    except ValueError:
        return date(dag.year - jaren, 2, 28)


def _start_sql() -> str:
    if connection.vendor == "postgresql":
        return "COALESCE(k.bijstand_sinds, CAST(k.aangemaakt AT TIME ZONE 'UTC' AS date))"
    return "COALESCE(k.bijstand_sinds, substr(k.aangemaakt, 1, 10))"  # SQLite: UTC text


def _in_bestand_sql() -> str:
    """WHERE clause for the clients of %(gemeente)s in the caseload on %(dag)s."""
    start = _start_sql()
    return f"""
        k.gemeente_id = %(gemeente)s AND {start} <= %(dag)s AND NOT EXISTS (
            SELECT 1 FROM {TredeWijziging._meta.db_table} t
            WHERE t.klant_id = k.id AND t.trede LIKE '6%%'
              AND t.datum > {start} AND t.datum <= %(dag)s)
    """  # noqa: S608 - table names and fixed fragments only; every value is a parameter


def _tellingen_sql(dag: date) -> tuple[str, dict[str, date]]:
    banden = []
    grenzen: dict[str, date] = {}
    for sleutel, _label, van, _tot in reversed(LEEFTIJDSBANDEN):
        grenzen[f"band_{sleutel}"] = _eerste_dag_van_leeftijd(dag, van)
        banden.append(f"WHEN k.geboortedatum <= %(band_{sleutel})s THEN '{sleutel}'")
    sql = f"""
        SELECT k.trede, k.huishouden, k.fase,
               CASE {" ".join(banden)} ELSE '' END AS band,
               CASE WHEN b.aantal IS NULL THEN 'geen'
                    WHEN b.vast_aantal = 0 THEN 'oproep'
                    WHEN b.vast < 12 THEN '1tot12'
                    WHEN b.vast < 20 THEN '12tot20'
                    WHEN b.vast < 28 THEN '20tot28'
                    ELSE '28plus' END AS werk,
               COUNT(*)
        FROM {Klant._meta.db_table} k
        LEFT JOIN (
            SELECT klant_id, COUNT(*) AS aantal,
                   SUM(CASE WHEN uren_per_week IS NOT NULL AND NOT oproepcontract
                            THEN uren_per_week ELSE 0 END) AS vast,
                   SUM(CASE WHEN uren_per_week IS NOT NULL AND NOT oproepcontract
                            THEN 1 ELSE 0 END) AS vast_aantal
            FROM {Baan._meta.db_table}
            WHERE gemeente_id = %(gemeente)s AND begonnen_op <= %(dag)s
              AND (einde_op IS NULL OR einde_op >= %(dag)s)
            GROUP BY klant_id
        ) b ON b.klant_id = k.id
        WHERE {_in_bestand_sql()}
        GROUP BY 1, 2, 3, 4, 5
    """  # noqa: S608 - table names and fixed fragments only; every value is a parameter
    return sql, grenzen


def ruwe_tellingen(gemeente: Gemeente, dag: date) -> tuple[int, dict[str, Counter[str]]]:
    """(caseload today, per plain breakdown a count per category), unsuppressed."""
    sql, grenzen = _tellingen_sql(dag)
    per: dict[str, Counter[str]] = {s: Counter() for s in ("trede", "huishouden", "fase")}
    per["leeftijd"], per["werk"] = Counter(), Counter()
    totaal = 0
    with connection.cursor() as c:
        c.execute(sql, {"gemeente": gemeente.pk, "dag": dag, **grenzen})
        for trede, huishouden, fase, band, werk, n in c.fetchall():
            totaal += n
            per["trede"][trede.split(".")[0]] += n
            per["huishouden"][huishouden] += n
            per["fase"][fase] += n
            per["leeftijd"][band] += n
            per["werk"][werk] += n
    return totaal, per


def _drempelrijen_sql() -> str:
    return f"""
        FROM {Drempel._meta.db_table} d JOIN {Klant._meta.db_table} k ON k.id = d.klant_id
        WHERE (d.opgelost_op IS NULL OR d.opgelost_op > %(dag)s) AND {_in_bestand_sql()}
    """


def vingerafdruk(gemeente: Gemeente, dag: date) -> str:
    """A fingerprint of the open barriers of the clients in the caseload on `dag`: any barrier
    added, removed, solved or saved again (new ciphertext), or a client joining or leaving,
    changes it."""
    param: dict[str, int | date] = {"gemeente": gemeente.pk, "dag": dag}
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute(
                "SELECT COUNT(*), COALESCE(SUM(('x' || substr(md5(d.id::text || ':' || "
                "d.klant_id::text || ':' || d.soort), 1, 15))::bit(60)::bigint::numeric), 0) "
                + _drempelrijen_sql(),
                param,
            )
            n, som = c.fetchone()
            return f"{dag.isoformat()}:{n}:{som}"
        c.execute("SELECT d.id, d.klant_id, d.soort " + _drempelrijen_sql(), param)
        h = hashlib.sha256()
        for rij in sorted(c.fetchall()):
            h.update(repr(rij).encode())
        return f"{dag.isoformat()}:{h.hexdigest()}"


def _drempeltabellen_tellen(gemeente: Gemeente, dag: date) -> dict[str, list[int | None]]:
    """The barrier tables, counted in Python: the kind is decrypted per row by the field."""
    with connection.cursor() as c:
        c.execute("SELECT d.id " + _drempelrijen_sql(), {"gemeente": gemeente.pk, "dag": dag})
        ids = [r[0] for r in c.fetchall()]
    per_klant: dict[int, set[str]] = {}
    for start in range(0, len(ids), 20_000):
        for klant_id, soort in Drempel.objects.filter(
            pk__in=ids[start : start + 20_000]
        ).values_list("klant_id", "soort"):
            per_klant.setdefault(klant_id, set()).add(soort)
    soorten: Counter[str] = Counter()
    groepen: Counter[str] = Counter()
    for s in per_klant.values():
        soorten.update(s)
        groepen.update({str(DREMPEL_GROEP_VAN[x]) for x in s})
    uit = {}
    for sleutel, teller in (("drempel", soorten), ("drempelgroep", groepen)):
        cellen = [teller[c] for c, _l in INDELING[sleutel].categorieen]
        uit[sleutel] = onderdruk(cellen, totaal_bekend=False)
    return uit


def drempeltabellen(gemeente: Gemeente, dag: date) -> dict[str, list[int | None]]:
    """The barrier tables (primary suppression only: they have no known total), from the
    snapshot when its fingerprint still matches, else counted now and stored."""
    afdruk = vingerafdruk(gemeente, dag)
    opname = Drempelopname.objects.filter(gemeente=gemeente, peildag=dag).first()
    if opname is not None and opname.vingerafdruk == afdruk:
        return {s: list(opname.tabellen[s]) for s in DREMPEL_INDELINGEN}
    tabellen = _drempeltabellen_tellen(gemeente, dag)
    Drempelopname.objects.update_or_create(
        gemeente=gemeente, peildag=dag, defaults={"vingerafdruk": afdruk, "tabellen": tabellen}
    )
    Drempelopname.objects.filter(gemeente=gemeente, peildag__lt=dag).delete()
    return tabellen


def bestandsversie() -> int | None:
    """The data version (migration 0006): moves on with every statement that changes clients,
    trede changes, barriers or jobs. None where there is none (SQLite)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as c:
        c.execute("SELECT last_value, is_called FROM beleid_bestandsversie")
        waarde, geroepen = c.fetchone()
    return int(waarde) if geroepen else 0


def bestandsbeeld_nu(gemeente: Gemeente, *, vandaag: date | None = None) -> Maand:
    """Today's month as tijdreeks.bestandsbeeld_in_de_tijd(aantal_maanden=1).nu shows it (same
    cells, same suppression), without the month's events (the page does not show them).

    Kept (Beeldopname) with the data version it was counted at, and used while the version has
    not moved. The version moves when a changing statement runs, which may be before its
    transaction commits: counts made in between would miss that change, so a kept picture is
    used at most OPNAME_GELDIG long (and only one counted without the version moving is kept)."""
    dag = vandaag or timezone.localdate()
    versie = bestandsversie()
    if versie is not None:
        opname = Beeldopname.objects.filter(
            gemeente=gemeente,
            peildag=dag,
            versie=versie,
            gemaakt_op__gte=timezone.now() - OPNAME_GELDIG,
        ).first()
        if opname is not None:
            return Maand(dag.replace(day=1), dag, opname.totaal, opname.tabellen, {})
    maand = _bestandsbeeld_tellen(gemeente, dag)
    if versie is not None and bestandsversie() == versie:
        Beeldopname.objects.update_or_create(
            gemeente=gemeente,
            peildag=dag,
            defaults={
                "versie": versie,
                "totaal": maand.totaal,
                "tabellen": maand.tabellen,
                "gemaakt_op": timezone.now(),
            },
        )
        Beeldopname.objects.filter(gemeente=gemeente, peildag__lt=dag).delete()
    return maand


def _bestandsbeeld_tellen(gemeente: Gemeente, dag: date) -> Maand:
    totaal, per = ruwe_tellingen(gemeente, dag)
    totaal_getoond = toonbaar_aantal(totaal)
    drempels = drempeltabellen(gemeente, dag) if totaal_getoond is not None else {}
    tabellen: dict[str, list[int | None]] = {}
    for indeling in INDELINGEN:
        if totaal_getoond is None:  # a hidden caseload hides everything about it
            tabellen[indeling.sleutel] = [None] * len(indeling.categorieen)
        elif indeling.sleutel in DREMPEL_INDELINGEN:
            tabellen[indeling.sleutel] = drempels[indeling.sleutel]
        else:
            teller = per[indeling.sleutel]
            cellen = [teller[c] for c, _l in indeling.categorieen]
            tabellen[indeling.sleutel] = onderdruk_met_totaal(totaal, cellen)[1]
    return Maand(dag.replace(day=1), dag, totaal_getoond, tabellen, {})


def potentiele_parttimers(
    gemeente: Gemeente, treden: list[str], dag: date
) -> tuple[list[int], int]:
    """(ids of clients in the caseload on `dag`, in the trede groups, without a running job;
    how many of those trede groups do have one), with today's trede, as schatting.py asks."""
    sql = f"""
        SELECT k.id, k.trede, EXISTS (
            SELECT 1 FROM {Baan._meta.db_table} b
            WHERE b.klant_id = k.id AND b.gemeente_id = %(gemeente)s
              AND b.begonnen_op <= %(dag)s AND (b.einde_op IS NULL OR b.einde_op >= %(dag)s))
        FROM {Klant._meta.db_table} k WHERE {_in_bestand_sql()} ORDER BY k.id
    """  # noqa: S608 - table names and fixed fragments only; every value is a parameter
    zonder, met = [], 0
    with connection.cursor() as c:
        c.execute(sql, {"gemeente": gemeente.pk, "dag": dag})
        for pk, trede, werkt in c.fetchall():
            if trede.split(".")[0] not in treden:
                continue
            if werkt:
                met += 1
            else:
                zonder.append(pk)
    return zonder, met

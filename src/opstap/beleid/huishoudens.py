"""The engine's household arrays for many clients at once, for the savings job (schatting.py).

The same households as `inkomen.services.invoer_voor_klant` → `regels.huishoudens_uit_invoer`
give, client by client, but read per block with two SQL queries (clients with their partner,
and their children) and built column-wise with numpy, in the engine's documented batch interface:
arrays named like the fields of `regels.kern.Huishoudens` (docs/regels.md). The rules the
per-client path applies hold here too, and a household the engine would refuse is left out in
the same way: an applicant or partner younger than the minimum age or at the AOW age (or not yet
born), a child born after the peildatum; a child of 18 or older is a housemate, not a child (it
is not counted, as `invoer_voor_klant` leaves it out); the amounts and counts outside the input
contract's ranges. The children's counts come from the engine itself: each distinct birth date
is read once through `regels.huishoudens_uit_invoer`. Only the encrypted field the engine needs
(`medisch_urenbeperkt`) is decrypted, for the whole block at once (`privacy.crypto.ontsleutel_veel`).
tests/beleid/test_schatting_snel.py holds both paths side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

from django.db import connection

import regels
from opstap.klanten.models import Kind, Klant, Partner
from opstap.privacy.crypto import ontsleutel_veel
from opstap.privacy.services import pg_array
from regels.invoer import BEDRAG_GRENZEN
from regels.peilparameters import controleer_peildatum, peilparameters

# The ranges of the JSON input contract (regels/invoer.py: `_geheel`, `_bedrag`).
MAX_KOSTENDELERS = 20
MAX_VRIJLATING_MAANDEN = 600
MAX_JAREN_LAAG_INKOMEN = 100

# The children's counts, in the order of `_Kindtabel.rij`.
KINDVELDEN = (
    "kinderen_0_5",
    "kinderen_6_11",
    "kinderen_12_15",
    "kinderen_16_17",
    "iack_kinderen",
    "kinderbijslag_0_5",
    "kinderbijslag_6_11",
    "kinderbijslag_12_17",
    "kgb_kinderen",
    "kgb_12_15",
    "kgb_16_17",
)


def _in(kolom: str, ids: Sequence[int]) -> tuple[str, list[Any]]:
    """`kolom` in `ids`: one array parameter on PostgreSQL (as text: much quicker to send than a
    list adapted number by number), a list of parameters elsewhere."""
    if connection.vendor == "postgresql":
        return f"{kolom} = ANY(%s::bigint[])", [pg_array(ids)]
    return f"{kolom} IN ({', '.join(['%s'] * len(ids))})", list(ids)


_EPOCHE = date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min  # NaT as datetime64's integer


def _dag(w: object) -> int:
    if isinstance(w, date):
        return w.toordinal() - _EPOCHE
    if w is None:
        return _NAT
    return date.fromisoformat(str(w)).toordinal() - _EPOCHE


def _dagen(waarden: Sequence[object]) -> npt.NDArray[np.datetime64]:
    """Dates (date objects, or ISO text as SQLite gives them; None: NaT) as datetime64[D]
    (through the day number: numpy's own conversion of date objects is many times slower)."""
    return np.fromiter(map(_dag, waarden), dtype=np.int64, count=len(waarden)).view("datetime64[D]")


def leeftijden(geboren: npt.NDArray[np.datetime64], op: date) -> npt.NDArray[np.int64]:
    """Age in whole years on `op` (a birthday counts from the day itself), as
    `regels.invoer.leeftijd` for each date. NaT gives a meaningless number: mask it."""
    jaar = geboren.astype("datetime64[Y]").astype(np.int64) + 1970
    maand = geboren.astype("datetime64[M]")
    maandnr = maand.astype(np.int64) % 12 + 1
    dag = (geboren - maand.astype("datetime64[D]")).astype(np.int64) + 1
    nog_niet = (op.month * 100 + op.day) < (maandnr * 100 + dag)
    return np.asarray(op.year - jaar - nog_niet, dtype=np.int64)


@dataclass
class _Kindtabel:
    """Per distinct birth date of a child: its counts in the household (from the engine),
    None when the engine refuses the child (born after the peildatum), or all zeros when it is
    18 or older (a housemate, left out as `invoer_voor_klant` does)."""

    peildatum: date
    rij: dict[date, npt.NDArray[np.int64] | None] = field(default_factory=dict)

    def tellingen(self, geboren: date) -> npt.NDArray[np.int64] | None:
        if geboren not in self.rij:
            self.rij[geboren] = self._lees(geboren)
        return self.rij[geboren]

    def _lees(self, geboren: date) -> npt.NDArray[np.int64] | None:
        if geboren <= self.peildatum and leeftijden(_dagen([geboren]), self.peildatum)[0] >= 18:
            return np.zeros(len(KINDVELDEN), dtype=np.int64)
        ouder = self.peildatum.replace(day=1) - timedelta(days=365 * 30)  # valid: about 30
        hh, geldig, _fouten = regels.huishoudens_uit_invoer(
            [
                {
                    "peildatum": self.peildatum.isoformat(),
                    "aanvrager": {"geboortedatum": ouder.isoformat()},
                    "kinderen": [{"geboortedatum": geboren.isoformat()}],
                }
            ]
        )
        if not geldig:
            return None
        return np.array([int(getattr(hh, naam)[0]) for naam in KINDVELDEN], dtype=np.int64)


@dataclass
class Blok:
    """One block of clients: all `ids` read (for the access log), the households inside the
    model as the engine's arrays, and how many were left out."""

    ids: list[int]
    huishoudens: dict[str, npt.NDArray[Any]]
    binnen: int
    buiten: int


class Invoerbouwer:
    """Builds the engine's arrays for blocks of clients on one peildatum."""

    def __init__(self, peildatum: date) -> None:
        self.peildatum = peildatum
        self.kinderen = _Kindtabel(peildatum)
        try:
            controleer_peildatum(peildatum)
        except regels.InvoerFout:
            self.peildatum_geldig = False  # the per-client path refuses every household
        else:
            self.peildatum_geldig = True
        p = peilparameters(peildatum) if self.peildatum_geldig else None
        self.minimumleeftijd = p.minimumleeftijd if p else 0
        self.aow_leeftijd = p.aow_leeftijd if p else 0
        self.kot_max_uurprijs = p.kot_max_uurprijs if p else 0

    def blok(self, ids: Sequence[int]) -> Blok:
        k, pa = Klant._meta.db_table, Partner._meta.db_table
        waar, params = _in("k.id", ids)
        # Amounts (two decimals) as whole cents, computed by the database: what
        # `euro_naar_centen(float(bedrag))` gives for each, and quicker to read than decimals.
        sql = f"""
            SELECT k.id, k.geboortedatum, p.geboortedatum, k.bijstand_sinds, k.kostendelers,
                   CAST(ROUND(k.kale_huur * 100) AS BIGINT),
                   CAST(ROUND(k.servicekosten * 100) AS BIGINT),
                   CAST(ROUND(k.vermogen * 100) AS BIGINT),
                   k.vrijlating_maanden_gebruikt, k.medisch_urenbeperkt
            FROM {k} k LEFT JOIN {pa} p ON p.klant_id = k.id
            WHERE {waar} ORDER BY k.id
        """  # noqa: S608 - table names only; every value is a parameter
        with connection.cursor() as c:
            c.execute(sql, params)
            rijen = c.fetchall()
            waar, params = _in("klant_id", ids)
            c.execute(
                f"SELECT klant_id, geboortedatum FROM {Kind._meta.db_table} WHERE {waar}",  # noqa: S608
                params,
            )
            kinderen = c.fetchall()
        if not rijen:
            return Blok([], {}, 0, 0)
        (
            pk,
            geboren,
            partner,
            sinds,
            kostendelers,
            huur,
            service,
            vermogen,
            maanden,
            medisch,
        ) = (list(kolom) for kolom in zip(*rijen, strict=True))
        n = len(pk)
        peil = np.datetime64(self.peildatum, "D")
        binnen = np.full(n, self.peildatum_geldig)

        # Applicant and partner: born, at least the minimum age, below the AOW age.
        leeftijd = np.zeros(n, dtype=np.int64)
        for kolom, doel in ((geboren, leeftijd), (partner, None)):
            dagen = _dagen(kolom)
            bekend = ~np.isnat(dagen)
            jaren = leeftijden(dagen, self.peildatum)
            goed = (dagen <= peil) & (jaren >= self.minimumleeftijd) & (jaren < self.aow_leeftijd)
            binnen &= goed | ~bekend
            if doel is not None:
                binnen &= bekend
                doel[:] = np.where(bekend, jaren, 0)
        heeft_partner = np.array([d is not None for d in partner], dtype=np.bool_)

        # Children: counted per household from the engine's reading of each birth date.
        tellingen = np.zeros((n, len(KINDVELDEN)), dtype=np.int64)
        if kinderen:
            van = np.searchsorted(np.asarray(pk, dtype=np.int64), [r[0] for r in kinderen])
            for plek, (_klant, dag) in zip(van, kinderen, strict=True):
                rij = self.kinderen.tellingen(
                    dag if isinstance(dag, date) else date.fromisoformat(dag)
                )
                if rij is None:
                    binnen[plek] = False
                else:
                    tellingen[plek] += rij

        # Years on a low income: from bijstand_sinds, never below 0; -1 when unknown.
        dagen = _dagen(sinds)
        jaren_laag = np.where(np.isnat(dagen), -1, np.maximum(leeftijden(dagen, self.peildatum), 0))
        binnen &= jaren_laag <= MAX_JAREN_LAAG_INKOMEN

        kostendelers_a = np.asarray(kostendelers, dtype=np.int64)
        maanden_a = np.asarray(maanden, dtype=np.int64)
        huur_c, service_c, vermogen_c = (
            np.asarray(kolom, dtype=np.int64) for kolom in (huur, service, vermogen)
        )
        binnen &= (kostendelers_a >= 0) & (kostendelers_a <= MAX_KOSTENDELERS)
        binnen &= (maanden_a >= 0) & (maanden_a <= MAX_VRIJLATING_MAANDEN)
        for bedrag, sleutel in ((huur_c, "kale_huur"), (service_c, "servicekosten")):
            binnen &= (bedrag >= 0) & (bedrag <= BEDRAG_GRENZEN[sleutel][0] * 100)
        binnen &= np.abs(vermogen_c) <= BEDRAG_GRENZEN["vermogen"][0] * 100
        binnen &= (service_c == 0) | (huur_c != 0)  # service costs without rent: refused

        # Only the households inside the model are decrypted and passed on.
        kies = np.flatnonzero(binnen)
        medisch_binnen = [medisch[i] for i in kies]
        uitgepakt = iter(ontsleutel_veel([t for t in medisch_binnen if t is not None]))
        medisch_a = np.array(  # no value (NULL): not limited, as the input contract reads None
            [t is not None and next(uitgepakt) == "1" for t in medisch_binnen],
            dtype=np.bool_,
        )
        m = kies.shape[0]
        huishoudens: dict[str, npt.NDArray[Any]] = {
            "leeftijd": leeftijd[kies],
            "heeft_partner": heeft_partner[kies],
            **{naam: tellingen[kies, j] for j, naam in enumerate(KINDVELDEN)},
            "kostendelers": kostendelers_a[kies],
            "kale_huur": huur_c[kies],
            "servicekosten": service_c[kies],
            "vermogen": vermogen_c[kies],
            "vrijlating_maanden_gebruikt": maanden_a[kies],
            "medisch_urenbeperkt": medisch_a,
            "kinderopvang_uren": np.zeros(m, dtype=np.int64),
            "kinderopvang_uurprijs": np.full(m, self.kot_max_uurprijs, dtype=np.int64),
            "medebewoners_inkomen": np.zeros(m, dtype=np.int64),
            "jaren_laag_inkomen": jaren_laag[kies],
            "vakantiegeld_in_mei": np.ones(m, dtype=np.bool_),
        }
        return Blok(list(pk), huishoudens, m, n - m)

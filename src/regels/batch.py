"""Batch path: many households x hours levels with numpy arrays in and out.

The same ``kern`` as the single path, run per block of households (bounded memory, data
stays in cache) on a small thread pool (numpy releases the GIL inside its loops).
Money arrays are integer cents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from functools import cache, partial
from typing import Any

import numpy as np
import numpy.typing as npt

from regels.fouten import InvoerFout
from regels.gemeenten import gemeente as zoek_gemeente
from regels.gemeenten import rekenvormen
from regels.invoer import bruto_per_maand, lees_invoer, uren_naar_honderdsten
from regels.kern import REGELS, Huishoudens, Loontabel, PerHuishouden, kern, per_huishouden
from regels.peilparameters import bekende_paden, peilparameters

STANDAARD_UITVOER = ("bijstand", "totaal_netto_per_maand")
# A wage table (regels.kern.Loontabel) pays off when there are at most half as many distinct
# hourly wages as households. Above this many hourly wages x levels the wage is computed
# directly: the table holds each twice (with and without IACK) in 6 columns of 8 bytes, about
# 50 MB at this size, and building it takes about as much again.
_LOONTABEL_MAX = 500_000
# Outputs only computed by kern(volledig=True), as are the amounts per municipal regulation;
# asking for one of them costs a little speed.
_ALLEEN_VOLLEDIG = frozenset(
    {
        "netto_loon_per_maand",
        "netto_vakantiegeld_per_jaar",
        "loonheffing_per_jaar",
        "arbeidskorting_per_jaar",
        "bijstand_uitbetaald",
        "bruto_bijstand_per_jaar",
        "vakantietoeslag_bijstand",
    }
)


def huishoudens_uit_invoer(
    invoeren: Iterable[object],
) -> tuple[Huishoudens, list[int], list[tuple[int, InvoerFout]]]:
    """Check single-household inputs (the JSON contract) and stack the valid ones for the batch.

    Returns the households, the index of each accepted input, and the refused inputs with
    their error (a household outside what is modelled is refused, never guessed).
    """
    delen: list[Huishoudens] = []
    geldig: list[int] = []
    fouten: list[tuple[int, InvoerFout]] = []
    for i, invoer in enumerate(invoeren):
        try:
            delen.append(lees_invoer(invoer).hh)
        except InvoerFout as fout:
            fouten.append((i, fout))
        else:
            geldig.append(i)
    return Huishoudens.samen(delen), geldig, fouten


def _huishoudens(invoer: Mapping[str, Any] | Huishoudens, n: int) -> Huishoudens:
    if isinstance(invoer, Huishoudens):
        return invoer
    hh = Huishoudens.leeg(n)
    bekend = set(hh.__dict__)
    for sleutel, waarde in invoer.items():
        if sleutel not in bekend:
            raise InvoerFout(
                f"huishoudens.{sleutel}",
                f"onbekend veld; bekend zijn: {', '.join(sorted(bekend))}.",
            )
        doel = getattr(hh, sleutel)
        arr = np.asarray(waarde)
        if arr.shape != (n,):
            raise InvoerFout(f"huishoudens.{sleutel}", f"verwacht een array met {n} waarden.")
        # Contiguous: a column cut from a wider array is several times slower in every pass.
        setattr(hh, sleutel, np.ascontiguousarray(arr, dtype=doel.dtype))
    return hh


def _controleer(hh: Huishoudens, minimum: int, aow: int) -> None:
    def eerste(mask: npt.NDArray[np.bool_]) -> int:
        return int(np.flatnonzero(mask)[0])

    buiten = (hh.leeftijd < minimum) | (hh.leeftijd >= aow)
    if buiten.any():
        i = eerste(buiten)
        raise InvoerFout(
            f"huishoudens.leeftijd[{i}]",
            f"leeftijd {int(hh.leeftijd[i])} valt buiten {minimum} jaar tot de AOW-leeftijd ({aow}); niet gemodelleerd.",
        )
    for naam in (
        "kinderen_0_5",
        "kinderen_6_11",
        "kinderen_12_15",
        "kinderen_16_17",
        "kostendelers",
        "kale_huur",
        "servicekosten",
        "vrijlating_maanden_gebruikt",
        "kinderopvang_uren",
        "kinderopvang_uurprijs",
        "medebewoners_inkomen",
    ):
        arr = getattr(hh, naam)
        if (arr < 0).any():
            raise InvoerFout(f"huishoudens.{naam}[{eerste(arr < 0)}]", "mag niet negatief zijn.")
    for naam in (
        "iack_kinderen",
        "kinderbijslag_0_5",
        "kinderbijslag_6_11",
        "kinderbijslag_12_17",
        "kgb_kinderen",
        "kgb_12_15",
        "kgb_16_17",
    ):
        arr = getattr(hh, naam)
        if (arr < -1).any():
            raise InvoerFout(
                f"huishoudens.{naam}[{eerste(arr < -1)}]",
                "verwacht een aantal, of -1 voor 'niet opgegeven'.",
            )


@cache
def _laat_glibc_vrijgegeven_geheugen_houden() -> None:
    """Once per process: let glibc keep freed block temporaries for the next block.

    A block allocates and frees tens of MB of temporaries. Under glibc's starting thresholds that
    memory goes back to the OS after each block and the next block page-faults it in again (on 2
    threads this halved the throughput). glibc raises its thresholds by itself once a large
    buffer is freed (mallopt(3), dynamic M_MMAP_THRESHOLD, at most 32 MiB); freeing one such
    buffer, never touched, sets them now. Elsewhere the call changes nothing.
    """
    buffer = np.empty(32 * 2**20 - 2**16, dtype=np.uint8)
    del buffer


def uren_uit_bijstand_geinterpoleerd(
    uren: npt.NDArray[np.float64], bijstand: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """Per household: hours where bijstand first reaches zero, linear between levels (NaN: never)."""
    nul = bijstand == 0
    i = np.argmax(nul, axis=1)
    rijen = np.arange(bijstand.shape[0])
    heeft = nul[rijen, i]  # argmax gives 0 when no level has bijstand 0
    u2 = uren[rijen, i] if uren.ndim == 2 else uren[i]
    vorige = np.maximum(i - 1, 0)
    u1 = uren[rijen, vorige] if uren.ndim == 2 else uren[vorige]
    b1 = bijstand[rijen, vorige].astype(np.float64)
    # B falls linearly to 0 between u1 and u2 only approximately; the single path searches finer.
    frac = np.where(i > 0, b1 / np.maximum(b1, 1.0), 0.0)
    uit = np.where(i > 0, u1 + (u2 - u1) * frac, u2)
    return np.where(heeft, uit, np.nan)


def bereken_batch(
    peildatum: str | dt.date,
    huishoudens: Mapping[str, Any] | Huishoudens,
    bruto_uurloon: npt.ArrayLike,
    uren_per_week: npt.ArrayLike,
    *,
    gemeente: str | None = None,
    parameters: Mapping[str, float | int | str] | None = None,
    regel: str | None = None,
    uitvoer: Sequence[str] = STANDAARD_UITVOER,
    blokgrootte: int = 2048,
    threads: int = 2,
) -> dict[str, npt.NDArray[Any]]:
    """Compute H households x L hours levels.

    ``huishoudens``: dict of (H,) arrays named like the fields of ``regels.kern.Huishoudens``
    (money in cents; missing fields take the defaults of ``Huishoudens.leeg``). Without
    ``iack_kinderen``, ``kinderbijslag_*`` and ``kgb_*`` (default -1) the IACK, the kinderbijslag
    and the kindgebonden budget use the children's ages on the peildatum; give them (as
    ``huishoudens_uit_invoer`` does) to count age on 1 January, on the first day of the quarter
    and at the end of the month before, as the law does.
    ``bruto_uurloon``: (H,) cents. ``uren_per_week``: (L,) or (H, L) hours.
    Returns the requested ``uitvoer`` keys as (H, L) int64 cent arrays; the key
    ``uren_uit_bijstand`` gives (H,) hours (linear interpolation, NaN when never reached).
    """
    datum = dt.date.fromisoformat(peildatum) if isinstance(peildatum, str) else peildatum
    overr: tuple[tuple[str, Decimal], ...] = ()
    if parameters:
        paden = bekende_paden()
        for pad in parameters:
            if pad not in paden:
                raise InvoerFout(f"parameters.{pad}", "onbekende parameter.")
        overr = tuple(sorted((k, Decimal(str(v))) for k, v in parameters.items()))
    if regel is not None and regel not in REGELS:
        raise InvoerFout("regel", f"onbekende regel; kies uit {', '.join(REGELS)}.")
    p = peilparameters(datum, overr)
    regelingen = rekenvormen(zoek_gemeente(gemeente).code, datum) if gemeente else ()
    loon = np.asarray(bruto_uurloon, dtype=np.int64)
    n = int(loon.shape[0])
    if (loon < 0).any():
        raise InvoerFout(
            f"bruto_uurloon[{int(np.flatnonzero(loon < 0)[0])}]", "mag niet negatief zijn."
        )
    hh = _huishoudens(huishoudens, n)
    _controleer(hh, p.minimumleeftijd, p.aow_leeftijd)
    hh = hh.met_peildagtellingen()
    uren = np.asarray(uren_per_week, dtype=np.float64)
    honderdsten = uren_naar_honderdsten(uren)
    if (honderdsten < 0).any() or (honderdsten > 100 * 60).any():
        raise InvoerFout("uren_per_week", "verwacht uren van 0 tot 60.")
    levels = honderdsten.shape[-1]
    sleutels = list(dict.fromkeys(k for k in uitvoer if k != "uren_uit_bijstand"))
    wil_uren = "uren_uit_bijstand" in uitvoer
    resultaat: dict[str, npt.NDArray[Any]] = {
        k: np.empty((n, levels), dtype=np.int64) for k in sleutels
    }
    if wil_uren:
        resultaat["uren_uit_bijstand"] = np.empty(n, dtype=np.float64)
    gem_namen = {rv.regeling.naam for rv in regelingen}
    volledig = any(k in _ALLEEN_VOLLEDIG or k in gem_namen for k in sleutels)
    tabel, rij_van = None, np.empty(0, dtype=np.intp)
    if honderdsten.ndim == 1 and n and not volledig:
        uurlonen, rij_van = np.unique(loon, return_inverse=True)
        if 2 * uurlonen.shape[0] <= n and uurlonen.shape[0] * levels <= _LOONTABEL_MAX:
            tabel = Loontabel(p, bruto_per_maand(uurlonen[:, None], honderdsten))

    def blok(sl: slice, hh_blok: Huishoudens, vast: PerHuishouden) -> None:
        if tabel is not None:
            rijen = rij_van[sl]
            bruto = tabel.bruto_maand.take(rijen, axis=0)
            u = kern(
                p,
                hh_blok,
                bruto,
                regelingen=regelingen,
                regel=regel,
                volledig=volledig,
                vast=vast,
                loon_opzoeken=partial(tabel.loon, rijen),
            )
        else:
            h = honderdsten[sl] if honderdsten.ndim == 2 else honderdsten[None, :]
            bruto = bruto_per_maand(loon[sl, None], h)
            u = kern(
                p, hh_blok, bruto, regelingen=regelingen, regel=regel, volledig=volledig, vast=vast
            )
        for k in sleutels:
            if k in u.niveau:
                resultaat[k][sl] = u.niveau[k]
            elif k in u.vast:
                resultaat[k][sl] = u.vast[k][:, None]
            elif k in gem_namen:
                resultaat[k][sl] = u.gemeentelijk[k]
            else:
                raise InvoerFout("uitvoer", f"onbekende uitvoer '{k}'.")
        if wil_uren:  # per block, while its bijstand is still in cache
            uren_blok = uren[sl] if uren.ndim == 2 else uren
            resultaat["uren_uit_bijstand"][sl] = uren_uit_bijstand_geinterpoleerd(
                uren_blok, u.niveau["bijstand"]
            )

    # A task is a run of blocks: its per-household part is computed in one go (few numpy calls
    # on longer arrays), its blocks keep the per-level arrays in cache. At least four tasks per
    # thread when there are enough blocks, so the threads finish together.
    blokken = -(-n // blokgrootte)
    per_taak = blokgrootte * max(1, min(16, blokken // (4 * max(threads, 1))))

    def taak(start: int) -> None:
        stop = min(start + per_taak, n)
        hh_taak = hh.deel(slice(start, stop))
        vast = per_huishouden(p, hh_taak, regel, regelingen)
        for s in range(start, stop, blokgrootte):
            eind = min(s + blokgrootte, stop)
            deel = slice(s - start, eind - start)
            blok(slice(s, eind), hh_taak.deel(deel), vast.deel(deel))

    starts = range(0, n, per_taak)
    if n > blokgrootte:
        _laat_glibc_vrijgegeven_geheugen_houden()
    if threads > 1 and len(starts) > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(taak, starts))
    else:
        for s in starts:
            taak(s)
    return resultaat

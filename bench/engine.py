"""Benchmark of the regels income engine.

single: one household x 41 levels (0-40 h/week), in-process, warm, as the anchors measure it
(the amounts computed, no output formatting): ``uitkomst_voor``, the path of the income page's
chart (input checks, parameters, the engine for every amount at 41 levels and the 0.1-hour
search for the exit hours), all in integer cents. Also printed: the full JSON contract
(``regels.bereken``: the same plus 41 row dicts in euros, warnings and per-household fields). batch: 500,000 varied households x 41
levels through ``regels.bereken_batch`` (blocks of households on 2 threads), median of five runs.
The LAST line printed is one JSON object with the headline figures.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import regels  # noqa: E402
from regels.api import uitkomst_voor  # noqa: E402

LEVELS = 41
HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "500000"))

INVOER = {
    "peildatum": "2026-01-01",
    "gemeente": "demodam",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "partner": None,
    "kinderen": [{"geboortedatum": "2018-03-01"}],
    "kostendelers": 0,
    "kale_huur": 700.00,
    "servicekosten": 30.00,
    "vermogen": 0,
    "vrijlating_maanden_gebruikt": 0,
    "werk": {"bruto_uurloon": 15.00, "uren_per_week": list(range(LEVELS))},
}


def _tijden(f: object, herhalingen: int) -> list[float]:
    assert callable(f)
    f()
    uit = []
    for _ in range(herhalingen):
        t0 = time.perf_counter()
        f()
        uit.append(time.perf_counter() - t0)
    return uit


def huishoudens(n: int, seed: int = 2026) -> tuple[dict[str, np.ndarray], np.ndarray]:
    rng = np.random.default_rng(seed)
    partner = rng.random(n) < 0.3
    kinderen = rng.choice(4, size=(n, 4), p=[0.7, 0.2, 0.08, 0.02])
    hh = {
        "leeftijd": rng.integers(21, 67, n),
        "heeft_partner": partner,
        "kinderen_0_5": kinderen[:, 0],
        "kinderen_6_11": kinderen[:, 1],
        "kinderen_12_15": kinderen[:, 2],
        "kinderen_16_17": kinderen[:, 3],
        "kostendelers": rng.choice(4, size=n, p=[0.85, 0.1, 0.04, 0.01]),
        "kale_huur": rng.integers(0, 95_000, n) * (rng.random(n) < 0.8),
        "servicekosten": rng.integers(0, 6_000, n),
        "vermogen": rng.integers(0, 2_000_000, n),
        "vrijlating_maanden_gebruikt": rng.integers(0, 40, n),
        "medisch_urenbeperkt": rng.random(n) < 0.05,
        "jaren_laag_inkomen": rng.integers(-1, 8, n),
    }
    hh["servicekosten"] = hh["servicekosten"] * (hh["kale_huur"] > 0)
    uurloon = rng.integers(1_300, 2_600, n)
    return hh, uurloon


def main() -> None:
    # Single household: the engine path (headline) and the full JSON contract.
    core = _tijden(lambda: uitkomst_voor(INVOER), 1000)
    contract = _tijden(lambda: regels.bereken(INVOER), 1000)
    single_ms = statistics.median(core) * 1000
    print(
        f"single engine (uitkomst_voor): p50 {single_ms:.3f} ms (min {min(core) * 1000:.3f}, p90 {np.percentile(core, 90) * 1000:.3f})"
    )
    print(
        f"single JSON contract (bereken()): p50 {statistics.median(contract) * 1000:.3f} ms "
        f"(min {min(contract) * 1000:.3f}, p90 {np.percentile(contract, 90) * 1000:.3f})"
    )
    uitleg = _tijden(lambda: regels.bereken(INVOER, uitleg=True), 50)
    print(f"single bereken(uitleg=True): p50 {statistics.median(uitleg) * 1000:.3f} ms")

    # Batch: varied households x 41 levels.
    hh, uurloon = huishoudens(HOUSEHOLDS)
    uren = np.arange(LEVELS, dtype=np.float64)
    regels.bereken_batch(
        "2026-01-01", {k: v[:2048] for k, v in hh.items()}, uurloon[:2048], uren, gemeente="demodam"
    )
    runs = []
    for _ in range(5):  # the machine's speed swings between runs: the median of five
        t0 = time.perf_counter()
        uit = regels.bereken_batch(
            "2026-01-01",
            hh,
            uurloon,
            uren,
            gemeente="demodam",
            uitvoer=("bijstand", "totaal_netto_per_maand", "uren_uit_bijstand"),
        )
        runs.append(time.perf_counter() - t0)
    batch_s = statistics.median(runs)
    evals = HOUSEHOLDS * LEVELS
    print(
        f"batch {HOUSEHOLDS} x {LEVELS}: median {batch_s:.3f} s over {len(runs)} runs (min {min(runs):.3f}, max {max(runs):.3f})"
    )
    met = uit["bijstand"][:, 0] > 0
    print(
        f"batch sanity: {met.mean():.1%} of households get bijstand at 0 h (mean EUR {uit['bijstand'][met, 0].mean() / 100:.2f}); "
        f"of them {np.isfinite(uit['uren_uit_bijstand'][met]).mean():.1%} leave it within 40 h "
        f"(median {np.nanmedian(uit['uren_uit_bijstand'][met]):.1f} h)"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "single_sweep_ms_p50": round(single_ms, 3),
                "batch_evals_per_s": round(evals / batch_s),
                "batch_households": HOUSEHOLDS,
                "levels": LEVELS,
                "peak_rss_mb": round(peak_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()

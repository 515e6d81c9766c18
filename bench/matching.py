"""Benchmark of matching (opstap.vacatures.matching): 40,000 clients x 10,000 vacancies.

Fictitious profiles, generated with a fixed seed around a Dutch region (a box in the north-east),
with the real mix of constraints (school hours only, no car, physically limited, maximum hours)
and wishes, skills and interests from a vocabulary of 60 occupations and 120 skills.

seconds_all: every client's top 10 (ids and scores, hard constraints applied), in blocks on the
index built once (building it is included). single_client_ms_p50: one client's top 10 with the
reasons in plain Dutch, as a page asks it, median over 200 clients. The LAST line printed is one
JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from opstap.vacatures.matching import KlantProfiel, VacatureIndex, VacatureProfiel  # noqa: E402

KLANTEN = 40_000
VACATURES = 10_000
TOP_K = 10
BEROEPEN = [f"beroep {i}" for i in range(60)]
VAARDIGHEDEN = [f"vaardigheid {i}" for i in range(120)]


def _plek(rng: random.Random) -> tuple[float, float]:
    return rng.uniform(52.9, 53.4), rng.uniform(6.3, 7.1)


def vacatures(rng: random.Random) -> list[VacatureProfiel]:
    uit = []
    for i in range(VACATURES):
        lat, lon = _plek(rng)
        uren_min = rng.choice([4, 8, 12, 16, 20, 24])
        uit.append(
            VacatureProfiel(
                id=i + 1,
                uren_min=uren_min,
                uren_max=min(40, uren_min + rng.choice([0, 4, 8, 16])),
                binnen_schooltijden=rng.random() < 0.4,
                avond_weekend=rng.random() < 0.3,
                bereikbaar_zonder_auto=rng.random() < 0.8,
                fysiek_zwaar=rng.random() < 0.3,
                parttime_mogelijk=rng.random() < 0.8,
                beroep=rng.choice(BEROEPEN),
                vaardigheden=tuple(rng.sample(VAARDIGHEDEN, rng.randint(1, 4))),
                breedtegraad=lat if rng.random() < 0.95 else None,
                lengtegraad=lon,
            )
        )
    return uit


def klanten(rng: random.Random) -> list[KlantProfiel]:
    uit = []
    for i in range(KLANTEN):
        lat, lon = _plek(rng)
        uit.append(
            KlantProfiel(
                id=i + 1,
                alleen_schooltijden=rng.random() < 0.25,
                heeft_auto=rng.random() < 0.3,
                fysiek_beperkt=rng.random() < 0.2,
                max_uren=rng.choice([None, 8, 12, 16, 20, 24, 32]),
                breedtegraad=lat if rng.random() < 0.95 else None,
                lengtegraad=lon,
                gewenste_beroepen=tuple(rng.sample(BEROEPEN, rng.randint(0, 2))),
                mogelijke_beroepen=tuple(rng.sample(BEROEPEN, rng.randint(0, 3))),
                ervaring=tuple(rng.sample(BEROEPEN, rng.randint(0, 2))),
                vaardigheden=tuple(rng.sample(VAARDIGHEDEN, rng.randint(0, 6))),
                interesses=tuple(rng.sample(VAARDIGHEDEN, rng.randint(0, 3))),
                heeft_kinderen=rng.random() < 0.3,
            )
        )
    return uit


def main() -> None:
    rng = random.Random(2026)
    vac = vacatures(rng)
    kl = klanten(rng)
    begin, cpu = time.perf_counter(), time.process_time()
    index = VacatureIndex(vac)
    ids, _scores = index.beste_ids(kl, TOP_K)
    seconds_all = time.perf_counter() - begin
    cpu_all = time.process_time() - cpu
    gevuld = float((ids >= 0).sum(axis=1).mean())
    print(
        f"index + top {TOP_K} voor {KLANTEN} klanten: {seconds_all:.2f} s "
        f"(processortijd {cpu_all:.2f} s, {os.cpu_count()} kernen, belasting "
        f"{os.getloadavg()[0]:.1f}); gemiddeld {gevuld:.1f} matches"
    )

    tijden, cpu_tijden = [], []
    for klant in kl[:200]:
        t, c = time.perf_counter(), time.process_time()
        matches = index.voor_klant(klant, TOP_K)
        tijden.append((time.perf_counter() - t) * 1000)
        cpu_tijden.append((time.process_time() - c) * 1000)
        assert all(m.redenen for m in matches)
    p50 = statistics.median(tijden)
    print(
        f"één klant (met redenen): p50 {p50:.1f} ms, p95 {sorted(tijden)[189]:.1f} ms "
        f"(processortijd p50 {statistics.median(cpu_tijden):.1f} ms)"
    )
    print(
        json.dumps(
            {
                "clients": KLANTEN,
                "vacancies": VACATURES,
                "top_k": TOP_K,
                "seconds_all": round(seconds_all, 2),
                "single_client_ms_p50": round(p50, 2),
            }
        )
    )


if __name__ == "__main__":
    main()

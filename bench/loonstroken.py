"""Accuracy and speed of payslip reading over the tests' generated payslips.

For each layout: the text PDF, the scan, and phone photos with different turns, blur and JPEG
quality. Per kind: fields right / null / wrong, and seconds per file. Run from the repo root:
`.venv/bin/python bench/loonstroken.py` (needs tesseract-ocr + tesseract-ocr-nld for scans and photos).
Last line: JSON with the totals."""

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path[0] = str(
    Path(__file__).resolve().parents[1]
)  # the repo root (not bench/, whose name would shadow)

from tests.loonstrook.strookjes import STROKEN, foto, pdf, scan  # noqa: E402

from loonstrook import VELDEN, lees  # noqa: E402

FOTOS = [
    dict(hoek=h, vervaging=v, kwaliteit=k)
    for h, v, k in [
        (1.5, 0.8, 55),
        (-2.5, 0.6, 70),
        (3.0, 1.0, 45),
        (-0.7, 1.3, 60),
        (0.0, 0.5, 35),
        (4.5, 1.0, 40),
        (-1.0, 1.8, 50),
        (2.0, 1.2, 20),
    ]
]


def main() -> None:
    soorten = {
        "tekst-pdf": [(s, "pdf", pdf(s)) for s in STROKEN],
        "scan-pdf": [(s, "pdf", scan(s)) for s in STROKEN],
        "foto-jpeg": [(s, "jpg", foto(s, **f)) for s in STROKEN for f in FOTOS],
    }  # type: ignore[arg-type]
    totaal = {}
    with tempfile.TemporaryDirectory() as map_:
        for soort, bestanden in soorten.items():
            goed = leeg = fout = 0
            tijden = []
            for i, (strook, ext, data) in enumerate(bestanden):
                pad = Path(map_) / f"{i}.{ext}"
                pad.write_bytes(data)
                begin = time.perf_counter()
                velden = lees(pad)
                tijden.append(time.perf_counter() - begin)
                for veld in VELDEN:
                    if velden[veld] == strook.verwacht[veld]:
                        goed += 1
                    elif velden[veld] is None:
                        leeg += 1
                    else:
                        fout += 1
                        print(
                            f"  fout: {soort} {strook.naam} {veld}: {velden[veld]!r} (verwacht {strook.verwacht[veld]!r})"
                        )
            totaal[soort] = {
                "bestanden": len(bestanden),
                "goed": goed,
                "null": leeg,
                "fout": fout,
                "s_per_bestand": round(sum(tijden) / len(tijden), 2),
                "s_max": round(max(tijden), 2),
            }
            print(soort, totaal[soort], flush=True)
    print(json.dumps(totaal))


if __name__ == "__main__":
    main()

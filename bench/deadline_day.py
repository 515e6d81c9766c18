"""Deadline day: 2,000 part-timers send their monthly income declaration with a payslip at once.

Sets up a throw-away PostgreSQL database on 127.0.0.1 with one municipality and 2,000 clients who
are already logged in (an API token each) and have a reported job; starts gunicorn (2 workers,
opstap/gunicorn_conf.py) on a free port; 32 clients at a time each POST one declaration with a
200 KB payslip PDF to /api/v1/inkomstenverklaringen/, timed from the client side. Afterwards every
receipt is checked against what was stored: the declaration must exist under the receipt's
reference and its file must decrypt to bytes with the receipt's SHA-256 (else it counts as lost).
Reading the payslips is queued to Celery (Redis db 15, emptied afterwards) and not part of the
burst, as in production.

The LAST line printed is one JSON object:
{"declarations": 2000, "per_second": …, "p95_ms": …, "lost": …, "errors": …}
Goal on a 2-core machine: ≥ 100 declarations/s, p95 ≤ 300 ms, lost = 0, errors = 0.
"""

from __future__ import annotations

import hashlib
import http.client
import io
import json
import os
import queue
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import redis
from gedeeld import PG, database_opnieuw, database_weg, vrije_poort, wacht_op
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
KLANTEN = int(os.environ.get("BENCH_KLANTEN", "2000"))
TEGELIJK = int(os.environ.get("BENCH_TEGELIJK", "32"))
DATABASE = "opstap_bench_deadline"
REDIS = "redis://127.0.0.1:6379/15"

VOORBEREIDING = """
import json, sys
from datetime import date
from decimal import Decimal
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from rest_framework.authtoken.models import Token
from opstap.accounts.models import Gebruiker, Rol
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant
from opstap.privacy.crypto import zoekhash
from opstap.werken.models import Baan

aantal = int(sys.argv[1])
gemeente = Gemeente.objects.create(
    naam="Gemeente Deadlinedam", slug="deadlinedam", cbs_code="GM9998", regels_code="demodam"
)
gebruikers = Gebruiker.objects.bulk_create(
    Gebruiker(username=f"klant{i}", rol=Rol.KLANT, gemeente=gemeente, password="!")
    for i in range(aantal)
)
# Fictitious BSNs that pass the elfproef (the 9999 test range).
bsns, n = [], 100000
while len(bsns) < aantal:
    s = f"9999{n:05d}"
    if (sum(int(c) * w for c, w in zip(s[:8], range(9, 1, -1))) - int(s[8])) % 11 == 0:
        bsns.append(s)
    n += 1
klanten = Klant.objects.bulk_create(
    Klant(
        gemeente=gemeente, gebruiker=g, bsn_versleuteld=bsn, bsn_zoekhash=zoekhash(bsn),
        voorletters="B.", achternaam=f"Deelnemer{i}", geboortedatum=date(1985, 1, 1),
        postcode="9999 AA", huisnummer="1", huishouden="alleenstaande",
        kale_huur=Decimal("650.00"), bijstand_sinds=date(2024, 1, 1),
    )
    for i, (g, bsn) in enumerate(zip(gebruikers, bsns))
)
banen = Baan.objects.bulk_create(
    Baan(
        gemeente=gemeente, klant=k, werkgever_naam="Bakkerij De Korenbloem",
        begonnen_op=date(2026, 1, 5), uren_per_week=Decimal(16),
        bruto_uurloon=Decimal("14.71"), loonperiode="maand",
    )
    for k in klanten
)
tokens = Token.objects.bulk_create(Token(user=g, key=Token.generate_key()) for g in gebruikers)
json.dump([[t.key, b.pk] for t, b in zip(tokens, banen)], sys.stdout)
"""

CONTROLE = """
import hashlib, json, sys
import django; django.setup()
from opstap.verklaringen.models import Inkomstenverklaring
bewijzen = json.load(open(sys.argv[1]))
opgeslagen = {
    v.kenmerk: v for v in Inkomstenverklaring.objects.prefetch_related("bestanden")
}
kwijt = 0
for bewijs in bewijzen:
    v = opgeslagen.get(bewijs["kenmerk"])
    try:
        bestanden = list(v.bestanden.all()) if v is not None else []
        if len(bestanden) != len(bewijs["bestanden"]):
            raise LookupError("bestand ontbreekt")
        for rij, b in zip(bestanden, bewijs["bestanden"]):
            with rij.bestand.open("rb") as f:
                if hashlib.sha256(f.read()).hexdigest() != b["sha256"]:
                    raise LookupError("andere inhoud")
    except Exception:
        kwijt += 1
print(json.dumps({"kwijt": kwijt, "rijen": len(opgeslagen)}))
"""


def loonstrook_pdf(doel_bytes: int = 200 * 1024) -> bytes:
    """A payslip PDF of about 200 KB: a text layer plus a scan-like noise image (incompressible)."""
    rng = random.Random(7)
    zijde = 260
    beeld = Image.frombytes("L", (zijde, zijde), bytes(rng.randrange(256) for _ in range(zijde**2)))
    for _ in range(8):
        uit = io.BytesIO()
        canvas = Canvas(uit, pagesize=A4)
        canvas.setFont("Helvetica", 10)
        for i, regel in enumerate(
            [
                "Bakkerij De Korenbloem B.V.",
                "Loonstrook november 2026  Periode 01-11-2026 t/m 30-11-2026",
                "Gewerkte uren 69,33",
                "Bruto loon 1.019,84",
                "Netto uit te betalen 962,18",
            ]
        ):
            canvas.drawString(60, 780 - 16 * i, regel)
        buffer = io.BytesIO()
        beeld.save(buffer, format="PNG")
        canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 60, 300, 400, 400)
        canvas.save()
        pdf = uit.getvalue()
        if len(pdf) >= doel_bytes * 0.95:
            return pdf
        zijde = int(zijde * (doel_bytes / len(pdf)) ** 0.5) + 8
        beeld = Image.frombytes(
            "L", (zijde, zijde), bytes(rng.randrange(256) for _ in range(zijde**2))
        )
    return pdf


def grens_voor(pdf: bytes) -> str:
    return "----opstapbench" + hashlib.sha256(pdf).hexdigest()[:16]


def multipart(velden: dict[str, str], pdf: bytes, grens: str) -> tuple[bytes, str]:
    delen = []
    for naam, waarde in velden.items():
        delen.append(
            f'--{grens}\r\nContent-Disposition: form-data; name="{naam}"\r\n\r\n{waarde}\r\n'.encode()
        )
    delen.append(
        f'--{grens}\r\nContent-Disposition: form-data; name="loonstrook"; filename="loonstrook.pdf"'
        "\r\nContent-Type: application/pdf\r\n\r\n".encode()
        + pdf
        + f"\r\n--{grens}--\r\n".encode()
    )
    return b"".join(delen), f"multipart/form-data; boundary={grens}"


def main() -> None:
    database_opnieuw(DATABASE)
    redis.Redis.from_url(REDIS).flushdb()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "static").mkdir()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "opstap.conf.dev",
            "OPSTAP_VAR_DIR": tmp,
            "DATABASE_URL": f"{PG}/{DATABASE}",
            "REDIS_URL": REDIS,
            "DEBUG": "no",
            "API_RATE_GEBRUIKER": "1000000/minute",
        }
        start = time.perf_counter()
        klaar = subprocess.run(
            [sys.executable, "-c", VOORBEREIDING, str(KLANTEN)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        klanten = json.loads(klaar.stdout.strip().splitlines()[-1])
        print(f"{KLANTEN} klanten met een baan en een token in {time.perf_counter() - start:.1f} s")
        pdf = loonstrook_pdf()
        print(f"loonstrook: {len(pdf) / 1024:.0f} KB")
        grens = grens_voor(pdf)  # once: the load generator shares the server's two cores
        maand = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")

        poort = vrije_poort()
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "-c",
                "python:opstap.gunicorn_conf",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{poort}",
                "--log-level",
                "warning",
                "opstap.wsgi",
            ],
            env=env,
            cwd=tmp,
        )
        try:
            wacht_op(poort, server)
            werk: queue.Queue[tuple[str, int]] = queue.Queue()
            for token, baan in klanten:
                werk.put((token, baan))
            tijden: list[float] = []
            bewijzen: list[dict[str, object]] = []
            fouten: list[str] = []
            slot = threading.Lock()

            def klant() -> None:
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
                while True:
                    try:
                        token, baan = werk.get_nowait()
                    except queue.Empty:
                        verbinding.close()
                        return
                    body, soort = multipart(
                        {
                            "maand": maand,
                            "baan": str(baan),
                            "uren": "69.33",
                            "netto_loon": "962.18",
                        },
                        pdf,
                        grens,
                    )
                    t0 = time.perf_counter()
                    try:
                        verbinding.request(
                            "POST",
                            "/api/v1/inkomstenverklaringen/",
                            body,
                            {"Authorization": f"Token {token}", "Content-Type": soort},
                        )
                        antwoord = verbinding.getresponse()
                        inhoud = antwoord.read()
                        duur = time.perf_counter() - t0
                        if antwoord.getheader("Connection", "").lower() == "close":
                            verbinding.close()
                    except (OSError, http.client.HTTPException) as fout:
                        verbinding.close()
                        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
                        with slot:
                            fouten.append(repr(fout))
                        continue
                    with slot:
                        tijden.append(duur)
                        if antwoord.status == 201:
                            bewijzen.append(json.loads(inhoud)["ontvangstbewijs"])
                        else:
                            fouten.append(f"{antwoord.status}: {inhoud[:200]!r}")

            draden = [threading.Thread(target=klant) for _ in range(TEGELIJK)]
            start = time.perf_counter()
            for d in draden:
                d.start()
            for d in draden:
                d.join()
            duur = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=30)

        bewijzen_pad = Path(tmp) / "bewijzen.json"
        bewijzen_pad.write_text(json.dumps(bewijzen))
        controle = json.loads(
            subprocess.run(
                [sys.executable, "-c", CONTROLE, str(bewijzen_pad)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
    redis.Redis.from_url(REDIS).flushdb()
    database_weg(DATABASE)
    for fout in fouten[:5]:
        print("fout:", fout)
    p95 = statistics.quantiles(tijden, n=100)[94] * 1000 if len(tijden) >= 2 else 0.0
    print(
        f"{len(bewijzen)} ontvangstbewijzen in {duur:.1f} s, {TEGELIJK} tegelijk, "
        f"2 gunicorn-workers; mediaan {statistics.median(tijden) * 1000:.0f} ms; "
        f"{controle['rijen']} verklaringen opgeslagen"
    )
    print(
        json.dumps(
            {
                "declarations": len(bewijzen),
                "per_second": round(len(bewijzen) / duur, 1),
                "p95_ms": round(p95, 1),
                "lost": controle["kwijt"],
                "errors": len(fouten),
            }
        )
    )


if __name__ == "__main__":
    main()

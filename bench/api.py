"""Benchmark of POST /api/v1/berekeningen: one household x 41 levels, one gunicorn sync worker.

Sets up a throw-away SQLite database with one user and an API token, starts gunicorn on a free
port, sends the JSON contract and times each request from the client side (a new connection per
request, connect time included). The LAST line printed is one JSON object with the figures.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gedeeld import vrije_poort

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "2000"))

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
    "werk": {"bruto_uurloon": 15.00, "uren_per_week": list(range(41))},
}

VOORBEREIDING = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from rest_framework.authtoken.models import Token
from opstap.accounts.models import Gebruiker, Rol
g, _ = Gebruiker.objects.get_or_create(username="bench", defaults={"rol": Rol.CONTACTPERSOON})
print(Token.objects.get_or_create(user=g)[0].key)
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (
            Path(tmp) / "static"
        ).mkdir()  # STATIC_ROOT under OPSTAP_VAR_DIR; the API serves no static files
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "opstap.conf.dev",
            "OPSTAP_VAR_DIR": tmp,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "DEBUG": "no",
            # One client sends 2000+ calculations in seconds: lift its rate limit for the measurement.
            "API_RATE_BEREKENING": "1000000/minute",
        }
        token = (
            subprocess.run(
                [sys.executable, "-c", VOORBEREIDING],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        poort = vrije_poort()
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "opstap.wsgi",
                "-w",
                "1",
                "-b",
                f"127.0.0.1:{poort}",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            body = json.dumps(INVOER)
            kop = {"Content-Type": "application/json", "Authorization": f"Token {token}"}

            def verzoek() -> float:
                # gunicorn's sync worker closes every connection: connect anew, as a real client must.
                t0 = time.perf_counter()
                verbinding = http.client.HTTPConnection("127.0.0.1", poort)
                verbinding.request("POST", "/api/v1/berekeningen", body=body, headers=kop)
                antwoord = verbinding.getresponse()
                inhoud = antwoord.read()
                duur = time.perf_counter() - t0
                verbinding.close()
                if antwoord.status != 200:
                    raise SystemExit(f"status {antwoord.status}: {inhoud[:300]!r}")
                return duur

            for _ in range(50):
                verzoek()
            tijden = sorted(verzoek() for _ in range(REQUESTS))
        finally:
            server.terminate()
            server.wait(timeout=10)
    p50 = statistics.median(tijden) * 1000
    p99 = tijden[int(0.99 * len(tijden)) - 1] * 1000
    print(
        f"POST /api/v1/berekeningen, 1 household x 41 levels, 1 gunicorn worker, {REQUESTS} requests: "
        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, {REQUESTS / sum(tijden):.0f} req/s"
    )
    print(
        json.dumps(
            {
                "api_berekening_ms_p50": round(p50, 2),
                "api_berekening_ms_p99": round(p99, 2),
                "requests": REQUESTS,
            }
        )
    )


if __name__ == "__main__":
    main()

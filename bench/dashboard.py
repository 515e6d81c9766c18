"""Policy dashboard at scale: 500,000 fictitious clients, the page /beleid/ and the savings job.

Sets up a throw-away PostgreSQL database on 127.0.0.1 (opstap_bench_dashboard, dropped first)
with one municipality and BENCH_KLANTEN (500,000) fictitious clients: trede, household type,
phase, birth date and start date spread at random (seeded), trede changes (some to work), jobs
for about a third (some on-call, some ended), one or two barriers for about 40 %. Encrypted
fields (BSN, medical limit, barrier kind) are written through the model, so they are valid
ciphertext. Then:

1. the barrier snapshot is made by the Celery task (as the nightly schedule does), gunicorn
   starts (2 workers, opstap/gunicorn_conf.py) and policy officer `beleid1` (a logged-in,
   second-factor-verified session) requests /beleid/ BENCH_VERZOEKEN times, one at a time,
   timed from the client side;
2. the engine-based savings estimate (the job /beleid/besparing/ starts) runs for every trede
   group, i.e. every client in the caseload without a job, timed in its own process.

The LAST line printed is one JSON object:
{"clients": 500000, "dashboard_ms_p95": …, "savings_job_seconds": …}
Goal on a 2-core machine: dashboard_ms_p95 ≤ 300, savings_job_seconds ≤ 20.
CPU time of the measured processes is printed too, as the machine may be shared.
"""

from __future__ import annotations

import http.client
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gedeeld import PG, database_opnieuw, vrije_poort, wacht_op

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
KLANTEN = int(os.environ.get("BENCH_KLANTEN", "500000"))
VERZOEKEN = int(os.environ.get("BENCH_VERZOEKEN", "200"))
DATABASE = os.environ.get("BENCH_DATABASE", "opstap_bench_dashboard")

VOORBEREIDING = """
import json, random, sys, time
from datetime import date, timedelta
from decimal import Decimal
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from opstap.accounts.models import Gebruiker, Rol
from opstap.gemeenten.models import Gemeente
from opstap.klanten.keuzes import DrempelSoort, Fase, Huishouden
from opstap.klanten.models import Drempel, Klant, TredeWijziging
from opstap.privacy.crypto import zoekhash
from opstap.werken.models import Baan

aantal = int(sys.argv[1])
rng = random.Random(2026)
vandaag = date.today()
gemeente = Gemeente.objects.create(
    naam="Gemeente Grootdam", slug="grootdam", cbs_code="GM9997", regels_code="demodam"
)
beleid = Gebruiker.objects.create_user(
    "beleid1", password="bench-wachtwoord-1", rol=Rol.BELEIDSMEDEWERKER, gemeente=gemeente
)
apparaat = TOTPDevice.objects.create(user=beleid, name="bench", confirmed=True)
sessie = SessionStore()
sessie[SESSION_KEY] = str(beleid.pk)
sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
sessie[HASH_SESSION_KEY] = beleid.get_session_auth_hash()
sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
sessie.create()

TREDEN = ["1.0", "2.0", "2.1", "3.0", "3.1", "4.0", "4.1", "5.0", "5.2", "6.0"]
def bsns():
    n = 0
    while True:
        s = f"99{n:07d}"
        if (sum(int(c) * w for c, w in zip(s[:8], range(9, 1, -1))) - int(s[8])) % 11 == 0:
            yield s
        n += 1
bron = bsns()
t0 = time.perf_counter()
BLOK = 10_000
for begin in range(0, aantal, BLOK):
    klanten = []
    for i in range(begin, min(begin + BLOK, aantal)):
        bsn = next(bron)
        klanten.append(Klant(
            gemeente=gemeente, bsn_versleuteld=bsn, bsn_zoekhash=zoekhash(bsn),
            voorletters="T.", achternaam=f"Testklant{i}",
            geboortedatum=date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 52)),
            postcode="9999 ZZ", huisnummer=str(1 + i % 200), huishouden=rng.choice(Huishouden.values),
            kostendelers=rng.choice([0, 0, 0, 1]), kale_huur=Decimal(rng.choice([450, 575, 650, 720])),
            servicekosten=Decimal(rng.choice([0, 25, 40])), medisch_urenbeperkt=rng.random() < 0.05,
            bijstand_sinds=vandaag - timedelta(days=rng.randrange(-20, 3000)),
            trede=rng.choice(TREDEN), fase=rng.choice(Fase.values),
        ))
    klanten = Klant.objects.bulk_create(klanten, batch_size=2000)
    tredes, banen, drempels = [], [], []
    for k in klanten:
        if rng.random() < 0.15:
            tredes.append(TredeWijziging(klant=k, trede=rng.choice(["6.0", "3.0", "4.0"]),
                datum=k.bijstand_sinds + timedelta(days=rng.randrange(1, 900))))
        if rng.random() < 0.33:
            oproep = rng.random() < 0.1
            banen.append(Baan(gemeente=gemeente, klant=k, werkgever_naam="Bakkerij Testdam",
                begonnen_op=vandaag - timedelta(days=rng.randrange(-10, 700)),
                einde_op=rng.choice([None, None, None, vandaag - timedelta(days=rng.randrange(0, 300))]),
                uren_per_week=None if oproep else Decimal(rng.choice([4, 8, 12, 16, 20, 24, 32])),
                oproepcontract=oproep, bruto_uurloon=Decimal("14.71"), loonperiode="maand"))
        for _ in range(rng.choice([0, 0, 0, 0, 0, 0, 1, 1, 1, 2])):
            drempels.append(Drempel(klant=k, soort=rng.choice(DrempelSoort.values),
                opgelost_op=rng.choice([None, None, vandaag - timedelta(days=rng.randrange(0, 400))])))
    TredeWijziging.objects.bulk_create(tredes, batch_size=5000)
    Baan.objects.bulk_create(banen, batch_size=5000)
    Drempel.objects.bulk_create(drempels, batch_size=5000)
    print(f"{begin + len(klanten)} klanten, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
from django.db import connection
with connection.cursor() as c:
    c.execute("ANALYZE")
print(json.dumps({"sessie": sessie.session_key, "cookie": settings.SESSION_COOKIE_NAME}))
"""

SESSIEBESTAND = Path(tempfile.gettempdir()) / f"{DATABASE}.sessie.json"
STATISCH = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
"""

VERVERSEN = """
import time
import django; django.setup()
from opstap.taken import taak
t0 = time.perf_counter()
taak("opstap.beleid.tasks.bestandsbeeld_verversen").delay()
print(f"drempelopname (Celery-taak): {time.perf_counter() - t0:.1f} s")
"""

SCHATTING = """
import json, resource, time
import django; django.setup()
from django.utils import timezone
from opstap.accounts.models import Gebruiker
from opstap.beleid.models import Besparingsschatting
from opstap.beleid.schatting import besparing_starten, besparing_uitvoeren
beleid = Gebruiker.objects.get(username="beleid1")
cpu0, t0 = time.process_time(), time.perf_counter()
# Celery runs eagerly here: the job runs on commit, inside besparing_starten, as a worker would.
s = besparing_starten(door=beleid, gemeente=beleid.gemeente, peildatum=timezone.localdate(),
    treden=["1", "2", "3", "4", "5", "6"], uren=[8, 12, 16, 20, 24])
s.refresh_from_db()
if s.status != Besparingsschatting.Status.KLAAR:
    s = besparing_uitvoeren(s)
duur, cpu = time.perf_counter() - t0, time.process_time() - cpu0
print(json.dumps({"seconden": duur, "cpu": cpu, "status": s.status, "verwerkt": s.aantal_verwerkt,
                  "basis": s.resultaat["basis"][2] if s.resultaat else None}))
"""


def cpu_kinderen() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    print(f"belasting van de machine: {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} kernen")
    # BENCH_HERGEBRUIK=1: measure again on the database of the previous run (same data).
    hergebruik = os.environ.get("BENCH_HERGEBRUIK") == "1" and SESSIEBESTAND.exists()
    if not hergebruik:
        database_opnieuw(DATABASE)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "static").mkdir()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "opstap.conf.dev",
            "OPSTAP_VAR_DIR": tmp,
            "DATABASE_URL": f"{PG}/{DATABASE}",
            "DEBUG": "no",
            "CELERY_TASK_ALWAYS_EAGER": "yes",
        }
        env.pop("REDIS_URL", None)
        start = time.perf_counter()
        if hergebruik:
            sessie = json.loads(SESSIEBESTAND.read_text())
            subprocess.run([sys.executable, "-c", STATISCH], env=env, check=True)
        else:
            klaar = subprocess.run(
                [sys.executable, "-c", VOORBEREIDING, str(KLANTEN)],
                env=env,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
            sessie = json.loads(klaar.stdout.strip().splitlines()[-1])
            SESSIEBESTAND.write_text(json.dumps(sessie))
            print(f"{KLANTEN} klanten in {time.perf_counter() - start:.0f} s")
        subprocess.run([sys.executable, "-c", VERVERSEN], env=env, check=True)

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
        kop = {"Cookie": f"{sessie['cookie']}={sessie['sessie']}"}
        try:
            wacht_op(poort, server)

            def verzoek() -> float:
                t0 = time.perf_counter()
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=120)
                verbinding.request("GET", "/beleid/", headers=kop)
                antwoord = verbinding.getresponse()
                inhoud = antwoord.read().decode()
                duur = time.perf_counter() - t0
                verbinding.close()
                if antwoord.status != 200 or "Klanten in totaal" not in inhoud:
                    raise SystemExit(f"status {antwoord.status}: {inhoud[:300]!r}")
                return duur

            for _ in range(5):
                verzoek()
            cpu0 = _cpu_van_boom(server.pid)
            t_start = time.perf_counter()
            tijden = sorted(verzoek() for _ in range(VERZOEKEN))
            wand = time.perf_counter() - t_start
            cpu_pagina = (_cpu_van_boom(server.pid) - cpu0) / VERZOEKEN
        finally:
            server.terminate()
            server.wait(timeout=10)
        p50 = statistics.median(tijden) * 1000
        p95 = tijden[int(0.95 * len(tijden)) - 1] * 1000
        print(
            f"GET /beleid/, {KLANTEN} klanten, {VERZOEKEN} verzoeken na elkaar: p50 {p50:.0f} ms, "
            f"p95 {p95:.0f} ms; CPU gunicorn {cpu_pagina * 1000:.0f} ms per pagina "
            f"(wandtijd {wand / VERZOEKEN * 1000:.0f} ms)"
        )
        cpu_voor = cpu_kinderen()
        uit = subprocess.run(
            [sys.executable, "-c", SCHATTING],
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        schatting = json.loads(uit.stdout.strip().splitlines()[-1])
        print(
            f"besparingsschatting: {schatting['verwerkt']} huishoudens in "
            f"{schatting['seconden']:.1f} s (CPU {schatting['cpu']:.1f} s in het proces, "
            f"{cpu_kinderen() - cpu_voor:.1f} s met opstarten), status {schatting['status']}; "
            f"bij 16 uur: {schatting['basis']}"
        )
    print(f"belasting van de machine na afloop: {os.getloadavg()[0]:.1f} (1 min)")
    print(
        json.dumps(
            {
                "clients": KLANTEN,
                "dashboard_ms_p95": round(p95, 1),
                "savings_job_seconds": round(schatting["seconden"], 1),
            }
        )
    )


def _cpu_van_boom(pid: int) -> float:
    """User + system CPU seconds of a process and its children (gunicorn's workers)."""
    tik = os.sysconf("SC_CLK_TCK")
    totaal = 0.0
    kinderen = [pid]
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                velden = (p / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(velden[1]) == pid:
                kinderen.append(int(p.name))
    for k in kinderen:
        try:
            velden = Path(f"/proc/{k}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totaal += (int(velden[11]) + int(velden[12])) / tik
    return totaal


if __name__ == "__main__":
    main()

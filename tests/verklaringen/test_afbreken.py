"""Nothing lost, nothing half: a real gunicorn server killed (SIGKILL) in the middle of uploads.

After the kill and a restart (which sweeps files without a declaration, as in production), every
receipt a client got has its declaration and its file with the receipt's SHA-256; every stored
declaration has its file; and no file lies on disk without a declaration."""

import hashlib
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.contact import pdfs

BIN = Path(sys.executable).parent

VOORBEREIDING = """
import json
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
gemeente = Gemeente.objects.create(naam="Afbreekdam", slug="afbreekdam", cbs_code="GM9996", regels_code="demodam")
gebruiker = Gebruiker.objects.create(username="klant", rol=Rol.KLANT, gemeente=gemeente)
klant = Klant.objects.create(
    gemeente=gemeente, gebruiker=gebruiker, bsn_versleuteld="999990019",
    bsn_zoekhash=zoekhash("999990019"), voorletters="A.", achternaam="Afbreek",
    geboortedatum=date(1985, 1, 1), postcode="9999 AA", huisnummer="1", huishouden="alleenstaande",
)
baan = Baan.objects.create(
    gemeente=gemeente, klant=klant, werkgever_naam="Bakkerij", begonnen_op=date(2026, 1, 5),
    uren_per_week=Decimal(16), bruto_uurloon=Decimal("14.71"), loonperiode="maand",
)
print(json.dumps({"token": Token.objects.create(user=gebruiker).key, "baan": baan.pk}))
"""

STAND = """
import hashlib, json
import django; django.setup()
from opstap.verklaringen.models import Inkomstenverklaring
rijen = {}
for v in Inkomstenverklaring.objects.prefetch_related("bestanden"):
    bestanden = []
    for b in v.bestanden.all():
        with b.bestand.open("rb") as f:
            bestanden.append({"naam": b.bestand.name, "sha256": hashlib.sha256(f.read()).hexdigest()})
    rijen[v.kenmerk] = bestanden
print(json.dumps(rijen))
"""


class Server:
    """gunicorn as in production (opstap/gunicorn_conf.py: 2 workers, threads, sweep at start)."""

    def __init__(self, map_: Path, env: dict[str, str]) -> None:
        self.map, self.env = map_, env
        self.poort = 0
        self.proces: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.poort = s.getsockname()[1]
        self.proces = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "-c",
                "python:opstap.gunicorn_conf",
                "--bind",
                f"127.0.0.1:{self.poort}",
                "opstap.wsgi",
            ],
            env=self.env,
            cwd=self.map,
            start_new_session=True,  # its own process group: the kill takes master and workers
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", self.poort), timeout=0.2).close()
                return
            except OSError:
                assert self.proces.poll() is None, "gunicorn stopte meteen"
                time.sleep(0.1)
        raise AssertionError("gunicorn kwam niet op")

    def doden(self) -> None:
        """SIGKILL to master and workers at once: no cleanup, no graceful shutdown."""
        assert self.proces is not None
        os.killpg(self.proces.pid, signal.SIGKILL)
        self.proces.wait(timeout=10)


def _env(map_: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opstap.conf.dev",
        "OPSTAP_VAR_DIR": str(map_),
        "DATABASE_URL": f"sqlite:///{map_}/opstap.sqlite3",
        "DEBUG": "no",
        "REDIS_URL": "",
        "CELERY_TASK_ALWAYS_EAGER": "no",  # queue reading (memory broker): the upload itself counts
        "OPSTAP_WEZEN_NA_SECONDEN": "0",  # one server: at its start no upload can be on its way
        "API_RATE_GEBRUIKER": "1000000/minute",
    }


@pytest.fixture(scope="module")
def sjabloon(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A migrated database with one client, a token and a job, made once for these tests."""
    map_ = tmp_path_factory.mktemp("sjabloon")
    klaar = subprocess.run(
        [sys.executable, "-c", VOORBEREIDING],
        env=_env(map_),
        capture_output=True,
        text=True,
        check=True,
    )
    return map_ / "opstap.sqlite3", json.loads(klaar.stdout.strip().splitlines()[-1])


@pytest.fixture
def omgeving(
    tmp_path: Path, sjabloon: tuple[Path, dict[str, Any]]
) -> Iterator[tuple[Server, dict[str, Any]]]:
    (tmp_path / "static").mkdir()
    shutil.copy(sjabloon[0], tmp_path / "opstap.sqlite3")
    server = Server(tmp_path, _env(tmp_path))
    yield server, sjabloon[1]
    if server.proces is not None and server.proces.poll() is None:
        server.doden()


def _multipart(baan: int, pdf: bytes) -> tuple[bytes, str]:
    grens = "grens" + hashlib.sha256(pdf).hexdigest()[:12]
    velden = {"maand": "2026-11", "baan": str(baan), "uren": "40", "netto_loon": "600.00"}
    delen = [
        f'--{grens}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in velden.items()
    ]
    delen.append(
        f'--{grens}\r\nContent-Disposition: form-data; name="loonstrook"; filename="s.pdf"\r\n'
        f"Content-Type: application/pdf\r\n\r\n".encode()
        + pdf
        + f"\r\n--{grens}--\r\n".encode()
    )
    return b"".join(delen), f"multipart/form-data; boundary={grens}"


def _stand(server: Server) -> dict[str, list[dict[str, str]]]:
    uit = subprocess.run(
        [sys.executable, "-c", STAND], env=server.env, capture_output=True, text=True, check=True
    )
    return json.loads(uit.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _bestanden_op_schijf(server: Server) -> set[str]:
    media = server.map / "media"
    return (
        {str(p.relative_to(media)) for p in (media / "verklaringen").rglob("*") if p.is_file()}
        if (media / "verklaringen").exists()
        else set()
    )


def _pdf(i: int) -> bytes:
    # Each upload its own bytes (and so its own SHA-256): a mix-up would show.
    return pdfs.schoon() + f"%{i:06d}\n".encode()


def _controleer(server: Server, bewijzen: list[dict[str, Any]]) -> dict[str, Any]:
    stand = _stand(server)
    for bewijs in bewijzen:
        assert bewijs["kenmerk"] in stand, f"ontvangstbewijs {bewijs['kenmerk']} zonder verklaring"
        opgeslagen = [b["sha256"] for b in stand[bewijs["kenmerk"]]]
        assert opgeslagen == [b["sha256"] for b in bewijs["bestanden"]]
    # No half declaration: each has the one file its upload carried, and it can be read.
    assert all(len(bestanden) == 1 for bestanden in stand.values()), stand
    # No orphan: every file on disk belongs to a declaration.
    van_rijen = {b["naam"] for bestanden in stand.values() for b in bestanden}
    assert _bestanden_op_schijf(server) == van_rijen
    return stand


@pytest.mark.xdist_group("gunicorn")
def test_afgebroken_midden_in_de_upload_blijft_er_niets_achter(
    omgeving: tuple[Server, dict[str, Any]],
) -> None:
    server, gegevens = omgeving
    server.start()
    body, soort = _multipart(gegevens["baan"], _pdf(0))
    verbinding = socket.create_connection(("127.0.0.1", server.poort))
    kop = (
        f"POST /api/v1/inkomstenverklaringen/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Token {gegevens['token']}\r\nContent-Type: {soort}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    verbinding.sendall(kop + body[: len(body) // 2])
    time.sleep(0.5)  # the server is reading the body
    server.doden()
    verbinding.close()
    server.start()  # the restart sweeps, as in production
    assert _controleer(server, []) == {}
    server.doden()


@pytest.mark.xdist_group("gunicorn")
def test_gedood_tijdens_een_stroom_uploads_klopt_elk_ontvangstbewijs(
    omgeving: tuple[Server, dict[str, Any]],
) -> None:
    server, gegevens = omgeving
    server.start()
    bewijzen: list[dict[str, Any]] = []
    volgnummer = iter(range(1, 10_000))
    slot = threading.Lock()
    stop = threading.Event()
    fouten: list[str] = []

    def klant() -> None:
        while not stop.is_set():
            with slot:
                i = next(volgnummer)
            body, soort = _multipart(gegevens["baan"], _pdf(i))
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", server.poort, timeout=10)
                verbinding.request(
                    "POST",
                    "/api/v1/inkomstenverklaringen/",
                    body,
                    {"Authorization": f"Token {gegevens['token']}", "Content-Type": soort},
                )
                antwoord = verbinding.getresponse()
                inhoud = antwoord.read()
                verbinding.close()
            except (OSError, http.client.HTTPException):
                return  # the server died under us: this client got no receipt
            with slot:
                if antwoord.status == 201:
                    bewijzen.append(json.loads(inhoud)["ontvangstbewijs"])
                else:
                    fouten.append(f"{antwoord.status} {inhoud[:300]!r}")

    draden = [threading.Thread(target=klant) for _ in range(6)]
    for d in draden:
        d.start()
    # Once uploads are flowing (the workers are warm), a kill at an arbitrary moment.
    for _ in range(600):
        if len(bewijzen) >= 5 or fouten:
            break
        time.sleep(0.05)
    time.sleep(random.uniform(0, 0.5))  # noqa: S311
    server.doden()
    stop.set()
    for d in draden:
        d.join(timeout=15)
    assert not fouten, fouten
    assert bewijzen, "the server accepted declarations before it was killed"
    server.start()
    stand = _controleer(server, bewijzen)
    assert len(stand) >= len(bewijzen)
    server.doden()

"""What the benches share: a free port, a fresh PostgreSQL database, waiting for gunicorn.
Imported as `gedeeld` (a bench runs as `python bench/<naam>.py`, so its folder is on sys.path)."""

import socket
import subprocess
import time

import psycopg

PG = "postgres://postgres@127.0.0.1:5432"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def database_opnieuw(naam: str) -> None:
    """Drop and create the bench's own database on 127.0.0.1."""
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as verbinding:
        verbinding.execute(f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")
        verbinding.execute(f"CREATE DATABASE {naam}")


def database_weg(naam: str) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as verbinding:
        verbinding.execute(f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")


def wacht_op(poort: int, proces: subprocess.Popen[bytes]) -> None:
    """Until gunicorn accepts connections (or stopped: then the bench stops too)."""
    for _ in range(300):
        if proces.poll() is not None:
            raise SystemExit(f"gunicorn stopte meteen (code {proces.returncode})")
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn kwam niet op")

"""Health checks: database, cache, broker and storage. Used by the /health/ page and by
`opstap health`, so they live below both."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from opstap.celery import app

logger = logging.getLogger(__name__)


def controleer(naam: str, functie: object) -> tuple[str, str]:
    try:
        functie()  # type: ignore[operator]
    except Exception as exc:  # a health check reports every failure, whatever it is
        logger.warning("health: %s faalt: %s", naam, exc)
        return naam, "fout"
    return naam, "ok"


def database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_werkt() -> None:
    sleutel = f"health-{uuid.uuid4().hex}"
    cache.set(sleutel, "1", 10)
    if cache.get(sleutel) != "1":
        raise RuntimeError("cache geeft niet terug wat erin ging")
    cache.delete(sleutel)


def broker() -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return  # in-process: no broker to reach
    with app.connection_for_write() as verbinding:
        verbinding.ensure_connection(max_retries=1, timeout=2)


def opslag() -> None:
    naam = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(naam)


def volledige_controle() -> tuple[bool, dict[str, str]]:
    """Database, cache, broker and storage, each "ok" or "fout" (also `opstap health`)."""
    resultaten = dict(
        controleer(naam, functie)
        for naam, functie in [
            ("database", database),
            ("cache", cache_werkt),
            ("broker", broker),
            ("opslag", opslag),
        ]
    )
    gezond = all(waarde == "ok" for waarde in resultaten.values())
    resultaten["broker_modus"] = "in-process" if settings.CELERY_TASK_ALWAYS_EAGER else "redis"
    return gezond, resultaten

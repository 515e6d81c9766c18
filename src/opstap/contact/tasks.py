"""Background work for contact and guidance, on a Celery worker (eager under `make run` and in
tests). Tasks get ids, never objects, and never raise: a notification that cannot be sent is
logged; the message, summary or appointment it is about is already stored."""

import logging

from celery import shared_task

from opstap.accounts.models import Gebruiker

from . import meldingen, services

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]  # celery ships no type hints
def melding_versturen(gebruiker_id: int, soort: str, url: str) -> None:
    """E-mail, SMS and web push for one user: only that something is waiting, never what."""
    try:
        gebruiker = Gebruiker.objects.filter(pk=gebruiker_id, is_active=True).first()
        if gebruiker is None:
            return  # deactivated or removed since the message was sent
        meldingen.versturen(gebruiker, soort, url)
    except Exception:
        logger.exception(
            "melding %s aan gebruiker %s kon niet worden verstuurd", soort, gebruiker_id
        )


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def herinneringen_versturen() -> int:
    """Run by Celery beat: a short, kind reminder the day before a planned contact moment,
    once per moment. Returns how many were sent."""
    try:
        return services.herinneringen_versturen()
    except Exception:
        logger.exception("herinneringen voor contactmomenten konden niet worden verstuurd")
        return 0

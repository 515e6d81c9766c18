"""Background work for the learning network (Celery beat, daily)."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]  # celery ships no type hints
def originelen_wissen() -> int:
    """Wipe clients' original texts older than the retention period. Returns how many."""
    try:
        return services.originelen_wissen()
    except Exception:
        logger.exception("originele teksten van het leernetwerk konden niet worden gewist")
        return 0

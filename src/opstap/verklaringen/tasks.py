"""Background work for declarations (Celery; in process under `make run` and in the tests).
Tasks get ids, never objects, and never raise: the declaration is already stored and receipted."""

import logging
import tempfile

from celery import shared_task

import loonstrook

from . import services
from .models import Loonstrookbestand

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]  # celery ships no type hints
def loonstrook_lezen(verklaring_id: int) -> None:
    """Read the declaration's payslips (text layer, or Dutch OCR for a photo) and store the figures
    found, to pre-fill what the client confirms or corrects. Two payslips in one month (four-weekly
    pay) are added up (services.gelezen_samenvoegen)."""
    try:
        gelezen = []
        for rij in Loonstrookbestand.objects.filter(verklaring_id=verklaring_id):
            with rij.bestand.open("rb") as bron, tempfile.NamedTemporaryFile() as tijdelijk:
                tijdelijk.write(bron.read())
                tijdelijk.flush()
                gevonden = loonstrook.lees(tijdelijk.name)
            if any(v is not None for v in gevonden.values()):
                gelezen.append(gevonden)
        services.gelezen_vastleggen(verklaring_id, services.gelezen_samenvoegen(gelezen))
    except Exception:
        logger.exception("loonstrook bij verklaring %s kon niet worden gelezen", verklaring_id)
        services.gelezen_vastleggen(verklaring_id, None)


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def wachtrij_lezen() -> int:
    """Hand the payslips queued in the last second to the readers (services.lezen_inplannen)."""
    try:
        return services.wachtrij_legen()
    except Exception:
        logger.exception("wachtrij van te lezen loonstroken kon niet worden geleegd")
        return 0


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def lezen_vangnet() -> int:
    """Run by Celery beat (every 5 minutes): read payslips still waiting to be read."""
    try:
        return services.lezen_vangnet()
    except Exception:
        logger.exception("vangnet voor te lezen loonstroken is mislukt")
        return 0


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def wezen_opruimen() -> int:
    """Run by Celery beat (hourly): remove payslip files left without a declaration."""
    try:
        return services.wezen_opruimen()
    except Exception:
        logger.exception("wezen opruimen is mislukt")
        return 0


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def herinneringen_versturen() -> int:
    """Run by Celery beat (daily): remind clients of a declaration due in a few days."""
    try:
        return services.herinneringen_versturen()
    except Exception:
        logger.exception("herinneringen voor inkomstenverklaringen konden niet worden verstuurd")
        return 0

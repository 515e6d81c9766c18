"""Background work for policy staff: runs on a Celery worker (eager under `make run`)."""

from celery import shared_task

from django.utils import timezone

from opstap.gemeenten.models import Gemeente

from .models import Besparingsschatting, Doorrekening
from .schatting import besparing_mislukt
from .schatting import besparing_uitvoeren as schatting_uitvoeren
from .services import doorrekening_mislukt
from .services import doorrekening_uitvoeren as uitvoeren
from .telling import bestandsbeeld_nu, drempeltabellen


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]  # celery ships no type hints
def doorrekening_uitvoeren(pk: int) -> None:
    doorrekening = Doorrekening.objects.select_related("gemeente").filter(pk=pk).first()
    if doorrekening is None or doorrekening.status == Doorrekening.Status.KLAAR:
        return  # deleted, or a redelivered task for work already done
    try:
        uitvoeren(doorrekening)
    except Exception:  # the page must say it failed rather than wait forever
        doorrekening_mislukt(pk)


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]  # celery ships no type hints
def besparing_schatten(pk: int) -> None:
    schatting = Besparingsschatting.objects.select_related("gemeente").filter(pk=pk).first()
    if schatting is None or schatting.status == Besparingsschatting.Status.KLAAR:
        return
    try:
        schatting_uitvoeren(schatting)
    except Exception:  # the page must say it failed rather than wait forever
        besparing_mislukt(pk)


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]  # celery ships no type hints
def bestandsbeeld_verversen() -> None:
    """Count today's caseload picture for every municipality (nightly, and after bulk
    changes), so the first visitor of the day does not wait for the counting."""
    for gemeente in Gemeente.objects.all():
        drempeltabellen(gemeente, timezone.localdate())
        bestandsbeeld_nu(gemeente)

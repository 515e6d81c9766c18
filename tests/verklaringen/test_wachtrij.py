"""Reading payslips on deadline day: with a Redis broker the declarations' ids go into one Redis
set and one task a second hands them to the readers (a Celery message per declaration cost the web
process more than storing it). Nothing waits forever: the safety net reads what is left, and a
broker that is down does not turn a stored declaration into an error for the client."""

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
import redis

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.verklaringen import services
from opstap.verklaringen.models import Inkomstenverklaring, LeesStatus
from opstap.werken.models import Baan
from tests.loonstrook import strookjes
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/13"


@pytest.fixture
def wachtrij(monkeypatch: pytest.MonkeyPatch) -> Any:
    verbinding = redis.Redis.from_url(REDIS)
    try:
        verbinding.ping()
    except redis.ConnectionError:
        pytest.skip("Redis draait niet op 127.0.0.1:6379 (alleen nodig in productie)")
    # Keys of this test alone: another run on the same Redis cannot touch them.
    eigen = uuid.uuid4().hex
    monkeypatch.setattr(services, "WACHTRIJ_SLEUTEL", f"{services.WACHTRIJ_SLEUTEL}:{eigen}")
    monkeypatch.setattr(services, "GEPLAND_SLEUTEL", f"{services.GEPLAND_SLEUTEL}:{eigen}")
    # A minute, not a second: three uploads on a slow test machine stay within one period.
    monkeypatch.setattr(services, "GEPLAND_SECONDEN", 60)
    yield verbinding
    verbinding.delete(services.WACHTRIJ_SLEUTEL, services.GEPLAND_SLEUTEL)


# As in production: Celery sends work to Redis (the tests otherwise run each task at once).
MET_REDIS = override_settings(CELERY_TASK_ALWAYS_EAGER=False, CELERY_BROKER_URL=REDIS)


class Verstuurd:
    """The Celery messages services would send, by task name (a worker is not running here)."""

    def __init__(self) -> None:
        self.berichten: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __call__(self, naam: str) -> Any:
        verstuurd = self

        class Taak:
            def delay(self, *args: Any) -> None:
                verstuurd.berichten.append((naam, args, {}))

            def apply_async(self, args: tuple[Any, ...] = (), **opties: Any) -> None:
                verstuurd.berichten.append((naam, tuple(args), opties))

        return Taak()

    def van(self, naam: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        return [(a, o) for n, a, o in self.berichten if n == naam]


def _drie_verklaringen(wereld: Wereld, django_capture_on_commit_callbacks: Any) -> list[int]:
    baan = Baan.objects.get(klant=wereld.a.klanten["eigen"])
    Baan.objects.filter(pk=baan.pk).update(begonnen_op=date(2025, 1, 1))
    client = Client()
    client.force_login(wereld.a.gebruikers[Rol.KLANT])
    maand = timezone.localdate().replace(day=1)
    ids = []
    for terug in range(1, 4):
        maand = (maand - timedelta(days=1)).replace(day=1)
        with django_capture_on_commit_callbacks(execute=True):
            antwoord = client.post(
                "/api/v1/inkomstenverklaringen/",
                {
                    "maand": maand.strftime("%Y-%m"),
                    "baan": baan.pk,
                    "uren": "48",
                    "netto_loon": "612.40",
                    "loonstrook": SimpleUploadedFile(
                        f"strook{terug}.pdf", strookjes.pdf(strookjes.STROKEN[0]), "application/pdf"
                    ),
                },
            )
        assert antwoord.status_code == 201, antwoord.content
        ids.append(antwoord.json()["id"])
    return ids


def test_veel_tegelijk_een_taak_per_seconde_en_alles_wordt_gelezen(
    wereld: Wereld,
    wachtrij: redis.Redis,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    verstuurd = Verstuurd()
    monkeypatch.setattr(services, "taak", verstuurd)
    with MET_REDIS:
        ids = _drie_verklaringen(wereld, django_capture_on_commit_callbacks)

        # Three receipts, one message: a task a second later reads what is queued by then.
        assert verstuurd.van(services.LEZEN) == []
        assert sorted(int(i) for i in wachtrij.smembers(services.WACHTRIJ_SLEUTEL)) == sorted(ids)
        assert verstuurd.van(services.LEZEN_WACHTRIJ) == [((), {"countdown": 60})]

        # The worker runs that task: each declaration goes to a reader, the set is empty.
        assert services.wachtrij_legen() == 3
        assert sorted(a[0] for a, _ in verstuurd.van(services.LEZEN)) == sorted(ids)
        assert wachtrij.scard(services.WACHTRIJ_SLEUTEL) == 0

        # A new period: the next declaration plans a new task.
        wachtrij.delete(services.GEPLAND_SLEUTEL)
        services.lezen_inplannen(ids[0])
        assert len(verstuurd.van(services.LEZEN_WACHTRIJ)) == 2


def test_het_vangnet_leest_wat_blijft_liggen(
    wereld: Wereld, wachtrij: redis.Redis, django_capture_on_commit_callbacks: Any
) -> None:
    with MET_REDIS, pytest.MonkeyPatch.context() as mp:
        mp.setattr(services, "taak", Verstuurd())
        ids = _drie_verklaringen(wereld, django_capture_on_commit_callbacks)
    # The planned task is lost (Redis restarted): the ids and the message are gone.
    wachtrij.delete(services.WACHTRIJ_SLEUTEL)
    assert set(
        Inkomstenverklaring.objects.filter(pk__in=ids).values_list("lees_status", flat=True)
    ) == {LeesStatus.WACHT}
    # Not yet after a minute; after VANGNET_NA the real reader (in process here) reads them.
    assert services.lezen_vangnet(nu=timezone.now() + timedelta(minutes=1)) == 0
    later = timezone.now() + services.VANGNET_NA + timedelta(minutes=1)
    assert services.lezen_vangnet(nu=later) == 3
    for verklaring in Inkomstenverklaring.objects.filter(pk__in=ids):
        assert verklaring.lees_status == LeesStatus.KLAAR
        assert verklaring.gelezen and verklaring.gelezen["netto_loon"] is not None


def test_broker_onbereikbaar_toch_een_ontvangstbewijs(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    with override_settings(
        CELERY_TASK_ALWAYS_EAGER=False, CELERY_BROKER_URL="redis://127.0.0.1:1/0"
    ):
        ids = _drie_verklaringen(wereld, django_capture_on_commit_callbacks)
    # Stored, receipted and waiting: the safety net reads them once the broker is back.
    assert Inkomstenverklaring.objects.filter(pk__in=ids, lees_status=LeesStatus.WACHT).count() == 3

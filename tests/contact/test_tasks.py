"""Notifications and reminders run on Celery (eager in tests): ids in, never content out, never an
error in the request, and the reminder the day before a contact moment goes out exactly once."""

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from kombu.exceptions import OperationalError

from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.celery import app as celery_app
from opstap.contact import meldingen, selectors, services, tasks
from opstap.contact.meldingen import MELDINGEN, LogSmsBackend
from opstap.contact.models import Bericht, Contactmoment, ContactmomentStatus
from opstap.klanten.models import Klant
from opstap.privacy.models import Inzage
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _bereikbaar(klant: Klant) -> Klant:
    klant.email, klant.telefoon = "klant@example.org", "0612345678"
    klant.save()
    return klant


def test_taken_draaien_eager_in_tests() -> None:
    assert celery_app.conf.task_always_eager is True
    assert "opstap.contact.tasks.melding_versturen" in celery_app.tasks
    assert "opstap.contact.tasks.herinneringen_versturen" in celery_app.tasks


def test_melding_gaat_als_taak_met_alleen_ids(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    klant = _bereikbaar(wereld.a.klanten["eigen"])
    aanroepen: list[tuple[Any, ...]] = []
    echte_delay = tasks.melding_versturen.delay

    def delay(*args: Any) -> Any:
        aanroepen.append(args)
        return echte_delay(*args)

    monkeypatch.setattr(tasks.melding_versturen, "delay", delay)
    with django_capture_on_commit_callbacks(execute=True):
        services.bericht_versturen(
            klant=klant,
            afzender=wereld.a.gebruikers[Rol.CONTACTPERSOON],
            tekst="Je afspraak over je schulden is verzet",
        )
        assert not aanroepen  # only after the commit
    assert aanroepen == [(wereld.a.gebruikers[Rol.KLANT].pk, "nieuw_bericht", "/mijn/berichten/")]
    assert all(isinstance(a, int | str) for a in aanroepen[0])
    assert len(mail.outbox) == 1 and "schulden" not in mail.outbox[0].body + mail.outbox[0].subject


def test_kapotte_mailserver_geeft_geen_fout_en_sms_gaat_toch(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    _bereikbaar(wereld.a.klanten["eigen"])

    def stuk(*args: Any, **kwargs: Any) -> None:
        raise ConnectionRefusedError("smtp weg")

    monkeypatch.setattr(meldingen, "send_mail", stuk)
    cp = Client()
    cp.force_login(wereld.a.gebruikers[Rol.CONTACTPERSOON])
    with django_capture_on_commit_callbacks(execute=True):
        response = cp.post(
            f"/werk/klanten/{wereld.a.klanten['eigen'].pk}/berichten/", {"tekst": "Hoi"}
        )
    assert response.status_code == 302
    laatste = Bericht.objects.filter(klant=wereld.a.klanten["eigen"]).last()
    assert laatste is not None and laatste.tekst == "Hoi"
    assert LogSmsBackend.verstuurd and LogSmsBackend.verstuurd[-1][1].startswith(
        "Je hebt een nieuw bericht"
    )


def test_wachtrij_onbereikbaar_geeft_geen_fout(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    def delay(*args: Any) -> None:
        raise OperationalError("redis weg")

    monkeypatch.setattr(tasks.melding_versturen, "delay", delay)
    klant = Client()
    klant.force_login(wereld.a.gebruikers[Rol.KLANT])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = klant.post("/mijn/berichten/", {"tekst": "Komt dit aan?"}, follow=True)
    assert callbacks  # the notification was attempted
    assert response.status_code == 200 and "Je bericht is verstuurd" in response.content.decode()
    assert Bericht.objects.filter(van_klant=True).count() == 1


def test_taak_zelf_gooit_nooit(wereld: Wereld, monkeypatch: pytest.MonkeyPatch) -> None:
    def stuk(*args: Any) -> None:
        raise RuntimeError("onverwacht")

    monkeypatch.setattr(meldingen, "versturen", stuk)
    tasks.melding_versturen.delay(
        wereld.a.gebruikers[Rol.KLANT].pk, "nieuw_bericht", "/mijn/"
    )  # no exception
    tasks.melding_versturen.delay(999_999, "nieuw_bericht", "/mijn/")  # unknown user: nothing to do


def test_melding_kent_alleen_vaste_teksten(wereld: Wereld) -> None:
    with pytest.raises(ValueError):
        meldingen.melden(
            wereld.a.gebruikers[Rol.KLANT], "Je uitkering wordt stopgezet", url="/mijn/"
        )


@pytest.mark.parametrize("soort", sorted(MELDINGEN))
def test_elke_melding_is_kort_en_zonder_inhoud(soort: str, wereld: Wereld) -> None:
    _bereikbaar(wereld.a.klanten["eigen"])
    meldingen.versturen(wereld.a.gebruikers[Rol.KLANT], soort, "/mijn/")
    tekst = LogSmsBackend.verstuurd[-1][1]
    assert tekst.startswith(MELDINGEN[soort].onderwerp)
    assert len(tekst) <= 160  # one SMS


def test_vervanger_krijgt_ook_een_melding(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    cp, collega = wereld.a.gebruikers[Rol.CONTACTPERSOON], wereld.a.gebruikers["collega"]
    cp.email, collega.email = "cp@alfa.example", "collega@alfa.example"
    cp.save()
    collega.save()
    services.overdracht_vastleggen(
        klant=wereld.a.klanten["eigen"],
        naar=collega,
        door=cp,
        soort="vervanging",
        begin=timezone.localdate(),
        einde=timezone.localdate() + timedelta(days=7),
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.bericht_versturen(
            klant=wereld.a.klanten["eigen"],
            afzender=wereld.a.gebruikers[Rol.KLANT],
            tekst="Is er iemand?",
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["collega@alfa.example", "cp@alfa.example"]


# --- the reminder the day before --------------------------------------------------------------


def _morgen_om(uur: int, minuut: int = 0) -> datetime:
    return timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=1), time(uur, minuut))
    )


def _moment(
    wereld: Wereld,
    wanneer: datetime,
    *,
    soort: str = "telefoon",
    klant: str = "eigen",
    status: str = ContactmomentStatus.GEPLAND,
) -> Contactmoment:
    return Contactmoment.objects.create(
        gemeente=wereld.a.gemeente,
        klant=wereld.a.klanten[klant],
        door=wereld.a.gebruikers[Rol.CONTACTPERSOON],
        wanneer=wanneer,
        soort=soort,
        onderwerp="je schulden en het budgetplan",
        status=status,
    )


def test_herinnering_de_dag_ervoor_precies_een_keer(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    _bereikbaar(wereld.a.klanten["eigen"])
    moment = _moment(wereld, _morgen_om(10, 30))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.herinneringen_versturen.delay()
    moment.refresh_from_db()
    assert moment.herinnering_verstuurd_op is not None
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.subject.startswith("Je hebt morgen een telefoongesprek")
    assert (
        "schulden" not in bericht.subject + bericht.body and "10:30" not in bericht.body
    )  # no content
    assert "/mijn/afspraken/" in bericht.body
    assert LogSmsBackend.verstuurd[-1][1].startswith("Je hebt morgen een telefoongesprek")
    assert (
        Inzage.objects.filter(klant=moment.klant, gebruiker=None, onderdeel="afspraken").count()
        == 1
    )
    # The next hourly run (and the one after) sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        tasks.herinneringen_versturen.delay()
        assert services.herinneringen_versturen() == 0
    assert len(mail.outbox) == 1


def test_herinnering_niet_dubbel_bij_twee_werkers(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    """Two workers that both selected the moment: only the one that claims it first sends."""
    _bereikbaar(wereld.a.klanten["eigen"])
    moment = _moment(wereld, _morgen_om(9))
    monkeypatch.setattr(selectors, "te_herinneren", lambda nu: [moment, moment])
    with django_capture_on_commit_callbacks(execute=True):
        assert services.herinneringen_versturen() == 1
    assert len(mail.outbox) == 1


def test_afspraak_op_kantoor_heet_afspraak(
    wereld: Wereld, django_capture_on_commit_callbacks: Any
) -> None:
    _bereikbaar(wereld.a.klanten["eigen"])
    _moment(wereld, _morgen_om(14), soort="kantoor")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.herinneringen_versturen() == 1
    assert mail.outbox[0].subject.startswith("Je hebt morgen een afspraak met de gemeente")


def test_alleen_morgen_en_alleen_gepland(wereld: Wereld) -> None:
    _bereikbaar(wereld.a.klanten["eigen"])
    vandaag = timezone.make_aware(datetime.combine(timezone.localdate(), time(23, 30)))
    overmorgen = _morgen_om(0) + timedelta(days=1)
    niet = [
        _moment(wereld, vandaag),
        _moment(wereld, overmorgen),
        _moment(wereld, _morgen_om(11), status=ContactmomentStatus.VERZET),
        _moment(wereld, _morgen_om(11), klant="caseload"),
    ]  # this client has no account
    wel = [_moment(wereld, _morgen_om(0)), _moment(wereld, _morgen_om(23, 59))]
    assert services.herinneringen_versturen() == 2
    for m in niet:
        m.refresh_from_db()
        assert m.herinnering_verstuurd_op is None
    for m in wel:
        m.refresh_from_db()
        assert m.herinnering_verstuurd_op is not None


def test_beat_plant_de_herinneringen_overdag() -> None:
    plan = settings.CELERY_BEAT_SCHEDULE["contact-herinneringen"]
    assert plan["task"] == tasks.herinneringen_versturen.name
    assert plan["schedule"].hour == set(range(9, 21)) and plan["schedule"].minute == {0}
    assert settings.CELERY_TIMEZONE == settings.TIME_ZONE

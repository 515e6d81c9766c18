"""Telling someone that something new is waiting: e-mail, SMS and web push.

A notification never carries the content ("je hebt een nieuw bericht"): the content stays behind
the login. That is enforced here, not left to callers: a caller names one of the fixed kinds in
``MELDINGEN`` and can pass no text of its own.

Sending runs on Celery (``tasks.melding_versturen``, eager under ``make run`` and in tests), queued
after the database commit with only ids and the kind. Nothing here raises into a request: a full
queue or a failing channel is logged, and the message itself is already safely stored. Each
channel is tried on its own, so a failing e-mail server does not stop the SMS.

SMS goes through a pluggable backend (setting OPSTAP_SMS_BACKEND, a dotted path to a class with
``verstuur(telefoon, tekst)``); the default only logs. Web push needs VAPID keys
(OPSTAP_VAPID_PRIVATE_KEY, OPSTAP_VAPID_PUBLIC_KEY) and the optional package pywebpush; without
them a push is a logged no-op.
"""

import logging
from collections import deque
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from opstap.accounts.models import Gebruiker
from opstap.taken import taak

from .models import KanaalSoort, Meldingskanaal

logger = logging.getLogger(__name__)

MELDING_VERSTUREN = (
    "opstap.contact.tasks.melding_versturen"  # queued by name: tasks import this module
)


@dataclass(frozen=True)
class Melding:
    onderwerp: str
    vervolg: str = "Log in bij Opstap om het te lezen."


# Every notification Opstap sends. Fixed texts only: nothing from a message, summary or
# appointment ever ends up in an e-mail, SMS or push (someone else may see the phone's screen).
_HERINNERING_VERVOLG = (
    "In de app zie je hoe laat en waarover. Past het niet? Stuur dan een bericht."
)
MELDINGEN: dict[str, Melding] = {
    "nieuw_bericht": Melding("Je hebt een nieuw bericht"),
    "nieuw_bericht_medewerker": Melding("Er is een nieuw bericht van een klant"),
    "nieuw_verslag": Melding("Er staat een nieuw gespreksverslag voor je klaar"),
    "nieuwe_aanvraag": Melding("Er is een nieuwe aanvraag van een klant"),
    "herinnering_gesprek": Melding(
        "Je hebt morgen een telefoongesprek met de gemeente", _HERINNERING_VERVOLG
    ),
    "herinnering_afspraak": Melding(
        "Je hebt morgen een afspraak met de gemeente", _HERINNERING_VERVOLG
    ),
    # D3: a few days before the deadline of the monthly income declaration.
    "herinnering_inkomsten": Melding(
        "Denk je aan het doorgeven van je inkomsten?",
        "In de app zie je over welke maand en tot wanneer. Het kost maar een paar minuten.",
    ),
    # werkzoeken: the same-day check of a CV or letter (C2)
    "controle_gevraagd": Melding("Er is een cv of brief van een klant om vandaag na te kijken"),
    "controle_klaar": Melding("Je contactpersoon heeft je cv of brief nagekeken"),
}


class SmsBackend(Protocol):
    def verstuur(self, telefoon: str, tekst: str) -> None: ...


class LogSmsBackend:
    """Default: writes the SMS to the log (no provider configured)."""

    # The last few, for tests and the demo; bounded so a long-running process does not grow.
    verstuurd: deque[tuple[str, str]] = deque(maxlen=100)

    def verstuur(self, telefoon: str, tekst: str) -> None:
        self.verstuurd.append((telefoon, tekst))
        logger.info("sms (log-backend) naar %s: %s", telefoon[-4:].rjust(len(telefoon), "*"), tekst)


def sms_backend() -> SmsBackend:
    pad = getattr(settings, "OPSTAP_SMS_BACKEND", "opstap.contact.meldingen.LogSmsBackend")
    backend: SmsBackend = import_string(pad)()
    return backend


# Web push goes only to the browsers' own push services: never to an address of our choosing (an
# internal host would turn the server into a way in). Hosts per the services' documentation.
PUSH_HOSTS = ("fcm.googleapis.com", "updates.push.services.mozilla.com")
PUSH_HOST_ACHTERVOEGSELS = (".push.services.mozilla.com", ".push.apple.com", ".notify.windows.com")
MAX_PUSH_ENDPOINT = 1000  # the model field's length
MAX_PUSH_INSCHRIJVINGEN = 5


class PushFout(ValueError):
    """A push subscription we do not accept; the message is plain Dutch."""


def _base64url_bytes(waarde: object, lengte: int) -> bool:
    import base64
    import re

    if (
        not isinstance(waarde, str)
        or len(waarde) > 200
        or not re.fullmatch(r"[A-Za-z0-9_-]+=*", waarde)
    ):
        return False
    try:
        return len(base64.urlsafe_b64decode(waarde + "=" * (-len(waarde) % 4))) == lengte
    except ValueError:
        return False


def push_inschrijving_controleren(endpoint: str, sleutels: object) -> tuple[str, dict[str, str]]:
    """The endpoint and keys of a browser's push subscription, checked; raises PushFout."""
    from urllib.parse import urlsplit

    fout = PushFout(
        _(
            "Deze pushmeldingen kunnen we niet instellen. Probeer het in een andere browser, "
            "of kies voor meldingen per e-mail of sms."
        )
    )
    if not isinstance(endpoint, str) or not endpoint or len(endpoint) > MAX_PUSH_ENDPOINT:
        raise fout
    try:
        deel = urlsplit(endpoint)
        poort = deel.port
    except ValueError as exc:
        raise fout from exc
    host = (deel.hostname or "").lower()
    if (
        deel.scheme != "https"
        or poort not in (None, 443)
        or deel.username is not None
        or deel.password is not None
        or "@" in deel.netloc
        or not (host in PUSH_HOSTS or host.endswith(PUSH_HOST_ACHTERVOEGSELS))
    ):
        raise fout
    if not isinstance(sleutels, dict) or set(sleutels) != {"p256dh", "auth"}:
        raise PushFout(_("De sleutels van deze pushmelding kloppen niet. Probeer het opnieuw."))
    # p256dh: an uncompressed P-256 point (65 bytes); auth: a 16-byte secret (RFC 8291).
    if not _base64url_bytes(sleutels["p256dh"], 65) or not _base64url_bytes(sleutels["auth"], 16):
        raise PushFout(_("De sleutels van deze pushmelding kloppen niet. Probeer het opnieuw."))
    return endpoint, {"p256dh": sleutels["p256dh"], "auth": sleutels["auth"]}


def push_versturen(kanaal: Meldingskanaal, titel: str, tekst: str, url: str) -> bool:
    """Send one web push. Without VAPID keys (or without pywebpush) this is a logged no-op."""
    prive = getattr(settings, "OPSTAP_VAPID_PRIVATE_KEY", "")
    if not prive:
        logger.info("push niet verstuurd (geen VAPID-sleutels ingesteld): %s", titel)
        return False
    try:  # a subscription stored before these checks existed is not sent to either
        push_inschrijving_controleren(kanaal.endpoint, kanaal.sleutels)
    except PushFout:
        logger.warning(
            "push niet verstuurd: inschrijving %s wijst niet naar een bekende pushdienst", kanaal.pk
        )
        return False
    try:
        from pywebpush import webpush
    except ImportError:
        logger.info("push niet verstuurd (pywebpush niet geïnstalleerd): %s", titel)
        return False
    import json

    webpush(
        subscription_info={"endpoint": kanaal.endpoint, "keys": kanaal.sleutels},
        data=json.dumps({"titel": titel, "tekst": tekst, "url": url}),
        vapid_private_key=prive,
        vapid_claims={
            "sub": getattr(settings, "OPSTAP_VAPID_SUB", "mailto:noreply@opstap.example")
        },
    )
    return True


def _telefoon_en_email(gebruiker: Gebruiker) -> tuple[str, str]:
    klant: Any = getattr(gebruiker, "klant", None)
    email = gebruiker.email or (klant.email if klant else "")
    telefoon = gebruiker.telefoon or (klant.telefoon if klant else "")
    return telefoon, email


def versturen(gebruiker: Gebruiker, soort: str, url: str) -> list[str]:
    """Send one notification on every channel the user has; returns the channels that failed.
    Called by the Celery task, never from a request directly."""
    melding = MELDINGEN[soort]
    telefoon, email = _telefoon_en_email(gebruiker)
    basis = getattr(settings, "OPSTAP_BASIS_URL", "")
    tekst = f"{melding.onderwerp}. {melding.vervolg} {basis}{url}"
    mislukt: list[str] = []
    if email:
        try:
            send_mail(
                f"{melding.onderwerp} — Opstap",
                tekst + "\n\nDit is een automatisch bericht. "
                "De inhoud lees je alleen na het inloggen.",
                None,
                [email],
            )
        except Exception:
            logger.exception("e-mailmelding aan gebruiker %s mislukt", gebruiker.pk)
            mislukt.append(KanaalSoort.EMAIL)
    if telefoon and getattr(settings, "OPSTAP_SMS_AAN", True):
        try:
            sms_backend().verstuur(telefoon, tekst)
        except Exception:
            logger.exception("sms-melding aan gebruiker %s mislukt", gebruiker.pk)
            mislukt.append(KanaalSoort.SMS)
    for kanaal in Meldingskanaal.objects.filter(
        gebruiker=gebruiker, soort=KanaalSoort.PUSH, actief=True
    ):
        try:
            push_versturen(kanaal, melding.onderwerp, melding.vervolg, url)
        except Exception:
            logger.exception("pushmelding aan gebruiker %s mislukt", gebruiker.pk)
            mislukt.append(KanaalSoort.PUSH)
    return mislukt


def _in_wachtrij(gebruiker_id: int, soort: str, url: str) -> None:
    try:
        taak(MELDING_VERSTUREN).delay(gebruiker_id, soort, url)
    except (
        Exception
    ):  # e.g. the broker is down: the message is stored, only the notification is lost
        logger.exception("melding voor gebruiker %s kon niet in de wachtrij", gebruiker_id)


def melden(gebruiker: Gebruiker | None, soort: str, *, url: str) -> None:
    """Tell a user something new is waiting, after the surrounding transaction has committed.
    `soort` is a key of MELDINGEN: the text is fixed, so no content can slip in."""
    if soort not in MELDINGEN:
        raise ValueError(f"Onbekende melding: {soort!r}")
    if gebruiker is None or not gebruiker.is_active:
        return
    transaction.on_commit(partial(_in_wachtrij, gebruiker.pk, soort, url), robust=True)

"""Telling someone that something new is waiting: e-mail, SMS and web push.

A notification never carries the content ("je hebt een nieuw bericht"): the content stays behind
the login. Sending happens after the database commit and a failure is logged, never raised: the
message itself is already safely stored.

SMS goes through a pluggable backend (setting OPSTAP_SMS_BACKEND, a dotted path to a class with
``verstuur(telefoon, tekst)``); the default only logs. Web push needs VAPID keys
(OPSTAP_VAPID_PRIVATE_KEY, OPSTAP_VAPID_PUBLIC_KEY) and the optional package pywebpush; without
them a push is a logged no-op.
"""

import logging
from collections import deque
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.module_loading import import_string

from opstap.accounts.models import Gebruiker

from .models import KanaalSoort, Meldingskanaal

logger = logging.getLogger(__name__)


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


def push_versturen(kanaal: Meldingskanaal, titel: str, tekst: str, url: str) -> bool:
    """Send one web push. Without VAPID keys (or without pywebpush) this is a logged no-op."""
    prive = getattr(settings, "OPSTAP_VAPID_PRIVATE_KEY", "")
    if not prive:
        logger.info("push niet verstuurd (geen VAPID-sleutels ingesteld): %s", titel)
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
        vapid_claims={"sub": getattr(settings, "OPSTAP_VAPID_SUB", "mailto:noreply@opstap.example")},
    )
    return True


def _telefoon_en_email(gebruiker: Gebruiker) -> tuple[str, str]:
    klant: Any = getattr(gebruiker, "klant", None)
    email = gebruiker.email or (klant.email if klant else "")
    telefoon = gebruiker.telefoon or (klant.telefoon if klant else "")
    return telefoon, email


def _nu_melden(gebruiker: Gebruiker, onderwerp: str, url: str) -> None:
    telefoon, email = _telefoon_en_email(gebruiker)
    basis = getattr(settings, "OPSTAP_BASIS_URL", "")
    tekst = f"{onderwerp}. Log in bij Opstap om het te lezen: {basis}{url}"
    try:
        if email:
            send_mail(f"{onderwerp} — Opstap", tekst + "\n\nDit is een automatisch bericht. "
                      "De inhoud lees je alleen na het inloggen.", None, [email])
        if telefoon and getattr(settings, "OPSTAP_SMS_AAN", True):
            sms_backend().verstuur(telefoon, tekst)
        for kanaal in Meldingskanaal.objects.filter(gebruiker=gebruiker, soort=KanaalSoort.PUSH, actief=True):
            push_versturen(kanaal, onderwerp, "Log in om het te lezen.", url)
    except Exception:  # a notification must never undo or hide a stored message
        logger.exception("melding aan gebruiker %s kon niet worden verstuurd", gebruiker.pk)


def melden(gebruiker: Gebruiker | None, onderwerp: str, *, url: str) -> None:
    """Tell a user something new is waiting, after the surrounding transaction has committed.
    `onderwerp` must not contain any content: "Je hebt een nieuw bericht"."""
    if gebruiker is None or not gebruiker.is_active:
        return
    transaction.on_commit(lambda: _nu_melden(gebruiker, onderwerp, url))

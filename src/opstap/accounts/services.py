"""Writes for accounts: enrolment codes for the authenticator app."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Gebruiker, Inschrijfcode

# No 0/O, 1/I/L: the code is read off a screen or a letter and typed in.
_TEKENS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_LENGTE = 16  # about 78 bits: guessing within a handful of tries is hopeless


class InschrijfcodeFout(Exception):
    """The code is refused; the message says why, in Dutch."""


def _normaliseer(code: str) -> str:
    return "".join(teken for teken in code.upper() if teken.isalnum())


def _hash(code: str) -> str:
    return salted_hmac("opstap.inschrijfcode", _normaliseer(code), algorithm="sha256").hexdigest()


@transaction.atomic
def maak_inschrijfcode(gebruiker: Gebruiker, door: Gebruiker | None = None) -> str:
    """A new code for this staff member, shown once. Earlier codes and any connected authenticator
    are removed: this is also how an administrator resets a lost phone."""
    if not gebruiker.is_medewerker:
        raise InschrijfcodeFout(
            _("Alleen medewerkers van de gemeente loggen in met een authenticator-app.")
        )
    Inschrijfcode.objects.filter(gebruiker=gebruiker).delete()
    TOTPDevice.objects.filter(user=gebruiker).delete()
    code = "".join(secrets.choice(_TEKENS) for _ in range(_LENGTE))
    Inschrijfcode.objects.create(
        gebruiker=gebruiker,
        code_hash=_hash(code),
        aangemaakt_door=door,
        verloopt_op=timezone.now() + timedelta(hours=settings.INSCHRIJFCODE_GELDIG_UUR),
    )
    return "-".join(code[i : i + 4] for i in range(0, _LENGTE, 4))


def gebruik_inschrijfcode(gebruiker: Gebruiker, code: str) -> None:
    """Accept the code once, or raise InschrijfcodeFout with the reason."""
    fout = _gebruik(gebruiker, code)  # commits, also a failed attempt; only then refuse
    if fout:
        raise InschrijfcodeFout(fout)


@transaction.atomic
def _gebruik(gebruiker: Gebruiker, code: str) -> str | None:
    laatste = (
        Inschrijfcode.objects.select_for_update()
        .filter(gebruiker=gebruiker)
        .order_by("-aangemaakt_op")
        .first()
    )
    opnieuw = _("Vraag de beheerder om een nieuwe code.")
    if laatste is None:
        return _(
            "Deze inschrijfcode klopt niet. Je krijgt een code van de beheerder van Opstap bij je gemeente."
        )
    if laatste.mislukte_pogingen >= settings.INSCHRIJFCODE_MAX_POGINGEN:
        return _("Er is te vaak een verkeerde code ingevuld.") + " " + opnieuw
    if not constant_time_compare(laatste.code_hash, _hash(code)):
        laatste.mislukte_pogingen += 1
        laatste.save(update_fields=["mislukte_pogingen"])
        if laatste.mislukte_pogingen >= settings.INSCHRIJFCODE_MAX_POGINGEN:
            return _("Er is te vaak een verkeerde code ingevuld.") + " " + opnieuw
        return _(
            "Deze inschrijfcode klopt niet. Kijk of je hem precies zo hebt overgenomen als je hem kreeg."
        )
    if laatste.gebruikt_op is not None:
        return _("Deze inschrijfcode is al gebruikt.") + " " + opnieuw
    if laatste.verloopt_op <= timezone.now():
        return _("Deze inschrijfcode is verlopen.") + " " + opnieuw
    laatste.gebruikt_op = timezone.now()
    laatste.save(update_fields=["gebruikt_op"])
    # A fresh secret: nothing shown before this moment can be used.
    TOTPDevice.objects.filter(user=gebruiker, confirmed=False).delete()
    return None

"""The login lock, on django-axes: who counts as "the same person" for failed logins.

- A name is counted as authentication sees it (NFKC, as Django's login form normalises it) and
  case-folded: `ｋｌａｎｔ２`, `KLANT2` and `klant2` share one counter.
- An address is the client's own: `X-Forwarded-For` is believed only when the request comes from
  a proxy listed in TRUSTED_PROXIES, and only the entry that proxy itself added. Without that
  setting the header is ignored, so a client cannot pick a fresh address per try.
- A name is locked after LOGIN_MAX_POGINGEN failures; an address only after
  LOGIN_MAX_POGINGEN_ADRES, since an office or a library shares one. Both for LOGIN_BLOKKADE_SECONDEN.
"""

import ipaddress
import unicodedata
from functools import cache
from typing import Any

from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_cache_timeout, get_client_username, make_cache_key_list
from axes.signals import user_locked_out

from django.conf import settings
from django.http import HttpRequest

Netwerk = ipaddress.IPv4Network | ipaddress.IPv6Network


def normaliseer_naam(naam: str | None) -> str:
    """NFKC (as Django's login form), then case-folded, then NFKC again (case-folding can undo it)."""
    if not naam:
        return ""
    return unicodedata.normalize(
        "NFKC", unicodedata.normalize("NFKC", str(naam)).casefold()
    ).strip()


def genormaliseerde_naam(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """AXES_USERNAME_CALLABLE: the name from the login attempt, normalised."""
    if credentials and credentials.get("username"):
        return normaliseer_naam(credentials["username"])
    data = getattr(request, "data", None) or getattr(request, "POST", {})
    return normaliseer_naam(data.get("username"))


@cache
def _vertrouwde_proxies(waarden: tuple[str, ...]) -> tuple[Netwerk, ...]:
    return tuple(ipaddress.ip_network(w, strict=False) for w in waarden)


def _vertrouwd(adres: str, netwerken: tuple[Netwerk, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return False
    return any(ip in netwerk for netwerk in netwerken)


def client_adres(request: HttpRequest) -> str:
    """The client's address (also AXES_CLIENT_IP_CALLABLE and the API's rate limit).

    Walk X-Forwarded-For from the right while the hop we are looking at is a trusted proxy:
    the first address that is not one is the client. Entries further left were written by the
    client itself and are never used."""
    adres = str(request.META.get("REMOTE_ADDR") or "")
    netwerken = _vertrouwde_proxies(tuple(settings.TRUSTED_PROXIES))
    if not netwerken:
        return adres
    keten = [
        deel.strip()
        for deel in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if deel.strip()
    ]
    while keten and _vertrouwd(adres, netwerken):
        volgende = keten.pop()
        try:
            ipaddress.ip_address(volgende)
        except ValueError:
            break  # garbage from the proxy: keep the last address we could trust
        adres = volgende
    return adres


class InlogSlot(AxesCacheHandler):  # type: ignore[misc]  # axes ships no types
    """django-axes' cache handler with its own limit per counter (name, address)."""

    def _tellers(self, request: Any, credentials: dict[str, Any] | None) -> list[tuple[str, int]]:
        tellers = []
        naam = get_client_username(request, credentials)
        if naam:  # no name (OIDC, an empty form): no shared "empty name" counter
            tellers.append(
                (make_cache_key_list([{"username": naam}])[0], settings.LOGIN_MAX_POGINGEN)
            )
        adres = getattr(request, "axes_ip_address", None)
        if adres:
            tellers.append(
                (make_cache_key_list([{"ip_address": adres}])[0], settings.LOGIN_MAX_POGINGEN_ADRES)
            )
        return tellers

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        # On the name's scale, so axes' own "failures >= AXES_FAILURE_LIMIT" means the same as is_locked.
        schaal = settings.LOGIN_MAX_POGINGEN
        return max(
            (
                self.cache.get(sleutel, 0) * schaal // grens
                for sleutel, grens in self._tellers(request, credentials)
            ),
            default=0,
        )

    def is_locked(self, request: Any, credentials: dict[str, Any] | None = None) -> bool:
        return any(
            self.cache.get(sleutel, 0) >= grens
            for sleutel, grens in self._tellers(request, credentials)
        )

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
    ) -> None:
        if request is None:
            return
        request.axes_credentials = credentials
        if request.axes_locked_out:
            return  # refused while locked: counting it would only stretch the lock
        duur = get_cache_timeout(request)
        for sleutel, _grens in self._tellers(request, credentials):
            if not self.cache.add(sleutel, 1, duur):
                try:
                    self.cache.incr(sleutel)
                except ValueError:  # expired between add and incr
                    self.cache.set(sleutel, 1, duur)
        if self.is_locked(request, credentials):
            request.axes_locked_out = True
            user_locked_out.send(
                "axes",
                request=request,
                username=get_client_username(request, credentials),
                ip_address=request.axes_ip_address,
            )

    def user_logged_in(self, sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        # The right password clears the name's counter, not the address's: otherwise an attacker
        # with an account of their own could reset the address between guesses at others.
        naam = normaliseer_naam(user.get_username())
        self.cache.delete(make_cache_key_list([{"username": naam}])[0])

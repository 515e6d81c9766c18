"""Rate limits for the API (DRF throttling), counted in the shared cache (Redis in production).

One class, three scopes: `anoniem` (per client address, see accounts.inlogslot.client_adres),
`gebruiker` (per logged-in user or token) and `berekening` for the calculation endpoint, which
apps call in bursts (a slider) and which has its own budget. Rates come from settings.API_RATES
(env API_RATE_ANONIEM, API_RATE_GEBRUIKER, API_RATE_BEREKENING), read on each request.

Counted in fixed windows with one atomic increment per call (Redis INCR): DRF's default keeps a
list of every timestamp, read and written back whole on each call, which grows with the rate
and loses counts when two workers write at once."""

from typing import Any

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from opstap.accounts.inlogslot import client_adres


class ApiThrottle(SimpleRateThrottle):
    cache_format = "api-throttle:%(scope)s:%(ident)s"

    def __init__(self) -> None:
        # The rate depends on the caller and the view, so it is chosen in allow_request.
        self.scope = ""
        self.ident = ""

    def allow_request(self, request: Request, view: Any) -> bool:
        if request.user and request.user.is_authenticated:
            self.scope = getattr(view, "throttle_scope", None) or "gebruiker"
            self.ident = f"gebruiker-{request.user.pk}"
        else:
            self.scope = "anoniem"
            self.ident = f"adres-{client_adres(request._request)}"
        self.rate = settings.API_RATES.get(self.scope)
        if not self.rate:
            return True  # no limit configured for this scope
        aantal_max, duur = self.parse_rate(self.rate)
        if aantal_max is None or duur is None:
            return True
        self.now = self.timer()
        venster = int(self.now // duur)
        self.einde = (venster + 1) * duur
        sleutel = f"{self.get_cache_key(request, view)}:{venster}"
        if self.cache.add(sleutel, 1, duur + 1):
            return True
        try:
            aantal = self.cache.incr(sleutel)
        except ValueError:  # expired between add and incr
            self.cache.set(sleutel, 1, duur + 1)
            return True
        return bool(aantal <= aantal_max)

    def wait(self) -> float:
        return max(self.einde - self.now, 1.0)

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.ident}

"""How the API knows who calls: a token (systems, apps) or the browser session (the pages' own JavaScript).

Token: every call looks the token and its user up in the database (one query with a join). A
revoked token or a deactivated user, also one changed in bulk with `.update()`, is refused on the
very next call, in every process. The earlier per-process cache saved about a millisecond and
let a revoked token work for up to five minutes.

Session: the same rule as the pages: staff must have passed the second login step (TOTP)."""

from typing import Any

from drf_spectacular.authentication import SessionScheme
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.request import Request

from opstap.accounts.middleware import moet_tweede_stap_doen


class TokenAuthenticatie(TokenAuthentication):
    """DRF's token check (one select_related query, refuses unknown keys and inactive users), named here
    so the settings point at one place and a future change (hashed keys, expiry) has a home."""


class GeverifieerdeSessieAuthentication(SessionAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        resultaat = super().authenticate(request)
        if resultaat is not None and moet_tweede_stap_doen(request._request):
            # 403, not 401: the caller is known but has not finished logging in.
            raise exceptions.PermissionDenied(
                "Doe eerst de tweede inlogstap: log in op de website en vul de code uit je app in."
            )
        return resultaat


class GeverifieerdeSessieScheme(SessionScheme):  # type: ignore[no-untyped-call]
    """The OpenAPI schema describes it as the usual cookie session."""

    target_class = "opstap.api.authenticatie.GeverifieerdeSessieAuthentication"

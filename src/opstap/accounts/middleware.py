import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Paths a half-logged-in staff member may use: the second-factor pages, leaving, and assets.
_VRIJ = ("/inloggen/", "/uitloggen/", "/static/", "/i18n/", "/health/")


def tweestaps_overgeslagen(request: HttpRequest) -> bool:
    gebruiker = request.user
    return bool(settings.DEMO_MODE and getattr(gebruiker, "is_demo_account", False))


def moet_tweede_stap_doen(request: HttpRequest) -> bool:
    """A logged-in staff member who has not yet passed the second factor (TOTP) in this session.

    The one rule for pages (the middleware below) and for the API with a browser session
    (opstap.api.authenticatie); token calls are not sessions and do not come here."""
    gebruiker = request.user
    return bool(
        gebruiker.is_authenticated
        and getattr(gebruiker, "is_medewerker", False)
        and not gebruiker.is_verified()  # type: ignore[attr-defined,union-attr,unused-ignore]
        and not tweestaps_overgeslagen(request)
    )


class TweeStapsMiddleware:
    """Staff must pass the second factor (TOTP) before they see anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            moet_tweede_stap_doen(request)
            and not request.path.startswith(_VRIJ)
            # The API answers for itself: a session there must be verified too (problem+json, not a
            # redirect), see opstap.api.authenticatie.GeverifieerdeSessieAuthentication.
            and not request.path.startswith("/api/")
        ):
            return redirect(reverse("accounts:tweestaps"))
        return self.get_response(request)


class StaffSessionExpiryMiddleware:
    """Staff sessions end after a period without activity; clients' do not (their own phone)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        gebruiker = request.user
        if gebruiker.is_authenticated and getattr(gebruiker, "is_medewerker", False):
            nu = time.time()
            laatst = request.session.get("laatst_actief")
            if laatst is not None and nu - laatst > settings.STAFF_SESSIE_SECONDEN:
                logout(request)
                messages.info(
                    request, _("Je was een tijd niet actief. Log opnieuw in om verder te gaan.")
                )
                return redirect(reverse("accounts:inloggen"))
            request.session["laatst_actief"] = nu
        return self.get_response(request)

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from rest_framework import exceptions

from opstap.accounts.middleware import moet_tweede_stap_doen
from opstap.accounts.models import Rol
from opstap.accounts.rollen import publiek
from opstap.api.authenticatie import TokenAuthenticatie

from . import gezondheid

START_PAGINA: dict[str, str] = {
    Rol.KLANT: "mijn:start",
    Rol.CONTACTPERSOON: "werk:caseload",
    Rol.INKOMENSCONSULENT: "werk:inkomsten",
    Rol.WERKGEVER: "werkgever:start",
    Rol.BELEIDSMEDEWERKER: "beleid:start",
    Rol.BEHEERDER: "beheer:start",
}


@publiek
def start(request: HttpRequest) -> HttpResponse:
    """The root: each role lands on its own start page."""
    if not request.user.is_authenticated:
        return redirect("accounts:inloggen")
    return redirect(START_PAGINA.get(str(getattr(request.user, "rol", "")), "accounts:inloggen"))


def _mag_details_zien(request: HttpRequest) -> bool:
    """A logged-in administrator who passed the second step, or any valid API token (monitoring)."""
    gebruiker = request.user
    if getattr(gebruiker, "rol", None) == Rol.BEHEERDER and not moet_tweede_stap_doen(request):
        return True
    kop = str(request.META.get("HTTP_AUTHORIZATION", "")).split()
    if len(kop) == 2 and kop[0].lower() == "token":
        try:
            TokenAuthenticatie().authenticate_credentials(kop[1])
        except exceptions.AuthenticationFailed:
            return False
        return True
    return False


@publiek
def health(request: HttpRequest) -> JsonResponse:
    """For anyone: only "ok" after a cheap database ping, nothing written, no details. The full
    check (which writes a file and reaches the broker) only for an administrator or a token."""
    if _mag_details_zien(request):
        gezond, resultaten = gezondheid.volledige_controle()
        return JsonResponse(
            {"status": "ok" if gezond else "fout", "onderdelen": resultaten},
            status=200 if gezond else 503,
        )
    _naam, uitkomst = gezondheid.controleer("database", gezondheid.database)
    return JsonResponse({"status": uitkomst}, status=200 if uitkomst == "ok" else 503)


def fout_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "fouten/400.html", status=400)


def fout_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "fouten/403.html", status=403)


def fout_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "fouten/404.html", status=404)


def fout_500(request: HttpRequest) -> HttpResponse:
    return render(request, "fouten/500.html", status=500)

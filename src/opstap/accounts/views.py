from typing import Any

import segno

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeFormulier, InlogFormulier, InschrijfcodeFormulier
from .rollen import gebruiker_van, publiek
from .services import InschrijfcodeFout, gebruik_inschrijfcode


class InlogView(LoginView):
    """Name and password. Failed attempts are counted by django-axes (opstap.accounts.inlogslot)."""

    template_name = "accounts/inloggen.html"
    form_class = InlogFormulier
    redirect_authenticated_user = True
    rollen = frozenset({"publiek"})


def inloggen_geblokkeerd(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the login page again, with the reason, status 429 and the name kept."""
    form = InlogFormulier(request, initial={"username": request.POST.get("username", "")})
    melding = _(
        "Er is te vaak een verkeerd wachtwoord gebruikt. Wacht 15 minuten en "
        "probeer het dan opnieuw. Lukt het niet? Bel de gemeente."
    )
    return render(
        request,
        "accounts/inloggen.html",
        {"form": form, "blokkade": melding, "next": request.POST.get("next", "")},
        status=429,
    )


@publiek
@require_POST
def uitloggen(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("Je bent uitgelogd."))
    return redirect("accounts:inloggen")


_INSCHRIJVING = (
    "opstap-inschrijving-toegestaan"  # session: the enrolment code was accepted for this user
)


@publiek
@never_cache
def tweestaps(request: HttpRequest) -> HttpResponse:
    """Second factor: enter the code from the app; or, the first time, the administrator's enrolment
    code, and only then the QR code and secret to connect an authenticator app."""
    gebruiker = request.user
    if not gebruiker.is_authenticated:
        return redirect("accounts:inloggen")
    if gebruiker.is_verified() or not getattr(gebruiker, "is_medewerker", False):  # type: ignore[attr-defined,union-attr,unused-ignore]
        return redirect("start")
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first()
    instellen = apparaat is None
    if instellen and request.session.get(_INSCHRIJVING) != gebruiker.pk:
        return _inschrijfcode_vragen(request)
    if instellen:
        apparaat, _nieuw = TOTPDevice.objects.get_or_create(
            user=gebruiker, confirmed=False, defaults={"name": "Authenticator-app"}
        )
    assert apparaat is not None
    form = CodeFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        toegestaan, _info = apparaat.verify_is_allowed()
        if not toegestaan:
            form.add_error(
                "code",
                _(
                    "Er zijn te veel verkeerde codes geprobeerd. Wacht een minuut en probeer "
                    "het dan opnieuw."
                ),
            )
        elif apparaat.verify_token(form.cleaned_data["code"]):
            if instellen:
                apparaat.confirmed = True
                apparaat.save(update_fields=["confirmed"])
            request.session.pop(_INSCHRIJVING, None)
            otp_login(request, apparaat)
            request.session.cycle_key()
            return redirect("start")
        else:
            form.add_error(
                "code",
                _("Deze code klopt niet of is verlopen. Kijk in je app naar de nieuwe code."),
            )
    context = {"form": form, "instellen": instellen}
    if instellen:
        qr = segno.make(apparaat.config_url, error="m")
        context["qr_svg"] = qr.svg_inline(scale=4, dark="#000", light="#fff")
        context["geheim"] = apparaat.bin_key.hex()
    return render(request, "accounts/tweestaps.html", context)


def _inschrijfcode_vragen(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    form = InschrijfcodeFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            gebruik_inschrijfcode(gebruiker, form.cleaned_data["inschrijfcode"])
        except InschrijfcodeFout as fout:
            form.add_error("inschrijfcode", str(fout))
        else:
            request.session[_INSCHRIJVING] = gebruiker.pk
            return redirect("accounts:tweestaps")
    return render(
        request,
        "accounts/tweestaps.html",
        {"form": form, "inschrijfcode_vragen": True},
        status=400 if form.errors else 200,
    )

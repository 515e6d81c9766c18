from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from opstap.accounts.models import MEDEWERKER_ROLLEN, Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.services import InschrijfcodeFout, maak_inschrijfcode
from opstap.gemeenten.models import Gemeente
from opstap.klanten.importeren import (
    MAX_BESTAND_BYTES,
    OPTIONELE_KOLOMMEN,
    VERPLICHTE_KOLOMMEN,
    BestandFout,
    importeer_klanten,
)
from opstap.klanten.models import Klant


class ImportFormulier(forms.Form):
    bestand = forms.FileField(label=_("Klantenbestand (CSV)"),
                              help_text=_("Een CSV-bestand van hoogstens 20 MB. Zie de kolommen hieronder."))

    def clean_bestand(self) -> object:
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BESTAND_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot (%(mb)s MB). Het mag hoogstens 20 MB zijn."),
                params={"mb": bestand.size // (1024 * 1024)},
            )
        if not bestand.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Kies een CSV-bestand (eindigt op .csv)."))
        return bestand


@rol_vereist(Rol.BEHEERDER)
def start(request: HttpRequest) -> HttpResponse:
    gemeente = request.user.gemeente  # type: ignore[union-attr]
    return render(request, "beheer/start.html", {
        "aantal_klanten": Klant.objects.filter(gemeente=gemeente).count(),
        "gebruikers": Gebruiker.objects.filter(gemeente=gemeente).exclude(rol=Rol.KLANT).order_by("rol", "username"),
    })


@rol_vereist(Rol.BEHEERDER)
def importeren(request: HttpRequest) -> HttpResponse:
    form = ImportFormulier(request.POST or None, request.FILES or None)
    resultaat = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                gebruiker = gebruiker_van(request)
                assert gebruiker.gemeente is not None
                resultaat = importeer_klanten(form.cleaned_data["bestand"].read(), gemeente=gebruiker.gemeente,
                                              door=gebruiker)
            except BestandFout as exc:
                form.add_error("bestand", str(exc))
        if not form.is_valid() or (resultaat and resultaat.fouten):
            status = 400 if resultaat is None else 200
    return render(request, "beheer/importeren.html", {
        "form": form, "resultaat": resultaat,
        "verplicht": VERPLICHTE_KOLOMMEN, "optioneel": OPTIONELE_KOLOMMEN,
    }, status=status)


class InschrijfcodeFormulier(forms.Form):
    medewerker = forms.ModelChoiceField(
        label=_("Medewerker"), queryset=Gebruiker.objects.none(),
        empty_label=_("Kies een medewerker"),
        error_messages={"required": _("Kies voor wie de code is."),
                        "invalid_choice": _("Kies een medewerker uit de lijst.")},
    )

    def __init__(self, *args: object, gemeente: Gemeente | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Only staff of the administrator's own municipality: nobody else can be enrolled from here.
        self.fields["medewerker"].queryset = (  # type: ignore[attr-defined]
            Gebruiker.objects.filter(gemeente=gemeente, rol__in=MEDEWERKER_ROLLEN, is_active=True)
            .order_by("username"))
        self.fields["medewerker"].label_from_instance = (  # type: ignore[attr-defined]
            lambda g: f"{g.weergavenaam} ({g.username}, {g.get_rol_display()})")


@rol_vereist(Rol.BEHEERDER)
@never_cache
def inschrijfcode(request: HttpRequest) -> HttpResponse:
    """A one-time code with which a staff member connects an authenticator app (or a new phone)."""
    beheerder = gebruiker_van(request)
    form = InschrijfcodeFormulier(request.POST or None, gemeente=beheerder.gemeente)
    if request.method == "POST" and form.is_valid():
        medewerker = form.cleaned_data["medewerker"]
        try:
            code = maak_inschrijfcode(medewerker, door=beheerder)
        except InschrijfcodeFout as fout:
            form.add_error("medewerker", str(fout))
        else:
            return render(request, "beheer/inschrijfcode.html", {
                "form": InschrijfcodeFormulier(gemeente=beheerder.gemeente), "code": code,
                "medewerker": medewerker, "geldig_uur": settings.INSCHRIJFCODE_GELDIG_UUR,
            })
    return render(request, "beheer/inschrijfcode.html", {"form": form},
                  status=400 if form.errors else 200)

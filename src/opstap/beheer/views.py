from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.klanten.importeren import (
    MAX_BESTAND_BYTES,
    OPTIONELE_KOLOMMEN,
    VERPLICHTE_KOLOMMEN,
    BestandFout,
    importeer_klanten,
)
from opstap.klanten.models import Klant
from opstap.web.omvang import max_verzoek


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


@max_verzoek("OPSTAP_MAX_IMPORT_BYTES")  # the CSV may be 20 MB, more than an attachment
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

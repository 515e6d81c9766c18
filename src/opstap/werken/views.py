from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

import regels
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import eigen_klant, eis, mag_baan_aanmelden, zichtbare_banen
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek

from .forms import BaanFormulier
from .services import baan_aanmelden, geld_bij_baan


@rol_vereist(Rol.KLANT)
def mijn_werk(request: HttpRequest) -> HttpResponse:
    """Report a job once, see the jobs reported, and straight after reporting: congratulations,
    then what this job means for the money per month (computed by the engine)."""
    gebruiker = gebruiker_van(request)
    klant = eigen_klant(gebruiker)
    if klant is None:
        return render(request, "fouten/404.html", status=404)
    form = BaanFormulier(request.POST or None)
    if request.method == "POST":
        eis(mag_baan_aanmelden(gebruiker, klant))
        if form.is_valid():
            try:
                baan = baan_aanmelden(klant=klant, gegevens=form.gegevens())
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, meldingen)
            else:
                inzage_bij_verzoek(
                    request, klant, "werk", "Je meldde een nieuwe baan", actie=Actie.AANMAKEN
                )
                return redirect(f"{reverse('mijn:werk')}?nieuw={baan.pk}")
    banen = list(zichtbare_banen(gebruiker).filter(klant=klant))
    context: dict[str, Any] = {"klant": klant, "form": form, "banen": banen}
    nieuw = request.GET.get("nieuw", "")
    nieuwe_baan = next((b for b in banen if str(b.pk) == nieuw), None)
    if nieuwe_baan is not None:
        context["nieuwe_baan"] = nieuwe_baan
        try:
            context["geld"] = geld_bij_baan(nieuwe_baan)
        except regels.InvoerFout as fout:
            context["rekenfout"] = str(fout)
    inzage_bij_verzoek(request, klant, "werk", "Je bekeek je banen")
    return render(request, "werken/mijn_werk.html", context, status=400 if form.errors else 200)

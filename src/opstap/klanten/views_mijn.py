"""The client's own area ("de app")."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import rol_vereist
from opstap.accounts.toegang import eigen_klant
from opstap.contact.models import Contactpersoon
from opstap.contact.selectors import offline_te_bewaren, thuis_overzicht
from opstap.privacy.selectors import wie_keek
from opstap.privacy.services import inzage_bij_verzoek
from opstap.verklaringen.selectors import herinnering_voor

from .selectors import klant_dossier, reis_van


def _mijn_dossier(request: HttpRequest):  # type: ignore[no-untyped-def]
    klant = eigen_klant(request.user)  # type: ignore[arg-type]
    if klant is None:
        raise Http404("Er is (nog) geen dossier aan dit account gekoppeld.")
    return klant


@rol_vereist(Rol.KLANT)
def start(request: HttpRequest) -> HttpResponse:
    klant = klant_dossier(_mijn_dossier(request))
    inzage_bij_verzoek(request, klant, "overzicht", "Je bekeek je eigen overzicht")
    contactpersoon = None
    if klant.contactpersoon_id:
        contactpersoon = Contactpersoon.objects.filter(gebruiker_id=klant.contactpersoon_id).first()
    return render(
        request,
        "klanten/mijn/start.html",
        {
            "klant": klant,
            "contactpersoon": contactpersoon,
            "fases": reis_van(klant),
            "offline_paden": " ".join(offline_te_bewaren(klant)),
            **thuis_overzicht(klant),
            # D3: "geef je inkomsten over november door" a few days before the deadline.
            "herinnering": herinnering_voor(klant, timezone.localdate()),
        },
    )


@rol_vereist(Rol.KLANT)
def inzages(request: HttpRequest) -> HttpResponse:
    """Who looked at my file, and why: others first, grouped per person and day; my own reads folded away."""
    klant = _mijn_dossier(request)
    eigen: Gebruiker = request.user  # type: ignore[assignment]
    return render(
        request, "klanten/mijn/inzages.html", {"klant": klant, "wie_keek": wie_keek(klant, eigen)}
    )

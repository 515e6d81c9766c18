"""The income desk's page for paper forms (D3): which clients get the declaration form by post, who
switched to online (when, and by whom), and putting a client on paper. The rest of the income
desk's workspace lives elsewhere; this page only covers the paper form."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import eis, mag_papierformulier_zetten, zichtbare_klanten
from opstap.klanten.selectors import caseload
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst

from . import selectors
from .models import Papierformulier
from .services import papier_aanzetten

ONDERDEEL = "papieren inkomstenformulier"


@rol_vereist(Rol.INKOMENSCONSULENT)
def papier(request: HttpRequest) -> HttpResponse:
    gebruiker = gebruiker_van(request)
    if request.method == "POST":
        klant = get_object_or_404(zichtbare_klanten(gebruiker), pk=request.POST.get("klant", 0))
        eis(mag_papierformulier_zetten(gebruiker, klant))
        papier_aanzetten(klant=klant)
        inzage_bij_verzoek(
            request,
            klant,
            ONDERDEEL,
            "Inkomen: je krijgt het formulier voor je inkomsten voortaan op papier",
            actie=Actie.WIJZIGEN,
        )
        messages.success(
            request,
            _("%(naam)s krijgt het formulier voortaan op papier.") % {"naam": klant.naam},
        )
        return redirect("inkomen_papier:papier")
    if request.method not in ("GET", "HEAD"):
        raise Http404
    formulieren = list(
        Papierformulier.objects.filter(
            klant__in=zichtbare_klanten(gebruiker), gemeente_id=gebruiker.gemeente_id
        )
        .select_related("klant", "online_door")
        .order_by("klant__achternaam", "klant__voorletters")
    )
    zoek = request.GET.get("zoek", "").strip()
    gevonden = list(caseload(gebruiker, zoek=zoek)[:20]) if zoek else []
    inzages_bij_lijst(
        request,
        [f.klant for f in formulieren] + gevonden,
        ONDERDEEL,
        "Inkomen: je naam stond in de lijst van papieren inkomstenformulieren",
    )
    vandaag = timezone.localdate()
    maand = vandaag.replace(day=1)
    verzenddatum = (
        selectors.papier_verzenddatum(gebruiker.gemeente, maand) if gebruiker.gemeente else None
    )
    return render(
        request,
        "verklaringen/inkomen_papier.html",
        {
            "actief": [f for f in formulieren if f.actief],
            "online": [f for f in formulieren if not f.actief],
            "zoek": zoek,
            "gevonden": gevonden,
            "op_papier": {f.klant_id for f in formulieren if f.actief},
            "maand": maand,
            "verzenddatum": verzenddatum,
        },
    )

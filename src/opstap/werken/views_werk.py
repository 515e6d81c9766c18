"""The contact person's side of part-time work (/werk/): the client's jobs read-only in the coaching
file, contracts to check (opening one is in the client's access log), check-ins and a difficult
start (D1, D2)."""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.toegang import (
    begeleide_klanten,
    eis,
    mag_contract_controleren,
    mag_start_bijhouden,
    zichtbare_banen,
)
from opstap.contact.bijlagen import downloadnaam
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst

from .forms import ContractControleFormulier, MoeilijkeStartFormulier, NotitieFormulier
from .models import Aandachtspunt, Baan, Contract
from .selectors import banen_met_start, te_controleren_contracten, werk_signalen
from .services import (
    contract_controleren,
    moeilijke_start_melden,
    moeilijke_start_opgelost,
    startgesprek_afronden,
)


def _nummer(request: HttpRequest, veld: str) -> int:
    """A posted object number; anything else is 'not found', never a server error."""
    waarde = request.POST.get(veld, "")
    if not waarde.isdigit():
        raise Http404("Onbekend nummer.")
    return int(waarde)


def _klant(gebruiker: Gebruiker, klant_pk: int) -> Klant:
    return get_object_or_404(begeleide_klanten(gebruiker), pk=klant_pk)


def _baan(gebruiker: Gebruiker, klant: Klant, baan_pk: int) -> Baan:
    return get_object_or_404(zichtbare_banen(gebruiker).filter(klant=klant), pk=baan_pk)


@rol_vereist(Rol.CONTACTPERSOON)
def klant_werk(request: HttpRequest, klant_pk: int) -> HttpResponse:
    """The client's jobs (read-only), their history, contract, check-ins and signals. The contact
    person marks a check-in done and raises or lowers 'difficult start'."""
    gebruiker = gebruiker_van(request)
    klant = _klant(gebruiker, klant_pk)
    if request.method == "POST":
        eis(mag_start_bijhouden(gebruiker, klant))
        baan = _baan(gebruiker, klant, _nummer(request, "baan"))
        actie = request.POST.get("actie", "")
        try:
            if actie == "startgesprek":
                gesprek = get_object_or_404(
                    baan.startgesprekken.all(), pk=_nummer(request, "gesprek")
                )
                notitie = NotitieFormulier(request.POST, prefix=f"g{gesprek.pk}")
                if not notitie.is_valid():
                    raise ValidationError(notitie.errors.as_text())
                startgesprek_afronden(
                    gesprek=gesprek, door=gebruiker, notitie=notitie.cleaned_data["notitie"]
                )
            elif actie == "moeilijk":
                form = MoeilijkeStartFormulier(request.POST, prefix=f"m{baan.pk}")
                if not form.is_valid():
                    raise ValidationError(form.errors.as_text())
                moeilijke_start_melden(
                    baan=baan, door=gebruiker, toelichting=form.cleaned_data["toelichting"]
                )
            elif actie == "opgelost":
                moeilijke_start_opgelost(baan=baan)
            else:
                raise Http404("Onbekende actie.")
        except ValidationError as fout:
            return HttpResponse(" ".join(fout.messages), status=400)
        inzage_bij_verzoek(
            request, klant, "werk", "Begeleiding: de start in een baan bijgehouden", Actie.WIJZIGEN
        )
        return redirect(reverse("werk:klant-werk", args=[klant.pk]) + f"#baan-{baan.pk}")
    banen = banen_met_start(zichtbare_banen(gebruiker).filter(klant=klant))
    inzage_bij_verzoek(request, klant, "werk", "Begeleiding: de banen bekeken")
    return render(
        request,
        "werken/werk_klant.html",
        {
            "klant": klant,
            "banen": banen,
            "signalen": werk_signalen(klant.gemeente, [klant.pk]).get(klant.pk, []),
            "vandaag": timezone.localdate(),
        },
    )


def _laatste_contract(baan: Baan) -> Contract:
    contract = baan.contracten.order_by("-geupload_op", "-pk").first()
    if contract is None:
        raise Http404("Bij deze baan is nog geen contract gestuurd.")
    return contract


@rol_vereist(Rol.CONTACTPERSOON)
def contract(request: HttpRequest, klant_pk: int, baan_pk: int) -> HttpResponse:
    """Check the latest contract of a job: open the file, and mark it checked with a kind comment
    and points of attention the client reads."""
    gebruiker = gebruiker_van(request)
    klant = _klant(gebruiker, klant_pk)
    baan = _baan(gebruiker, klant, baan_pk)
    item = _laatste_contract(baan)
    form = ContractControleFormulier(
        request.POST or None,
        initial={"opmerking": item.opmerking, "aandachtspunten": item.aandachtspunten},
    )
    if request.method == "POST":
        eis(mag_contract_controleren(gebruiker, klant))
        if form.is_valid():
            try:
                contract_controleren(
                    contract=item,
                    door=gebruiker,
                    opmerking=form.cleaned_data["opmerking"],
                    aandachtspunten=form.cleaned_data["aandachtspunten"],
                )
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, meldingen)
            else:
                inzage_bij_verzoek(
                    request,
                    klant,
                    "werk",
                    "Begeleiding: je arbeidscontract gecontroleerd",
                    Actie.WIJZIGEN,
                )
                return redirect("werk:contracten")
    inzage_bij_verzoek(request, klant, "werk", "Begeleiding: je arbeidscontract bekeken")
    return render(
        request,
        "werken/werk_contract.html",
        {
            "klant": klant,
            "baan": baan,
            "contract": item,
            "form": form,
            "gekozen": set(form["aandachtspunten"].value() or []),
            "punten": Aandachtspunt.choices,
        },
        status=400 if form.errors else 200,
    )


@rol_vereist(Rol.CONTACTPERSOON)
def contract_bestand(request: HttpRequest, klant_pk: int, baan_pk: int) -> HttpResponse:
    """The contract file itself, decrypted, as a download; in the client's access log."""
    gebruiker = gebruiker_van(request)
    klant = _klant(gebruiker, klant_pk)
    item = _laatste_contract(_baan(gebruiker, klant, baan_pk))
    response = FileResponse(
        item.bestand.open("rb"),
        as_attachment=True,
        filename=downloadnaam(item.bestand_naam, item.bestand_type, item.pk),
        content_type=item.bestand_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    inzage_bij_verzoek(request, klant, "werk", "Begeleiding: je arbeidscontract geopend")
    return response  # type: ignore[return-value]


@rol_vereist(Rol.CONTACTPERSOON)
def contracten(request: HttpRequest) -> HttpResponse:
    """Contracts to check, oldest first; every client shown is in their access log."""
    gebruiker = gebruiker_van(request)
    lijst = list(te_controleren_contracten(gebruiker)[:200])
    inzages_bij_lijst(
        request,
        list({c.klant_id: c.klant for c in lijst}.values()),
        "werk",
        "Begeleiding: je stond in de lijst van contracten om te controleren",
    )
    return render(request, "werken/werk_contracten.html", {"contracten": lijst})

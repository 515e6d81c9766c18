from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from opstap.accounts import toegang
from opstap.accounts.models import MEDEWERKER_ROLLEN, Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van, rol_vereist
from opstap.accounts.services import InschrijfcodeFout, maak_inschrijfcode
from opstap.contact import services as contact_services
from opstap.contact.forms import PeriodeVelden
from opstap.contact.models import Overdracht, OverdrachtSoort
from opstap.gemeenten.models import Gemeente
from opstap.klanten.importeren import (
    MAX_BESTAND_BYTES,
    OPTIONELE_KOLOMMEN,
    VERPLICHTE_KOLOMMEN,
    BestandFout,
    importeer_klanten,
)
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek
from opstap.web.omvang import max_verzoek


class ImportFormulier(forms.Form):
    bestand = forms.FileField(
        label=_("Klantenbestand (CSV)"),
        error_messages={"required": _("Kies een CSV-bestand met klanten.")},
        help_text=_("Een CSV-bestand van hoogstens 20 MB. Zie de kolommen hieronder."),
    )

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
    return render(
        request,
        "beheer/start.html",
        {
            "aantal_klanten": Klant.objects.filter(gemeente=gemeente).count(),
            "gebruikers": Gebruiker.objects.filter(gemeente=gemeente)
            .exclude(rol=Rol.KLANT)
            .order_by("rol", "username"),
        },
    )


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
                resultaat = importeer_klanten(
                    form.cleaned_data["bestand"].read(), gemeente=gebruiker.gemeente, door=gebruiker
                )
            except BestandFout as exc:
                form.add_error("bestand", str(exc))
        if not form.is_valid() or (resultaat and resultaat.fouten):
            status = 400 if resultaat is None else 200
    return render(
        request,
        "beheer/importeren.html",
        {
            "form": form,
            "resultaat": resultaat,
            "verplicht": VERPLICHTE_KOLOMMEN,
            "optioneel": OPTIONELE_KOLOMMEN,
        },
        status=status,
    )


class DelegatieFormulier(PeriodeVelden):
    """A substitution or a handover of a whole caseload, recorded by the administrator (someone is
    ill or leaves and cannot do it themselves). The administrator never opens the client files."""

    field_order = ["soort", "van", "naar", "begin", "einde", "reden"]
    soort = forms.ChoiceField(
        label=_("Soort"),
        choices=[
            (OverdrachtSoort.VERVANGING, _("Vervanging: een collega helpt tijdelijk alle klanten")),
            (
                OverdrachtSoort.OVERDRACHT,
                _("Overdracht: alle klanten krijgen een nieuwe vaste contactpersoon"),
            ),
        ],
        error_messages={"required": _("Kies vervanging of overdracht.")},
    )
    van = forms.ModelChoiceField(
        label=_("Klanten van"),
        queryset=Gebruiker.objects.none(),
        empty_label=_("Kies een contactpersoon"),
        error_messages={"required": _("Kies de contactpersoon van wie de klanten zijn.")},
    )
    naar = forms.ModelChoiceField(
        label=_("Naar collega"),
        queryset=Gebruiker.objects.none(),
        empty_label=_("Kies een collega"),
        error_messages={"required": _("Kies de collega die de klanten helpt.")},
    )

    def __init__(self, *args: Any, gemeente_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for naam in ("van", "naar"):
            veld: Any = self.fields[naam]
            veld.queryset = Gebruiker.objects.filter(
                gemeente_id=gemeente_id or -1, rol=Rol.CONTACTPERSOON, is_active=True
            ).order_by("last_name", "username")
            veld.label_from_instance = lambda g: g.weergavenaam


@rol_vereist(Rol.BEHEERDER)
def contactpersonen(request: HttpRequest) -> HttpResponse:
    """Contact persons, how many clients each has, who covers for whom; record a substitution or a
    handover of a whole caseload. Counts and names of staff only: no client is shown."""
    gebruiker = gebruiker_van(request)
    vandaag = timezone.localdate()
    form = DelegatieFormulier(
        request.POST or None, gemeente_id=gebruiker.gemeente_id, initial={"begin": vandaag}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            if d["soort"] == OverdrachtSoort.VERVANGING:
                contact_services.vervanging_vastleggen(
                    van=d["van"],
                    naar=d["naar"],
                    door=gebruiker,
                    begin=d["begin"],
                    einde=d["einde"],
                    reden=d["reden"],
                )
            else:
                for overdracht in contact_services.caseload_overdragen(
                    van=d["van"], naar=d["naar"], door=gebruiker, begin=d["begin"], reden=d["reden"]
                ):
                    assert overdracht.klant is not None
                    inzage_bij_verzoek(
                        request,
                        overdracht.klant,
                        "contactpersoon",
                        "Beheer: nieuwe contactpersoon vastgelegd",
                        Actie.WIJZIGEN,
                    )
        except contact_services.InvoerFout as fout:
            form.add_error(fout.veld if fout.veld in form.fields else None, str(fout))
        else:
            messages.success(
                request,
                gettext("Vastgelegd. De klanten hebben een bericht gekregen over wie nu helpt."),
            )
            return redirect("beheer:contactpersonen")
    personen = (
        Gebruiker.objects.filter(gemeente_id=gebruiker.gemeente_id or -1, rol=Rol.CONTACTPERSOON)
        .annotate(
            aantal_klanten=Count("caseload", filter=Q(caseload__gemeente_id=gebruiker.gemeente_id))
        )
        .order_by("last_name", "username")
    )
    vervangingen = (
        Overdracht.objects.filter(
            gemeente_id=gebruiker.gemeente_id or -1,
            soort=OverdrachtSoort.VERVANGING,
            einde__gte=vandaag,
        )
        .select_related("van", "naar")
        .order_by("begin", "id")
    )
    return render(
        request,
        "beheer/contactpersonen.html",
        {
            "form": form,
            "personen": personen,
            "vervangingen": vervangingen,
            "max_dagen": toegang.vervanging_max_dagen(gebruiker.gemeente),
        },
        status=400 if form.errors else 200,
    )


class InschrijfcodeFormulier(forms.Form):
    medewerker = forms.ModelChoiceField(
        label=_("Medewerker"),
        queryset=Gebruiker.objects.none(),
        empty_label=_("Kies een medewerker"),
        error_messages={
            "required": _("Kies voor wie de code is."),
            "invalid_choice": _("Kies een medewerker uit de lijst."),
        },
    )

    def __init__(self, *args: object, gemeente: Gemeente | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Only staff of the administrator's own municipality: nobody else can be enrolled from here.
        self.fields["medewerker"].queryset = (  # type: ignore[attr-defined]
            Gebruiker.objects.filter(
                gemeente=gemeente, rol__in=MEDEWERKER_ROLLEN, is_active=True
            ).order_by("username")
        )
        self.fields["medewerker"].label_from_instance = (  # type: ignore[attr-defined]
            lambda g: f"{g.weergavenaam} ({g.username}, {g.get_rol_display()})"
        )


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
            return render(
                request,
                "beheer/inschrijfcode.html",
                {
                    "form": InschrijfcodeFormulier(gemeente=beheerder.gemeente),
                    "code": code,
                    "medewerker": medewerker,
                    "geldig_uur": settings.INSCHRIJFCODE_GELDIG_UUR,
                },
            )
    return render(
        request, "beheer/inschrijfcode.html", {"form": form}, status=400 if form.errors else 200
    )

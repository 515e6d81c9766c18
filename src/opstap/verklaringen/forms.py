from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from opstap.werken.models import Baan

from .services import MAX_NETTO_PER_MAAND, MAX_UREN_PER_MAAND

# A phone offers its camera, a computer its files; a PDF can always be chosen.
LOONSTROOK_ACCEPT = "image/*,application/pdf"


def _uren_veld(label: Any, help_text: Any = "") -> forms.DecimalField:
    melding = _("Vul het aantal uren in deze maand in, tussen 0 en 744, bijvoorbeeld 48.")
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        min_value=Decimal(0),
        max_value=MAX_UREN_PER_MAAND,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "required": _("Vul in hoeveel uur je deze maand werkte, bijvoorbeeld 48."),
            "invalid": melding,
            "min_value": melding,
            "max_value": melding,
            "max_digits": melding,
            "max_decimal_places": _("Vul de uren in met hoogstens 2 cijfers achter de komma."),
        },
    )


def _bedrag_veld(
    label: Any, help_text: Any, voorbeeld: str, *, required: bool
) -> forms.DecimalField:
    melding = _("Vul een bedrag in euro in, bijvoorbeeld %(v)s.") % {"v": voorbeeld}
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        required=required,
        min_value=Decimal(0),
        max_value=MAX_NETTO_PER_MAAND,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "required": melding,
            "invalid": melding,
            "min_value": _("Een bedrag kan niet negatief zijn."),
            "max_value": melding,
            "max_digits": melding,
            "max_decimal_places": _("Vul het bedrag in met hoogstens 2 cijfers achter de komma."),
        },
    )


def _bestand_veld(label: Any, help_text: Any) -> forms.FileField:
    return forms.FileField(
        label=label,
        help_text=help_text,
        required=False,
        # `capture` is left out on purpose: with it some phones open only the camera, and a
        # payslip that arrived as a PDF in the mail could not be chosen.
        widget=forms.ClearableFileInput(attrs={"accept": LOONSTROOK_ACCEPT}),
        error_messages={"empty": _("Dit bestand is leeg. Kies de foto of PDF opnieuw.")},
    )


def maand_keuzes(maanden: list[date]) -> list[tuple[str, str]]:
    return [(m.strftime("%Y-%m"), date_format(m, "F Y")) for m in maanden]


class VerklaringFormulier(forms.Form):
    baan = forms.ChoiceField(
        label=_("Bij welke werkgever?"),
        error_messages={
            "required": _("Kies de werkgever."),
            "invalid_choice": _("Kies een van je eigen banen."),
        },
    )
    maand = forms.ChoiceField(
        label=_("Over welke maand?"),
        error_messages={
            "required": _("Kies de maand."),
            "invalid_choice": _("Kies een maand uit de lijst."),
        },
    )
    uren = _uren_veld(
        _("Hoeveel uur werkte je in deze maand?"),
        _("Tel alle uren bij deze werkgever bij elkaar, bijvoorbeeld 48."),
    )
    loonstrook = _bestand_veld(
        _("Foto of PDF van je loonstrook"),
        _("Maak een foto met je telefoon, of kies een PDF. Wij lezen de bedragen voor je."),
    )
    loonstrook_2 = _bestand_veld(
        _("Nog een loonstrook (mag je leeg laten)"),
        _(
            "Krijg je loon per vier weken? Dan krijg je soms twee loonstroken in één maand. Stuur ze dan allebei."
        ),
    )
    schatting = forms.BooleanField(
        label=_("Mijn loonstrook is er nog niet. Ik schat zelf wat ik deze maand krijg."),
        help_text=_(
            "Dat mag. Vul dan hieronder in wat je denkt te krijgen. Klopt het later niet precies? "
            "Dan rekenen we het verschil volgende maand vanzelf goed."
        ),
        required=False,
    )
    netto_loon = _bedrag_veld(
        _("Netto loon: het bedrag dat je kreeg (of denkt te krijgen)"),
        _("Stuur je een loonstrook mee? Dan mag je dit leeg laten: wij lezen het voor je."),
        "612,40",
        required=False,
    )
    bruto_loon = _bedrag_veld(
        _("Bruto loon (mag je leeg laten)"),
        _("Het bedrag vóór belasting, bijvoorbeeld 812,50."),
        "812,50",
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        banen: list[Baan],
        maanden: list[date],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.banen = {str(b.pk): b for b in banen}
        keuzes = [(str(b.pk), b.werkgever_naam) for b in banen]
        self.fields["baan"].choices = (  # type: ignore[attr-defined]
            keuzes if len(keuzes) == 1 else [("", _("Kies je werkgever")), *keuzes]
        )
        self.fields["maand"].choices = maand_keuzes(maanden)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        heeft_bestand = bool(d.get("loonstrook") or d.get("loonstrook_2"))
        if "netto_loon" not in self.errors and d.get("netto_loon") is None:
            if d.get("schatting"):
                self.add_error(
                    "netto_loon",
                    _("Vul in hoeveel netto loon je denkt te krijgen, bijvoorbeeld 612,40."),
                )
            elif not heeft_bestand:
                self.add_error(
                    "netto_loon",
                    _(
                        "Vul je netto loon in, bijvoorbeeld 612,40. Of stuur een foto of PDF van "
                        "je loonstrook mee: dan lezen wij het bedrag voor je."
                    ),
                )
        return d

    def gekozen_baan(self) -> Baan:
        return self.banen[self.cleaned_data["baan"]]


class BevestigFormulier(forms.Form):
    netto_loon = _bedrag_veld(
        _("Netto loon: het bedrag dat je kreeg"),
        _("Op je loonstrook heet dit vaak 'netto te betalen' of 'uit te betalen'."),
        "612,40",
        required=True,
    )
    bruto_loon = _bedrag_veld(
        _("Bruto loon (mag je leeg laten)"),
        _(
            "Het loon van deze periode vóór belasting; niet het bedrag 'cumulatief' of 'tot nu toe'."
        ),
        "812,50",
        required=False,
    )
    uren = _uren_veld(_("Gewerkte uren"))
    periode_van = forms.DateField(
        label=_("Eerste dag van de periode op je loonstrook (mag je leeg laten)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 1-11-2026.")},
    )
    periode_tot = forms.DateField(
        label=_("Laatste dag van de periode (mag je leeg laten)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 30-11-2026.")},
    )

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        van, tot = d.get("periode_van"), d.get("periode_tot")
        if van and tot and tot < van:
            self.add_error(
                "periode_tot", _("De laatste dag van de periode moet na de eerste dag liggen.")
            )
        return d


class AanvulFormulier(forms.Form):
    loonstrook = _bestand_veld(
        _("Foto of PDF van je loonstrook"),
        _("Maak een foto met je telefoon, of kies een PDF."),
    )

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        if not d.get("loonstrook") and "loonstrook" not in self.errors:
            self.add_error("loonstrook", _("Kies de foto of PDF van je loonstrook."))
        return d

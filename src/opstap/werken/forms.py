from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_UREN, MAX_UURLOON, Aandachtspunt, Contractsoort, Loonperiode


class BaanFormulier(forms.Form):
    werkgever = forms.CharField(
        label=_("Bij welke werkgever ga je werken?"),
        max_length=200,
        error_messages={"required": _("Vul de naam van je werkgever in.")},
    )
    begonnen_op = forms.DateField(
        label=_("Wanneer begin je (of ben je begonnen)?"),
        help_text=_("Bijvoorbeeld 1-3-2026."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Vul de datum in waarop je begint."),
            "invalid": _("Vul een datum in, bijvoorbeeld 1-3-2026."),
        },
    )
    oproepcontract = forms.BooleanField(
        label=_("Ik heb een oproepcontract of nulurencontract (geen vaste uren)"), required=False
    )
    uren_per_week = forms.DecimalField(
        label=_("Hoeveel uur per week werk je volgens je contract?"),
        help_text=_("Heb je een oproepcontract? Dan mag je dit leeg laten."),
        required=False,
        min_value=Decimal(0),
        max_value=MAX_UREN,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),  # a number keyboard on a phone
        error_messages={
            "invalid": _("Vul een aantal uren in, bijvoorbeeld 12."),
            "min_value": _("Vul een aantal uren per week in tussen 0 en 60."),
            "max_value": _("Vul een aantal uren per week in tussen 0 en 60."),
        },
    )
    bruto_uurloon = forms.DecimalField(
        label=_("Wat is je bruto uurloon in euro?"),
        help_text=_("Dit staat in je contract, bijvoorbeeld 14,40."),
        min_value=Decimal(0),
        max_value=MAX_UURLOON,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),  # a number keyboard on a phone
        error_messages={
            "required": _("Vul je bruto uurloon in, bijvoorbeeld 14,40."),
            "invalid": _("Vul een bedrag in, bijvoorbeeld 14,40."),
            "min_value": _("Vul een bruto uurloon in tussen € 0 en € 500, bijvoorbeeld 14,40."),
            "max_value": _("Vul een bruto uurloon in tussen € 0 en € 500, bijvoorbeeld 14,40."),
            "max_decimal_places": _("Vul het bedrag in met hoogstens 2 cijfers achter de komma."),
        },
    )
    loonperiode = forms.ChoiceField(
        label=_("Hoe vaak krijg je loon?"),
        # A select, not radio buttons: one label that belongs to one control (screen readers).
        choices=[("", _("Kies hoe vaak")), *Loonperiode.choices],
        error_messages={"required": _("Kies of je loon per maand of per vier weken krijgt.")},
    )
    contractsoort = forms.ChoiceField(
        label=_("Wat voor contract heb je? (mag je leeg laten)"),
        choices=[("", _("Weet ik niet")), *Contractsoort.choices],
        required=False,
    )
    einde_op = forms.DateField(
        label=_("Tot wanneer loopt je contract? (mag je leeg laten)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 1-3-2027.")},
    )

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        geen_uren = d.get("uren_per_week") is None and "uren_per_week" not in self.errors
        if geen_uren and not d.get("oproepcontract"):
            self.add_error(
                "uren_per_week", _("Vul in hoeveel uur per week je werkt, of kies oproepcontract.")
            )
        begin, einde = d.get("begonnen_op"), d.get("einde_op")
        if begin and einde and einde < begin:
            self.add_error("einde_op", _("De einddatum moet na de startdatum liggen."))
        return d

    def gegevens(self) -> dict[str, Any]:
        """The model's fields from the cleaned form (the employer is a name)."""
        d = self.cleaned_data
        return {
            "werkgever_naam": d["werkgever"],
            "begonnen_op": d["begonnen_op"],
            "oproepcontract": d["oproepcontract"],
            "uren_per_week": d["uren_per_week"],
            "bruto_uurloon": d["bruto_uurloon"],
            "loonperiode": d["loonperiode"],
            "contractsoort": d["contractsoort"],
            "einde_op": d["einde_op"],
        }


class BaanWijzigenFormulier(forms.Form):
    """Hours or wage changed, or the job ends. Prefilled with what we know (never ask twice)."""

    uren_per_week = forms.DecimalField(
        label=_("Hoeveel uur per week werk je nu volgens je contract?"),
        required=False,
        min_value=Decimal(0),
        max_value=MAX_UREN,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "invalid": _("Vul een aantal uren in, bijvoorbeeld 12."),
            "min_value": _("Vul een aantal uren per week in tussen 0 en 60."),
            "max_value": _("Vul een aantal uren per week in tussen 0 en 60."),
        },
    )
    bruto_uurloon = forms.DecimalField(
        label=_("Wat is je bruto uurloon nu, in euro?"),
        min_value=Decimal(0),
        max_value=MAX_UURLOON,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "required": _("Vul je bruto uurloon in, bijvoorbeeld 14,40."),
            "invalid": _("Vul een bedrag in, bijvoorbeeld 14,40."),
            "min_value": _("Vul een bruto uurloon in tussen € 0 en € 500, bijvoorbeeld 14,40."),
            "max_value": _("Vul een bruto uurloon in tussen € 0 en € 500, bijvoorbeeld 14,40."),
            "max_decimal_places": _("Vul het bedrag in met hoogstens 2 cijfers achter de komma."),
        },
    )
    ingaand_op = forms.DateField(
        label=_("Vanaf wanneer is dit zo?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de datum in waarop het verandert."),
            "invalid": _("Vul een datum in, bijvoorbeeld 1-3-2026."),
        },
    )
    einde_op = forms.DateField(
        label=_("Stopt je baan? Wat is je laatste werkdag? (mag je leeg laten)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 1-3-2027.")},
    )

    def __init__(self, *args: Any, oproep: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if oproep:
            del self.fields["uren_per_week"]


class ContractFormulier(forms.Form):
    bestand = forms.FileField(
        label=_("Je arbeidscontract (PDF of foto)"),
        help_text=_("Een PDF, of een foto (JPG of PNG) van elke bladzijde. Hooguit 5 MB."),
        error_messages={
            "required": _("Kies het bestand van je contract."),
            "empty": _("Dit bestand is leeg. Kies een ander bestand."),
        },
    )


class NotitieFormulier(forms.Form):
    notitie = forms.CharField(
        label=_("Hoe ging het? (mag je leeg laten)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Schrijf hooguit 2000 tekens.")},
    )


class MoeilijkeStartFormulier(forms.Form):
    toelichting = forms.CharField(
        label=_("Wat is er moeilijk? (mag je leeg laten)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Schrijf hooguit 2000 tekens.")},
    )


class ContractControleFormulier(forms.Form):
    aandachtspunten = forms.MultipleChoiceField(
        label=_("Let op (kies wat voor je klant belangrijk is)"),
        choices=Aandachtspunt.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opmerking = forms.CharField(
        label=_("Je opmerking voor de klant"),
        help_text=_("Vriendelijk en kort. De klant leest dit in de app."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf een korte opmerking voor je klant, ook als alles goed is."),
            "max_length": _("Schrijf hooguit 2000 tekens."),
        },
    )

"""Forms of the income desk: settle (as declared or corrected, with a reason) and ask for more."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Status
from .services import MAX_NETTO_PER_MAAND, MAX_UREN_PER_MAAND


def _bedrag(label: Any, voorbeeld: str, *, verplicht: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=Decimal(0),
        max_value=MAX_NETTO_PER_MAAND,
        decimal_places=2,
        localize=True,
        required=verplicht,
        error_messages={
            "required": _("Vul een bedrag in, bijvoorbeeld %(v)s.") % {"v": voorbeeld},
            "invalid": _("Vul een bedrag in, bijvoorbeeld %(v)s.") % {"v": voorbeeld},
            "min_value": _("Een bedrag kan niet negatief zijn."),
            "max_value": _("Dit bedrag is te hoog voor een maandloon."),
            "max_decimal_places": _("Gebruik hoogstens 2 cijfers achter de komma."),
        },
    )


class VerrekenFormulier(forms.Form):
    """Pre-filled with the declared figures: change one to correct it, then a reason is needed."""

    netto_loon = _bedrag(_("Netto loon in euro"), "612,40")
    bruto_loon = _bedrag(_("Bruto loon in euro"), "812,50", verplicht=False)
    uren = forms.DecimalField(
        label=_("Gewerkte uren in de maand"),
        min_value=Decimal(0),
        max_value=MAX_UREN_PER_MAAND,
        decimal_places=2,
        localize=True,
        error_messages={
            "required": _("Vul het aantal uren in, bijvoorbeeld 48."),
            "invalid": _("Vul het aantal uren in als getal, bijvoorbeeld 48."),
            "min_value": _("Het aantal uren kan niet negatief zijn."),
            "max_value": _("Vul een aantal uren in tussen 0 en 744."),
            "max_decimal_places": _("Gebruik hoogstens 2 cijfers achter de komma."),
        },
    )
    reden = forms.CharField(
        label=_("Reden van de aanpassing"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen als je een cijfer aanpast. De klant leest deze reden."),
    )


class AanvullingFormulier(forms.Form):
    ontbreekt = forms.CharField(
        label=_("Wat missen we nog?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Schrijf precies wat de klant moet sturen. De klant leest dit."),
        error_messages={"required": _("Schrijf precies wat er ontbreekt.")},
    )


STATUS_KEUZES = [
    ("open", _("Nog te doen")),
    *Status.choices,
    ("alle", _("Alle")),
]


class WachtrijFilter(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_KEUZES, required=False)
    maand = forms.RegexField(
        label=_("Maand (JJJJ-MM)"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        required=False,
        error_messages={"invalid": _("Vul de maand in als JJJJ-MM, bijvoorbeeld 2026-11.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2026-11"}),
    )

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opstap.inkomen.varianten import REGEL_NAMEN
from opstap.web.geld import euro
from opstap.werkgevers.models import Vacature


class VacatureKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]  # Django has no runtime generics here
    def label_from_instance(self, obj: Vacature) -> str:
        if obj.uren_per_week_min == obj.uren_per_week_max:
            uren = f"{obj.uren_per_week_min} uur"
        else:
            uren = f"{obj.uren_per_week_min}–{obj.uren_per_week_max} uur"
        return f"{obj.titel} — {obj.werkgever.naam} ({uren}, {euro(obj.bruto_uurloon)} per uur)"


class WatAlsFormulier(forms.Form):
    """What if: another hourly wage, a number of hours, or a specific job offer (B2/B3)."""

    vacature = VacatureKeuze(
        queryset=Vacature.objects.none(),
        required=False,
        label=_("Een vacature doorrekenen"),
        empty_label=_("Geen: zelf invullen"),
        help_text=_("Kies een baan om te zien wat die voor je inkomen betekent."),
    )
    bruto_uurloon = forms.DecimalField(
        label=_("Bruto uurloon in euro"),
        min_value=Decimal("1"),
        max_value=Decimal("100"),
        decimal_places=2,
        required=False,
        localize=True,
        help_text=_("Staat op je loonstrook of in de vacature. Leeg: het minimumloon."),
        error_messages={
            "invalid": _("Vul een bedrag in, bijvoorbeeld 15,50."),
            "min_value": _("Het uurloon is minstens 1 euro."),
            "max_value": _("Het uurloon is hoogstens 100 euro."),
            "max_decimal_places": _("Gebruik hoogstens 2 cijfers achter de komma."),
        },
    )
    uren = forms.IntegerField(
        label=_("Uren per week"),
        min_value=0,
        max_value=40,
        required=False,
        help_text=_("Dit aantal uren lichten we uit in de grafiek en de tabel."),
        error_messages={
            "invalid": _("Vul een heel aantal uren in, van 0 tot 40."),
            "min_value": _("Vul een aantal uren in van 0 tot 40."),
            "max_value": _("Vul een aantal uren in van 0 tot 40."),
        },
    )

    variant = forms.ChoiceField(
        label=_("Vergelijk met een beleidsvariant"),
        required=False,
        choices=[("", _("Geen: alleen de regels van nu"))] + list(REGEL_NAMEN.items()),
        help_text=_(
            "Alleen voor medewerkers: dezelfde berekening onder een andere regel, ernaast."
        ),
    )

    def __init__(
        self, *args: Any, gemeente_id: int, met_variant: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not met_variant:
            del self.fields["variant"]
        veld = self.fields["vacature"]
        assert isinstance(veld, VacatureKeuze)
        veld.queryset = Vacature.objects.filter(gemeente_id=gemeente_id, open=True).select_related(
            "werkgever"
        )


class VastleggenFormulier(forms.Form):
    """Keep the calculation on screen with the purpose it serves (an advice, a decision)."""

    bruto_uurloon = forms.DecimalField(
        min_value=Decimal("1"), max_value=Decimal("100"), decimal_places=2, widget=forms.HiddenInput
    )
    uren = forms.IntegerField(min_value=0, max_value=40, widget=forms.HiddenInput)
    doel = forms.CharField(
        label=_("Waarvoor leg je deze berekening vast?"),
        max_length=200,
        help_text=_(
            "Bijvoorbeeld: advies over een baan van 20 uur, of besluit inkomensvrijlating."
        ),
        error_messages={"required": _("Schrijf kort waarvoor je de berekening vastlegt.")},
    )

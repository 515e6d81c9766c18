from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from opstap.inkomen.rekendatum import rekendatum
from opstap.inkomen.varianten import REGEL_NAMEN
from opstap.klanten.keuzes import TREDE_GROEP
from regels.parameterboom import parameterboom

from .models import Aanpak


def _parameter_keuzes() -> list[tuple[str, str | Promise]]:
    boom = parameterboom()
    return [("", _("Geen: alleen de regel hierboven"))] + [
        (pad, f"{par.beschrijving} ({par.eenheid}) — {pad}") for pad, par in sorted(boom.items())
    ]


class DoorrekeningFormulier(forms.Form):
    """Start a recalculation of the whole caseload, optionally with a policy variant (B4)."""

    peildatum = forms.DateField(
        label=_("Peildatum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("De regels en bedragen die op deze dag gelden."),
        error_messages={
            "invalid": _("Vul een datum in, bijvoorbeeld 1-7-2026."),
            "required": _("Vul de peildatum in: de dag waarvan de regels gelden."),
        },
    )
    bruto_uurloon = forms.DecimalField(
        label=_("Bruto uurloon in euro"),
        required=False,
        min_value=Decimal("1"),
        max_value=Decimal("100"),
        decimal_places=2,
        localize=True,
        help_text=_("Leeg: het wettelijk minimumloon op de peildatum."),
        error_messages={
            "invalid": _("Vul een bedrag in, bijvoorbeeld 15,50."),
            "min_value": _("Het uurloon is minstens 1 euro."),
            "max_value": _("Het uurloon is hoogstens 100 euro."),
        },
    )
    variant_regel = forms.ChoiceField(
        label=_("Andere regel (beleidsvariant)"),
        required=False,
        choices=[("", _("Geen andere regel"))] + [(k, v) for k, v in REGEL_NAMEN.items()],
    )
    variant_parameter = forms.ChoiceField(
        label=_("Een bedrag of percentage anders"), required=False
    )
    variant_waarde = forms.DecimalField(
        label=_("Nieuwe waarde"),
        required=False,
        localize=True,
        max_digits=12,
        decimal_places=4,
        help_text=_("In de eenheid van de gekozen parameter. Percentages als getal: 25 is 25%."),
        error_messages={"invalid": _("Vul een getal in, bijvoorbeeld 25 of 1401,50.")},
    )
    variant_naam = forms.CharField(
        label=_("Naam van de variant"),
        required=False,
        max_length=100,
        help_text=_("Bijvoorbeeld: vrijlating 35% in plaats van 25%."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["variant_parameter"].choices = _parameter_keuzes()  # type: ignore[attr-defined]
        if not self.is_bound:
            # Today, or the engine's last known date when this year's amounts are not known yet.
            self.initial.setdefault("peildatum", rekendatum().datum)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        parameter, waarde = data.get("variant_parameter"), data.get("variant_waarde")
        if parameter and waarde is None and "variant_waarde" not in self.errors:
            self.add_error(
                "variant_waarde", _("Vul de nieuwe waarde in voor de gekozen parameter.")
            )
        if waarde is not None and not parameter:
            self.add_error("variant_parameter", _("Kies welke parameter de nieuwe waarde krijgt."))
        return data

    def variant(self) -> tuple[str, str, dict[str, float]]:
        """(name, rule, parameter overrides) of the valid form."""
        d = self.cleaned_data
        parameters = (
            {d["variant_parameter"]: float(d["variant_waarde"])}
            if d.get("variant_parameter")
            else {}
        )
        naam = d.get("variant_naam") or ""
        if not naam and (d.get("variant_regel") or parameters):
            delen = [str(REGEL_NAMEN[d["variant_regel"]])] if d.get("variant_regel") else []
            delen += [f"{k} = {v:g}" for k, v in parameters.items()]
            naam = "; ".join(delen)[:100]
        return naam, d.get("variant_regel") or "", parameters

    @property
    def gekozen_peildatum(self) -> date:
        return self.cleaned_data["peildatum"]  # type: ignore[no-any-return]


class StudieFormulier(forms.Form):
    """The study's method with your own numbers (GET: nothing is stored)."""

    bijstand = forms.IntegerField(
        label=_("Klanten in de bijstand"),
        min_value=0,
        max_value=10_000_000,
        error_messages={
            "invalid": _("Vul een heel getal in, bijvoorbeeld 41000."),
            "required": _("Vul in hoeveel klanten in de bijstand zitten."),
        },
    )
    trede34 = forms.IntegerField(
        label=_("Klanten in trede 3 en 4 (de doelgroep)"),
        min_value=0,
        max_value=10_000_000,
        error_messages={
            "invalid": _("Vul een heel getal in, bijvoorbeeld 6200."),
            "required": _("Vul in hoeveel klanten in trede 3 en 4 zitten."),
        },
    )
    parttimers = forms.IntegerField(
        label=_("Daarvan werken al parttime"),
        min_value=0,
        max_value=10_000_000,
        error_messages={
            "invalid": _("Vul een heel getal in, bijvoorbeeld 825."),
            "required": _("Vul in hoeveel klanten al parttime werken (0 mag)."),
        },
    )
    maandloon = forms.DecimalField(
        label=_("Gemiddelde parttime verdiensten per maand in euro"),
        min_value=Decimal("0"),
        max_value=Decimal("10000"),
        decimal_places=2,
        localize=True,
        help_text=_("De studie rekent met 523 euro (Divosa, 2015)."),
        error_messages={
            "invalid": _("Vul een bedrag in, bijvoorbeeld 523."),
            "required": _("Vul de gemiddelde parttime verdiensten per maand in, bijvoorbeeld 523."),
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        b, t, p = data.get("bijstand"), data.get("trede34"), data.get("parttimers")
        if b is not None and t is not None and t > b:
            self.add_error("trede34", _("De doelgroep kan niet groter zijn dan de bijstand."))
        if t is not None and p is not None and p > t:
            self.add_error("parttimers", _("Er kunnen niet meer parttimers zijn dan de doelgroep."))
        return data


# Lazy, so the labels follow the language of each request (an f-string would fix them in Dutch).
TREDE_KEUZES = [(str(g), format_lazy("{}: {}", g, label)) for g, label in TREDE_GROEP.items()]


class BesparingFormulier(DoorrekeningFormulier):
    """Start the engine's estimate of what potential part-timers save (a background job)."""

    treden = forms.MultipleChoiceField(
        label=_("Treden van de doelgroep"),
        choices=TREDE_KEUZES,
        widget=forms.CheckboxSelectMultiple,
        initial=["3", "4"],
        error_messages={"required": _("Kies minstens één trede.")},
    )
    uren = forms.CharField(
        label=_("Uren werk per week om door te rekenen"),
        initial="8, 12, 16, 20, 24",
        max_length=60,
        help_text=_("Gehele uren van 1 tot 40, gescheiden door komma's."),
        error_messages={"required": _("Vul minstens één aantal uren in, bijvoorbeeld 16.")},
    )
    maandloon_studie = forms.DecimalField(
        label=_("Gemiddelde parttime verdiensten per maand (de methode van de studie)"),
        initial=Decimal("523"),
        min_value=Decimal("0"),
        max_value=Decimal("10000"),
        decimal_places=2,
        localize=True,
        help_text=_("523 euro: Divosa, 2015."),
        error_messages={
            "invalid": _("Vul een bedrag in, bijvoorbeeld 523."),
            "required": _("Vul de gemiddelde parttime verdiensten per maand in, bijvoorbeeld 523."),
        },
    )

    def clean_uren(self) -> list[int]:
        tekst = self.cleaned_data["uren"]
        try:
            uren = sorted({int(u.strip()) for u in tekst.split(",") if u.strip()})
        except ValueError:
            raise forms.ValidationError(
                _("Vul gehele uren in, gescheiden door komma's, bijvoorbeeld 8, 16, 24.")
            ) from None
        if not uren or any(u < 1 or u > 40 for u in uren) or len(uren) > 10:
            raise forms.ValidationError(_("Kies 1 tot 10 aantallen uren, elk van 1 tot 40."))
        return uren


class AanpakFormulier(forms.Form):
    soort = forms.ChoiceField(
        label=_("Aanpak"),
        choices=Aanpak.Soort.choices,
        widget=forms.RadioSelect,
        help_text=_("Alleen geteld in de cijfers voor beleid, nooit per klant."),
        error_messages={
            "required": _("Kies de aanpak: regulier of maatwerk."),
            "invalid_choice": _("Kies de aanpak: regulier of maatwerk."),
        },
    )

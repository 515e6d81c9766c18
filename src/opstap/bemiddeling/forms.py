"""Forms only collect and type the input; the rules live in services (InvoerFout lands on the form)."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from opstap.contact.services import InvoerFout
from opstap.klanten.models import Klant
from opstap.web.formulieren import DatumInvoer, MomentInvoer, TijdInvoer, getal_veld
from opstap.werkgevers.models import Gegeven, Vacature, Werkgever

from .models import PlaatsSoort, PlaatsStatus, Uitkomst


class Formulier(forms.Form):
    def fout_tonen(self, fout: InvoerFout) -> None:
        """A service's kind message on its field (or on top), keeping what was typed."""
        self.add_error(fout.veld if fout.veld in self.fields else None, str(fout))


def _moment_veld(label: Any) -> forms.DateTimeField:
    """Day and time in one picker (typed by hand as 12-3-2026 10:00 where there is no picker)."""
    return forms.DateTimeField(
        label=label,
        widget=MomentInvoer(),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
        error_messages={
            "required": _("Vul dag en tijd in."),
            "invalid": _("Vul dag en tijd in, bijvoorbeeld 12-3-2026 10:00."),
        },
    )


def _vacatures_tonen(veld: forms.Field, vacatures: QuerySet[Vacature]) -> None:
    """Open vacancies to choose from, each shown with its employer."""
    veld.queryset = vacatures  # type: ignore[attr-defined]
    veld.label_from_instance = lambda v: f"{v.titel} ({v.werkgever.naam})"  # type: ignore[attr-defined]


def _gegevens_veld(label: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=Gegeven.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies wat de werkgever mag zien: minstens één gegeven.")},
    )


class ToestemmingFormulier(Formulier):
    werkgever = forms.ModelChoiceField(
        label=_("Welke werkgever mag iets van je zien?"),
        queryset=Werkgever.objects.none(),
        empty_label=_("Kies een werkgever"),
        error_messages={"required": _("Kies een werkgever uit de lijst.")},
    )
    vacature = forms.ModelChoiceField(
        label=_("Voor welke vacature? (mag leeg blijven)"),
        queryset=Vacature.objects.none(),
        required=False,
        empty_label=_("Geen bepaalde vacature"),
    )
    gegevens = _gegevens_veld(_("Wat mag deze werkgever zien?"))

    def __init__(
        self,
        *args: Any,
        werkgevers: QuerySet[Werkgever],
        vacatures: QuerySet[Vacature],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["werkgever"].queryset = werkgevers  # type: ignore[attr-defined]
        _vacatures_tonen(self.fields["vacature"], vacatures)


class ProfielFormulier(Formulier):
    beschikbaarheid = forms.CharField(
        label=_("Wanneer kun je werken?"),
        help_text=_("Bijvoorbeeld: maandag tot en met donderdag, 9 tot 14 uur, 16 uur per week."),
        required=False,
        max_length=300,
    )
    cv = forms.CharField(
        label=_("Je werkervaring en opleiding in het kort (cv)"),
        help_text=_("Een paar regels is genoeg. Je kiest zelf met wie je dit deelt."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class VoorstelFormulier(Formulier):
    klant = forms.ModelChoiceField(
        label=_("Welke klant stel je voor?"),
        queryset=Klant.objects.none(),
        empty_label=_("Kies een klant"),
        error_messages={"required": _("Kies een klant.")},
    )
    vacature = forms.ModelChoiceField(
        label=_("Voor welke vacature?"),
        queryset=Vacature.objects.none(),
        empty_label=_("Kies een vacature"),
        error_messages={"required": _("Kies een open vacature uit de lijst.")},
    )
    gegevens = _gegevens_veld(_("Welke gegevens stel je voor om te delen?"))
    toelichting = forms.CharField(
        label=_("Waarom past deze vacature? (de klant leest dit)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self, *args: Any, klanten: QuerySet[Klant], vacatures: QuerySet[Vacature], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["klant"].queryset = klanten  # type: ignore[attr-defined]
        self.fields["klant"].label_from_instance = lambda k: k.naam  # type: ignore[attr-defined]
        _vacatures_tonen(self.fields["vacature"], vacatures)


class TerugkoppelingFormulier(Formulier):
    uitkomst = forms.ChoiceField(
        label=_("Wat is de uitkomst?"),
        choices=Uitkomst.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of u de kandidaat aanneemt of niet.")},
    )
    goed = forms.CharField(
        label=_("Wat ging goed?"),
        help_text=_("De kandidaat leest dit. Schrijf vriendelijk en concreet."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf ook op wat goed ging. De kandidaat leest dit.")},
    )
    tip = forms.CharField(
        label=_("Een tip voor de volgende keer (mag leeg blijven)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProefdagAanvraagFormulier(Formulier):
    wens = forms.CharField(
        label=_("Wat wil je over de proefdag zeggen? (mag leeg blijven)"),
        help_text=_("Bijvoorbeeld: liever op dinsdag of donderdag, tussen 9 en 14 uur."),
        required=False,
        max_length=500,
    )


class ProefdagPlanFormulier(Formulier):
    datum = forms.DateField(
        label=_("Datum"),
        widget=DatumInvoer(),
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een datum in, bijvoorbeeld 12-3-2026."),
        },
    )
    begin = forms.TimeField(
        label=_("Begintijd"),
        widget=TijdInvoer(),
        error_messages={"required": _("Vul de begintijd in."), "invalid": _("Bijvoorbeeld 9:00.")},
    )
    einde = forms.TimeField(
        label=_("Eindtijd"),
        widget=TijdInvoer(),
        error_messages={"required": _("Vul de eindtijd in."), "invalid": _("Bijvoorbeeld 13:00.")},
    )
    plaats = forms.CharField(
        label=_("Waar?"),
        max_length=200,
        error_messages={"required": _("Schrijf op waar de proefdag is.")},
    )
    meenemen = forms.CharField(
        label=_("Wat neemt de kandidaat mee? (mag leeg blijven)"),
        required=False,
        max_length=500,
    )


class WerkwijzeFormulier(Formulier):
    proces = forms.CharField(
        label=_("Hoe gaat het bij u, van kennismaking tot besluit?"),
        help_text=_("Kandidaten lezen dit ter voorbereiding."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    oefenvragen = forms.CharField(
        label=_("Vragen die u vaak stelt (één per regel)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MomentFormulier(Formulier):
    gepland_op = _moment_veld(_("Wanneer?"))
    onderwerp = forms.CharField(
        label=_("Waarover gaat het gesprek?"),
        max_length=200,
        error_messages={"required": _("Schrijf waarover het gesprek gaat.")},
    )


class VerslagFormulier(Formulier):
    verslag = forms.CharField(
        label=_("Wat hebben jullie afgesproken? (werkgever en klant lezen dit)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort op wat jullie afspraken.")},
    )


class BijeenkomstFormulier(Formulier):
    titel = forms.CharField(
        label=_("Naam van de bijeenkomst"),
        max_length=150,
        error_messages={"required": _("Geef de bijeenkomst een naam.")},
    )
    omschrijving = forms.CharField(
        label=_("Wat gaan we doen?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    begint_op = _moment_veld(_("Wanneer?"))
    plaats = forms.CharField(
        label=_("Waar?"),
        max_length=200,
        error_messages={"required": _("Schrijf op waar de bijeenkomst is.")},
    )
    max_deelnemers = getal_veld(
        _("Hoeveel klanten kunnen meedoen?"),
        1,
        500,
        initial=20,
        buiten_bereik=_("Vul een getal in tussen 1 en 500."),
        leeg=_("Vul in hoeveel klanten mee kunnen doen, bijvoorbeeld 20."),
        ongeldig=_("Vul een getal in, bijvoorbeeld 20."),
    )
    werkgevers = forms.ModelMultipleChoiceField(
        label=_("Welke werkgevers doen mee?"),
        queryset=Werkgever.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, werkgevers: QuerySet[Werkgever], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["werkgevers"].queryset = werkgevers  # type: ignore[attr-defined]


class VervolgFormulier(Formulier):
    werkgever = forms.ModelChoiceField(
        label=_("Met welke werkgever?"),
        queryset=Werkgever.objects.none(),
        empty_label=_("Kies een werkgever"),
        error_messages={"required": _("Kies een werkgever die meedeed.")},
    )
    tekst = forms.CharField(
        label=_("Wat is het vervolg?"),
        max_length=1000,
        error_messages={"required": _("Schrijf op wat het vervolg is.")},
    )

    def __init__(self, *args: Any, werkgevers: QuerySet[Werkgever], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["werkgever"].queryset = werkgevers  # type: ignore[attr-defined]


class PlaatsFormulier(Formulier):
    soort = forms.ChoiceField(
        label=_("Soort plaats"),
        choices=PlaatsSoort.choices,
        error_messages={"required": _("Kies werkervaringsplaats of proefplaatsing.")},
    )
    titel = forms.CharField(
        label=_("Wat voor werk?"),
        max_length=150,
        error_messages={"required": _("Schrijf op wat voor werk het is.")},
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving (mag leeg blijven)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    uren_per_week = getal_veld(
        _("Uren per week"),
        1,
        40,
        initial=16,
        buiten_bereik=_("Vul een aantal uren per week in tussen 1 en 40."),
        leeg=_("Vul een aantal uren per week in tussen 1 en 40."),
    )


class PlaatsBezettenFormulier(Formulier):
    klant = forms.ModelChoiceField(
        label=_("Klant"),
        queryset=Klant.objects.none(),
        required=False,
        empty_label=_("Nog niemand"),
    )
    begin = forms.DateField(label=_("Start"), required=False, widget=DatumInvoer())
    einde = forms.DateField(label=_("Einde"), required=False, widget=DatumInvoer())
    status = forms.ChoiceField(
        label=_("Status"),
        choices=PlaatsStatus.choices,
        error_messages={"required": _("Kies een status.")},
    )

    def __init__(self, *args: Any, klanten: QuerySet[Klant], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["klant"].queryset = klanten  # type: ignore[attr-defined]
        self.fields["klant"].label_from_instance = lambda k: k.naam  # type: ignore[attr-defined]

"""Forms only collect and type the input; the rules live in services and accounts.toegang."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from opstap.accounts.models import Gebruiker
from opstap.web.formulieren import DatumInvoer

from .models import MAX_TEKST, ActieStatus, Code, Onderwerp


class BijdrageFormulier(forms.Form):
    onderwerp = forms.ChoiceField(
        label=_("Waar gaat je ervaring over?"),
        choices=Onderwerp.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waar je ervaring over gaat.")},
    )
    tekst = forms.CharField(
        label=_("Je ervaring"),
        help_text=_(
            "Schrijf wat je meemaakte en wat je ervan vond. Namen, adressen en nummers halen we "
            "eruit voordat iemand anders het leest. Je ziet eerst wat er gedeeld wordt."
        ),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Schrijf eerst je ervaring op."),
            "max_length": _("Je tekst is te lang. Het mag hoogstens 5000 tekens zijn."),
        },
    )
    in_plaats_van_sollicitatie = forms.BooleanField(
        label=_("Laat dit tellen als een sollicitatie"),
        help_text=_("Alleen als je contactpersoon zei dat dit mag. Die geeft er akkoord op."),
        required=False,
    )


class VersturenFormulier(forms.Form):
    gedeelde_tekst = forms.CharField(
        label=_("Dit wordt gedeeld"),
        help_text=_(
            "Dit is precies de tekst die anderen lezen. Je kunt hem nog aanpassen. "
            "Woorden tussen [ ] staan in de plaats van een naam, adres of nummer."
        ),
        max_length=MAX_TEKST + 1000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Er is geen tekst om te delen.")},
    )


class ModeratieFormulier(forms.Form):
    tekst = forms.CharField(
        label=_("Gedeelde tekst"),
        help_text=_(
            "Haal weg wat iemand toch herkenbaar maakt, of zet er bijvoorbeeld [PERSOON] voor in de plaats."
        ),
        max_length=MAX_TEKST + 1000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("De tekst mag niet leeg zijn.")},
    )
    opmerking = forms.CharField(
        label=_("Opmerking voor de klant (bij terugsturen)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CodeerFormulier(forms.Form):
    zinnen = forms.MultipleChoiceField(
        label=_("Kies een of meer zinnen"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies een of meer zinnen.")},
    )
    code = forms.ModelChoiceField(
        label=_("Code"),
        queryset=Code.objects.none(),
        empty_label=_("Kies een code"),
        error_messages={"required": _("Kies een code.")},
    )
    memo = forms.CharField(
        label=_("Memo (mag leeg blijven)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        zinnen: list[tuple[int, int]],
        tekst: str,
        codes: QuerySet[Code],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.spans = zinnen
        self.fields["zinnen"].choices = [  # type: ignore[attr-defined]
            (str(i), tekst[b:e]) for i, (b, e) in enumerate(zinnen)
        ]
        self.fields["code"].queryset = codes  # type: ignore[attr-defined]

    def gekozen_spans(self) -> list[tuple[int, int]]:
        """The chosen sentences, neighbours joined into one span."""
        gekozen = sorted(int(i) for i in self.cleaned_data["zinnen"])
        spans: list[tuple[int, int]] = []
        vorige = -2
        for i in gekozen:
            b, e = self.spans[i]
            if spans and i == vorige + 1:
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((b, e))
            vorige = i
        return spans


class CodeFormulier(forms.Form):
    naam = forms.CharField(
        label=_("Naam van de code"),
        max_length=60,
        error_messages={"required": _("Geef de code een naam.")},
    )
    omschrijving = forms.CharField(label=_("Wat valt eronder?"), required=False, max_length=500)


class SessieFormulier(forms.Form):
    titel = forms.CharField(
        label=_("Titel"),
        max_length=120,
        error_messages={"required": _("Geef de bijeenkomst een titel.")},
    )
    datum = forms.DateField(
        label=_("Datum"),
        widget=DatumInvoer(),
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
    codes = forms.ModelMultipleChoiceField(
        label=_("Thema's in het pakket (leeg: alle)"),
        queryset=Code.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, codes: QuerySet[Code], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["codes"].queryset = codes  # type: ignore[attr-defined]


class ConclusiesFormulier(forms.Form):
    conclusies = forms.CharField(
        label=_("Conclusies van de bijeenkomst"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ActieFormulier(forms.Form):
    omschrijving = forms.CharField(
        label=_("Actie"), max_length=300, error_messages={"required": _("Beschrijf de actie.")}
    )
    eigenaar = forms.ModelChoiceField(
        label=_("Wie pakt het op?"),
        queryset=Gebruiker.objects.none(),
        empty_label=_("Kies een collega"),
        error_messages={"required": _("Kies wie de actie oppakt.")},
    )
    uiterlijk = forms.DateField(
        label=_("Klaar op"),
        widget=DatumInvoer(),
        error_messages={
            "required": _("Vul in wanneer het klaar moet zijn."),
            "invalid": _("Vul een geldige datum in."),
        },
    )

    def __init__(self, *args: Any, collegas: QuerySet[Gebruiker], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = collegas  # type: ignore[attr-defined]
        self.fields["eigenaar"].label_from_instance = lambda g: g.weergavenaam  # type: ignore[attr-defined]


class ActieStatusFormulier(forms.Form):
    actie_id = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActieStatus.choices,
        error_messages={"required": _("Kies de status van de actie.")},
    )

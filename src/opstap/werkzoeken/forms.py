"""Forms only collect and type the input; the rules (upload type and size, the duty's bounds) live
in services."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opstap.web.formulieren import DatumInvoer, getal_veld

from .models import ActiviteitSoort, StemmingScore, StukSoort, Uitkomst
from .services import MAX_AANTAL, MAX_PERIODE_WEKEN

BESTAND_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
DOEL_KEUZES = [
    ("taal", _("Taal oefenen")),
    ("ritme", _("Ritme en structuur")),
    ("vaardigheden", _("Nieuwe dingen leren")),
    ("netwerk", _("Mensen leren kennen")),
]


class ActiviteitForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Wat heb je gedaan?"),
        choices=[("", _("Kies wat je deed")), *ActiviteitSoort.choices],
        error_messages={"required": _("Kies wat voor activiteit het was.")},
    )
    datum = forms.DateField(
        label=_("Wanneer?"),
        widget=DatumInvoer(),
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een datum in, bijvoorbeeld 1-3-2026."),
        },
    )
    omschrijving = forms.CharField(
        label=_("Wat deed je? (kort)"),
        max_length=500,
        help_text=_("Bijvoorbeeld: 'Gesolliciteerd als kassamedewerker bij de Jumbo'."),
        error_messages={"required": _("Schrijf in een paar woorden wat je deed.")},
    )
    uren = forms.DecimalField(
        label=_("Hoeveel uur? (bij vrijwilligerswerk of mantelzorg, mag leeg)"),
        required=False,
        min_value=0,
        max_value=80,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"invalid": _("Vul een aantal uren in, bijvoorbeeld 4.")},
    )
    uitkomst = forms.ChoiceField(
        label=_("Hoe liep het af? (mag later)"),
        choices=Uitkomst.choices,
        required=False,
    )
    bewijs = forms.FileField(
        label=_("Bewijs (mag leeg blijven)"),
        required=False,
        help_text=_("Een foto of PDF, bijvoorbeeld een mail van de werkgever. Nooit verplicht."),
        widget=forms.ClearableFileInput(attrs={"accept": BESTAND_ACCEPT}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["datum"].initial = timezone.localdate()


class AfwijzingForm(forms.Form):
    evaluatie = forms.BooleanField(
        label=_("Ik wil kort met mijn contactpersoon bespreken wat er mis ging"), required=False
    )
    pauze = forms.BooleanField(label=_("Ik wil graag even een pauze"), required=False)


class PlichtForm(forms.Form):
    aantal = getal_veld(
        _("Aantal activiteiten per periode"),
        0,
        MAX_AANTAL,
        buiten_bereik=_("Kies een aantal tussen 0 en 30."),
        leeg=_("Vul een aantal in."),
        ongeldig=_("Vul een heel getal in."),
    )
    periode_weken = getal_veld(
        _("Periode in weken"),
        1,
        MAX_PERIODE_WEKEN,
        buiten_bereik=_("Kies een periode van 1 tot 13 weken."),
        leeg=_("Vul het aantal weken in."),
        ongeldig=_("Vul een heel getal in."),
    )
    soorten = forms.MultipleChoiceField(
        label=_("Wat telt mee?"),
        choices=ActiviteitSoort.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Het leernetwerk telt alleen mee als je dat met de klant hebt afgesproken."),
        error_messages={"required": _("Kies minstens één soort activiteit die meetelt.")},
    )
    toelichting = forms.CharField(
        label=_("Afspraak in woorden (de klant ziet dit)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VrijstellingForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom? (de klant ziet dit)"),
        max_length=300,
        help_text=_("Bijvoorbeeld: 'Je bereidt je voor op een groot sollicitatiegesprek.'"),
        error_messages={"required": _("Schrijf kort waarom, zodat de klant het ook begrijpt.")},
    )
    begin = forms.DateField(
        label=_("Vanaf"),
        widget=DatumInvoer(),
        error_messages={"required": _("Vul de begindatum in."), "invalid": _("Vul een datum in.")},
    )
    einde = forms.DateField(
        label=_("Tot en met"),
        widget=DatumInvoer(),
        error_messages={"required": _("Vul de einddatum in."), "invalid": _("Vul een datum in.")},
    )


class PauzeForm(forms.Form):
    weken = getal_veld(
        _("Hoeveel weken pauze?"),
        1,
        26,
        initial=12,
        buiten_bereik=_("Kies een pauze van 1 tot 26 weken."),
        leeg=_("Vul het aantal weken in."),
    )


class StukForm(forms.Form):
    titel = forms.CharField(
        label=_("Naam van je stuk"),
        max_length=200,
        help_text=_("Alleen voor jezelf, bijvoorbeeld 'Brief bloemenwinkel'."),
        error_messages={"required": _("Geef je stuk een naam.")},
    )
    tekst = forms.CharField(
        label=_("Je tekst"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    bestand = forms.FileField(
        label=_("Of kies een bestand (mag leeg blijven)"),
        required=False,
        help_text=_("PDF, JPG of PNG, hooguit 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": BESTAND_ACCEPT}),
    )


class VideoForm(forms.Form):
    titel = forms.CharField(
        label=_("Naam van je filmpje"),
        max_length=200,
        initial=_("Mijn filmpje"),
        error_messages={"required": _("Geef je filmpje een naam.")},
    )
    bestand = forms.FileField(
        label=_("Je filmpje"),
        widget=forms.ClearableFileInput(attrs={"accept": "video/mp4,video/webm,video/quicktime"}),
        error_messages={"required": _("Kies het filmpje op je telefoon.")},
    )


class PitchForm(forms.Form):
    tekst = forms.CharField(
        label=_("Je pitch: wie ben je en wat zoek je? (3 tot 5 zinnen)"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf een paar zinnen over jezelf.")},
    )


class ControleVraagForm(forms.Form):
    vraag = forms.CharField(
        label=_("Waar moet je contactpersoon vooral op letten? (mag leeg)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


AANTAL_OPMERKING_VELDEN = 5


class ControleForm(forms.Form):
    """Comments on passages: the words a comment is about (copied from the text) and the comment."""

    slotwoord = forms.CharField(
        label=_("Slotwoord (wat ging goed, wat is de belangrijkste tip?)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, AANTAL_OPMERKING_VELDEN + 1):
            self.fields[f"passage_{i}"] = forms.CharField(
                label=_("Opmerking %(i)s: over welke woorden? (kopieer ze uit de tekst)")
                % {"i": i},
                required=False,
                max_length=500,
            )
            self.fields[f"opmerking_{i}"] = forms.CharField(
                label=_("Opmerking %(i)s: je opmerking") % {"i": i},
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def opmerkingen(self) -> list[dict[str, str]]:
        return [
            {
                "passage": self.cleaned_data.get(f"passage_{i}", ""),
                "opmerking": self.cleaned_data.get(f"opmerking_{i}", ""),
            }
            for i in range(1, AANTAL_OPMERKING_VELDEN + 1)
        ]


class NetwerkContactForm(forms.Form):
    naam = forms.CharField(
        label=_("Naam"), max_length=100, error_messages={"required": _("Schrijf de naam.")}
    )
    hoe = forms.CharField(
        label=_("Hoe ken je deze persoon?"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: buurvrouw, oud-collega, van de sportclub."),
    )
    tip = forms.CharField(
        label=_("Hoe kan deze persoon je helpen?"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld: 'Werkt bij de thuiszorg, vragen of ze mensen zoeken.'"),
    )


class GroepstipForm(forms.Form):
    tekst = forms.CharField(
        label=_("Je tip of vacature"),
        max_length=500,
        error_messages={"required": _("Schrijf je tip of de vacature.")},
    )
    link = forms.URLField(label=_("Link (mag leeg)"), required=False, assume_scheme="https")


class StemmingForm(forms.Form):
    score = forms.ChoiceField(
        choices=StemmingScore.choices,
        error_messages={"required": _("Kies hoe het met je gaat.")},
    )
    moment = forms.CharField(required=False, max_length=12)
    gedeeld = forms.BooleanField(required=False)


SOORTEN_VOOR_STUK = [StukSoort.CV, StukSoort.BRIEF]

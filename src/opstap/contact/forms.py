"""Forms only collect and type the input; the rules (attachment type and size, B1) live in services."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opstap.accounts.models import Gebruiker
from opstap.accounts.toegang import delegatie_ontvangers
from opstap.klanten.keuzes import DREMPEL_GROEP_VAN, DrempelGroep, DrempelSoort, Fase, Trede
from opstap.klanten.models import Klant
from opstap.web.formulieren import DatumInvoer

from . import services
from .models import AanvraagStatus, DoelSoort, GesprekSoort, OverdrachtSoort, StapWie


class BerichtForm(forms.Form):
    tekst = forms.CharField(
        label=_("Je bericht"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    bijlage = forms.FileField(
        label=_("Bijlage (mag leeg blijven)"),
        required=False,
        help_text=_(
            "Een foto of PDF, bijvoorbeeld een loonstrook of brief. PDF, JPG of PNG, hooguit 5 MB."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}
        ),
    )

    def versturen(self, *, door: Gebruiker, klant: Klant) -> bool:
        """Send this valid form through the one service (services.bericht_sturen); what the user can
        fix lands on the form, with what they typed kept. True when the message is sent."""
        try:
            services.bericht_sturen(
                door=door,
                klant=klant,
                tekst=self.cleaned_data["tekst"],
                bijlage=self.cleaned_data["bijlage"],
            )
        except services.InvoerFout as fout:
            self.add_error(fout.veld if fout.veld in self.fields else None, str(fout))
            return False
        return True


class ReactieForm(forms.Form):
    tekst = forms.CharField(
        label=_("Je vraag of opmerking over dit verslag"),
        max_length=5000,
        error_messages={"required": _("Schrijf je vraag of opmerking over dit verslag.")},
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class VerslagForm(forms.Form):
    gesprek_op = forms.DateField(
        label=_("Datum van het gesprek"),
        widget=DatumInvoer(),
        error_messages={"required": _("Vul de datum van het gesprek in.")},
    )
    soort = forms.ChoiceField(
        label=_("Soort gesprek"),
        choices=GesprekSoort.choices,
        error_messages={"required": _("Kies wat voor gesprek het was.")},
    )
    samenvatting = forms.CharField(
        label=_("Samenvatting"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf een korte samenvatting van het gesprek.")},
        help_text=_("Schrijf kort en gewoon, zoals je het zou zeggen. Hooguit 20 woorden per zin."),
    )
    afspraken = forms.CharField(
        label=_("Afspraken (één per regel)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    volgende_stappen = forms.CharField(
        label=_("Volgende stappen (één per regel)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wie doet wat, en wanneer. Bijvoorbeeld: 'Jij belt het uitzendbureau vóór vrijdag.'"
        ),
    )


class ContactmomentForm(forms.Form):
    datum = forms.DateField(
        label=_("Datum"),
        widget=DatumInvoer(),
        error_messages={"required": _("Vul de datum van het contact in.")},
    )
    tijd = forms.TimeField(
        label=_("Tijd"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Vul de tijd in, bijvoorbeeld 10:30.")},
    )
    soort = forms.ChoiceField(
        label=_("Soort contact"),
        choices=GesprekSoort.choices,
        error_messages={"required": _("Kies hoe het contact gaat.")},
    )
    onderwerp = forms.CharField(
        label=_("Waarover gaat het?"),
        max_length=200,
        error_messages={"required": _("Schrijf waarover het gesprek gaat.")},
    )
    waarom = forms.CharField(
        label=_("Waarom dit gesprek? (de klant leest dit)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DoelForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort"),
        choices=DoelSoort.choices,
        error_messages={"required": _("Kies of het een doel of een kwaliteit is.")},
    )
    tekst = forms.CharField(
        label=_("Omschrijving"),
        max_length=300,
        error_messages={"required": _("Schrijf het doel of de kwaliteit op.")},
    )


class StapForm(forms.Form):
    wat = forms.CharField(
        label=_("Wat gebeurt er?"),
        max_length=300,
        error_messages={"required": _("Schrijf op wat er gebeurt.")},
    )
    wie = forms.ChoiceField(
        label=_("Wie doet het?"),
        choices=[
            (StapWie.KLANT, _("De klant")),
            (StapWie.CONTACTPERSOON, _("Contactpersoon")),
            (StapWie.SAMEN, _("Samen")),
        ],
        error_messages={"required": _("Kies wie deze stap doet.")},
    )
    uiterlijk = forms.DateField(label=_("Wanneer klaar?"), required=False, widget=DatumInvoer())
    drempel = forms.ChoiceField(label=_("Hoort bij drempel (mag leeg)"), required=False)

    def __init__(self, *args: Any, klant: Klant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld: Any = self.fields["drempel"]
        veld.choices = [("", "—")] + [
            (str(d.pk), d.get_soort_display())
            for d in sorted(
                klant.drempels.filter(opgelost_op__isnull=True), key=lambda d: d.volgorde
            )
        ]


class PeriodeVelden(forms.Form):
    """From when, until when and why: the same for a handover of one client and of a caseload."""

    begin = forms.DateField(
        label=_("Vanaf"),
        widget=DatumInvoer(),
        error_messages={"required": _("Vul in vanaf welke dag het geldt.")},
    )
    einde = forms.DateField(
        label=_("Tot en met (verplicht bij vervanging)"), required=False, widget=DatumInvoer()
    )
    reden = forms.CharField(label=_("Reden (intern)"), max_length=200, required=False)


class OverdrachtForm(PeriodeVelden):
    field_order = ["soort", "naar", "begin", "einde", "reden"]
    soort = forms.ChoiceField(
        label=_("Soort"),
        choices=OverdrachtSoort.choices,
        error_messages={"required": _("Kies overdracht of vervanging.")},
    )
    naar = forms.ModelChoiceField(
        label=_("Naar collega"),
        queryset=Gebruiker.objects.none(),
        empty_label=_("Kies een collega"),
        error_messages={"required": _("Kies de collega die de klant overneemt.")},
    )

    def __init__(self, *args: Any, van: Gebruiker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld: Any = self.fields["naar"]
        veld.queryset = delegatie_ontvangers(van)
        veld.label_from_instance = lambda g: g.weergavenaam


class ProfielForm(forms.Form):
    """What the contact person tells their clients about themselves (A1). Everything may stay empty."""

    foto = forms.FileField(
        label=_("Foto (mag leeg blijven)"),
        required=False,
        help_text=_(
            "Een foto van je gezicht, zodat je klanten zien met wie ze praten. JPG of PNG, hooguit 5 MB."
        ),
        widget=forms.FileInput(attrs={"accept": ".jpg,.jpeg,.png,image/jpeg,image/png"}),
    )
    foto_weghalen = forms.BooleanField(label=_("Mijn foto weghalen"), required=False)
    introductie = forms.CharField(
        label=_("Over jou"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Een paar zinnen voor je klanten, bijvoorbeeld wat je doet en waar ze je voor kunnen vragen."
        ),
    )
    bereikbaar = forms.CharField(
        label=_("Wanneer ben je bereikbaar?"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: ma, di en do van 9 tot 12 uur."),
    )
    telefoon_direct = forms.RegexField(
        label=_("Je directe telefoonnummer (mag leeg blijven)"),
        required=False,
        max_length=20,
        regex=r"^\+?[0-9][0-9 ()-]{5,18}$",
        error_messages={
            "invalid": _(
                "Vul een telefoonnummer in met alleen cijfers, spaties of streepjes, "
                "bijvoorbeeld 0592 123 456."
            )
        },
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )


class AanvraagForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Wil je nog iets vertellen? (mag leeg blijven)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AanvraagStatusForm(forms.Form):
    aanvraag = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("Nieuwe stand"),
        choices=AanvraagStatus.choices,
        error_messages={"required": _("Kies de nieuwe stand van de aanvraag.")},
    )


def _drempel_keuzes() -> list[tuple[str, list[tuple[str, str]]]]:
    """Barriers grouped as in the journey study: middelen, gedrag, context."""
    return [
        (
            str(groep.label),
            [(s.value, str(s.label)) for s in DrempelSoort if DREMPEL_GROEP_VAN[s.value] == groep],
        )
        for groep in DrempelGroep
    ]


class DrempelForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Drempel"),
        choices=_drempel_keuzes,
        error_messages={"required": _("Kies een drempel uit de lijst.")},
    )
    toelichting = forms.CharField(label=_("Toelichting (mag leeg)"), max_length=300, required=False)
    eerst_aanpakken = forms.BooleanField(
        label=_("Spraken we af dit eerst samen op te lossen?"), required=False
    )


class TredeForm(forms.Form):
    trede = forms.ChoiceField(
        label=_("Trede op de participatieladder"),
        choices=Trede.choices,
        error_messages={"required": _("Kies een trede van 1.0 tot en met 6.2.")},
    )
    fase = forms.ChoiceField(
        label=_("Fase in de reis (de klant ziet dit op de eigen startpagina)"),
        choices=Fase.choices,
        error_messages={"required": _("Kies de fase waarin de klant nu is.")},
    )
    toelichting = forms.CharField(
        label=_("Waarom deze trede? (komt in de geschiedenis)"), max_length=300, required=False
    )

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opstap.inkomen.services import minimumloon_per_uur
from opstap.web.formulieren import getal_veld
from opstap.web.geld import euro

MAX_UREN = 40
TAALNIVEAUS = [("A1", "A1"), ("A2", "A2"), ("B1", "B1"), ("B2", "B2"), ("C1", "C1"), ("C2", "C2")]
_POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")


class LijstVeld(forms.CharField):
    """A short list typed as words with commas: "kassa, klantcontact" → ["kassa", "klantcontact"]."""

    def __init__(self, *args: Any, max_woorden: int = 15, **kwargs: Any) -> None:
        self.max_woorden = max_woorden
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        tekst = super().to_python(value)
        woorden: list[str] = []
        for deel in re.split(r"[,;\n]", tekst or ""):
            woord = " ".join(deel.split())[:60]
            if woord and woord.lower() not in {w.lower() for w in woorden}:
                woorden.append(woord)
        if len(woorden) > self.max_woorden:
            raise forms.ValidationError(
                _("Noem er hoogstens %(n)s, gescheiden door komma's.") % {"n": self.max_woorden}
            )
        return woorden

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value: Any) -> None:
        return None


def _postcode(waarde: str) -> str:
    if not waarde:
        return ""
    m = _POSTCODE.match(waarde)
    if m is None:
        raise forms.ValidationError(_("Vul een postcode in zoals 9901 AB."))
    return f"{m.group(1)} {m.group(2).upper()}"


def _uren_veld(label: Any, *, required: bool = True) -> forms.IntegerField:
    """Hours per week, 1 to 40, typed on a number keyboard."""
    return getal_veld(
        label,
        1,
        MAX_UREN,
        required=required,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        buiten_bereik=_("Vul een aantal uren per week in, van 1 tot 40."),
        leeg=_("Vul een aantal uren per week in, van 1 tot 40."),
        ongeldig=_("Vul een heel aantal uren in, van 1 tot 40."),
    )


class VacatureFormulier(forms.Form):
    """E1: a vacancy with real selection criteria. Every error in Dutch, what was typed is kept."""

    titel = forms.CharField(
        label=_("Functie"),
        max_length=150,
        error_messages={
            "required": _("Vul de naam van de functie in, bijvoorbeeld Kassamedewerker.")
        },
    )
    beroep = forms.CharField(
        label=_("Beroep"),
        max_length=100,
        help_text=_("Eén woord of twee, bijvoorbeeld: winkelmedewerker, schoonmaker, kok."),
        error_messages={
            "required": _("Vul het beroep in, zodat we de vacature aan mensen kunnen koppelen.")
        },
    )
    omschrijving = forms.CharField(
        label=_("Wat ga je doen?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Schrijf kort en in gewone woorden wat het werk is."),
        error_messages={"required": _("Beschrijf kort wat het werk is.")},
    )
    vaardigheden = LijstVeld(
        label=_("Wat moet iemand kunnen? (mag je leeg laten)"),
        help_text=_("Gescheiden door komma's, bijvoorbeeld: klantcontact, kassa, plannen."),
    )
    uren_per_week_min = _uren_veld(_("Minste aantal uren per week"))
    uren_per_week_max = _uren_veld(_("Meeste aantal uren per week"))
    parttime_mogelijk = forms.BooleanField(
        label=_("Parttime kan (ook het minste aantal uren)"), required=False, initial=True
    )
    bruto_uurloon = forms.DecimalField(
        label=_("Bruto uurloon in euro"),
        min_value=Decimal("1"),
        max_value=Decimal("100"),
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "required": _("Vul het bruto uurloon in, bijvoorbeeld 14,40."),
            "invalid": _("Vul een bedrag in, bijvoorbeeld 14,40."),
            "min_value": _("Het uurloon is minstens het minimumloon."),
            "max_value": _("Het uurloon is hoogstens 100 euro."),
            "max_decimal_places": _("Gebruik hoogstens 2 cijfers achter de komma."),
        },
    )
    binnen_schooltijden = forms.BooleanField(
        label=_("Het werk is alleen onder schooltijd (ongeveer 8.30 tot 14.30 uur)"),
        required=False,
    )
    avond_weekend = forms.BooleanField(
        label=_("Er wordt ook 's avonds of in het weekend gewerkt"), required=False
    )
    bereikbaar_zonder_auto = forms.BooleanField(
        label=_("Je kunt er komen zonder auto (fiets, bus of trein)"), required=False, initial=True
    )
    fysiek_zwaar = forms.BooleanField(
        label=_("Het werk is lichamelijk zwaar (veel tillen, lang staan)"), required=False
    )
    taalniveau = forms.ChoiceField(
        label=_("Hoe goed moet iemand Nederlands kunnen?"),
        choices=TAALNIVEAUS,
        initial="B1",
        help_text=_("A2: eenvoudige gesprekken. B1: gewone gesprekken en korte teksten. B2: vlot."),
        error_messages={"required": _("Kies hoe goed iemand Nederlands moet kunnen.")},
    )
    adres = forms.CharField(
        label=_("Adres van het werk (straat en huisnummer)"), max_length=150, required=False
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    plaats = forms.CharField(label=_("Plaats"), max_length=80, required=False)
    open = forms.BooleanField(label=_("De vacature is open"), required=False, initial=True)

    def clean_postcode(self) -> str:
        return _postcode(self.cleaned_data.get("postcode", ""))

    def clean_bruto_uurloon(self) -> Decimal:
        loon: Decimal = self.cleaned_data["bruto_uurloon"]
        minimum = minimumloon_per_uur(timezone.localdate())  # from the rules engine
        if loon < minimum.quantize(Decimal("0.01")):
            raise forms.ValidationError(
                _("Het uurloon is lager dan het minimumloon (%(m)s per uur).")
                % {"m": euro(minimum)}
            )
        return loon

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        laag, hoog = d.get("uren_per_week_min"), d.get("uren_per_week_max")
        if laag is not None and hoog is not None and laag > hoog:
            self.add_error(
                "uren_per_week_max",
                _("Het meeste aantal uren is kleiner dan het minste. Kijk de uren na."),
            )
        if d.get("binnen_schooltijden") and d.get("avond_weekend"):
            self.add_error(
                "avond_weekend",
                _(
                    "Werk alleen onder schooltijd is niet ook 's avonds of in het weekend. Kies één van de twee."
                ),
            )
        if not (d.get("postcode") or d.get("plaats")):
            self.add_error(
                "postcode",
                _("Vul de postcode of de plaats van het werk in, zodat we de reistijd weten."),
            )
        return d


class WerkwensenFormulier(forms.Form):
    """What a client can and wants: the constraints matching never breaks, and the wishes it
    ranks on. The contact person's version adds the list of possible occupations."""

    alleen_schooltijden = forms.BooleanField(
        label=_("Ik kan alleen werken onder schooltijd"), required=False
    )
    heeft_auto = forms.BooleanField(label=_("Ik heb een auto"), required=False)
    fysiek_beperkt = forms.BooleanField(
        label=_("Ik kan geen zwaar lichamelijk werk doen"),
        required=False,
        help_text=_("Dit blijft tussen jou en je contactpersoon; werkgevers zien het nooit."),
    )
    max_uren_per_week = _uren_veld(
        _("Hoeveel uur per week kun je hoogstens werken? (mag je leeg laten)"), required=False
    )
    gewenste_beroepen = LijstVeld(
        label=_("Welk werk zou je graag doen?"),
        help_text=_("Gescheiden door komma's, bijvoorbeeld: winkelmedewerker, kok."),
    )
    vaardigheden = LijstVeld(
        label=_("Wat kun je goed?"),
        help_text=_("Bijvoorbeeld: klantcontact, koken, rekenen, plannen."),
    )
    interesses = LijstVeld(
        label=_("Wat vind je leuk?"), help_text=_("Bijvoorbeeld: mensen helpen, buiten werken.")
    )
    ervaring = LijstVeld(
        label=_("Welk werk heb je eerder gedaan?"),
        help_text=_("Ook vrijwilligerswerk telt. Bijvoorbeeld: schoonmaker, oppas."),
    )
    mogelijke_beroepen = LijstVeld(
        label=_("Mogelijke beroepen (samen met de klant gemaakt)"),
        help_text=_("Gescheiden door komma's. De klant ziet deze lijst in de app."),
    )
    adres_opzoeken = forms.BooleanField(
        label=_("Zoek de plek van het woonadres opnieuw op (voor de reistijd)"), required=False
    )

    def __init__(self, *args: Any, als_contactpersoon: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not als_contactpersoon:
            del self.fields["mogelijke_beroepen"]
        else:
            self.fields["alleen_schooltijden"].label = _("Kan alleen werken onder schooltijd")
            self.fields["heeft_auto"].label = _("Heeft een auto")
            self.fields["fysiek_beperkt"].label = _("Kan geen zwaar lichamelijk werk doen")
            self.fields["fysiek_beperkt"].help_text = _(
                "Gezondheidsgegeven: versleuteld bewaard, werkgevers zien het nooit."
            )
            self.fields["max_uren_per_week"].label = _("Hoogstens uren per week (mag leeg)")
            self.fields["gewenste_beroepen"].label = _("Werk dat de klant graag doet")
            self.fields["vaardigheden"].label = _("Wat de klant goed kan")
            self.fields["interesses"].label = _("Wat de klant leuk vindt")
            self.fields["ervaring"].label = _("Werk dat de klant eerder deed")

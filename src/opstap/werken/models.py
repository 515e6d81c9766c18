"""A job the client reports once (D1). The declarations (D3) and settlements build on it."""

import uuid
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from opstap.privacy.fields import VersleuteldTekstVeld
from opstap.privacy.opslag import versleutelde_opslag
from opstap.web.geld import euro

MAX_UURLOON = Decimal("500")
MAX_UREN = Decimal("60")


class Loonperiode(models.TextChoices):
    MAAND = "maand", _("per maand")
    VIER_WEKEN = "vier_weken", _("per vier weken")


class Contractsoort(models.TextChoices):
    BEPAALDE_TIJD = "bepaalde_tijd", _("tijdelijk contract (bepaalde tijd)")
    ONBEPAALDE_TIJD = "onbepaalde_tijd", _("vast contract (onbepaalde tijd)")
    OPROEP = "oproep", _("oproepcontract of nulurencontract")
    UITZEND = "uitzend", _("via een uitzendbureau")


class Baan(models.Model):
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.PROTECT, related_name="banen")
    werkgever_naam = models.CharField(max_length=200)
    begonnen_op = models.DateField()
    # Null with oproepcontract: a zero-hours or on-call contract has no fixed hours.
    uren_per_week = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    oproepcontract = models.BooleanField(default=False)
    bruto_uurloon = models.DecimalField(max_digits=6, decimal_places=2)
    loonperiode = models.CharField(max_length=12, choices=Loonperiode.choices)
    contractsoort = models.CharField(max_length=20, choices=Contractsoort.choices, blank=True)
    einde_op = models.DateField(null=True, blank=True)
    aangemeld_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-begonnen_op", "-pk"]
        verbose_name_plural = "banen"

    def __str__(self) -> str:
        return self.werkgever_naam

    def loopt_op(self, dag: date) -> bool:
        """Still running on this day (a job that starts later counts as running: it is coming)."""
        return self.einde_op is None or self.einde_op >= dag

    def clean(self) -> None:
        fouten: dict[str, str] = {}
        if self.einde_op and self.begonnen_op and self.einde_op < self.begonnen_op:
            fouten["einde_op"] = str(_("De einddatum moet na de startdatum liggen."))
        if self.bruto_uurloon is not None and not (Decimal(0) <= self.bruto_uurloon <= MAX_UURLOON):
            fouten["bruto_uurloon"] = str(
                _("Vul een bruto uurloon in tussen € 0 en € 500, bijvoorbeeld 14,40.")
            )
        if self.uren_per_week is not None and not (Decimal(0) <= self.uren_per_week <= MAX_UREN):
            fouten["uren_per_week"] = str(_("Vul een aantal uren per week in tussen 0 en 60."))
        if self.uren_per_week is None and not self.oproepcontract:
            fouten["uren_per_week"] = str(
                _("Vul in hoeveel uur per week je werkt, of kies oproepcontract.")
            )
        if fouten:
            raise ValidationError(fouten)


# --- D1 complete: the client keeps their job up to date, with history ----------------------------


class Werkstand(models.Model):
    """What the engine found for the client's jobs together, stored when a job is reported,
    changed or ended, so the caseload's signals need no engine call per client per page view."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.OneToOneField("klanten.Klant", on_delete=models.CASCADE, related_name="+")
    berekend_op = models.DateField()
    uren_per_week = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(0))
    # Hours a week (all jobs together) from which no bijstand is needed; null when unknown.
    uren_uit_bijstand = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    # Last month of the income exemption (n, then r), first day of that month; null: none runs.
    vrijlating_tot = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"werkstand van klant {self.klant_id}"


class WijzigingSoort(models.TextChoices):
    AANGEMELD = "aangemeld", _("baan doorgegeven")
    GEWIJZIGD = "gewijzigd", _("uren of loon veranderd")
    BEEINDIGD = "beeindigd", _("baan gestopt")


class BaanWijziging(models.Model):
    """One change to a job, never edited or deleted: the history the client and the contact
    person read. `velden` maps a field to [old, new] as text."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    baan = models.ForeignKey(Baan, on_delete=models.PROTECT, related_name="wijzigingen")
    soort = models.CharField(max_length=12, choices=WijzigingSoort.choices)
    ingaand_op = models.DateField()
    velden = models.JSONField(default=dict, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-vastgelegd_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.baan})"

    def beschrijving(self) -> list[str]:
        """What changed, in plain Dutch with Dutch numbers and dates."""
        uit = []
        for veld, (oud, nieuw) in self.velden.items():
            if veld == "uren_per_week":
                uit.append(
                    f"uren per week: {_uren_tekst(oud)} → {_uren_tekst(nieuw)}"
                    if oud is not None
                    else f"uren per week: {_uren_tekst(nieuw)}"
                )
            elif veld == "bruto_uurloon" and nieuw is not None:
                uit.append(
                    f"bruto uurloon: {euro(Decimal(oud))} → {euro(Decimal(nieuw))}"
                    if oud is not None
                    else f"bruto uurloon: {euro(Decimal(nieuw))}"
                )
            elif veld == "einde_op" and nieuw is not None:
                uit.append(f"laatste werkdag: {date_format(date.fromisoformat(nieuw), 'j F Y')}")
            elif veld == "einde_op" and oud is not None:
                uit.append("einddatum weggehaald")
        return uit


def _uren_tekst(waarde: str | None) -> str:
    if waarde is None:
        return "oproepcontract"
    return f"{Decimal(waarde).normalize():f}".replace(".", ",")


# --- D2: contract check and a good start ----------------------------------------------------------


CONTRACT_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def _contract_pad(contract: "Contract", bestandsnaam: str) -> str:
    # Never the client's own file name in the path: it may hold personal data.
    extensie = CONTRACT_TYPES.get(contract.bestand_type, "")
    return f"contracten/{contract.gemeente_id}/{contract.klant_id}/{uuid.uuid4().hex}{extensie}"


class Aandachtspunt(models.TextChoices):
    UREN = "uren", _("de uren")
    PROEFTIJD = "proeftijd", _("de proeftijd")
    EINDDATUM = "einddatum", _("de einddatum")
    LOON = "loon", _("het loon")


class Contract(models.Model):
    """An employment contract the client uploads for the contact person to check. The file and its
    name are encrypted at rest; the comment the contact person writes is for the client."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.PROTECT, related_name="+")
    baan = models.ForeignKey(Baan, on_delete=models.PROTECT, related_name="contracten")
    bestand = models.FileField(upload_to=_contract_pad, storage=versleutelde_opslag)
    bestand_naam = VersleuteldTekstVeld(max_length=200, blank=True)
    bestand_type = models.CharField(max_length=50)
    bestand_sha256 = models.CharField(max_length=64)
    geupload_op = models.DateTimeField(default=timezone.now)
    gecontroleerd_op = models.DateTimeField(null=True, blank=True)
    gecontroleerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aandachtspunten = models.JSONField(default=list, blank=True)
    opmerking = VersleuteldTekstVeld(blank=True)

    class Meta:
        ordering = ["-geupload_op", "-pk"]

    def __str__(self) -> str:
        return f"contract bij {self.baan}"

    @property
    def gecontroleerd(self) -> bool:
        return self.gecontroleerd_op is not None

    def aandachtspunten_tekst(self) -> list[str]:
        keuzes = dict(Aandachtspunt.choices)
        return [str(keuzes[p]) for p in self.aandachtspunten if p in keuzes]


class Startgesprek(models.Model):
    """A short check-in in the first weeks after the start (the weeks are a municipal setting)."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    baan = models.ForeignKey(Baan, on_delete=models.PROTECT, related_name="startgesprekken")
    week = models.PositiveSmallIntegerField()
    gepland_op = models.DateField()
    gedaan_op = models.DateTimeField(null=True, blank=True)
    gedaan_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notitie = VersleuteldTekstVeld(blank=True)

    class Meta:
        ordering = ["gepland_op", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["baan", "week"], name="een_startgesprek_per_week")
        ]

    def __str__(self) -> str:
        return f"week {self.week} bij {self.baan}"


class MoeilijkeStart(models.Model):
    """A flag that the start is hard, raised by the client or the contact person; lowered by the
    contact person once it is better. Kept, not deleted."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    baan = models.ForeignKey(Baan, on_delete=models.PROTECT, related_name="moeilijke_starts")
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gemeld_op = models.DateTimeField(default=timezone.now)
    toelichting = VersleuteldTekstVeld(blank=True)
    opgelost_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-gemeld_op", "-pk"]

    def __str__(self) -> str:
        return f"moeilijke start bij {self.baan}"

"""A job the client reports once (D1). The declarations (D3) and settlements build on it."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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

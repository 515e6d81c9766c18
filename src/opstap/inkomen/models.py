from django.conf import settings
from django.db import models

from opstap.privacy.fields import VersleuteldJSONVeld


class Berekening(models.Model):
    """A calculation kept with what was decided or shown from it: input, result, the full
    explanation and the rule version, so nobody has to re-derive it later."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT)
    klant = models.ForeignKey(
        "klanten.Klant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="berekeningen",
    )
    gemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    gemaakt_op = models.DateTimeField(auto_now_add=True)
    doel = models.CharField(
        max_length=200, help_text="Waarvoor: bijv. 'besluit inkomensvrijlating'."
    )
    peildatum = models.DateField()
    uren_per_week = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Het aantal uren waar het besluit of advies over ging.",
    )
    regelversie = models.CharField(max_length=50)
    # The household (incl. a medical limit on hours) and what follows from it: encrypted at rest.
    invoer = VersleuteldJSONVeld()
    uitkomst = VersleuteldJSONVeld()
    uitleg = VersleuteldJSONVeld()

    class Meta:
        ordering = ["-gemaakt_op"]
        verbose_name_plural = "berekeningen"

    def __str__(self) -> str:
        return f"Berekening {self.peildatum} ({self.doel})"

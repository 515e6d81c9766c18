"""A batch recalculation of a municipality's whole caseload (B4, issue 3): only totals are kept."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opstap.inkomen.varianten import REGEL_NAMEN

from .onderdrukking import toonbaar_aantal


class Doorrekening(models.Model):
    class Status(models.TextChoices):
        WACHT = "wacht", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Niet gelukt")

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.CASCADE, related_name="doorrekeningen"
    )
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gestart_op = models.DateTimeField(auto_now_add=True)
    klaar_op = models.DateTimeField(null=True, blank=True)
    peildatum = models.DateField()
    bruto_uurloon = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leeg: het wettelijk minimumloon op de peildatum."),
    )
    variant_naam = models.CharField(max_length=100, blank=True)
    variant_regel = models.CharField(max_length=40, blank=True, choices=list(REGEL_NAMEN.items()))
    variant_parameters = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WACHT)
    aantal_totaal = models.PositiveIntegerField(default=0)
    aantal_verwerkt = models.PositiveIntegerField(default=0)
    regelversie = models.CharField(max_length=40, blank=True)
    resultaat = models.JSONField(
        default=dict, blank=True
    )  # aggregates only, small cells suppressed
    melding = models.TextField(blank=True)

    class Meta:
        ordering = ["-gestart_op", "-pk"]

    def __str__(self) -> str:
        return f"Doorrekening {self.pk} ({self.gemeente}, {self.peildatum})"

    @property
    def heeft_variant(self) -> bool:
        return bool(self.variant_regel or self.variant_parameters)

    @property
    def procent(self) -> int:
        if self.status == self.Status.KLAAR:
            return 100
        return int(100 * self.aantal_verwerkt / self.aantal_totaal) if self.aantal_totaal else 0

    @property
    def aantal_totaal_getoond(self) -> int | None:
        """The number of clients as policy staff may see it (the same rule as on /beleid/)."""
        return toonbaar_aantal(self.aantal_totaal)

    @property
    def aantal_verwerkt_getoond(self) -> int | None:
        """Progress in households; hidden with the total (the last step equals the total)."""
        return self.aantal_verwerkt if self.aantal_totaal_getoond is not None else None

    @property
    def loopt(self) -> bool:
        return self.status in (self.Status.WACHT, self.Status.BEZIG)


class Aanpak(models.Model):
    """Regular or tailored approach (maatwerk) of one client, set by the contact person (F2).
    Policy staff see it only counted per cohort, never per client."""

    class Soort(models.TextChoices):
        REGULIER = "regulier", _("Reguliere aanpak")
        MAATWERK = "maatwerk", _("Maatwerkaanpak")

    klant = models.OneToOneField("klanten.Klant", on_delete=models.CASCADE, related_name="aanpak")
    soort = models.CharField(max_length=10, choices=Soort.choices, default=Soort.REGULIER)
    sinds = models.DateField()
    gezet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "aanpakken"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} sinds {self.sinds}"


class Besparingsschatting(models.Model):
    """The engine's estimate of what potential part-timers save, for the real caseload (F1).
    Like a Doorrekening: a background job with progress; only suppressed totals are kept."""

    class Status(models.TextChoices):
        WACHT = "wacht", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Niet gelukt")

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.CASCADE, related_name="besparingsschattingen"
    )
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gestart_op = models.DateTimeField(auto_now_add=True)
    klaar_op = models.DateTimeField(null=True, blank=True)
    peildatum = models.DateField()
    treden = models.JSONField(default=list)  # trede groups, e.g. ["3", "4"]
    uren = models.JSONField(default=list)  # hours a week, e.g. [8, 12, 16, 20]
    bruto_uurloon = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    maandloon_studie = models.DecimalField(max_digits=8, decimal_places=2)
    variant_naam = models.CharField(max_length=100, blank=True)
    variant_regel = models.CharField(max_length=40, blank=True, choices=list(REGEL_NAMEN.items()))
    variant_parameters = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WACHT)
    aantal_totaal = models.PositiveIntegerField(default=0)
    aantal_verwerkt = models.PositiveIntegerField(default=0)
    regelversie = models.CharField(max_length=40, blank=True)
    resultaat = models.JSONField(default=dict, blank=True)  # aggregates only, suppressed
    melding = models.TextField(blank=True)

    class Meta:
        ordering = ["-gestart_op", "-pk"]

    def __str__(self) -> str:
        return f"Besparingsschatting {self.pk} ({self.gemeente}, {self.peildatum})"

    @property
    def heeft_variant(self) -> bool:
        return bool(self.variant_regel or self.variant_parameters)

    @property
    def procent(self) -> int:
        if self.status == self.Status.KLAAR:
            return 100
        return int(100 * self.aantal_verwerkt / self.aantal_totaal) if self.aantal_totaal else 0

    @property
    def loopt(self) -> bool:
        return self.status in (self.Status.WACHT, self.Status.BEZIG)


class Drempelopname(models.Model):
    """Snapshot of today's barrier tables (telling.py): suppressed cells only, with the
    fingerprint of the barrier rows they were counted from. Not a record of anyone."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.CASCADE, related_name="+")
    peildag = models.DateField()
    vingerafdruk = models.CharField(max_length=100)
    tabellen = models.JSONField(default=dict)
    gemaakt_op = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "peildag"], name="drempelopname_per_dag")
        ]

    def __str__(self) -> str:
        return f"Drempelopname {self.peildag}"


class Beeldopname(models.Model):
    """Today's caseload picture of one municipality as the page shows it (suppressed cells only),
    with the data version (telling.py) it was counted at. Not a record of anyone."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.CASCADE, related_name="+")
    peildag = models.DateField()
    versie = models.BigIntegerField()
    totaal = models.IntegerField(null=True)
    tabellen = models.JSONField(default=dict)
    gemaakt_op = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "peildag"], name="beeldopname_per_dag")
        ]

    def __str__(self) -> str:
        return f"Beeldopname {self.peildag}"

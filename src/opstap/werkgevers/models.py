from django.db import models
from django.utils.translation import gettext_lazy as _


class Werkgever(models.Model):
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="werkgevers"
    )
    naam = models.CharField(max_length=150)
    kvk_nummer = models.CharField(max_length=8, blank=True)
    sector = models.CharField(max_length=100, blank=True)
    plaats = models.CharField(max_length=100, blank=True)
    is_intern_uitzendbureau = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "werkgevers"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Vacature(models.Model):
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="vacatures"
    )
    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="vacatures")
    titel = models.CharField(max_length=150)
    omschrijving = models.TextField()
    uren_per_week_min = models.PositiveSmallIntegerField()
    uren_per_week_max = models.PositiveSmallIntegerField()
    bruto_uurloon = models.DecimalField(max_digits=6, decimal_places=2)
    binnen_schooltijden = models.BooleanField(default=False)
    bereikbaar_zonder_auto = models.BooleanField(default=True)
    fysiek_zwaar = models.BooleanField(default=False)
    taalniveau = models.CharField(max_length=2, default="B1")
    open = models.BooleanField(default=True)
    geplaatst_op = models.DateField()
    # Selection criteria used by matching (opstap.vacatures.matching).
    avond_weekend = models.BooleanField(
        default=False, help_text="Er wordt ook 's avonds of in het weekend gewerkt."
    )
    parttime_mogelijk = models.BooleanField(default=True)
    beroep = models.CharField(max_length=100, blank=True)
    vaardigheden = models.JSONField(default=list, blank=True, help_text="Lijst van korte woorden.")
    adres = models.CharField(max_length=150, blank=True, help_text="Straat en huisnummer.")
    postcode = models.CharField(max_length=7, blank=True)
    plaats = models.CharField(max_length=80, blank=True)
    breedtegraad = models.FloatField(null=True, blank=True)
    lengtegraad = models.FloatField(null=True, blank=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "vacatures"
        ordering = ["-geplaatst_op", "titel"]

    def __str__(self) -> str:
        return self.titel


class Gegeven(models.TextChoices):
    """What a client may choose to share with an employer: never more than needed."""

    NAAM = "naam", _("Naam")
    CONTACT = "contact", _("Telefoon en e-mail")
    CV = "cv", _("Cv")
    BESCHIKBAARHEID = "beschikbaarheid", _("Beschikbare uren")
    KWALITEITEN = "kwaliteiten", _("Kwaliteiten")


class Toestemming(models.Model):
    """A client's consent to show chosen details to one employer. Revocable."""

    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.CASCADE, related_name="toestemmingen"
    )
    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="toestemmingen")
    vacature = models.ForeignKey(Vacature, on_delete=models.SET_NULL, null=True, blank=True)
    gegevens = models.JSONField(default=list, help_text="Lijst van Gegeven-waarden.")
    gegeven_op = models.DateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "toestemmingen"
        ordering = ["-gegeven_op"]

    def __str__(self) -> str:
        return f"Toestemming {self.klant_id} → {self.werkgever}"

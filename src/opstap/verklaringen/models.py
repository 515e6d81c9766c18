"""A monthly income declaration (inkomstenverklaring) and the payslips sent with it.

The amounts and hours are encrypted at rest (what someone earned is as personal as the payslip);
status, month and deadline stay plain so the income desk's queue can be sorted in the database."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opstap.inkomen.rekendatum import Rekendatum
from opstap.privacy.fields import VersleuteldBedragVeld, VersleuteldJSONVeld, VersleuteldTekstVeld
from opstap.privacy.opslag import versleutelde_opslag


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AANVULLING_NODIG = "aanvulling_nodig", _("We missen nog iets")
    VERREKEND = "verrekend", _("Verrekend")


class LeesStatus(models.TextChoices):
    """How far reading the payslip got (the figures it found pre-fill the declaration)."""

    GEEN = "geen", _("Geen loonstrook")
    WACHT = "wacht", _("Wordt gelezen")
    KLAAR = "klaar", _("Gelezen")
    NIET_GELUKT = "niet_gelukt", _("Niet te lezen")


class Inkomstenverklaring(models.Model):
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, related_name="inkomstenverklaringen"
    )
    baan = models.ForeignKey("werken.Baan", on_delete=models.PROTECT, related_name="verklaringen")
    maand = models.DateField(help_text="De eerste dag van de kalendermaand waarover het gaat.")
    uren = VersleuteldBedragVeld(max_digits=6, decimal_places=2)
    # Empty only while a payslip is still to be read and confirmed (a declaration made on the
    # client's pages with a payslip and no amount typed yet); see `bevestigd_op`.
    netto_loon = VersleuteldBedragVeld(max_digits=9, decimal_places=2, null=True, blank=True)
    bruto_loon = VersleuteldBedragVeld(max_digits=9, decimal_places=2, null=True, blank=True)
    # True when the figures hold the client's own estimate for the last days of the month (the
    # payslip was not there yet); the next month corrects it.
    schatting = models.BooleanField(default=False)
    kenmerk = models.CharField(max_length=24, unique=True)
    ontvangen_op = models.DateTimeField(default=timezone.now)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.ONTVANGEN, db_index=True
    )
    # "We missen nog iets": exactly what, in words the client reads.
    ontbreekt = VersleuteldTekstVeld(blank=True, default="")
    lees_status = models.CharField(
        max_length=12, choices=LeesStatus.choices, default=LeesStatus.GEEN
    )
    # What reading the payslip found (periode_van/tot, bruto_loon, netto_loon, uren, werkgever).
    gelezen = VersleuteldJSONVeld(null=True, blank=True)
    # When the client confirmed (or corrected) the figures: then `uren`, `netto_loon`, `bruto_loon`
    # and the period are the client's statement, whatever reading the payslip found.
    bevestigd_op = models.DateTimeField(null=True, blank=True)
    periode_van = models.DateField(null=True, blank=True)
    periode_tot = models.DateField(null=True, blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-maand", "-ontvangen_op"]
        verbose_name_plural = "inkomstenverklaringen"
        indexes = [models.Index(fields=["gemeente", "status", "maand"])]

    def __str__(self) -> str:
        return f"Inkomstenverklaring {self.kenmerk}"


class Loonstrookbestand(models.Model):
    """A payslip (PDF or photo) sent with a declaration: encrypted at rest, with the SHA-256 of the
    bytes as they were received, so the client's receipt can prove what arrived."""

    verklaring = models.ForeignKey(
        Inkomstenverklaring, on_delete=models.CASCADE, related_name="bestanden"
    )
    bestand = models.FileField(storage=versleutelde_opslag, upload_to="verklaringen/%Y/%m/")
    naam = VersleuteldTekstVeld(max_length=200)  # the name on the client's phone: may hold a name
    soort = models.CharField(max_length=50)  # the MIME type found in the bytes, never the name's
    sha256 = models.CharField(max_length=64)
    grootte = models.PositiveIntegerField()
    ontvangen_op = models.DateTimeField(default=timezone.now)
    # Of the bytes as stored (differs from `sha256` when a photo was cleaned of its metadata or
    # a HEIC photo converted to JPEG).
    sha256_opgeslagen = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "loonstrookbestanden"

    def __str__(self) -> str:
        return f"Loonstrook bij {self.verklaring_id}"


class Herinnering(models.Model):
    """A reminder sent to a client before the deadline of one month: at most one per client, month
    and reminder day (`dagen_voor` days before the deadline)."""

    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="+")
    maand = models.DateField()
    dagen_voor = models.PositiveSmallIntegerField()
    verstuurd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["klant", "maand", "dagen_voor"], name="een_herinnering_per_dag"
            )
        ]

    def __str__(self) -> str:
        return f"Herinnering {self.maand:%Y-%m} ({self.dagen_voor} dagen voor)"


class Papierformulier(models.Model):
    """A client who gets the declaration form on paper, by post, every month. The client can
    switch to declaring online (`online_sinds`); the paper form then stops."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.OneToOneField(
        "klanten.Klant", on_delete=models.CASCADE, related_name="papierformulier"
    )
    sinds = models.DateField(default=timezone.localdate)
    online_sinds = models.DateTimeField(null=True, blank=True)
    online_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "papierformulieren"

    def __str__(self) -> str:
        return f"Papierformulier voor klant {self.klant_id}"

    @property
    def actief(self) -> bool:
        return self.online_sinds is None


# --- the settlement (D4): what the municipality pays on top of the declared wage -----------------


class Verrekening(models.Model):
    """The settlement of one declaration, computed by the rules engine and kept like a recorded
    calculation (`berekening`: input, result, explanation, rule version). The engine is asked for
    the client's whole month: the net wage of ALL their jobs in that month together, so a second
    job's declaration settles the month again (docs/verrekening.md).

    A settlement that corrects an earlier one (an estimate that turned out different) points at it
    with `corrigeert`; the difference in bijstand is paid or set off in `verrekenen_in`."""

    verklaring = models.OneToOneField(
        Inkomstenverklaring, on_delete=models.CASCADE, related_name="verrekening"
    )
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, related_name="verrekeningen"
    )
    maand = models.DateField(help_text="De eerste dag van de maand waarover verrekend is.")
    berekening = models.ForeignKey(
        "inkomen.Berekening", on_delete=models.PROTECT, related_name="verrekeningen"
    )
    regelversie = models.CharField(max_length=50)
    # The figures of this declaration as settled: as declared, or corrected by the administrator.
    uren = VersleuteldBedragVeld(max_digits=6, decimal_places=2)
    netto_loon = VersleuteldBedragVeld(max_digits=9, decimal_places=2)
    bruto_loon = VersleuteldBedragVeld(max_digits=9, decimal_places=2, null=True, blank=True)
    gecorrigeerd = models.BooleanField(default=False)
    reden = VersleuteldTekstVeld(blank=True, default="")  # the client reads it
    # What the engine gave for the month (row 0), kept beside the full result for the export.
    netto_maand = VersleuteldBedragVeld(max_digits=9, decimal_places=2)
    bijstandsnorm = VersleuteldBedragVeld(max_digits=9, decimal_places=2)
    inkomensvrijlating = VersleuteldBedragVeld(max_digits=9, decimal_places=2)
    bijstand = VersleuteldBedragVeld(max_digits=9, decimal_places=2)
    zelf_verdiend = VersleuteldBedragVeld(max_digits=9, decimal_places=2)
    corrigeert = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="correcties"
    )
    # Correction only: new bijstand minus the corrected settlement's, and the month it is paid in.
    verschil = VersleuteldBedragVeld(max_digits=9, decimal_places=2, null=True, blank=True)
    verrekenen_in = models.DateField(null=True, blank=True)
    verrekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    verrekend_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-maand", "-verrekend_op"]
        verbose_name_plural = "verrekeningen"
        indexes = [models.Index(fields=["gemeente", "maand"])]

    def __str__(self) -> str:
        return f"Verrekening {self.maand:%Y-%m} ({self.verklaring_id})"

    @property
    def rekendatum(self) -> Rekendatum:
        """The day the engine computed with (the calculation's peildatum). Before the month itself
        when the month's amounts were not known yet: then the settlement is provisional."""
        return Rekendatum(gewenst=self.maand, datum=self.berekening.peildatum)

"""The learning network (F3): experiences clients share, de-identified, moderated and coded.

A contribution (`Bijdrage`) belongs to the client's file. Its `origineel` (the client's own words)
is encrypted, never shown to anyone but the client, and wiped after the municipality's retention
period (`leernetwerk_bewaar_dagen`). What others read is `gedeelde_tekst`: de-identified, checked by
the client before sending and by a moderator before anyone codes it. Fragments carry only coarse,
safe attributes (age band, phase, trede group, household type) that are fixed when it is sent.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opstap.privacy.fields import VersleuteldTekstVeld

MAX_TEKST = 5000


class Onderwerp(models.TextChoices):
    STAP = "stap", _("Een stap op weg naar werk")
    BRIEF = "brief", _("Een brief")
    GESPREK = "gesprek", _("Een gesprek")
    WERKGEVER = "werkgever", _("Een werkgever")
    ANDERS = "anders", _("Iets anders")


class Status(models.TextChoices):
    CONCEPT = "concept", _("Nog niet verstuurd")
    INGEDIEND = "ingediend", _("Verstuurd, wordt gecontroleerd")
    TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd: pas het aan")
    GOEDGEKEURD = "goedgekeurd", _("Gedeeld in het leernetwerk")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class Leeftijdsgroep(models.TextChoices):
    TOT_27 = "tot_27", _("jonger dan 27")
    VAN_27 = "27_44", _("27 tot 45")
    VAN_45 = "45_54", _("45 tot 55")
    VAN_55 = "55_plus", _("55 of ouder")


class Bijdrage(models.Model):
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, related_name="leernetwerk_bijdragen"
    )
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    onderwerp = models.CharField(max_length=12, choices=Onderwerp.choices)
    # The client's own words: only for the client, wiped after the retention period.
    origineel = VersleuteldTekstVeld(blank=True, max_length=MAX_TEKST)
    origineel_gewist_op = models.DateTimeField(null=True, blank=True)
    # Exactly what is shared: de-identified, as the client saw and sent it (and the moderator left it).
    gedeelde_tekst = VersleuteldTekstVeld(blank=True, max_length=MAX_TEKST + 1000)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.CONCEPT)
    # In place of an application in the application duty, when the contact person agreed.
    in_plaats_van_sollicitatie = models.BooleanField(default=False)
    sollicitatie_akkoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sollicitatie_akkoord_op = models.DateTimeField(null=True, blank=True)
    moderatie_opmerking = models.TextField(blank=True, max_length=1000)
    gemodereerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gemodereerd_op = models.DateTimeField(null=True, blank=True)
    # Safe attributes for comparison, fixed when sent.
    leeftijdsgroep = models.CharField(max_length=8, choices=Leeftijdsgroep.choices, blank=True)
    fase = models.CharField(max_length=20, blank=True)
    tredegroep = models.CharField(max_length=1, blank=True)
    huishouden = models.CharField(max_length=20, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    ingediend_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = "bijdrage aan het leernetwerk"
        verbose_name_plural = "bijdragen aan het leernetwerk"

    def __str__(self) -> str:
        return f"bijdrage {self.pk} ({self.status})"

    @property
    def label(self) -> str:
        """How professionals refer to a fragment: a number, never the client."""
        return f"Ervaring {self.pk}"


class Code(models.Model):
    """One theme of the shared codebook of a municipality's learning network."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=60)
    omschrijving = models.TextField(blank=True, max_length=500)

    class Meta:
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="code_uniek_per_gemeente")
        ]

    def __str__(self) -> str:
        return self.naam


class Codering(models.Model):
    """A coder put a code on a span of a contribution's shared text, perhaps with a memo."""

    bijdrage = models.ForeignKey(Bijdrage, on_delete=models.CASCADE, related_name="coderingen")
    code = models.ForeignKey(Code, on_delete=models.PROTECT, related_name="coderingen")
    codeur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    begin = models.PositiveIntegerField()
    einde = models.PositiveIntegerField()
    memo = models.TextField(blank=True, max_length=2000)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["bijdrage_id", "begin", "pk"]

    def __str__(self) -> str:
        return f"{self.code} op {self.bijdrage_id} [{self.begin}:{self.einde}]"

    @property
    def fragment(self) -> str:
        return str(self.bijdrage.gedeelde_tekst)[self.begin : self.einde]


class Sessie(models.Model):
    """A learning-network meeting: the pack it discussed, its conclusions, and follow-up actions."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    titel = models.CharField(max_length=120)
    datum = models.DateField()
    codes = models.ManyToManyField(Code, blank=True, related_name="sessies")
    conclusies = models.TextField(blank=True, max_length=5000)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return self.titel


class ActieStatus(models.TextChoices):
    OPEN = "open", _("Nog niet begonnen")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")


class Actie(models.Model):
    sessie = models.ForeignKey(Sessie, on_delete=models.CASCADE, related_name="acties")
    omschrijving = models.CharField(max_length=300)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uiterlijk = models.DateField()
    status = models.CharField(max_length=5, choices=ActieStatus.choices, default=ActieStatus.OPEN)

    class Meta:
        ordering = ["uiterlijk", "pk"]

    def __str__(self) -> str:
        return self.omschrijving

from django.conf import settings
from django.db import models
from django.utils.translation import gettext

from opstap.privacy.bsn import maskeer_bsn
from opstap.privacy.fields import VersleuteldJaNeeVeld, VersleuteldTekstVeld

from .keuzes import DREMPEL_GROEP_VAN, DrempelGroep, DrempelSoort, Fase, Huishouden, Trede


class Klant(models.Model):
    """A person on bijstand: the household is what the income engine needs."""

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="klanten"
    )
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="klant",
    )
    # BSN: only encrypted, and a keyed hash to find it again (import re-runs update, never duplicate).
    bsn_versleuteld = VersleuteldTekstVeld()
    bsn_zoekhash = models.CharField(max_length=64, editable=False)
    voorletters = models.CharField(max_length=20)
    roepnaam = models.CharField(max_length=50, blank=True)
    tussenvoegsel = models.CharField(max_length=20, blank=True)
    achternaam = models.CharField(max_length=100)
    geboortedatum = models.DateField()
    straat = models.CharField(max_length=100, blank=True)
    huisnummer = models.CharField(max_length=10)
    postcode = models.CharField(max_length=7)
    woonplaats = models.CharField(max_length=80, blank=True)
    email = models.EmailField(blank=True)
    telefoon = models.CharField(max_length=20, blank=True)

    huishouden = models.CharField(max_length=20, choices=Huishouden.choices)
    kostendelers = models.PositiveSmallIntegerField(
        default=0, help_text="Medebewoners van 27 jaar of ouder."
    )
    kale_huur = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    servicekosten = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    vermogen = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    vrijlating_maanden_gebruikt = models.PositiveSmallIntegerField(default=0)
    # A medical limit on working hours is health data: encrypted like the details below.
    medisch_urenbeperkt = VersleuteldJaNeeVeld(default=False)
    bijstand_sinds = models.DateField(null=True, blank=True)

    trede = models.CharField(max_length=3, choices=Trede.choices, default=Trede.T2_0)
    fase = models.CharField(max_length=20, choices=Fase.choices, default=Fase.GESPREK)
    contactpersoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="caseload",
        limit_choices_to={"rol": "contactpersoon"},
    )
    # Health and debt details are special personal data: encrypted at rest.
    gezondheid = VersleuteldTekstVeld(blank=True)
    schulden = VersleuteldTekstVeld(blank=True)

    # What matching must respect (hard constraints) and what it ranks on (wishes). A physical limit
    # is health data: encrypted like the above; matching reads it in Python for a narrowed set.
    alleen_schooltijden = models.BooleanField(default=False)
    heeft_auto = models.BooleanField(default=False)
    fysiek_beperkt = VersleuteldJaNeeVeld(default=False)
    max_uren_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    breedtegraad = models.FloatField(null=True, blank=True)
    lengtegraad = models.FloatField(null=True, blank=True)
    gewenste_beroepen = models.JSONField(default=list, blank=True)
    mogelijke_beroepen = models.JSONField(
        default=list, blank=True, help_text="Samen met de contactpersoon gemaakt (C3)."
    )
    vaardigheden = models.JSONField(default=list, blank=True)
    interesses = models.JSONField(default=list, blank=True)
    ervaring = models.JSONField(default=list, blank=True, help_text="Beroepen waarin gewerkt.")

    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "klanten"
        ordering = ["achternaam", "voorletters"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "bsn_zoekhash"], name="uniek_bsn_per_gemeente"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        delen = [self.roepnaam or self.voorletters, self.tussenvoegsel, self.achternaam]
        return " ".join(d for d in delen if d)

    @property
    def adres(self) -> str:
        """As a letter is addressed: Kerkstraat 12, 9931 AA Demodam. The one place an address is
        written; without a street (an older import) the house number says what it is."""
        if self.straat:
            regel = f"{self.straat} {self.huisnummer}"
        else:
            regel = gettext("huisnummer %(nummer)s") % {"nummer": self.huisnummer}
        plaats = " ".join(d for d in (self.postcode, self.woonplaats) if d)
        return ", ".join(d for d in (regel, plaats) if d)

    @property
    def bsn_gemaskeerd(self) -> str:
        return maskeer_bsn(self.bsn_versleuteld or "")

    @property
    def trede_groep(self) -> str:
        return self.trede.split(".")[0]


class Partner(models.Model):
    klant = models.OneToOneField(Klant, on_delete=models.CASCADE, related_name="partner")
    voorletters = models.CharField(max_length=20, blank=True)
    achternaam = models.CharField(max_length=100, blank=True)
    geboortedatum = models.DateField()

    def __str__(self) -> str:
        return f"Partner van {self.klant}"


class Kind(models.Model):
    klant = models.ForeignKey(Klant, on_delete=models.CASCADE, related_name="kinderen")
    roepnaam = models.CharField(max_length=50, blank=True)
    geboortedatum = models.DateField()

    class Meta:
        verbose_name_plural = "kinderen"
        ordering = ["geboortedatum"]

    def __str__(self) -> str:
        return f"Kind ({self.geboortedatum:%Y}) van {self.klant}"


class TredeWijziging(models.Model):
    """History of the trede: the ladder is a path, not a label."""

    klant = models.ForeignKey(Klant, on_delete=models.CASCADE, related_name="trede_historie")
    trede = models.CharField(max_length=3, choices=Trede.choices)
    datum = models.DateField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    toelichting = VersleuteldTekstVeld(max_length=300, blank=True)

    class Meta:
        ordering = ["-datum", "-id"]

    def __str__(self) -> str:
        return f"{self.datum}: trede {self.trede}"


class Drempel(models.Model):
    """A barrier to work. Its kind (a disability, debts) and note are special personal data,
    so both are encrypted: the database cannot order, filter or keep them unique, so
    contact.services.drempel_vastleggen keeps one per kind and callers sort with `volgorde`."""

    klant = models.ForeignKey(Klant, on_delete=models.CASCADE, related_name="drempels")
    soort = VersleuteldTekstVeld(max_length=30, choices=DrempelSoort.choices)
    toelichting = VersleuteldTekstVeld(max_length=300, blank=True)
    eerst_aanpakken = models.BooleanField(default=False)
    opgelost_op = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.get_soort_display()

    @property
    def groep(self) -> DrempelGroep:
        return DREMPEL_GROEP_VAN[self.soort]

    @property
    def volgorde(self) -> int:
        """Position of the kind in the list of kinds (grouped: middelen, gedrag, context)."""
        return _DREMPEL_VOLGORDE.get(self.soort, len(_DREMPEL_VOLGORDE))


_DREMPEL_VOLGORDE = {soort: i for i, soort in enumerate(DrempelSoort.values)}

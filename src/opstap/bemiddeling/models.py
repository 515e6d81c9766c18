"""Mediation between a client and employers. The consent itself is `werkgevers.Toestemming`: an
employer sees a client only through a consent in force, and only what it names."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from opstap.privacy.fields import VersleuteldTekstVeld


class Kandidaatprofiel(models.Model):
    """What a client writes for employers: the values behind `beschikbaarheid` and `cv`. Shown to an
    employer only when a consent in force names that detail."""

    klant = models.OneToOneField(
        "klanten.Klant", on_delete=models.CASCADE, related_name="kandidaatprofiel"
    )
    beschikbaarheid = VersleuteldTekstVeld(max_length=300, blank=True)
    cv = VersleuteldTekstVeld(max_length=2000, blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"kandidaatprofiel {self.klant_id}"


class VoorstelStatus(models.TextChoices):
    GEVRAAGD = "gevraagd", _("Wacht op het antwoord van de klant")
    NEE = "nee", _("De klant wil dit liever niet")
    GEDEELD = "gedeeld", _("Gedeeld met de werkgever")
    AANGENOMEN = "aangenomen", _("Aangenomen")
    NIET_AANGENOMEN = "niet_aangenomen", _("Niet aangenomen")
    INGETROKKEN = "ingetrokken", _("Toestemming ingetrokken")


class Voorstel(models.Model):
    """A client as candidate for one employer (and vacancy). Proposed by the contact person or the
    municipal temp agency (the client is asked first), or started by the client's own consent."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="voorstellen")
    werkgever = models.ForeignKey(
        "werkgevers.Werkgever", on_delete=models.CASCADE, related_name="voorstellen"
    )
    vacature = models.ForeignKey(
        "werkgevers.Vacature", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    voorgestelde_gegevens = models.JSONField(default=list)
    toelichting = models.CharField(max_length=500, blank=True)
    door = models.ForeignKey(
        "accounts.Gebruiker", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    toestemming = models.ForeignKey(
        "werkgevers.Toestemming",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorstellen",
    )
    status = models.CharField(
        max_length=20, choices=VoorstelStatus.choices, default=VoorstelStatus.GEVRAAGD
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    evaluatie_gevraagd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name_plural = "voorstellen"

    def __str__(self) -> str:
        return f"voorstel {self.pk}"

    @property
    def door_klant(self) -> bool:
        return self.door_id is not None and self.door_id == self.klant.gebruiker_id


class Uitkomst(models.TextChoices):
    AANGENOMEN = "aangenomen", _("Aangenomen")
    NIET_AANGENOMEN = "niet_aangenomen", _("Niet aangenomen")


class Terugkoppeling(models.Model):
    """The employer's feedback on a proposed candidate, hired or not."""

    voorstel = models.OneToOneField(
        Voorstel, on_delete=models.CASCADE, related_name="terugkoppeling"
    )
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices)
    goed = VersleuteldTekstVeld(max_length=1000, blank=True)
    tip = VersleuteldTekstVeld(max_length=1000, blank=True)
    door = models.ForeignKey(
        "accounts.Gebruiker", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gegeven_op = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"terugkoppeling {self.voorstel_id}"


class Proefdag(models.Model):
    """A trial day: requested by anyone of the three, scheduled, confirmed by all three."""

    voorstel = models.ForeignKey(Voorstel, on_delete=models.CASCADE, related_name="proefdagen")
    aangevraagd_door_rol = models.CharField(max_length=20)
    wens = models.CharField(max_length=500, blank=True)
    datum = models.DateField(null=True, blank=True)
    begin = models.TimeField(null=True, blank=True)
    einde = models.TimeField(null=True, blank=True)
    plaats = models.CharField(max_length=200, blank=True)
    meenemen = models.CharField(max_length=500, blank=True)
    bevestigd_werkgever_op = models.DateTimeField(null=True, blank=True)
    bevestigd_klant_op = models.DateTimeField(null=True, blank=True)
    bevestigd_contactpersoon_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name_plural = "proefdagen"

    def __str__(self) -> str:
        return f"proefdag {self.pk}"

    @property
    def is_gepland(self) -> bool:
        return self.datum is not None

    @property
    def is_bevestigd(self) -> bool:
        return self.is_gepland and all(
            (self.bevestigd_werkgever_op, self.bevestigd_klant_op, self.bevestigd_contactpersoon_op)
        )

    @property
    def status(self) -> str:
        if not self.is_gepland:
            return str(_("Aangevraagd, nog geen datum"))
        if self.is_bevestigd:
            return str(_("Bevestigd door werkgever, klant en contactpersoon"))
        return str(_("Gepland, wacht op bevestiging"))


class Werkwijze(models.Model):
    """How an employer selects (C7): the process and questions a candidate can practise."""

    werkgever = models.OneToOneField(
        "werkgevers.Werkgever", on_delete=models.CASCADE, related_name="werkwijze"
    )
    proces = models.TextField(max_length=2000, blank=True)
    oefenvragen = models.TextField(max_length=2000, blank=True)

    def __str__(self) -> str:
        return f"werkwijze {self.werkgever_id}"

    @property
    def vragen(self) -> list[str]:
        return [r.strip() for r in self.oefenvragen.splitlines() if r.strip()]


class Driehoeksmoment(models.Model):
    """A contact moment of employer, client and contact person together (E4)."""

    voorstel = models.ForeignKey(Voorstel, on_delete=models.CASCADE, related_name="momenten")
    gepland_op = models.DateTimeField()
    onderwerp = models.CharField(max_length=200)
    verslag = VersleuteldTekstVeld(max_length=2000, blank=True)
    gepland_door = models.ForeignKey(
        "accounts.Gebruiker", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["gepland_op", "pk"]
        verbose_name_plural = "driehoeksmomenten"

    def __str__(self) -> str:
        return self.onderwerp


class Bijeenkomst(models.Model):
    """A meet-up (speed date) the municipality organises with employers and clients who sign up."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    titel = models.CharField(max_length=150)
    omschrijving = models.TextField(max_length=2000, blank=True)
    begint_op = models.DateTimeField()
    plaats = models.CharField(max_length=200)
    max_deelnemers = models.PositiveSmallIntegerField(default=20)
    werkgevers = models.ManyToManyField(
        "werkgevers.Werkgever", blank=True, related_name="bijeenkomsten"
    )
    georganiseerd_door = models.ForeignKey(
        "accounts.Gebruiker", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["begint_op", "pk"]
        verbose_name_plural = "bijeenkomsten"

    def __str__(self) -> str:
        return self.titel


class Aanmelding(models.Model):
    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="aanmeldingen"
    )
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="+")
    aangemeld_op = models.DateTimeField(auto_now_add=True)
    aanwezig = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["aangemeld_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "klant"], name="een_aanmelding_per_klant"
            )
        ]
        verbose_name_plural = "aanmeldingen"

    def __str__(self) -> str:
        return f"aanmelding {self.pk}"


class Vervolg(models.Model):
    """What follows from a meet-up for one pair of client and employer."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="vervolgen")
    werkgever = models.ForeignKey(
        "werkgevers.Werkgever", on_delete=models.CASCADE, related_name="+"
    )
    tekst = VersleuteldTekstVeld(max_length=1000)
    door = models.ForeignKey(
        "accounts.Gebruiker", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["vastgelegd_op", "pk"]
        verbose_name_plural = "vervolgen"

    def __str__(self) -> str:
        return f"vervolg {self.pk}"


class PlaatsSoort(models.TextChoices):
    WERKERVARING = "werkervaring", _("Werkervaringsplaats")
    PROEFPLAATSING = "proefplaatsing", _("Proefplaatsing")


class PlaatsStatus(models.TextChoices):
    AANGEBODEN = "aangeboden", _("Aangeboden, nog vrij")
    LOOPT = "loopt", _("Loopt")
    AFGEROND = "afgerond", _("Afgerond")
    GESTOPT = "gestopt", _("Eerder gestopt")


class Plaats(models.Model):
    """A work-experience place or trial placement an employer offers; the contact person places a
    client and tracks start, end and status."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    werkgever = models.ForeignKey(
        "werkgevers.Werkgever", on_delete=models.CASCADE, related_name="plaatsen"
    )
    soort = models.CharField(max_length=20, choices=PlaatsSoort.choices)
    titel = models.CharField(max_length=150)
    omschrijving = models.TextField(max_length=2000, blank=True)
    uren_per_week = models.PositiveSmallIntegerField(default=16)
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    begin = models.DateField(null=True, blank=True)
    einde = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=PlaatsStatus.choices, default=PlaatsStatus.AANGEBODEN
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name_plural = "plaatsen"

    def __str__(self) -> str:
        return self.titel

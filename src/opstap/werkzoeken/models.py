"""The client's own search for work. Descriptions, texts, comments, moods and files are personal:
encrypted at rest (privacy.fields, privacy.opslag). Nothing here is ever deleted by the contact
person; the client withdraws their own presentation (C6)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opstap.privacy.fields import VersleuteldJSONVeld, VersleuteldTekstVeld
from opstap.privacy.opslag import versleutelde_opslag


class ActiviteitSoort(models.TextChoices):
    SOLLICITATIE = "sollicitatie", _("Sollicitatie")
    UITZENDBUREAU = "uitzendbureau", _("Bezoek aan een uitzendbureau")
    NETWERK = "netwerk", _("Netwerkcontact")
    SCHOLING = "scholing", _("Scholing of cursus")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
    MANTELZORG = "mantelzorg", _("Mantelzorg")
    ZELFONTWIKKELING = "zelfontwikkeling", _("Zelfontwikkeling")
    LEERNETWERK = "leernetwerk", _("Bijdrage aan het leernetwerk")


# What counts when the contact person chose nothing else. The learning network only counts when
# the contact person agreed to it (C1); mantelzorg is recognised, and counts when agreed.
STANDAARD_SOORTEN = [
    ActiviteitSoort.SOLLICITATIE,
    ActiviteitSoort.UITZENDBUREAU,
    ActiviteitSoort.NETWERK,
    ActiviteitSoort.SCHOLING,
    ActiviteitSoort.VRIJWILLIGERSWERK,
    ActiviteitSoort.ZELFONTWIKKELING,
]


class Plicht(models.Model):
    """The application duty as maatwerk for one client: one row per change, the newest is in
    force, the older ones are its history."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="plichten")
    aantal = models.PositiveSmallIntegerField()
    periode_weken = models.PositiveSmallIntegerField(default=3)
    soorten = models.JSONField(default=list)
    toelichting = VersleuteldTekstVeld(max_length=500, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-vastgelegd_op", "-id"]
        verbose_name_plural = "plichten"

    def __str__(self) -> str:
        return f"{self.aantal} per {self.periode_weken} weken"


class VrijstellingSoort(models.TextChoices):
    VRIJSTELLING = "vrijstelling", _("Tijdelijke vrijstelling")
    PAUZE_BAAN = "pauze_baan", _("Pauze sollicitatieplicht: nieuwe baan")
    PAUZE_AFWIJZING = "pauze_afwijzing", _("Pauze na een afwijzing")


class Vrijstelling(models.Model):
    """A temporary exemption from the duty, with reason and end date. Kept when it ends or is
    stopped early (history)."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.CASCADE, related_name="vrijstellingen"
    )
    soort = models.CharField(
        max_length=20, choices=VrijstellingSoort.choices, default=VrijstellingSoort.VRIJSTELLING
    )
    reden = VersleuteldTekstVeld(max_length=300)
    begin = models.DateField()
    einde = models.DateField()
    baan = models.ForeignKey(
        "werken.Baan", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    beeindigd_op = models.DateField(null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-begin", "-id"]
        verbose_name_plural = "vrijstellingen"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.begin}–{self.einde}"


class Uitkomst(models.TextChoices):
    OPEN = "", _("Nog geen antwoord")
    GESPREK = "gesprek", _("Uitgenodigd voor een gesprek")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    AANGENOMEN = "aangenomen", _("Aangenomen")


def _bewijs_pad(activiteit: "Activiteit", bestandsnaam: str) -> str:
    # Never the client's own file name in the path: it may hold personal data.
    return f"werkzoeken/{activiteit.gemeente_id}/{activiteit.klant_id}/{uuid.uuid4().hex}"


class Activiteit(models.Model):
    """Something the client did to find work: logged by the client, counted towards the duty when
    its kind counts. Proof is welcome and never required."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.CASCADE, related_name="werkzoekactiviteiten"
    )
    soort = models.CharField(max_length=20, choices=ActiviteitSoort.choices)
    datum = models.DateField()
    omschrijving = VersleuteldTekstVeld(max_length=500)
    # Volunteer work and mantelzorg: hours, and the goals it serves (C5).
    uren = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    doelen = models.JSONField(default=list, blank=True)
    uitkomst = models.CharField(max_length=12, choices=Uitkomst.choices, blank=True, default="")
    bewijs = models.FileField(upload_to=_bewijs_pad, storage=versleutelde_opslag, blank=True)
    bewijs_naam = VersleuteldTekstVeld(max_length=200, blank=True)
    bewijs_type = models.CharField(max_length=50, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name_plural = "activiteiten"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum}"


class StukSoort(models.TextChoices):
    CV = "cv", _("CV")
    BRIEF = "brief", _("Sollicitatiebrief")
    PITCH = "pitch", _("Korte pitch")
    VIDEO = "video", _("Filmpje")


def _stuk_pad(stuk: "Stuk", bestandsnaam: str) -> str:
    return f"werkzoeken/{stuk.gemeente_id}/{stuk.klant_id}/{uuid.uuid4().hex}"


class Stuk(models.Model):
    """A CV, letter, pitch or video of the client: written here or uploaded. The contact person
    sees it only once the client shares it (asking for a check shares it); the client can
    withdraw it at any time, which removes text and file."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="stukken")
    soort = models.CharField(max_length=10, choices=StukSoort.choices)
    titel = VersleuteldTekstVeld(max_length=200)
    tekst = VersleuteldTekstVeld(max_length=20000, blank=True)
    bestand = models.FileField(upload_to=_stuk_pad, storage=versleutelde_opslag, blank=True)
    bestand_naam = VersleuteldTekstVeld(max_length=200, blank=True)
    bestand_type = models.CharField(max_length=50, blank=True)
    gedeeld_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-gewijzigd_op", "-id"]
        verbose_name_plural = "stukken"

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.titel}"


class Controle(models.Model):
    """A request to check a CV or letter, due the same working day. The contact person answers
    with comments anchored on passages of the text (the words they are about) and a word at the
    end; the text is kept as it was when the check was asked."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="controles")
    stuk = models.ForeignKey(Stuk, on_delete=models.CASCADE, related_name="controles")
    vraag = VersleuteldTekstVeld(max_length=1000, blank=True)
    tekst = VersleuteldTekstVeld(max_length=20000, blank=True)
    gevraagd_op = models.DateTimeField()
    uiterlijk_op = models.DateTimeField()
    # [{"passage": "...", "opmerking": "..."}] in the order of the text.
    opmerkingen = VersleuteldJSONVeld(default=list, blank=True)
    slotwoord = VersleuteldTekstVeld(max_length=2000, blank=True)
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    gelezen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-gevraagd_op", "-id"]
        verbose_name_plural = "controles"

    def __str__(self) -> str:
        return f"Controle {self.pk} ({self.gevraagd_op:%Y-%m-%d})"


class Organisatie(models.Model):
    """The municipality's network (C4): temp agencies, the werkgeversservicepunt, job desks."""

    class Soort(models.TextChoices):
        UITZENDBUREAU = "uitzendbureau", _("Uitzendbureau")
        WSP = "wsp", _("Werkgeversservicepunt")
        ANDERS = "anders", _("Hulp bij werk zoeken")

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.CASCADE, related_name="werkzoek_netwerk"
    )
    naam = models.CharField(max_length=200)
    soort = models.CharField(max_length=20, choices=Soort.choices)
    adres = models.CharField(max_length=200, blank=True)
    telefoon = models.CharField(max_length=20, blank=True)
    website = models.URLField(blank=True)
    tip = models.TextField(blank=True)

    class Meta:
        ordering = ["soort", "naam"]
        verbose_name_plural = "organisaties"

    def __str__(self) -> str:
        return self.naam


class NetwerkContact(models.Model):
    """Someone the client knows who might help them to work (C4): only the client sees these."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.CASCADE, related_name="netwerkcontacten"
    )
    naam = VersleuteldTekstVeld(max_length=100)
    hoe = VersleuteldTekstVeld(max_length=200, blank=True)
    tip = VersleuteldTekstVeld(max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["aangemaakt_op", "id"]

    def __str__(self) -> str:
        return f"Contact {self.pk}"


class Groep(models.Model):
    """An optional peer group that passes vacancies on (C4), moderated by a contact person."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    naam = models.CharField(max_length=100)
    omschrijving = models.CharField(max_length=300, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["naam"]
        verbose_name_plural = "groepen"

    def __str__(self) -> str:
        return self.naam


class Groepslid(models.Model):
    groep = models.ForeignKey(Groep, on_delete=models.CASCADE, related_name="leden")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="+")
    lid_sinds = models.DateTimeField(auto_now_add=True)
    afgemeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "groepsleden"

    def __str__(self) -> str:
        return f"Lid {self.pk} van {self.groep_id}"


class Groepstip(models.Model):
    """A tip or vacancy link shared in a group. Shown without the sender's name; the moderator
    can hide it."""

    groep = models.ForeignKey(Groep, on_delete=models.CASCADE, related_name="tips")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="+")
    tekst = VersleuteldTekstVeld(max_length=500)
    link = models.URLField(blank=True)
    geplaatst_op = models.DateTimeField(auto_now_add=True)
    verborgen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-geplaatst_op", "-id"]

    def __str__(self) -> str:
        return f"Tip {self.pk}"


class StemmingMoment(models.TextChoices):
    ZOMAAR = "zomaar", _("Zomaar")
    AFWIJZING = "afwijzing", _("Na een afwijzing")
    GESPREK = "gesprek", _("Na een sollicitatiegesprek")
    CONTROLE = "controle", _("Na een controle van je cv of brief")
    BAAN = "baan", _("Na het vinden van werk")


class StemmingScore(models.TextChoices):
    GOED = "goed", _("Goed")
    GAAT_WEL = "gaat_wel", _("Gaat wel")
    ZWAAR = "zwaar", _("Zwaar")


class Stemming(models.Model):
    """How the client feels after a key moment (C9). The client chooses whether the contact
    person sees it; not shared is the default (a feeling is theirs first)."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="stemmingen")
    score = VersleuteldTekstVeld(max_length=10, choices=StemmingScore.choices)
    moment = models.CharField(
        max_length=12, choices=StemmingMoment.choices, default=StemmingMoment.ZOMAAR
    )
    gedeeld = models.BooleanField(default=False)
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-op", "-id"]
        verbose_name_plural = "stemmingen"

    def __str__(self) -> str:
        return f"Stemming {self.pk}"

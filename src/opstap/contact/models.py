from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opstap.privacy.fields import VersleuteldJSONVeld, VersleuteldTekstVeld
from opstap.privacy.opslag import versleutelde_opslag

from .profielfoto import als_data_url


class Contactpersoon(models.Model):
    """The one trusted person: photo, name and how and when to reach them (A1)."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contactpersoon_profiel"
    )
    foto = models.ImageField(upload_to="contactpersonen/", blank=True)
    foto_svg = models.TextField(
        blank=True, help_text="Illustratie voor demo-accounts, in plaats van een foto."
    )
    telefoon_direct = models.CharField(max_length=20, blank=True)
    bereikbaar = models.CharField(
        max_length=200, blank=True, help_text="Bijv. 'ma, di en do van 9 tot 12 uur'."
    )
    introductie = models.TextField(
        blank=True, help_text="Een paar zinnen over jezelf, voor je klanten."
    )

    class Meta:
        verbose_name_plural = "contactpersonen"

    def __str__(self) -> str:
        return self.gebruiker.weergavenaam

    @property
    def foto_data_url(self) -> str:
        """The photo inside the page (data: URL): it has no address of its own, so only someone who
        may open the page sees it. Empty when there is no photo or the file is gone."""
        if not self.foto:
            return ""
        try:
            with self.foto.open("rb") as bestand:
                return als_data_url(bestand.read())
        except OSError:
            return ""


class OverdrachtSoort(models.TextChoices):
    OVERDRACHT = "overdracht", "Overdracht (nieuwe vaste contactpersoon)"
    VERVANGING = "vervanging", "Vervanging (tijdelijk, bijv. bij vakantie of ziekte)"


class Overdracht(models.Model):
    """A handover (the client gets a new contact person) or a substitution (a colleague
    temporarily sees the caseload). Recorded, so the client can be told and history stays."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT)
    soort = models.CharField(max_length=12, choices=OverdrachtSoort.choices)
    van = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="overdrachten_van"
    )
    naar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="overdrachten_naar"
    )
    # A handover concerns one client; a substitution covers the whole caseload of `van`.
    klant = models.ForeignKey(
        "klanten.Klant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="overdrachten",
    )
    begin = models.DateField()
    einde = models.DateField(null=True, blank=True)
    # Why a colleague takes over can name illness or leave: encrypted like other personal notes.
    reden = VersleuteldTekstVeld(max_length=200, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-begin", "-id"]
        verbose_name_plural = "overdrachten"

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.van} → {self.naar} ({self.begin})"


# --- A2: secure messages ------------------------------------------------------------------------

BIJLAGE_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
BIJLAGE_MAX_BYTES = 5 * 1024 * 1024


def _bijlage_pad(bericht: "Bericht", bestandsnaam: str) -> str:
    import uuid

    extensie = BIJLAGE_TYPES.get(bericht.bijlage_type, "")
    # Never the client's own file name in the path: it may hold personal data.
    return f"berichten/{bericht.gemeente_id}/{bericht.klant_id}/{uuid.uuid4().hex}{extensie}"


class Bericht(models.Model):
    """One message in the conversation between a client and the municipality. Never deleted."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.PROTECT, related_name="berichten")
    afzender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    van_klant = models.BooleanField(help_text="Geschreven door de klant (anders door de gemeente).")
    tekst = VersleuteldTekstVeld()
    # The file (a payslip, a letter) and its name are encrypted at rest; the path is random.
    bijlage = models.FileField(upload_to=_bijlage_pad, storage=versleutelde_opslag, blank=True)
    bijlage_naam = VersleuteldTekstVeld(max_length=200, blank=True)
    bijlage_type = models.CharField(max_length=50, blank=True)
    # A question or remark on a conversation summary arrives as a message linked to it (A3).
    verslag = models.ForeignKey(
        "Gespreksverslag", on_delete=models.PROTECT, null=True, blank=True, related_name="reacties"
    )
    verstuurd_op = models.DateTimeField(auto_now_add=True, db_index=True)
    gelezen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["verstuurd_op", "id"]
        verbose_name_plural = "berichten"
        indexes = [models.Index(fields=["klant", "verstuurd_op"])]

    def __str__(self) -> str:
        return f"Bericht {self.pk} ({self.verstuurd_op:%Y-%m-%d %H:%M})"


# --- A3: conversation summaries -----------------------------------------------------------------


class GesprekSoort(models.TextChoices):
    TELEFOON = "telefoon", _("Telefoongesprek")
    KANTOOR = "kantoor", _("Gesprek op kantoor")
    VIDEO = "video", _("Videogesprek")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")


class Gespreksverslag(models.Model):
    """What was said and agreed in one conversation, in plain Dutch, for the client to read back."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, related_name="gespreksverslagen"
    )
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gesprek_op = models.DateField()
    soort = models.CharField(
        max_length=12, choices=GesprekSoort.choices, default=GesprekSoort.TELEFOON
    )
    samenvatting = VersleuteldTekstVeld()
    afspraken = VersleuteldTekstVeld(blank=True, help_text="Eén afspraak per regel.")
    volgende_stappen = VersleuteldTekstVeld(
        blank=True, help_text="Eén stap per regel: wie doet wat, wanneer."
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    gepubliceerd_op = models.DateTimeField(null=True, blank=True)
    gelezen_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer de klant het voor het eerst las."
    )

    class Meta:
        ordering = ["-gesprek_op", "-id"]
        verbose_name_plural = "gespreksverslagen"

    def __str__(self) -> str:
        return f"Gespreksverslag {self.gesprek_op}"

    @property
    def is_gepubliceerd(self) -> bool:
        return self.gepubliceerd_op is not None

    @property
    def afspraken_lijst(self) -> list[str]:
        return [r.strip(" -•\t") for r in (self.afspraken or "").splitlines() if r.strip(" -•\t")]

    @property
    def stappen_lijst(self) -> list[str]:
        return [
            r.strip(" -•\t") for r in (self.volgende_stappen or "").splitlines() if r.strip(" -•\t")
        ]


# --- A4: announced contact moments --------------------------------------------------------------


class ContactmomentStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEWEEST = "geweest", _("Geweest")
    VERZET = "verzet", _("Verzet of afgezegd")


class Contactmoment(models.Model):
    """A planned call or meeting: what, when, by whom and why, so a call is never a surprise."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, related_name="contactmomenten"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    wanneer = models.DateTimeField()
    soort = models.CharField(
        max_length=12, choices=GesprekSoort.choices, default=GesprekSoort.TELEFOON
    )
    onderwerp = VersleuteldTekstVeld(max_length=200)
    waarom = VersleuteldTekstVeld(blank=True)
    status = models.CharField(
        max_length=10, choices=ContactmomentStatus.choices, default=ContactmomentStatus.GEPLAND
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    # The reminder the day before goes out once; this records that it did.
    herinnering_verstuurd_op = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["wanneer", "id"]
        verbose_name_plural = "contactmomenten"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.wanneer:%Y-%m-%d %H:%M}"


# --- A5: step plan and goals --------------------------------------------------------------------


class DoelSoort(models.TextChoices):
    DOEL = "doel", _("Doel")
    KWALITEIT = "kwaliteit", _("Kwaliteit")


class Doel(models.Model):
    """A non-financial goal of the client, or one of their qualities."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="doelen")
    soort = models.CharField(max_length=10, choices=DoelSoort.choices, default=DoelSoort.DOEL)
    tekst = VersleuteldTekstVeld(max_length=300)
    bereikt_op = models.DateField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["soort", "aangemaakt_op", "id"]
        verbose_name_plural = "doelen"

    def __str__(self) -> str:
        return str(self.tekst)


class StapWie(models.TextChoices):
    KLANT = "klant", _("Ik")
    CONTACTPERSOON = "contactpersoon", _("Mijn contactpersoon")
    SAMEN = "samen", _("Samen")


class Stap(models.Model):
    """One step in the step plan: who does what by when."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="stappen")
    wat = VersleuteldTekstVeld(max_length=300)
    wie = models.CharField(max_length=15, choices=StapWie.choices, default=StapWie.KLANT)
    uiterlijk = models.DateField(null=True, blank=True)
    drempel = models.ForeignKey(
        "klanten.Drempel", on_delete=models.SET_NULL, null=True, blank=True, related_name="stappen"
    )
    gedaan_op = models.DateField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["gedaan_op", "uiterlijk", "id"]
        verbose_name_plural = "stappen"

    def __str__(self) -> str:
        return str(self.wat)


# --- B1: applications for provisions ------------------------------------------------------------


class AanvraagStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    TOEGEKEND = "toegekend", _("Toegekend")
    AFGEWEZEN = "afgewezen", _("Niet toegekend")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class Aanvraag(models.Model):
    """An application for a provision. Stored and confirmed the moment the client sends it."""

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    klant = models.ForeignKey("klanten.Klant", on_delete=models.PROTECT, related_name="aanvragen")
    regeling_code = models.CharField(max_length=80)
    regeling_naam = models.CharField(max_length=200)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ingediend_op = models.DateTimeField(auto_now_add=True)
    # What the municipality already knew (prefilled) and what the client added.
    gegevens = VersleuteldJSONVeld(default=dict, blank=True)  # address, household: encrypted
    toelichting = VersleuteldTekstVeld(blank=True)
    status = models.CharField(
        max_length=20, choices=AanvraagStatus.choices, default=AanvraagStatus.INGEDIEND
    )
    # The procedure: [{"naam": ..., "verwacht_op": "YYYY-MM-DD", "gedaan_op": "YYYY-MM-DD" | null}, ...]
    stappen = models.JSONField(default=list, blank=True)
    verwacht_besluit_op = models.DateField(null=True, blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-ingediend_op", "-id"]
        verbose_name_plural = "aanvragen"

    def __str__(self) -> str:
        return f"Aanvraag {self.regeling_naam} ({self.get_status_display()})"

    @property
    def is_lopend(self) -> bool:
        return self.status in (AanvraagStatus.INGEDIEND, AanvraagStatus.IN_BEHANDELING)


# --- Notification channels ----------------------------------------------------------------------


class KanaalSoort(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Sms")
    PUSH = "push", _("Melding op je telefoon")


class Meldingskanaal(models.Model):
    """Where a user wants to hear that something new is waiting (never the content itself)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meldingskanalen"
    )
    soort = models.CharField(max_length=10, choices=KanaalSoort.choices)
    # Web push: the subscription's endpoint and keys (p256dh, auth).
    endpoint = models.URLField(max_length=1000, blank=True)
    sleutels = models.JSONField(default=dict, blank=True)
    actief = models.BooleanField(default=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "meldingskanalen"
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "soort", "endpoint"], name="kanaal_een_keer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} voor {self.gebruiker}"

"""The access log: who read or changed a client's personal data, when and why. Append-only."""

from django.conf import settings
from django.db import models


class Actie(models.TextChoices):
    LEZEN = "lezen", "Bekeken"
    WIJZIGEN = "wijzigen", "Gewijzigd"
    AANMAKEN = "aanmaken", "Toegevoegd"
    EXPORTEREN = "exporteren", "Geëxporteerd"


class AlleenToevoegenFout(Exception):
    pass


class Inzage(models.Model):
    tijdstip = models.DateTimeField(auto_now_add=True, db_index=True)
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT)
    klant = models.ForeignKey("klanten.Klant", on_delete=models.PROTECT, related_name="inzages")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    rol = models.CharField(max_length=20)
    actie = models.CharField(max_length=12, choices=Actie.choices)
    onderdeel = models.CharField(max_length=100, help_text="Welk deel van het dossier, bijv. 'huishouden'.")
    doel = models.CharField(max_length=200, help_text="Waarom, in woorden die de klant begrijpt.")

    class Meta:
        ordering = ["-tijdstip"]
        verbose_name_plural = "inzages"
        indexes = [models.Index(fields=["klant", "-tijdstip"])]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.rol} {self.actie} {self.onderdeel}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise AlleenToevoegenFout("Het inzagelog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)  # type: ignore[arg-type,unused-ignore]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AlleenToevoegenFout("Het inzagelog kan niet worden verwijderd.")


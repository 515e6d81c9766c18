"""The access log: who read or changed a client's personal data, when and why. Append-only.

Append-only holds at three levels: a single entry refuses save() and delete(); the queryset refuses
bulk update() and delete(); and the database itself refuses UPDATE, DELETE and (PostgreSQL)
TRUNCATE with triggers (migration 0002), so raw SQL cannot empty the log either."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models


class Actie(models.TextChoices):
    LEZEN = "lezen", "Bekeken"
    WIJZIGEN = "wijzigen", "Gewijzigd"
    AANMAKEN = "aanmaken", "Toegevoegd"
    EXPORTEREN = "exporteren", "Geëxporteerd"


class AlleenToevoegenFout(Exception):
    pass


class InzageQuerySet(models.QuerySet["Inzage"]):
    """Only adding and reading: every bulk change or removal is refused before it reaches the database."""

    def update(self, **kwargs: Any) -> int:
        raise AlleenToevoegenFout("Het inzagelog kan niet worden gewijzigd.")

    def bulk_update(
        self, objs: Iterable["Inzage"], fields: Iterable[str], batch_size: int | None = None
    ) -> int:
        raise AlleenToevoegenFout("Het inzagelog kan niet worden gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AlleenToevoegenFout("Het inzagelog kan niet worden verwijderd.")

    def _update(self, values: Any) -> int:
        # What Model.save_base() uses for an existing row, past the model's own save().
        raise AlleenToevoegenFout("Het inzagelog kan niet worden gewijzigd.")

    def _raw_delete(self, using: str | None) -> int:
        # What the deletion collector uses for fast deletes, past delete().
        raise AlleenToevoegenFout("Het inzagelog kan niet worden verwijderd.")

    # As in Django's QuerySet: templates never call these, the manager has no delete().
    update.alters_data = True  # type: ignore[attr-defined]
    bulk_update.alters_data = True  # type: ignore[attr-defined]
    delete.alters_data = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]


class Inzage(models.Model):
    tijdstip = models.DateTimeField(auto_now_add=True, db_index=True)
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT)
    klant = models.ForeignKey("klanten.Klant", on_delete=models.PROTECT, related_name="inzages")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    rol = models.CharField(max_length=20)
    actie = models.CharField(max_length=12, choices=Actie.choices)
    onderdeel = models.CharField(
        max_length=100, help_text="Welk deel van het dossier, bijv. 'huishouden'."
    )
    doel = models.CharField(max_length=200, help_text="Waarom, in woorden die de klant begrijpt.")

    objects = InzageQuerySet.as_manager()

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

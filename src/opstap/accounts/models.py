from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    KLANT = "klant", _("Klant")
    CONTACTPERSOON = "contactpersoon", _("Contactpersoon")
    INKOMENSCONSULENT = "inkomensconsulent", _("Inkomensconsulent")
    WERKGEVER = "werkgever", _("Werkgever")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")
    BEHEERDER = "beheerder", _("Beheerder")


# Municipal staff: they see personal data of many people, so they need a second factor.
MEDEWERKER_ROLLEN = frozenset(
    {Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT, Rol.BELEIDSMEDEWERKER, Rol.BEHEERDER}
)


class Gebruiker(AbstractUser):
    rol = models.CharField(max_length=20, choices=Rol.choices)
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.PROTECT,
        related_name="gebruikers",
        null=True,
        blank=True,
    )
    werkgever = models.ForeignKey(
        "werkgevers.Werkgever",
        on_delete=models.PROTECT,
        related_name="gebruikers",
        null=True,
        blank=True,
    )
    telefoon = models.CharField(max_length=20, blank=True)
    # Demo accounts may skip the second factor, but only while the site runs in demo mode.
    is_demo_account = models.BooleanField(default=False)

    class Meta:
        verbose_name = "gebruiker"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(rol="werkgever") | models.Q(werkgever__isnull=False),
                name="werkgever_gebruiker_heeft_werkgever",
            ),
        ]

    @property
    def is_medewerker(self) -> bool:
        return self.rol in MEDEWERKER_ROLLEN

    @property
    def weergavenaam(self) -> str:
        return self.get_full_name() or self.username


class Inschrijfcode(models.Model):
    """A one-time code from the administrator that lets a staff member connect an authenticator app.

    Without it the password alone would show the TOTP secret to whoever typed it first. Only a
    hash is stored; the code is shown once to the administrator (or printed by
    `opstap inschrijfcode`), expires, and works once."""

    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.CASCADE, related_name="inschrijfcodes"
    )
    code_hash = models.CharField(max_length=128)
    aangemaakt_door = models.ForeignKey(
        Gebruiker, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)
    mislukte_pogingen = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "inschrijfcode"

    def __str__(self) -> str:
        return f"inschrijfcode voor {self.gebruiker_id}"

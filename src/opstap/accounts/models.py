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
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="gebruikers", null=True, blank=True
    )
    werkgever = models.ForeignKey(
        "werkgevers.Werkgever", on_delete=models.PROTECT, related_name="gebruikers", null=True, blank=True
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

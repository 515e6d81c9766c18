"""The tenant: one municipality. Every personal record belongs to exactly one."""

from django.core.validators import RegexValidator
from django.db import models


class Gemeente(models.Model):
    naam = models.CharField(max_length=100)
    slug = models.SlugField(
        unique=True, help_text="Korte naam in adressen en de CLI, bijv. 'demodam'."
    )
    cbs_code = models.CharField(
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM\d{4}$", "Een CBS-code ziet eruit als GM0363.")],
    )
    # Code of the municipal layer in the rules package (regels/parameters/gemeenten/<code>).
    regels_code = models.CharField(max_length=50)
    # Local choices: contact frequency, application quota per three weeks, declaration deadline …
    instellingen = models.JSONField(default=dict, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def instelling(self, sleutel: str, standaard: object = None) -> object:
        return self.instellingen.get(sleutel, STANDAARD_INSTELLINGEN.get(sleutel, standaard))


STANDAARD_INSTELLINGEN: dict[str, object] = {
    "contact_signaal_weken": 6,  # signal the contact person after this many weeks without contact
    "sollicitaties_per_drie_weken": 3,
    "inkomstenverklaring_dag": 5,  # declaration due on this day of the next month
    "vervanging_max_dagen": 30,  # a substitution ends within this many days (first and last day included)
    # Part-time work (werken): check-ins in these weeks after the start; signal a contract or the
    # income exemption ending within this many weeks; signal "could work more" at this many hours
    # below the hours that end bijstand.
    "werk_startgesprekken_weken": [1, 2, 4, 8],
    "werk_signaal_weken": 4,
    "werk_meer_uren_marge": 4,
    "leernetwerk_bewaar_dagen": 90,  # a learning-network contribution's original text is wiped after this
}

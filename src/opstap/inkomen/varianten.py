"""Names of the engine's alternative rules (policy variants, B4) as staff read them."""

from django.utils.translation import gettext_lazy as _

from regels.kern import REGELS

REGEL_NAMEN = {
    "premie_na_zes_maanden": _("Geen vrijlating na zes maanden, wel een premie"),
    "vast_maandbedrag_behalve_mei": _("Vast bedrag per maand, vakantiegeld verrekend in mei"),
}
assert set(REGEL_NAMEN) == set(REGELS), "elke alternatieve regel van de rekenkern heeft een naam"

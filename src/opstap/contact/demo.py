"""Demo content for contact and guidance in Gemeente Demodam (called by the demo loader):
the two client accounts get a conversation, a published summary, a planned call and a step plan."""

from datetime import datetime, timedelta

from django.utils import timezone

from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant

from .models import Bericht, Contactmoment, Doel, DoelSoort, Gespreksverslag, Stap, StapWie


def _kantooruur(dag: datetime) -> datetime:
    """A call at 10:30 local time on a weekday: the municipality does not phone at night."""
    lokaal = timezone.localtime(dag).replace(hour=10, minute=30, second=0, microsecond=0)
    while lokaal.weekday() >= 5:
        lokaal += timedelta(days=1)
    return lokaal

def demo_begeleiding(gemeente: Gemeente) -> None:
    nu = timezone.now()
    vandaag = timezone.localdate()
    for klant in Klant.objects.filter(gemeente=gemeente, gebruiker__isnull=False).select_related("contactpersoon"):
        cp = klant.contactpersoon
        if cp is None or klant.gebruiker is None:
            continue
        naam = klant.roepnaam or klant.naam
        Gespreksverslag.objects.create(
            gemeente=gemeente, klant=klant, auteur=cp, gesprek_op=vandaag - timedelta(days=9), soort="kantoor",
            samenvatting=(f"We hebben kennisgemaakt, {naam}. Je vertelde dat je graag weer wilt werken. "
                          "Het liefst een paar uur per week, onder schooltijd. Je bent goed met mensen."),
            afspraken="Je kijkt deze week naar drie vacatures in de app.\nIk zoek uit of je een Demodampas kunt krijgen.",
            volgende_stappen="Jij: drie vacatures uitzoeken, vóór vrijdag.\nIk: je bellen over de vacatures.",
            gepubliceerd_op=nu - timedelta(days=9), gelezen_op=nu - timedelta(days=8))
        berichten = [
            (cp, False, "Fijn dat we elkaar hebben gesproken! Het verslag staat in de app. Vragen mag altijd.", 9),
            (klant.gebruiker, True, "Dank je. Telt een gesprek met een uitzendbureau ook als sollicitatie?", 3),
            (cp, False, "Ja, dat telt mee. Schrijf het op in je stappenplan, dan zien we het allebei.", 2),
        ]
        for afzender, van_klant, tekst, dagen in berichten:
            b = Bericht.objects.create(gemeente=gemeente, klant=klant, afzender=afzender, van_klant=van_klant,
                                       tekst=tekst, gelezen_op=nu - timedelta(days=dagen - 1))
            Bericht.objects.filter(pk=b.pk).update(verstuurd_op=nu - timedelta(days=dagen))
        Contactmoment.objects.create(
            gemeente=gemeente, klant=klant, door=cp, wanneer=_kantooruur(nu + timedelta(days=3)), soort="telefoon",
            onderwerp="de vacatures die je hebt uitgezocht",
            waarom="We kijken samen welke vacature het beste past bij de uren die je kunt werken.")
        for soort, tekst in [(DoelSoort.DOEL, "Een paar uur per week werken, onder schooltijd"),
                             (DoelSoort.DOEL, "Meer mensen ontmoeten"),
                             (DoelSoort.KWALITEIT, "Goed met mensen"), (DoelSoort.KWALITEIT, "Betrouwbaar")]:
            Doel.objects.create(gemeente=gemeente, klant=klant, soort=soort, tekst=tekst)
        Stap.objects.create(gemeente=gemeente, klant=klant, wat="Drie vacatures uitzoeken in de app",
                            wie=StapWie.KLANT, uiterlijk=vandaag + timedelta(days=2))
        Stap.objects.create(gemeente=gemeente, klant=klant, wat="Uitzoeken of de Demodampas kan",
                            wie=StapWie.CONTACTPERSOON, uiterlijk=vandaag + timedelta(days=5))
        Stap.objects.create(gemeente=gemeente, klant=klant, wat="Cv bijwerken", wie=StapWie.SAMEN,
                            gedaan_op=vandaag - timedelta(days=5))

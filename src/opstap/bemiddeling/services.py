"""Writes for mediation: each one asks its rule in accounts.toegang (403 on no), checks the input
(InvoerFout with a kind Dutch message naming the field) and writes the access log."""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from opstap.accounts import toegang
from opstap.accounts.models import Gebruiker, Rol
from opstap.contact.services import InvoerFout, bericht_sturen, bericht_versturen
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_vastleggen
from opstap.werkgevers.models import Gegeven, Toestemming, Vacature, Werkgever

from .models import (
    Aanmelding,
    Bijeenkomst,
    Driehoeksmoment,
    Kandidaatprofiel,
    Plaats,
    PlaatsSoort,
    PlaatsStatus,
    Proefdag,
    Terugkoppeling,
    Uitkomst,
    Vervolg,
    Voorstel,
    VoorstelStatus,
    Werkwijze,
)

ONDERDEEL = "werkgevers en toestemming"


def _gegevens_controleren(gegevens: list[str]) -> list[str]:
    geldig = set(Gegeven.values)
    gekozen = [g for g in dict.fromkeys(gegevens) if g]
    if not gekozen:
        raise InvoerFout("Kies wat de werkgever mag zien: minstens één gegeven.", veld="gegevens")
    onbekend = [g for g in gekozen if g not in geldig]
    if onbekend:
        raise InvoerFout(
            "Dit gegeven kun je niet delen: " + ", ".join(onbekend) + ".", veld="gegevens"
        )
    return [g for g in Gegeven.values if g in gekozen]


def _kort(tekst: str, veld: str, maximum: int) -> str:
    tekst = (tekst or "").strip()
    if len(tekst) > maximum:
        raise InvoerFout(f"Dit is te lang: hooguit {maximum} tekens.", veld=veld)
    return tekst


def _verplicht(tekst: str, veld: str, maximum: int, leeg: str) -> str:
    """A text that must be filled in: `leeg` says kindly what to write when it is not."""
    tekst = _kort(tekst, veld, maximum)
    if not tekst:
        raise InvoerFout(leeg, veld=veld)
    return tekst


def _inzage(door: Gebruiker, klant: Klant, doel: str, actie: str) -> None:
    """Every mediation write on a client's file lands in their access log under one heading."""
    inzage_vastleggen(gebruiker=door, klant=klant, onderdeel=ONDERDEEL, doel=doel, actie=actie)


# --- the client's profile and consent -----------------------------------------------------------


@transaction.atomic
def profiel_opslaan(
    *, door: Gebruiker, klant: Klant, beschikbaarheid: str, cv: str
) -> Kandidaatprofiel:
    toegang.eis(toegang.mag_toestemming_geven(door, klant), "Alleen de klant zelf past dit aan.")
    profiel, _ = Kandidaatprofiel.objects.get_or_create(klant=klant)
    profiel.beschikbaarheid = _kort(beschikbaarheid, "beschikbaarheid", 300)
    profiel.cv = _kort(cv, "cv", 2000)
    profiel.save()
    _inzage(door, klant, "Je paste aan wat werkgevers kunnen zien", Actie.WIJZIGEN)
    return profiel


@transaction.atomic
def toestemming_geven(
    *,
    door: Gebruiker,
    klant: Klant,
    werkgever: Werkgever | None,
    vacature: Vacature | None,
    gegevens: list[str],
    voorstel: Voorstel | None = None,
) -> Toestemming:
    """The client lets one employer see chosen details (for a vacancy, if chosen). Answering a
    proposal links the consent to it; otherwise the consent starts its own candidacy. An earlier
    consent for the same employer and vacancy is replaced (withdrawn), so there is one in force."""
    toegang.eis(
        toegang.mag_toestemming_geven(door, klant), "Alleen de klant zelf geeft toestemming."
    )
    if voorstel is not None:
        if voorstel.klant_id != klant.pk or voorstel.status != VoorstelStatus.GEVRAAGD:
            raise InvoerFout("Op dit voorstel heb je al geantwoord.", veld="voorstel")
        werkgever, vacature = voorstel.werkgever, voorstel.vacature
    if werkgever is None or werkgever.gemeente_id != klant.gemeente_id:
        raise InvoerFout("Kies een werkgever uit de lijst.", veld="werkgever")
    if vacature is not None and (
        vacature.werkgever_id != werkgever.pk or vacature.gemeente_id != klant.gemeente_id
    ):
        raise InvoerFout("Deze vacature hoort niet bij deze werkgever.", veld="vacature")
    gekozen = _gegevens_controleren(gegevens)
    nu = timezone.now()
    oud = Toestemming.objects.filter(
        klant=klant, werkgever=werkgever, vacature=vacature, ingetrokken_op__isnull=True
    )
    vervangen = list(oud.values_list("pk", flat=True))
    oud.update(ingetrokken_op=nu)
    toestemming = Toestemming.objects.create(
        klant=klant, werkgever=werkgever, vacature=vacature, gegevens=gekozen
    )
    if voorstel is None:
        # A proposal waiting for this employer and vacancy is answered by this consent; a renewed
        # consent keeps its candidacy; otherwise the client starts a candidacy of their own.
        voorstel = (
            Voorstel.objects.filter(
                klant=klant,
                werkgever=werkgever,
                vacature=vacature,
                status=VoorstelStatus.GEVRAAGD,
            ).first()
            or (
                Voorstel.objects.filter(klant=klant, toestemming_id__in=vervangen).first()
                if vervangen
                else None
            )
        ) or Voorstel(
            gemeente_id=klant.gemeente_id,
            klant=klant,
            werkgever=werkgever,
            vacature=vacature,
            door=door,
            voorgestelde_gegevens=gekozen,
        )
    # A candidacy still hanging on a replaced consent is closed: the employer no longer sees it.
    Voorstel.objects.filter(toestemming_id__in=vervangen, status=VoorstelStatus.GEDEELD).exclude(
        pk=voorstel.pk
    ).update(status=VoorstelStatus.INGETROKKEN)
    voorstel.toestemming = toestemming
    if voorstel.status in (VoorstelStatus.GEVRAAGD, VoorstelStatus.INGETROKKEN):
        voorstel.status = VoorstelStatus.GEDEELD
    voorstel.beantwoord_op = nu
    voorstel.save()
    _inzage(door, klant, f"Je gaf {werkgever.naam} toestemming om gegevens te zien", Actie.AANMAKEN)
    return toestemming


@transaction.atomic
def toestemming_intrekken(*, door: Gebruiker, toestemming: Toestemming) -> Toestemming:
    """Withdrawn at once: from this moment the employer sees nothing of it."""
    toegang.eis(
        toegang.mag_toestemming_geven(door, toestemming.klant),
        "Alleen de klant zelf trekt toestemming in.",
    )
    if toestemming.ingetrokken_op is None:
        toestemming.ingetrokken_op = timezone.now()
        toestemming.save(update_fields=["ingetrokken_op"])
        Voorstel.objects.filter(toestemming=toestemming, status=VoorstelStatus.GEDEELD).update(
            status=VoorstelStatus.INGETROKKEN
        )
        _inzage(
            door,
            toestemming.klant,
            f"Je trok je toestemming voor {toestemming.werkgever.naam} in",
            Actie.WIJZIGEN,
        )
    return toestemming


# --- proposals (E2) -----------------------------------------------------------------------------


@transaction.atomic
def voorstel_doen(
    *,
    door: Gebruiker,
    klant: Klant,
    vacature: Vacature | None,
    gegevens: list[str],
    toelichting: str = "",
) -> Voorstel:
    """Propose a client for a vacancy. The client is asked first: the employer sees nothing until
    the client consents."""
    toegang.eis(
        toegang.mag_voorstellen(door, klant), "Je kunt alleen je eigen klanten voorstellen."
    )
    if vacature is None or vacature.gemeente_id != klant.gemeente_id or not vacature.open:
        raise InvoerFout("Kies een open vacature uit de lijst.", veld="vacature")
    gekozen = _gegevens_controleren(gegevens)
    voorstel = Voorstel.objects.create(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        werkgever=vacature.werkgever,
        vacature=vacature,
        voorgestelde_gegevens=gekozen,
        toelichting=_kort(toelichting, "toelichting", 500),
        door=door,
    )
    afzender = door if door.rol == Rol.CONTACTPERSOON else klant.contactpersoon
    if afzender is not None:
        namens = "" if afzender == door else f"{door.werkgever or door.weergavenaam} stelt voor: "
        bericht_versturen(
            klant=klant,
            afzender=afzender,
            tekst=(
                f"{namens}de vacature {vacature.titel} bij {vacature.werkgever.naam} past misschien "
                "bij je. De werkgever ziet niets van je, tot jij dat goed vindt. Kijk bij "
                "'Werkgevers en toestemming' en kies zelf wat je deelt."
            ),
        )
    _inzage(
        door,
        klant,
        f"Je werd voorgesteld voor {vacature.titel} bij {vacature.werkgever.naam}",
        Actie.AANMAKEN,
    )
    return voorstel


@transaction.atomic
def voorstel_afwijzen(*, door: Gebruiker, voorstel: Voorstel) -> Voorstel:
    """The client would rather not: nothing is shared, and that is fine."""
    toegang.eis(
        toegang.mag_toestemming_geven(door, voorstel.klant), "Dit voorstel is niet voor jou."
    )
    if voorstel.status == VoorstelStatus.GEVRAAGD:
        voorstel.status = VoorstelStatus.NEE
        voorstel.beantwoord_op = timezone.now()
        voorstel.save(update_fields=["status", "beantwoord_op"])
    return voorstel


# --- feedback (C8, E3) --------------------------------------------------------------------------


@transaction.atomic
def terugkoppeling_geven(
    *, door: Gebruiker, voorstel: Voorstel, uitkomst: str, goed: str, tip: str
) -> Terugkoppeling:
    toegang.eis(
        toegang.mag_terugkoppelen(door, voorstel),
        "U kunt alleen terugkoppelen over uw eigen kandidaten.",
    )
    if uitkomst not in Uitkomst.values:
        raise InvoerFout("Kies of u de kandidaat aanneemt of niet.", veld="uitkomst")
    goed = _verplicht(goed, "goed", 1000, "Schrijf ook op wat goed ging. De kandidaat leest dit.")
    terugkoppeling, _ = Terugkoppeling.objects.update_or_create(
        voorstel=voorstel,
        defaults={"uitkomst": uitkomst, "goed": goed, "tip": _kort(tip, "tip", 1000), "door": door},
    )
    voorstel.status = (
        VoorstelStatus.AANGENOMEN
        if uitkomst == Uitkomst.AANGENOMEN
        else VoorstelStatus.NIET_AANGENOMEN
    )
    voorstel.save(update_fields=["status"])
    _inzage(
        door, voorstel.klant, f"{voorstel.werkgever.naam} gaf je terugkoppeling", Actie.AANMAKEN
    )
    return terugkoppeling


@transaction.atomic
def evaluatie_vragen(*, door: Gebruiker, voorstel: Voorstel) -> Voorstel:
    """After a rejection: the client asks the contact person for a short talk (a message)."""
    toegang.eis(
        toegang.mag_toestemming_geven(door, voorstel.klant), "Dit is niet jouw sollicitatie."
    )
    if voorstel.evaluatie_gevraagd_op is None:
        bericht_sturen(
            door=door,
            klant=voorstel.klant,
            tekst=(
                f"Ik kreeg terugkoppeling van {voorstel.werkgever.naam}. Het ging deze keer niet "
                "door. Wil je het kort met me bespreken?"
            ),
        )
        voorstel.evaluatie_gevraagd_op = timezone.now()
        voorstel.save(update_fields=["evaluatie_gevraagd_op"])
    return voorstel


# --- trial days (C7, E2) ------------------------------------------------------------------------


def _partij(gebruiker: Gebruiker) -> str:
    """The confirmation field of this user's party in the triangle ("" for anyone else)."""
    if gebruiker.rol == Rol.WERKGEVER:
        return "bevestigd_werkgever_op"
    if gebruiker.rol == Rol.KLANT:
        return "bevestigd_klant_op"
    if gebruiker.rol == Rol.CONTACTPERSOON:
        return "bevestigd_contactpersoon_op"
    return ""


def _werkgever_id(door: Gebruiker) -> int:
    """The caller's own organisation (accounts.toegang); anyone without one is refused (403)."""
    werkgever_id = toegang.eigen_werkgever_id(door)
    toegang.eis(werkgever_id is not None, "Alleen voor werkgevers.")
    return int(werkgever_id or 0)


def _gemeente_id(door: Gebruiker) -> int:
    toegang.eis(door.gemeente_id is not None, "Je hoort niet bij een gemeente.")
    return int(door.gemeente_id or 0)


@transaction.atomic
def proefdag_aanvragen(*, door: Gebruiker, voorstel: Voorstel, wens: str = "") -> Proefdag:
    """Any of the three asks for a trial day; the client only once the employer may see them."""
    toegang.eis(toegang.mag_voorstel_zien(door, voorstel), "Dit hoort niet bij u.")
    if voorstel.status not in (VoorstelStatus.GEDEELD, VoorstelStatus.AANGENOMEN):
        raise InvoerFout("Een proefdag kan pas als de werkgever je gegevens mag zien.", veld="wens")
    proefdag = Proefdag.objects.create(
        voorstel=voorstel, aangevraagd_door_rol=door.rol, wens=_kort(wens, "wens", 500)
    )
    _inzage(
        door, voorstel.klant, f"Proefdag bij {voorstel.werkgever.naam} aangevraagd", Actie.AANMAKEN
    )
    return proefdag


@transaction.atomic
def proefdag_plannen(
    *,
    door: Gebruiker,
    proefdag: Proefdag,
    datum: date,
    begin: time,
    einde: time,
    plaats: str,
    meenemen: str = "",
) -> Proefdag:
    """Set date, time and place. Every earlier confirmation lapses; the planner confirms at once."""
    toegang.eis(
        toegang.mag_proefdag_plannen(door, proefdag.voorstel),
        "Alleen de werkgever of de contactpersoon plant een proefdag.",
    )
    if datum < timezone.localdate():
        raise InvoerFout("Kies een dag vanaf vandaag.", veld="datum")
    if einde <= begin:
        raise InvoerFout("De eindtijd moet na de begintijd liggen.", veld="einde")
    plaats = _verplicht(plaats, "plaats", 200, "Schrijf op waar de proefdag is.")
    proefdag.datum, proefdag.begin, proefdag.einde = datum, begin, einde
    proefdag.plaats = plaats
    proefdag.meenemen = _kort(meenemen, "meenemen", 500)
    proefdag.bevestigd_werkgever_op = None
    proefdag.bevestigd_klant_op = None
    proefdag.bevestigd_contactpersoon_op = None
    setattr(proefdag, _partij(door), timezone.now())
    proefdag.save()
    _inzage(
        door,
        proefdag.voorstel.klant,
        f"Proefdag bij {proefdag.voorstel.werkgever.naam} gepland",
        Actie.WIJZIGEN,
    )
    return proefdag


@transaction.atomic
def proefdag_bevestigen(*, door: Gebruiker, proefdag: Proefdag) -> Proefdag:
    toegang.eis(toegang.mag_voorstel_zien(door, proefdag.voorstel), "Dit hoort niet bij u.")
    veld = _partij(door)
    if not veld:
        raise InvoerFout("Alleen werkgever, klant en contactpersoon bevestigen.")
    if not proefdag.is_gepland:
        raise InvoerFout("Er is nog geen datum om te bevestigen.")
    setattr(proefdag, veld, timezone.now())
    proefdag.save(update_fields=[veld])
    _inzage(
        door,
        proefdag.voorstel.klant,
        f"Proefdag bij {proefdag.voorstel.werkgever.naam} bevestigd",
        Actie.WIJZIGEN,
    )
    return proefdag


@transaction.atomic
def werkwijze_opslaan(*, door: Gebruiker, proces: str, oefenvragen: str) -> Werkwijze:
    werkwijze, _ = Werkwijze.objects.get_or_create(werkgever_id=_werkgever_id(door))
    werkwijze.proces = _kort(proces, "proces", 2000)
    werkwijze.oefenvragen = _kort(oefenvragen, "oefenvragen", 2000)
    werkwijze.save()
    return werkwijze


# --- triangle contact moments (E4) --------------------------------------------------------------


@transaction.atomic
def driehoeksmoment_plannen(
    *, door: Gebruiker, voorstel: Voorstel, gepland_op: datetime, onderwerp: str
) -> Driehoeksmoment:
    toegang.eis(
        toegang.mag_proefdag_plannen(door, voorstel),
        "Alleen de werkgever of de contactpersoon plant een gesprek met z'n drieën.",
    )
    onderwerp = _verplicht(onderwerp, "onderwerp", 200, "Schrijf waarover het gesprek gaat.")
    moment = Driehoeksmoment.objects.create(
        voorstel=voorstel, gepland_op=gepland_op, onderwerp=onderwerp, gepland_door=door
    )
    _inzage(door, voorstel.klant, f"Gesprek met {voorstel.werkgever.naam} gepland", Actie.AANMAKEN)
    return moment


@transaction.atomic
def driehoeksmoment_vastleggen(
    *, door: Gebruiker, moment: Driehoeksmoment, verslag: str
) -> Driehoeksmoment:
    toegang.eis(
        toegang.mag_driehoeksmoment_vastleggen(door, moment.voorstel),
        "Alleen de contactpersoon legt het gesprek vast.",
    )
    verslag = _verplicht(verslag, "verslag", 2000, "Schrijf kort op wat jullie afspraken.")
    moment.verslag = verslag
    moment.vastgelegd_op = timezone.now()
    moment.save(update_fields=["verslag", "vastgelegd_op"])
    _inzage(
        door,
        moment.voorstel.klant,
        "Verslag van het gesprek met de werkgever vastgelegd",
        Actie.WIJZIGEN,
    )
    return moment


# --- meet-ups (E4) ------------------------------------------------------------------------------


@transaction.atomic
def bijeenkomst_organiseren(
    *,
    door: Gebruiker,
    titel: str,
    omschrijving: str,
    begint_op: datetime,
    plaats: str,
    max_deelnemers: int,
    werkgevers: list[Werkgever],
) -> Bijeenkomst:
    toegang.eis(toegang.mag_bijeenkomst_organiseren(door), "Alleen de gemeente organiseert dit.")
    if begint_op < timezone.now():
        raise InvoerFout("Kies een moment in de toekomst.", veld="begint_op")
    titel = _verplicht(titel, "titel", 150, "Geef de bijeenkomst een naam.")
    plaats = _verplicht(plaats, "plaats", 200, "Schrijf op waar de bijeenkomst is.")
    if any(w.gemeente_id != door.gemeente_id for w in werkgevers):
        raise InvoerFout("Kies werkgevers uit de lijst.", veld="werkgevers")
    bijeenkomst = Bijeenkomst.objects.create(
        gemeente_id=_gemeente_id(door),
        titel=titel,
        omschrijving=_kort(omschrijving, "omschrijving", 2000),
        begint_op=begint_op,
        plaats=plaats,
        max_deelnemers=max(1, min(max_deelnemers, 500)),
        georganiseerd_door=door,
    )
    bijeenkomst.werkgevers.set(werkgevers)
    return bijeenkomst


@transaction.atomic
def aanmelden(*, door: Gebruiker, klant: Klant, bijeenkomst: Bijeenkomst) -> Aanmelding:
    """The client signs up themselves: they choose."""
    toegang.eis(toegang.mag_toestemming_geven(door, klant), "Alleen de klant meldt zich aan.")
    toegang.eis(toegang.zichtbare_bijeenkomsten(door).filter(pk=bijeenkomst.pk).exists())
    bestaand = Aanmelding.objects.filter(bijeenkomst=bijeenkomst, klant=klant).first()
    if bestaand is not None:
        return bestaand
    if bijeenkomst.begint_op < timezone.now():
        raise InvoerFout("Deze bijeenkomst is al geweest.")
    # Lock the meet-up row so two last-minute sign-ups cannot both take the last place.
    Bijeenkomst.objects.select_for_update().filter(pk=bijeenkomst.pk).first()
    if bijeenkomst.aanmeldingen.count() >= bijeenkomst.max_deelnemers:
        raise InvoerFout("Deze bijeenkomst is vol. Vraag je contactpersoon naar een volgende.")
    aanmelding = Aanmelding.objects.create(bijeenkomst=bijeenkomst, klant=klant)
    _inzage(door, klant, f"Je meldde je aan voor {bijeenkomst.titel}", Actie.AANMAKEN)
    return aanmelding


@transaction.atomic
def afmelden(*, door: Gebruiker, klant: Klant, bijeenkomst: Bijeenkomst) -> None:
    toegang.eis(toegang.mag_toestemming_geven(door, klant), "Alleen de klant meldt zich af.")
    Aanmelding.objects.filter(bijeenkomst=bijeenkomst, klant=klant).delete()
    _inzage(door, klant, f"Je meldde je af voor {bijeenkomst.titel}", Actie.WIJZIGEN)


@transaction.atomic
def aanwezigheid_vastleggen(
    *, door: Gebruiker, aanmelding: Aanmelding, aanwezig: bool
) -> Aanmelding:
    toegang.eis(
        toegang.mag_plaats_bezetten(door, aanmelding.klant),
        "Alleen de contactpersoon van de klant legt dit vast.",
    )
    aanmelding.aanwezig = aanwezig
    aanmelding.save(update_fields=["aanwezig"])
    _inzage(
        door,
        aanmelding.klant,
        f"Aanwezigheid bij {aanmelding.bijeenkomst.titel} vastgelegd",
        Actie.WIJZIGEN,
    )
    return aanmelding


@transaction.atomic
def vervolg_vastleggen(
    *, door: Gebruiker, aanmelding: Aanmelding, werkgever: Werkgever | None, tekst: str
) -> Vervolg:
    toegang.eis(
        toegang.mag_plaats_bezetten(door, aanmelding.klant),
        "Alleen de contactpersoon van de klant legt dit vast.",
    )
    if werkgever is None or not aanmelding.bijeenkomst.werkgevers.filter(pk=werkgever.pk).exists():
        raise InvoerFout("Kies een werkgever die meedeed.", veld="werkgever")
    tekst = _verplicht(tekst, "tekst", 1000, "Schrijf op wat het vervolg is.")
    vervolg = Vervolg.objects.create(
        aanmelding=aanmelding, werkgever=werkgever, tekst=tekst, door=door
    )
    _inzage(
        door,
        aanmelding.klant,
        f"Vervolg met {werkgever.naam} na {aanmelding.bijeenkomst.titel} vastgelegd",
        Actie.AANMAKEN,
    )
    return vervolg


@transaction.atomic
def meedoen_als_werkgever(*, door: Gebruiker, bijeenkomst: Bijeenkomst, mee: bool) -> None:
    werkgever_id = _werkgever_id(door)
    toegang.eis(toegang.zichtbare_bijeenkomsten(door).filter(pk=bijeenkomst.pk).exists())
    if mee:
        bijeenkomst.werkgevers.add(werkgever_id)
    else:
        bijeenkomst.werkgevers.remove(werkgever_id)


# --- work-experience places and trial placements (E4) -------------------------------------------


@transaction.atomic
def plaats_aanbieden(
    *, door: Gebruiker, soort: str, titel: str, omschrijving: str, uren_per_week: int
) -> Plaats:
    werkgever_id = _werkgever_id(door)
    if soort not in PlaatsSoort.values:
        raise InvoerFout("Kies werkervaringsplaats of proefplaatsing.", veld="soort")
    titel = _verplicht(titel, "titel", 150, "Schrijf op wat voor werk het is.")
    if not 1 <= uren_per_week <= 40:
        raise InvoerFout("Vul een aantal uren per week in tussen 1 en 40.", veld="uren_per_week")
    return Plaats.objects.create(
        gemeente_id=_gemeente_id(door),
        werkgever_id=werkgever_id,
        soort=soort,
        titel=titel,
        omschrijving=_kort(omschrijving, "omschrijving", 2000),
        uren_per_week=uren_per_week,
    )


@transaction.atomic
def plaats_bijwerken(
    *,
    door: Gebruiker,
    plaats: Plaats,
    klant: Klant | None,
    begin: date | None,
    einde: date | None,
    status: str,
) -> Plaats:
    """The contact person places a client of their caseload, or updates start, end and status."""
    toegang.eis(toegang.mag_plaats_bezetten(door, klant), "Alleen je eigen klanten plaats je.")
    if plaats.klant is not None and plaats.klant != klant:
        toegang.eis(
            toegang.mag_plaats_bezetten(door, plaats.klant),
            "Op deze plaats zit al een klant van een collega.",
        )
    if status not in PlaatsStatus.values:
        raise InvoerFout("Kies een status.", veld="status")
    if klant is not None and begin is None:
        raise InvoerFout("Vul de startdatum in.", veld="begin")
    if begin and einde and einde < begin:
        raise InvoerFout("De einddatum moet na de startdatum liggen.", veld="einde")
    plaats.klant, plaats.begin, plaats.einde, plaats.status = klant, begin, einde, status
    if klant is None:
        plaats.status = PlaatsStatus.AANGEBODEN
    plaats.save()
    if klant is not None:
        _inzage(
            door,
            klant,
            f"{plaats.get_soort_display()} bij {plaats.werkgever.naam} bijgewerkt",
            Actie.WIJZIGEN,
        )
    return plaats

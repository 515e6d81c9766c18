"""Writes for contact and guidance. Every function is atomic: a message, summary or application is
stored completely or not at all, and then confirmed. Notifications go out after the commit."""

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opstap.accounts import toegang
from opstap.accounts.models import Gebruiker, Rol
from opstap.klanten.keuzes import DrempelSoort, Fase, Trede
from opstap.klanten.models import Drempel, Klant, TredeWijziging
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_vastleggen

from . import selectors, voorzieningen
from .b1 import B1Melding, b1_controle
from .bijlagen import BijlageFout, bijlage_soort
from .meldingen import MAX_PUSH_INSCHRIJVINGEN, PushFout, melden, push_inschrijving_controleren
from .models import (
    BIJLAGE_MAX_BYTES,
    Aanvraag,
    AanvraagStatus,
    Bericht,
    Contactmoment,
    ContactmomentStatus,
    Contactpersoon,
    Doel,
    GesprekSoort,
    Gespreksverslag,
    KanaalSoort,
    Meldingskanaal,
    Overdracht,
    OverdrachtSoort,
    Stap,
)
from .profielfoto import FotoFout, foto_verwerken

MAX_TEKST = 5000


class InvoerFout(ValueError):
    """Something the user can fix; the message is Dutch and kind. `veld` names the form field."""

    def __init__(self, bericht: str, *, veld: str = "") -> None:
        super().__init__(bericht)
        self.veld = veld


class B1Fout(InvoerFout):
    def __init__(self, meldingen: list[B1Melding]) -> None:
        super().__init__("De tekst is nog niet makkelijk genoeg. Pas hem aan of publiceer toch.")
        self.meldingen = meldingen


# --- attachments --------------------------------------------------------------------------------


def bijlage_controleren(bestand: "UploadedFile[Any]") -> str:
    """The real type of an attachment (by its bytes, not its name; a PDF must be harmless, see
    contact.bijlagen). Raises InvoerFout."""
    if bestand.size is not None and bestand.size > BIJLAGE_MAX_BYTES:
        mb = BIJLAGE_MAX_BYTES // (1024 * 1024)
        raise InvoerFout(
            f"Dit bestand is te groot. Een bijlage mag hooguit {mb} MB zijn. "
            "Maak een kleinere foto of kies een ander bestand.",
            veld="bijlage",
        )
    if bestand.size == 0:
        raise InvoerFout("Dit bestand is leeg. Kies een ander bestand.", veld="bijlage")
    try:
        return bijlage_soort(bestand)
    except BijlageFout as fout:
        raise InvoerFout(str(fout), veld="bijlage") from fout


# --- A2: messages -------------------------------------------------------------------------------


def _melden_over_bericht(bericht: Bericht) -> None:
    klant = bericht.klant
    if bericht.van_klant:
        url = reverse("werk:berichten", args=[klant.pk])
        melden(klant.contactpersoon, "nieuw_bericht_medewerker", url=url)
        vervanger = selectors.vervanger_nu(klant)
        if vervanger is not None:  # the colleague covering this caseload reads it now
            melden(vervanger, "nieuw_bericht_medewerker", url=url)
    else:
        melden(klant.gebruiker, "nieuw_bericht", url=reverse("mijn:berichten"))


@transaction.atomic
def bericht_versturen(
    *,
    klant: Klant,
    afzender: Gebruiker,
    tekst: str,
    bijlage: "UploadedFile[Any] | None" = None,
    verslag: Gespreksverslag | None = None,
    melden_aan: bool = True,
) -> Bericht:
    """Store a message (checked text and attachment) and notify the other side. No access rule and no
    access-log entry: people send through `bericht_sturen`; the system's own messages (a planned
    contact moment, a handover, an application) come here directly."""
    tekst = (tekst or "").strip()
    if not tekst and bijlage is None:
        raise InvoerFout("Schrijf eerst een bericht.", veld="tekst")
    if len(tekst) > MAX_TEKST:
        raise InvoerFout(
            f"Je bericht is te lang (hooguit {MAX_TEKST} tekens). Verdeel het over twee berichten.",
            veld="tekst",
        )
    if afzender.gemeente_id != klant.gemeente_id:
        raise InvoerFout("Dit bericht hoort bij een andere gemeente.")
    if verslag is not None and verslag.klant_id != klant.pk:
        raise InvoerFout("Dit gespreksverslag hoort niet bij dit gesprek.")
    van_klant = afzender.rol == Rol.KLANT
    if van_klant and klant.gebruiker_id != afzender.pk:
        raise InvoerFout("Je kunt alleen in je eigen gesprek schrijven.")
    bericht = Bericht(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        afzender=afzender,
        van_klant=van_klant,
        tekst=tekst,
        verslag=verslag,
    )
    if bijlage is not None:
        bericht.bijlage_type = bijlage_controleren(bijlage)
        bericht.bijlage_naam = (bijlage.name or "bijlage")[-200:]
        bericht.bijlage.save(bericht.bijlage_naam, bijlage, save=False)
    bericht.save()
    if melden_aan:
        _melden_over_bericht(bericht)
    return bericht


@transaction.atomic
def bericht_sturen(
    *,
    door: Gebruiker,
    klant: Klant,
    tekst: str,
    bijlage: "UploadedFile[Any] | None" = None,
    verslag: Gespreksverslag | None = None,
) -> Bericht:
    """A person sends a message: the one way for the client's page, the contact person's page and the
    API. The access rule (403), a question about a summary only once it is readable and published, the
    message with its checked attachment, and the access-log entry: stored all together or not at all."""
    toegang.eis(
        toegang.mag_bericht_sturen(door, klant),
        "Je kunt alleen berichten sturen in een gesprek dat bij jou hoort.",
    )
    if verslag is not None:
        toegang.eis(
            toegang.mag_verslag_lezen(door, verslag),
            "Dit gespreksverslag is nog niet gepubliceerd. Je kunt er nog geen vraag over stellen.",
        )
        if not verslag.is_gepubliceerd:
            raise InvoerFout(
                "Stel een vraag over een verslag als het gepubliceerd is.", veld="verslag"
            )
    bericht = bericht_versturen(
        klant=klant, afzender=door, tekst=tekst, bijlage=bijlage, verslag=verslag
    )
    doel = (
        "Je stuurde een bericht"
        if door.rol == Rol.KLANT
        else "Begeleiding: bericht aan de klant gestuurd"
    )
    inzage_vastleggen(
        gebruiker=door, klant=klant, onderdeel="berichten", doel=doel, actie=Actie.AANMAKEN
    )
    return bericht


@transaction.atomic
def berichten_lezen(*, klant: Klant, lezer: Gebruiker) -> int:
    """Mark the other side's messages as read by `lezer`. Returns how many were new."""
    van_klant = lezer.rol != Rol.KLANT
    return Bericht.objects.filter(klant=klant, van_klant=van_klant, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


# --- A3: conversation summaries -----------------------------------------------------------------


@transaction.atomic
def verslag_opslaan(
    *,
    klant: Klant,
    auteur: Gebruiker,
    gesprek_op: date,
    soort: str,
    samenvatting: str,
    afspraken: str = "",
    volgende_stappen: str = "",
    verslag: Gespreksverslag | None = None,
) -> Gespreksverslag:
    """Save a draft (or an update). A published summary can be corrected; the client sees the change."""
    if not samenvatting.strip():
        raise InvoerFout("Schrijf een korte samenvatting van het gesprek.", veld="samenvatting")
    if verslag is None:
        verslag = Gespreksverslag(gemeente_id=klant.gemeente_id, klant=klant, auteur=auteur)
    elif verslag.klant_id != klant.pk:
        raise InvoerFout("Dit verslag hoort bij een andere klant.")
    verslag.gesprek_op = gesprek_op
    verslag.soort = soort
    verslag.samenvatting = samenvatting.strip()
    verslag.afspraken = afspraken.strip()
    verslag.volgende_stappen = volgende_stappen.strip()
    verslag.save()
    return verslag


def verslag_b1_controle(verslag: Gespreksverslag) -> list[B1Melding]:
    return b1_controle(
        "\n".join([verslag.samenvatting, verslag.afspraken, verslag.volgende_stappen])
    )


@transaction.atomic
def verslag_publiceren(
    *, verslag: Gespreksverslag, door: Gebruiker, b1_genegeerd: bool = False
) -> Gespreksverslag:
    """Publish to the client with one action. The B1 check runs first; the writer may override it."""
    meldingen = verslag_b1_controle(verslag)
    if meldingen and not b1_genegeerd:
        raise B1Fout(meldingen)
    if verslag.gepubliceerd_op is None:
        verslag.gepubliceerd_op = timezone.now()
        verslag.save(update_fields=["gepubliceerd_op", "gewijzigd_op"])
        melden(
            verslag.klant.gebruiker, "nieuw_verslag", url=reverse("mijn:verslag", args=[verslag.pk])
        )
    return verslag


@transaction.atomic
def verslag_gelezen(*, verslag: Gespreksverslag) -> None:
    if verslag.gelezen_op is None and verslag.gepubliceerd_op is not None:
        verslag.gelezen_op = timezone.now()
        verslag.save(update_fields=["gelezen_op"])


@transaction.atomic
def verslag_reageren(*, verslag: Gespreksverslag, afzender: Gebruiker, tekst: str) -> Bericht:
    """A client's question or remark on a summary: it reaches the contact person as a message."""
    if not verslag.is_gepubliceerd:
        raise InvoerFout("Dit verslag is nog niet klaar.")
    return bericht_sturen(door=afzender, klant=verslag.klant, tekst=tekst, verslag=verslag)


# --- A4: planned contact ------------------------------------------------------------------------


@transaction.atomic
def contactmoment_plannen(
    *,
    klant: Klant,
    door: Gebruiker,
    wanneer: datetime,
    soort: str,
    onderwerp: str,
    waarom: str = "",
) -> Contactmoment:
    """Plan a call or meeting and tell the client in advance: what, when, who and why."""
    if wanneer < timezone.now():
        raise InvoerFout("Kies een moment in de toekomst.", veld="wanneer")
    if not onderwerp.strip():
        raise InvoerFout("Schrijf waarover het gesprek gaat.", veld="onderwerp")
    moment = Contactmoment.objects.create(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        door=door,
        wanneer=wanneer,
        soort=soort,
        onderwerp=onderwerp.strip(),
        waarom=waarom.strip(),
    )
    lokaal = timezone.localtime(wanneer)
    tekst = (
        f"We hebben een afspraak gepland: {moment.get_soort_display().lower()} op "
        f"{date_format(lokaal, 'l j F')} om {lokaal:%H:%M}. Met {door.weergavenaam}. "
        f"Het gaat over: {moment.onderwerp}."
    )
    if moment.waarom:
        tekst += f" Waarom: {moment.waarom}"
    tekst += " Past het niet? Stuur dan een bericht, dan zoeken we samen een ander moment."
    bericht_versturen(klant=klant, afzender=door, tekst=tekst)
    return moment


def herinneringen_versturen(*, nu: datetime | None = None) -> int:
    """The day before a planned contact moment the client gets a short, kind reminder, once.
    Claiming the moment (setting herinnering_verstuurd_op where it is still empty) comes first,
    so two workers or a rerun never send it twice. Returns how many reminders were sent."""
    nu = nu or timezone.now()
    verstuurd = 0
    for moment in selectors.te_herinneren(nu):
        with transaction.atomic():
            geclaimd = Contactmoment.objects.filter(
                pk=moment.pk, herinnering_verstuurd_op__isnull=True
            ).update(herinnering_verstuurd_op=nu)
            if not geclaimd:
                continue
            inzage_vastleggen(
                gebruiker=None,
                klant=moment.klant,
                onderdeel="afspraken",
                doel="Herinnering gestuurd voor je afspraak van morgen",
            )
            soort = (
                "herinnering_gesprek"
                if moment.soort == GesprekSoort.TELEFOON
                else "herinnering_afspraak"
            )
            melden(moment.klant.gebruiker, soort, url=reverse("mijn:afspraken"))
        verstuurd += 1
    return verstuurd


@transaction.atomic
def contactmoment_afronden(*, moment: Contactmoment, status: str) -> Contactmoment:
    if status not in ContactmomentStatus.values:
        raise InvoerFout("Onbekende status.")
    moment.status = status
    moment.save(update_fields=["status"])
    return moment


# --- A5: step plan and goals --------------------------------------------------------------------


@transaction.atomic
def doel_toevoegen(*, klant: Klant, soort: str, tekst: str) -> Doel:
    if not tekst.strip():
        raise InvoerFout("Schrijf het doel of de kwaliteit op.", veld="tekst")
    return Doel.objects.create(
        gemeente_id=klant.gemeente_id, klant=klant, soort=soort, tekst=tekst.strip()
    )


@transaction.atomic
def stap_toevoegen(
    *,
    klant: Klant,
    wat: str,
    wie: str,
    uiterlijk: date | None = None,
    drempel: Drempel | None = None,
) -> Stap:
    if not wat.strip():
        raise InvoerFout("Schrijf op wat er moet gebeuren.", veld="wat")
    if drempel is not None and drempel.klant_id != klant.pk:
        raise InvoerFout("Deze drempel hoort bij een andere klant.", veld="drempel")
    return Stap.objects.create(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        wat=wat.strip(),
        wie=wie,
        uiterlijk=uiterlijk,
        drempel=drempel,
    )


@transaction.atomic
def stap_afvinken(*, stap: Stap, gedaan: bool = True) -> Stap:
    stap.gedaan_op = timezone.localdate() if gedaan else None
    stap.save(update_fields=["gedaan_op"])
    return stap


# --- A5: barriers, trede and phase (mapped early, changed with history) --------------------------


@transaction.atomic
def drempel_vastleggen(
    *, klant: Klant, soort: str, toelichting: str = "", eerst_aanpakken: bool = False
) -> Drempel:
    """Record a barrier (middelen, gedrag or context). Recording one that was solved opens it again."""
    if soort not in DrempelSoort.values:
        raise InvoerFout("Kies een drempel uit de lijst.", veld="soort")
    # One barrier per kind. The kind is encrypted, so the database cannot keep it unique: lock
    # the client's row (two saves at once wait for each other) and look among their few barriers.
    Klant.objects.select_for_update().filter(pk=klant.pk).first()
    drempel = next(
        (d for d in Drempel.objects.filter(klant=klant) if d.soort == soort), None
    ) or Drempel(klant=klant, soort=soort)
    drempel.toelichting = toelichting.strip()[:300]
    drempel.eerst_aanpakken = eerst_aanpakken
    drempel.opgelost_op = None
    drempel.save()
    return drempel


@transaction.atomic
def drempel_bijwerken(
    *, drempel: Drempel, eerst_aanpakken: bool | None = None, opgelost: bool | None = None
) -> Drempel:
    if eerst_aanpakken is not None:
        drempel.eerst_aanpakken = eerst_aanpakken
    if opgelost is not None:
        drempel.opgelost_op = timezone.localdate() if opgelost else None
    drempel.save(update_fields=["eerst_aanpakken", "opgelost_op"])
    return drempel


@transaction.atomic
def trede_en_fase_wijzigen(
    *, klant: Klant, door: Gebruiker, trede: str, fase: str, toelichting: str = ""
) -> Klant:
    """A new rung on the participation ladder is kept in the history (who, when, why); the phase
    is where the client is in the journey, shown on their home page."""
    if trede not in Trede.values:
        raise InvoerFout("Kies een trede van 1.0 tot en met 6.2.", veld="trede")
    if fase not in Fase.values:
        raise InvoerFout("Kies een fase uit de lijst.", veld="fase")
    if trede != klant.trede:
        TredeWijziging.objects.create(
            klant=klant,
            trede=trede,
            datum=timezone.localdate(),
            door=door,
            toelichting=toelichting.strip()[:300],
        )
    klant.trede, klant.fase = trede, fase
    klant.save(update_fields=["trede", "fase", "gewijzigd"])
    return klant


# --- Handover and substitution ------------------------------------------------------------------


def _delegatie_controleren(
    *, van: Gebruiker, naar: Gebruiker, door: Gebruiker, begin: date, soort: str, einde: date | None
) -> None:
    """The rules for passing clients on. Who may do it is decided in accounts.toegang (403);
    the rest is input the person can fix (a Dutch message on the field)."""
    toegang.eis(
        toegang.mag_caseload_delegeren(door, van),
        _(
            "Alleen de vaste contactpersoon of een beheerder legt een overdracht of vervanging vast."
        ),
    )
    if not toegang.delegatie_ontvangers(van).filter(pk=naar.pk).exists():
        raise InvoerFout(_("Kies een andere contactpersoon van je eigen gemeente."), veld="naar")
    vandaag = timezone.localdate()
    if begin < vandaag:
        raise InvoerFout(
            _(
                "Een vervanging of overdracht kan niet eerder ingaan dan vandaag (%(vandaag)s). "
                "Kies vandaag of een latere dag."
            )
            % {"vandaag": date_format(vandaag, "j F Y")},
            veld="begin",
        )
    if einde is not None and einde < begin:
        raise InvoerFout(_("De einddatum ligt voor de begindatum."), veld="einde")
    if soort != OverdrachtSoort.VERVANGING:
        return
    max_dagen = toegang.vervanging_max_dagen(van.gemeente)
    laatste = begin + timedelta(days=max_dagen - 1)
    if einde is None:
        raise InvoerFout(
            _(
                "Een vervanging heeft een einddatum. Vul in tot en met welke dag je collega helpt "
                "(uiterlijk %(laatste)s)."
            )
            % {"laatste": date_format(laatste, "j F Y")},
            veld="einde",
        )
    if einde > laatste:
        raise InvoerFout(
            _(
                "Een vervanging duurt hoogstens %(dagen)s dagen. Kies uiterlijk %(laatste)s als "
                "einddatum. Duurt het langer? Leg dan later een nieuwe vervanging vast."
            )
            % {"dagen": max_dagen, "laatste": date_format(laatste, "j F Y")},
            veld="einde",
        )


def _afzender_namens(door: Gebruiker, van: Gebruiker) -> Gebruiker:
    # The client hears it from their own contact person, also when an administrator records it.
    return van if door.rol == Rol.BEHEERDER else door


@transaction.atomic
def overdracht_vastleggen(
    *,
    klant: Klant,
    naar: Gebruiker,
    door: Gebruiker,
    begin: date,
    reden: str = "",
    soort: str = OverdrachtSoort.OVERDRACHT,
    einde: date | None = None,
) -> Overdracht:
    """Record a handover (new contact person for one client) or a substitution (a colleague covers
    the whole caseload of the client's contact person for a while). The client is told who helps
    them, in a message. Raises PermissionDenied for anyone but the owner or an administrator."""
    van = klant.contactpersoon
    if van is None:
        raise InvoerFout(_("Deze klant heeft nog geen contactpersoon."))
    if soort == OverdrachtSoort.VERVANGING:
        return vervanging_vastleggen(
            van=van, naar=naar, door=door, begin=begin, einde=einde, reden=reden
        )
    _delegatie_controleren(van=van, naar=naar, door=door, begin=begin, soort=soort, einde=einde)
    overdracht = Overdracht.objects.create(
        gemeente_id=klant.gemeente_id,
        soort=soort,
        van=van,
        naar=naar,
        klant=klant,
        begin=begin,
        reden=reden,
        vastgelegd_door=door,
    )
    klant.contactpersoon = naar
    klant.save(update_fields=["contactpersoon", "gewijzigd"])
    tekst = (
        f"Vanaf {date_format(begin, 'j F')} is {naar.weergavenaam} je nieuwe contactpersoon. "
        f"{van.weergavenaam} heeft alles wat je samen hebt besproken doorgegeven. Je berichten en "
        "verslagen blijven gewoon in de app staan. Op je overzicht zie je hoe je "
        f"{naar.weergavenaam} bereikt."
    )
    bericht_versturen(klant=klant, afzender=_afzender_namens(door, van), tekst=tekst)
    return overdracht


@transaction.atomic
def vervanging_vastleggen(
    *,
    van: Gebruiker,
    naar: Gebruiker,
    door: Gebruiker,
    begin: date,
    einde: date | None,
    reden: str = "",
) -> Overdracht:
    """A colleague covers `van`'s own caseload from `begin` up to and including `einde`."""
    _delegatie_controleren(
        van=van, naar=naar, door=door, begin=begin, soort=OverdrachtSoort.VERVANGING, einde=einde
    )
    assert einde is not None and van.gemeente_id is not None  # checked above
    overdracht = Overdracht.objects.create(
        gemeente_id=van.gemeente_id,
        soort=OverdrachtSoort.VERVANGING,
        van=van,
        naar=naar,
        klant=None,
        begin=begin,
        einde=einde,
        reden=reden,
        vastgelegd_door=door,
    )
    tekst = (
        f"{van.weergavenaam} is er even niet. Van {date_format(begin, 'j F')} tot en met "
        f"{date_format(einde, 'j F')} helpt {naar.weergavenaam} je. Je kunt gewoon een bericht sturen in de app."
    )
    for k in toegang.caseload_van(van):
        bericht_versturen(klant=k, afzender=_afzender_namens(door, van), tekst=tekst)
    return overdracht


@transaction.atomic
def caseload_overdragen(
    *, van: Gebruiker, naar: Gebruiker, door: Gebruiker, begin: date, reden: str = ""
) -> list[Overdracht]:
    """Every client of `van` gets `naar` as their contact person (someone leaves, for instance).
    One handover per client, so each client's history and message are the same as for one."""
    _delegatie_controleren(
        van=van, naar=naar, door=door, begin=begin, soort=OverdrachtSoort.OVERDRACHT, einde=None
    )
    return [
        overdracht_vastleggen(klant=k, naar=naar, door=door, begin=begin, reden=reden)
        for k in toegang.caseload_van(van).order_by("pk")
    ]


# --- B1: applications ---------------------------------------------------------------------------


def aanvraag_voorinvullen(klant: Klant) -> dict[str, Any]:
    """What the municipality already knows: the client is never asked for it again."""
    return {
        "naam": klant.naam,
        "adres": klant.adres,
        "huishouden": klant.get_huishouden_display(),
        "aantal_kinderen": klant.kinderen.count(),
        "email": klant.email or (klant.gebruiker.email if klant.gebruiker else ""),
        "telefoon": klant.telefoon,
    }


@transaction.atomic
def aanvraag_indienen(
    *, klant: Klant, door: Gebruiker, regeling_code: str, toelichting: str = ""
) -> Aanvraag:
    """Apply for a provision the client is entitled to. Stored first, then confirmed."""
    uitkomsten, _fout = voorzieningen.voor_weergave(klant, peildatum=timezone.localdate())
    regeling = next((u.regeling for u in uitkomsten if u.regeling.code == regeling_code), None)
    if regeling is None:
        raise InvoerFout(
            "Deze regeling kun je nu niet via de app aanvragen. Je contactpersoon helpt je graag."
        )
    if Aanvraag.objects.filter(
        klant=klant,
        regeling_code=regeling_code,
        status__in=[AanvraagStatus.INGEDIEND, AanvraagStatus.IN_BEHANDELING],
    ).exists():
        raise InvoerFout("Je hebt deze regeling al aangevraagd. Je ziet hieronder hoe ver het is.")
    vandaag = timezone.localdate()
    standaard = int(klant.gemeente.instelling("voorziening_behandel_weken", 8))  # type: ignore[call-overload]
    stappen = voorzieningen.procedure(regeling, vanaf=vandaag, standaard_weken=standaard)
    aanvraag = Aanvraag.objects.create(
        gemeente_id=klant.gemeente_id,
        klant=klant,
        regeling_code=regeling.code,
        regeling_naam=regeling.naam,
        ingediend_door=door,
        gegevens=aanvraag_voorinvullen(klant),
        toelichting=toelichting.strip(),
        stappen=stappen,
        verwacht_besluit_op=date.fromisoformat(stappen[-1]["verwacht_op"]),
    )
    if klant.contactpersoon is not None:
        melden(
            klant.contactpersoon, "nieuwe_aanvraag", url=reverse("werk:aanvragen", args=[klant.pk])
        )
    return aanvraag


@transaction.atomic
def aanvraag_bijwerken(*, aanvraag: Aanvraag, door: Gebruiker, status: str) -> Aanvraag:
    """Move an application on; the steps up to the new status are marked done and the client told."""
    if status not in AanvraagStatus.values:
        raise InvoerFout("Onbekende status.", veld="status")
    vandaag = timezone.localdate().isoformat()
    stappen = list(aanvraag.stappen)
    klaar_tot = {
        AanvraagStatus.IN_BEHANDELING: 2,
        AanvraagStatus.TOEGEKEND: len(stappen),
        AanvraagStatus.AFGEWEZEN: len(stappen),
    }.get(AanvraagStatus(status), 1)
    for i, stap in enumerate(stappen[:klaar_tot]):
        if not stap.get("gedaan_op"):
            stappen[i] = {**stap, "gedaan_op": vandaag}
    aanvraag.status = status
    aanvraag.stappen = stappen
    aanvraag.save(update_fields=["status", "stappen", "gewijzigd_op"])
    bericht_versturen(
        klant=aanvraag.klant,
        afzender=door,
        tekst=f"Je aanvraag '{aanvraag.regeling_naam}' heeft een nieuwe stand: "
        f"{aanvraag.get_status_display().lower()}. Kijk in de app bij 'Regelingen' voor meer.",
    )
    return aanvraag


# --- notification channels ----------------------------------------------------------------------


@transaction.atomic
def meldingskanaal_opslaan(
    *, gebruiker: Gebruiker, soort: str, endpoint: str = "", sleutels: dict[str, Any] | None = None
) -> Meldingskanaal:
    if soort == KanaalSoort.PUSH:
        try:
            endpoint, sleutels = push_inschrijving_controleren(endpoint, sleutels)
        except PushFout as fout:
            raise InvoerFout(str(fout), veld="endpoint") from fout
    kanaal, _ = Meldingskanaal.objects.update_or_create(
        gebruiker=gebruiker,
        soort=soort,
        endpoint=endpoint,
        defaults={"sleutels": sleutels or {}, "actief": True},
    )
    if soort == KanaalSoort.PUSH:  # a few devices; a new one replaces the oldest
        oud = Meldingskanaal.objects.filter(gebruiker=gebruiker, soort=soort).order_by(
            "-aangemaakt_op", "-pk"
        )
        Meldingskanaal.objects.filter(
            pk__in=list(oud.values_list("pk", flat=True)[MAX_PUSH_INSCHRIJVINGEN:])
        ).delete()
    return kanaal


# --- A1: the contact person's own card -------------------------------------------------------------


def profiel_bijwerken(
    gebruiker: Gebruiker,
    *,
    introductie: str,
    bereikbaar: str,
    telefoon_direct: str,
    foto: "UploadedFile[Any] | None" = None,
    foto_weghalen: bool = False,
) -> Contactpersoon:
    """The photo, introduction and availability a contact person shows their clients. A photo is
    checked and re-drawn first (contact.profielfoto): a refused photo changes nothing."""
    toegang.eis(gebruiker.rol == Rol.CONTACTPERSOON)
    nieuwe_foto = None
    if foto is not None:
        try:
            nieuwe_foto = foto_verwerken(foto)
        except FotoFout as fout:
            raise InvoerFout(str(fout), veld="foto") from fout
    with transaction.atomic():
        profiel, _nieuw = Contactpersoon.objects.select_for_update().get_or_create(
            gebruiker=gebruiker
        )
        profiel.introductie = introductie.strip()
        profiel.bereikbaar = bereikbaar.strip()
        profiel.telefoon_direct = telefoon_direct.strip()
        oude_foto = profiel.foto.name if profiel.foto else ""
        if nieuwe_foto is not None:
            profiel.foto.save(f"{uuid.uuid4().hex}.jpg", ContentFile(nieuwe_foto), save=False)
        elif foto_weghalen:
            profiel.foto = None
        profiel.save()
        if oude_foto and oude_foto != (profiel.foto.name if profiel.foto else ""):
            opslag = profiel.foto.storage
            transaction.on_commit(lambda: opslag.delete(oude_foto))
    return profiel

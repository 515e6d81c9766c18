"""Writes for the client's own search for work. Each service asks the rule in accounts.toegang and
refuses with a 403 (PermissionDenied); what the user can fix is an InvoerFout with a kind Dutch
message and the field it is about. Uploads are checked by content and size, stored encrypted."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import filetype

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opstap.accounts import toegang
from opstap.accounts.models import Gebruiker
from opstap.contact.bijlagen import BijlageFout, bijlage_soort
from opstap.contact.meldingen import melden
from opstap.contact.models import BIJLAGE_MAX_BYTES
from opstap.contact.services import InvoerFout, bericht_sturen
from opstap.klanten.models import Klant
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_vastleggen
from opstap.werken.models import Baan

from .models import (
    Activiteit,
    ActiviteitSoort,
    Controle,
    Groep,
    Groepslid,
    Groepstip,
    NetwerkContact,
    Plicht,
    Stemming,
    StemmingMoment,
    StemmingScore,
    Stuk,
    StukSoort,
    Uitkomst,
    Vrijstelling,
    VrijstellingSoort,
)
from .selectors import einde_werkdag

__all__ = ["InvoerFout"]

VIDEO_TYPES = {"video/mp4": ".mp4", "video/webm": ".webm", "video/quicktime": ".mov"}
MAX_PERIODE_WEKEN = 13
MAX_AANTAL = 30
MAX_OPMERKINGEN = 30
DOELEN = {"taal", "ritme", "vaardigheden", "netwerk"}


def max_video_bytes() -> int:
    return int(getattr(settings, "OPSTAP_MAX_VIDEO_BYTES", 20 * 1024 * 1024))


def _mb(aantal: int) -> str:
    if aantal < 1024 * 1024:
        return f"{max(aantal // 1024, 1)} kB"
    return f"{aantal / (1024 * 1024):.0f} MB"


def _bestand_controleren(bestand: UploadedFile[Any], *, veld: str) -> str:
    """A CV, letter or proof: PDF, JPG or PNG by its content, at most 5 MB. Returns the type."""
    if bestand.size is not None and bestand.size > BIJLAGE_MAX_BYTES:
        raise InvoerFout(
            _(
                "Dit bestand is te groot. Het mag hooguit %(grens)s zijn. Maak een kleinere foto of PDF."
            )
            % {"grens": _mb(BIJLAGE_MAX_BYTES)},
            veld=veld,
        )
    try:
        return bijlage_soort(bestand)
    except BijlageFout as fout:
        raise InvoerFout(str(fout), veld=veld) from fout


def _video_controleren(bestand: UploadedFile[Any]) -> str:
    """A short video: MP4, WebM or MOV by its content, within its own limit (OPSTAP_MAX_VIDEO_BYTES)."""
    if bestand.size is not None and bestand.size > max_video_bytes():
        raise InvoerFout(
            _(
                "Dit filmpje is te groot. Het mag hooguit %(grens)s zijn. Maak een korter filmpje "
                "(een minuut is genoeg), of kies op je telefoon een lagere kwaliteit."
            )
            % {"grens": _mb(max_video_bytes())},
            veld="bestand",
        )
    bestand.seek(0)
    soort = filetype.guess_mime(bestand.read(8192))
    bestand.seek(0)
    if soort not in VIDEO_TYPES:
        raise InvoerFout(
            _(
                "Dit is geen filmpje dat we kunnen tonen. Stuur een MP4, WebM of MOV van je telefoon."
            ),
            veld="bestand",
        )
    return str(soort)


# --- the duty (C1) ------------------------------------------------------------------------------


@transaction.atomic
def plicht_instellen(
    *,
    door: Gebruiker,
    klant: Klant,
    aantal: int,
    periode_weken: int,
    soorten: list[str],
    toelichting: str = "",
) -> Plicht:
    """Set or adjust the duty: a new row, so the history stays."""
    toegang.eis(toegang.mag_plicht_instellen(door, klant), "Alleen de contactpersoon stelt dit in.")
    if not 0 <= aantal <= MAX_AANTAL:
        raise InvoerFout(_("Kies een aantal tussen 0 en 30."), veld="aantal")
    if not 1 <= periode_weken <= MAX_PERIODE_WEKEN:
        raise InvoerFout(_("Kies een periode van 1 tot 13 weken."), veld="periode_weken")
    geldig = [s for s in soorten if s in ActiviteitSoort.values]
    if not geldig:
        raise InvoerFout(_("Kies minstens één soort activiteit die meetelt."), veld="soorten")
    plicht = Plicht.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        aantal=aantal,
        periode_weken=periode_weken,
        soorten=geldig,
        toelichting=toelichting,
        vastgelegd_door=door,
    )
    inzage_vastleggen(
        gebruiker=door,
        klant=klant,
        onderdeel="sollicitatieplicht",
        doel="Begeleiding: de sollicitatieplicht ingesteld",
        actie=Actie.WIJZIGEN,
    )
    return plicht


@transaction.atomic
def vrijstelling_vastleggen(
    *,
    door: Gebruiker,
    klant: Klant,
    reden: str,
    begin: date,
    einde: date,
    soort: str = VrijstellingSoort.VRIJSTELLING,
    baan: Baan | None = None,
) -> Vrijstelling:
    toegang.eis(toegang.mag_plicht_instellen(door, klant), "Alleen de contactpersoon stelt dit in.")
    if not reden.strip():
        raise InvoerFout(_("Schrijf kort waarom, zodat de klant het ook begrijpt."), veld="reden")
    if einde < begin:
        raise InvoerFout(_("De einddatum moet na de begindatum liggen."), veld="einde")
    if (einde - begin).days > 366:
        raise InvoerFout(_("Een vrijstelling duurt hooguit een jaar."), veld="einde")
    if baan is not None and baan.klant_id != klant.pk:
        raise InvoerFout(_("Deze baan hoort niet bij deze klant."))
    vrijstelling = Vrijstelling.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        soort=soort,
        reden=reden.strip(),
        begin=begin,
        einde=einde,
        baan=baan,
        vastgelegd_door=door,
    )
    inzage_vastleggen(
        gebruiker=door,
        klant=klant,
        onderdeel="sollicitatieplicht",
        doel="Begeleiding: een vrijstelling of pauze vastgelegd",
        actie=Actie.AANMAKEN,
    )
    return vrijstelling


def pauze_na_baan(*, door: Gebruiker, klant: Klant, baan: Baan, weken: int) -> Vrijstelling:
    """The one-tap pause after a reported job (D2): the first months in the new job."""
    if not 1 <= weken <= 26:
        raise InvoerFout(_("Kies een pauze van 1 tot 26 weken."), veld="weken")
    vandaag = timezone.localdate()
    return vrijstelling_vastleggen(
        door=door,
        klant=klant,
        reden=_("Je bent begonnen bij %(werkgever)s. De eerste tijd in je nieuwe baan gaat voor.")
        % {"werkgever": baan.werkgever_naam},
        begin=vandaag,
        einde=vandaag + timedelta(weeks=weken) - timedelta(days=1),
        soort=VrijstellingSoort.PAUZE_BAAN,
        baan=baan,
    )


@transaction.atomic
def vrijstelling_beeindigen(*, door: Gebruiker, vrijstelling: Vrijstelling) -> None:
    toegang.eis(toegang.mag_plicht_instellen(door, vrijstelling.klant))
    vrijstelling.beeindigd_op = timezone.localdate()
    vrijstelling.save(update_fields=["beeindigd_op"])


# --- activities and outcome (C1, C5, C8) --------------------------------------------------------


@transaction.atomic
def activiteit_loggen(
    *,
    door: Gebruiker,
    klant: Klant,
    soort: str,
    datum: date,
    omschrijving: str,
    uren: Decimal | None = None,
    doelen: list[str] | None = None,
    uitkomst: str = "",
    bewijs: UploadedFile[Any] | None = None,
) -> Activiteit:
    toegang.eis(
        toegang.mag_zelf_werk_zoeken(door, klant), "Je schrijft alleen je eigen activiteiten op."
    )
    if soort not in ActiviteitSoort.values:
        raise InvoerFout(_("Kies wat voor activiteit het was."), veld="soort")
    if datum > timezone.localdate():
        raise InvoerFout(
            _("Deze datum ligt in de toekomst. Schrijf op wat je al gedaan hebt."), veld="datum"
        )
    if not omschrijving.strip():
        raise InvoerFout(_("Schrijf in een paar woorden wat je deed."), veld="omschrijving")
    if uitkomst not in Uitkomst.values:
        raise InvoerFout(_("Kies hoe het afliep."), veld="uitkomst")
    activiteit = Activiteit(
        gemeente=klant.gemeente,
        klant=klant,
        soort=soort,
        datum=datum,
        omschrijving=omschrijving.strip(),
        uren=uren,
        doelen=[d for d in (doelen or []) if d in DOELEN],
        uitkomst=uitkomst,
    )
    if bewijs:
        activiteit.bewijs_type = _bestand_controleren(bewijs, veld="bewijs")
        activiteit.bewijs_naam = (bewijs.name or "")[:200]
        activiteit.bewijs.save(bewijs.name or "bewijs", bewijs, save=False)
    activiteit.save()
    inzage_vastleggen(
        gebruiker=door,
        klant=klant,
        onderdeel="werk zoeken",
        doel="Je schreef een activiteit op",
        actie=Actie.AANMAKEN,
    )
    return activiteit


@transaction.atomic
def uitkomst_vastleggen(
    *,
    door: Gebruiker,
    activiteit: Activiteit,
    uitkomst: str,
    evaluatie: bool = False,
    pauze: bool = False,
) -> Activiteit:
    """How an application ended. After a rejection the client may ask for a short evaluation with
    the contact person and for a pause: both arrive as a message in the conversation."""
    klant = activiteit.klant
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, klant))
    if uitkomst not in Uitkomst.values:
        raise InvoerFout(_("Kies hoe het afliep."), veld="uitkomst")
    activiteit.uitkomst = uitkomst
    activiteit.save(update_fields=["uitkomst"])
    if uitkomst == Uitkomst.AFGEWEZEN and (evaluatie or pauze):
        wensen = []
        if evaluatie:
            wensen.append(_("Ik wil graag kort met je bespreken wat er mis ging."))
        if pauze:
            wensen.append(_("Ik zou graag even een pauze nemen met solliciteren."))
        bericht_sturen(
            door=door,
            klant=klant,
            tekst=_("Ik ben afgewezen (%(wat)s).") % {"wat": activiteit.omschrijving}
            + " "
            + " ".join(wensen),
        )
    return activiteit


@transaction.atomic
def uitkomst_uit_feedback(
    *, klant: Klant, omschrijving: str, uitkomst: str, datum: date
) -> Activiteit:
    """An outcome that arrives from an employer's feedback on a proposed candidate (bemiddeling):
    written into the client's activities as an application with that outcome, so the rejection run
    and the client's own overview count it. The caller has checked the employer's consent."""
    if uitkomst not in (Uitkomst.GESPREK, Uitkomst.AFGEWEZEN, Uitkomst.AANGENOMEN):
        raise InvoerFout(_("Kies hoe het afliep."), veld="uitkomst")
    return Activiteit.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        soort=ActiviteitSoort.SOLLICITATIE,
        datum=datum,
        omschrijving=omschrijving[:500] or _("Voorgesteld aan een werkgever"),
        uitkomst=uitkomst,
    )


@transaction.atomic
def baan_gevonden(
    *, door: Gebruiker, klant: Klant, activiteit: Activiteit | None, omschrijving: str
) -> Activiteit:
    """'Ik heb de baan!': the application ends well (a new one is written when none is chosen)."""
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, klant))
    if activiteit is not None:
        return uitkomst_vastleggen(door=door, activiteit=activiteit, uitkomst=Uitkomst.AANGENOMEN)
    return activiteit_loggen(
        door=door,
        klant=klant,
        soort=ActiviteitSoort.SOLLICITATIE,
        datum=timezone.localdate(),
        omschrijving=omschrijving or _("Baan gevonden"),
        uitkomst=Uitkomst.AANGENOMEN,
    )


# --- CV, letters, presentation (C2, C6) ---------------------------------------------------------


@transaction.atomic
def stuk_opslaan(
    *,
    door: Gebruiker,
    klant: Klant,
    soort: str,
    titel: str,
    tekst: str = "",
    bestand: UploadedFile[Any] | None = None,
    stuk: Stuk | None = None,
) -> Stuk:
    """Write or upload a CV, letter, pitch or video; or save a new version of one."""
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, klant), "Je werkt alleen aan je eigen stukken.")
    if soort not in StukSoort.values:
        raise InvoerFout(_("Kies wat voor stuk het is."), veld="soort")
    if not titel.strip():
        raise InvoerFout(
            _("Geef je stuk een naam, bijvoorbeeld 'Brief bloemenwinkel'."), veld="titel"
        )
    if soort == StukSoort.VIDEO and not bestand and (stuk is None or not stuk.bestand):
        raise InvoerFout(_("Kies het filmpje op je telefoon."), veld="bestand")
    if (
        soort != StukSoort.VIDEO
        and not tekst.strip()
        and not bestand
        and (stuk is None or not stuk.bestand)
    ):
        raise InvoerFout(_("Schrijf je tekst, of kies een bestand."), veld="tekst")
    if stuk is None:
        stuk = Stuk(gemeente=klant.gemeente, klant=klant, soort=soort)
    elif stuk.klant_id != klant.pk or stuk.ingetrokken_op is not None:
        raise InvoerFout(_("Dit stuk kun je niet meer wijzigen."))
    stuk.titel = titel.strip()
    stuk.tekst = tekst.strip()
    if bestand:
        if soort == StukSoort.VIDEO:
            stuk.bestand_type = _video_controleren(bestand)
        else:
            stuk.bestand_type = _bestand_controleren(bestand, veld="bestand")
        if stuk.bestand:
            stuk.bestand.delete(save=False)
        stuk.bestand_naam = (bestand.name or "")[:200]
        stuk.bestand.save(bestand.name or "bestand", bestand, save=False)
    stuk.save()
    inzage_vastleggen(
        gebruiker=door,
        klant=klant,
        onderdeel="cv en brieven",
        doel="Je bewaarde je cv, brief of presentatie",
        actie=Actie.WIJZIGEN,
    )
    return stuk


@transaction.atomic
def stuk_intrekken(*, door: Gebruiker, stuk: Stuk) -> None:
    """The client withdraws a CV, letter, pitch or video: the file and text are removed at once,
    so nobody (contact person or employer) can see it any more."""
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, stuk.klant))
    if stuk.bestand:
        stuk.bestand.delete(save=False)
    stuk.tekst = ""
    stuk.bestand_naam = ""
    stuk.ingetrokken_op = timezone.now()
    stuk.save()
    for controle in stuk.controles.all():
        controle.tekst = ""
        controle.opmerkingen = []
        controle.save(update_fields=["tekst", "opmerkingen"])


@transaction.atomic
def stuk_delen(*, door: Gebruiker, stuk: Stuk, delen: bool) -> None:
    """Show (or stop showing) a pitch or video to the contact person."""
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, stuk.klant))
    stuk.gedeeld_op = timezone.now() if delen else None
    stuk.save(update_fields=["gedeeld_op"])


@transaction.atomic
def controle_vragen(*, door: Gebruiker, stuk: Stuk, vraag: str = "") -> Controle:
    """Ask the contact person to check a CV or letter: due the end of this working day. Asking
    shares the stuk with the contact person."""
    klant = stuk.klant
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, klant))
    if stuk.soort not in (StukSoort.CV, StukSoort.BRIEF, StukSoort.PITCH):
        raise InvoerFout(_("Een controle kan voor een cv, een brief of je pitch."))
    if stuk.ingetrokken_op is not None:
        raise InvoerFout(_("Dit stuk is ingetrokken."))
    if stuk.controles.filter(beantwoord_op__isnull=True).exists():
        raise InvoerFout(_("Je contactpersoon kijkt hier al naar. Je krijgt vandaag antwoord."))
    nu = timezone.now()
    stuk.gedeeld_op = stuk.gedeeld_op or nu
    stuk.save(update_fields=["gedeeld_op"])
    controle = Controle.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        stuk=stuk,
        vraag=vraag.strip(),
        tekst=stuk.tekst,
        gevraagd_op=nu,
        uiterlijk_op=einde_werkdag(nu),
    )
    inzage_vastleggen(
        gebruiker=door,
        klant=klant,
        onderdeel="cv en brieven",
        doel="Je vroeg om een controle van je cv of brief",
        actie=Actie.AANMAKEN,
    )
    melden(klant.contactpersoon, "controle_gevraagd", url=reverse("werk:werkzoeken-controles"))
    return controle


@transaction.atomic
def controle_beantwoorden(
    *, door: Gebruiker, controle: Controle, opmerkingen: list[dict[str, str]], slotwoord: str
) -> Controle:
    """The contact person's answer: comments on passages of the text (the words must be in it) and
    a word at the end. At least something must be said."""
    toegang.eis(toegang.mag_controle_beantwoorden(door, controle.klant))
    if controle.beantwoord_op is not None:
        raise InvoerFout(_("Deze controle is al beantwoord."))
    schoon: list[dict[str, str]] = []
    for o in opmerkingen[:MAX_OPMERKINGEN]:
        passage, opmerking = o.get("passage", "").strip(), o.get("opmerking", "").strip()
        if not passage and not opmerking:
            continue
        if not opmerking:
            raise InvoerFout(_("Schrijf bij '%(p)s' ook je opmerking.") % {"p": passage[:40]})
        if passage and passage not in controle.tekst:
            raise InvoerFout(
                _(
                    "Deze woorden staan niet precies zo in de tekst: '%(p)s'. Kopieer ze uit de "
                    "tekst, of laat ze leeg voor een opmerking over het geheel."
                )
                % {"p": passage[:60]}
            )
        schoon.append({"passage": passage, "opmerking": opmerking})
    if not schoon and not slotwoord.strip():
        raise InvoerFout(_("Schrijf minstens één opmerking of een slotwoord."), veld="slotwoord")
    controle.opmerkingen = schoon
    controle.slotwoord = slotwoord.strip()
    controle.beantwoord_op = timezone.now()
    controle.beantwoord_door = door
    controle.save()
    inzage_vastleggen(
        gebruiker=door,
        klant=controle.klant,
        onderdeel="cv en brieven",
        doel="Begeleiding: je cv of brief nagekeken",
        actie=Actie.WIJZIGEN,
    )
    melden(
        controle.klant.gebruiker,
        "controle_klaar",
        url=reverse("mijn:werkzoeken-stuk", args=[controle.stuk_id]),
    )
    return controle


def controle_gelezen(*, controle: Controle) -> None:
    if controle.beantwoord_op and controle.gelezen_op is None:
        controle.gelezen_op = timezone.now()
        controle.save(update_fields=["gelezen_op"])


# --- network (C4) -------------------------------------------------------------------------------


def netwerkcontact_toevoegen(
    *, door: Gebruiker, klant: Klant, naam: str, hoe: str, tip: str
) -> NetwerkContact:
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, klant))
    if not naam.strip():
        raise InvoerFout(_("Schrijf de naam van de persoon."), veld="naam")
    return NetwerkContact.objects.create(
        gemeente=klant.gemeente, klant=klant, naam=naam.strip(), hoe=hoe.strip(), tip=tip.strip()
    )


def netwerkcontact_verwijderen(*, door: Gebruiker, contact: NetwerkContact) -> None:
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, contact.klant))
    contact.delete()


@transaction.atomic
def groep_lid_worden(*, door: Gebruiker, klant: Klant, groep: Groep, lid: bool) -> None:
    """Join or leave a peer group; joining is the client's own choice (opt-in)."""
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, klant))
    if groep.gemeente_id != klant.gemeente_id:
        raise InvoerFout(_("Deze groep bestaat niet."))
    bestaand = Groepslid.objects.filter(groep=groep, klant=klant, afgemeld_op__isnull=True)
    if lid and not bestaand.exists():
        Groepslid.objects.create(groep=groep, klant=klant)
    elif not lid:
        bestaand.update(afgemeld_op=timezone.now())


def groepstip_delen(
    *, door: Gebruiker, klant: Klant, groep: Groep, tekst: str, link: str
) -> Groepstip:
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, klant))
    if not groep.leden.filter(klant=klant, afgemeld_op__isnull=True).exists():
        raise InvoerFout(_("Word eerst lid van de groep."))
    if not tekst.strip():
        raise InvoerFout(_("Schrijf je tip."), veld="tekst")
    return Groepstip.objects.create(groep=groep, klant=klant, tekst=tekst.strip(), link=link)


def groepstip_verbergen(*, door: Gebruiker, tip: Groepstip) -> None:
    toegang.eis(
        tip.groep.moderator_id == door.pk, "Alleen de begeleider van de groep verbergt een tip."
    )
    tip.verborgen_op = timezone.now()
    tip.save(update_fields=["verborgen_op"])


# --- mood (C9) ----------------------------------------------------------------------------------


def stemming_geven(
    *, door: Gebruiker, klant: Klant, score: str, moment: str, gedeeld: bool = False
) -> Stemming:
    """One tap after a key moment. Not shared unless the client chooses to."""
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, klant))
    if score not in StemmingScore.values:
        raise InvoerFout(_("Kies hoe het met je gaat."), veld="score")
    if moment not in StemmingMoment.values:
        moment = StemmingMoment.ZOMAAR
    return Stemming.objects.create(
        gemeente=klant.gemeente, klant=klant, score=score, moment=moment, gedeeld=gedeeld
    )


def stemming_delen(*, door: Gebruiker, stemming: Stemming, gedeeld: bool) -> None:
    toegang.eis(toegang.mag_zelf_werk_zoeken(door, stemming.klant))
    stemming.gedeeld = gedeeld
    stemming.save(update_fields=["gedeeld"])

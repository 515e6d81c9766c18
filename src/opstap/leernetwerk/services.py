"""Writes for the learning network, each in a transaction. Views check the rules in
accounts.toegang first; these functions trust that and keep the data consistent."""

import difflib
import re
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant

from .anonimiseren import PLAATSHOUDER, anonimiseer
from .models import (
    MAX_TEKST,
    Actie,
    ActieStatus,
    Bijdrage,
    Code,
    Codering,
    Leeftijdsgroep,
    Sessie,
    Status,
)

# The themes of the studies (seed 000 and 003): the codebook a municipality starts with.
STARTCODES = [
    ("netwerk", "Familie, vrienden, buren en kennissen die helpen (of juist niet)."),
    ("sollicitatieplicht", "Solliciteren omdat het moet: aantallen, bewijzen, boetes."),
    ("vrijwilligerswerk", "Onbetaald werk als stap, of als doel op zich."),
    ("mantelzorg", "Zorgen voor een ander naast of in plaats van werk."),
    ("leeftijd", "Ervaringen die met leeftijd te maken hebben (45+, 55+)."),
    ("regie", "Zelf kiezen, of juist het gevoel dat anderen beslissen."),
    ("contact met de gemeente", "Hoe het contact met de gemeente ging: bereikbaarheid, toon."),
    ("brieven", "Brieven en formulieren: begrijpelijk, op tijd, kloppend."),
    ("geldzorgen", "Schulden, te laat geld, onzekerheid over inkomen."),
]

BEWAAR_DAGEN_STANDAARD = 90


def leeftijdsgroep(geboren: date, op: date) -> str:
    leeftijd = op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))
    if leeftijd < 27:
        return Leeftijdsgroep.TOT_27
    if leeftijd < 45:
        return Leeftijdsgroep.VAN_27
    if leeftijd < 55:
        return Leeftijdsgroep.VAN_45
    return Leeftijdsgroep.VAN_55


def _controleer_lengte(tekst: str) -> str:
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError({"tekst": "Schrijf eerst je ervaring op."})
    if len(tekst) > MAX_TEKST:
        raise ValidationError(
            {"tekst": f"Je tekst is te lang. Het mag hoogstens {MAX_TEKST} tekens zijn."}
        )
    return tekst


def bijdrage_aanmaken(
    *, klant: Klant, onderwerp: str, tekst: str, in_plaats_van_sollicitatie: bool = False
) -> Bijdrage:
    """A draft: the client's words kept in their file, and what would be shared already
    de-identified, for the client to read and change before sending."""
    tekst = _controleer_lengte(tekst)
    # De-identify before writing: no database lock is held while the text is read.
    gedeeld = anonimiseer(tekst)
    return Bijdrage.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        onderwerp=onderwerp,
        origineel=tekst,
        gedeelde_tekst=gedeeld,
        in_plaats_van_sollicitatie=in_plaats_van_sollicitatie,
    )


def bijdrage_versturen(bijdrage: Bijdrage, gedeelde_tekst: str) -> bool:
    """Send what the client saw. Their edit is de-identified once more; if that changes anything,
    nothing is sent and the client sees the new text first (False). True when sent."""
    if bijdrage.status not in (Status.CONCEPT, Status.TERUGGESTUURD):
        raise ValidationError("Deze ervaring is al verstuurd.")
    tekst = _controleer_lengte(gedeelde_tekst.replace("\r\n", "\n"))
    nagekeken = anonimiseer(tekst)  # before the transaction: no lock held while reading
    return _versturen(bijdrage, tekst, nagekeken)


@transaction.atomic
def _versturen(bijdrage: Bijdrage, tekst: str, nagekeken: str) -> bool:
    if nagekeken != tekst:
        bijdrage.gedeelde_tekst = nagekeken
        bijdrage.save(update_fields=["gedeelde_tekst"])
        return False
    klant = bijdrage.klant
    nu = timezone.now()
    bijdrage.gedeelde_tekst = tekst
    bijdrage.status = Status.INGEDIEND
    bijdrage.ingediend_op = nu
    bijdrage.moderatie_opmerking = ""
    bijdrage.leeftijdsgroep = leeftijdsgroep(klant.geboortedatum, timezone.localdate())
    bijdrage.fase = klant.fase
    bijdrage.tredegroep = klant.trede_groep
    bijdrage.huishouden = klant.huishouden
    bijdrage.save()
    return True


@transaction.atomic
def bijdrage_intrekken(bijdrage: Bijdrage) -> None:
    """The client takes it back: gone from coding, sessions and exports at once. Both texts are
    wiped and the codings on it deleted; the row stays so the client (and the application duty)
    can see that it was withdrawn."""
    Codering.objects.filter(bijdrage=bijdrage).delete()
    bijdrage.status = Status.INGETROKKEN
    bijdrage.ingetrokken_op = timezone.now()
    bijdrage.gedeelde_tekst = ""
    bijdrage.origineel = ""
    bijdrage.origineel_gewist_op = bijdrage.origineel_gewist_op or bijdrage.ingetrokken_op
    bijdrage.save()


def alleen_weggelaten(oud: str, nieuw: str) -> bool:
    """True when `nieuw` only removes from `oud`: parts deleted or replaced by a placeholder."""
    for soort, _i1, _i2, j1, j2 in difflib.SequenceMatcher(
        None, oud, nieuw, autojunk=False
    ).get_opcodes():
        if soort in ("replace", "insert"):
            toegevoegd = nieuw[j1:j2]
            if PLAATSHOUDER.sub("", toegevoegd).strip(" []") and not _deel_van_plaatshouder(
                nieuw, j1, j2
            ):
                return False
    return True


def _deel_van_plaatshouder(tekst: str, begin: int, einde: int) -> bool:
    return any(m.start() <= begin and einde <= m.end() for m in PLAATSHOUDER.finditer(tekst))


@transaction.atomic
def modereren(
    bijdrage: Bijdrage, *, moderator: Gebruiker, tekst: str, goedkeuren: bool, opmerking: str = ""
) -> None:
    """Approve (perhaps after removing more) or return with a note for the client. A moderator can
    only take things out: anything else they typed is refused. When the text changes, codings on
    it are deleted (their positions no longer hold)."""
    tekst = tekst.replace("\r\n", "\n").strip()
    if not alleen_weggelaten(bijdrage.gedeelde_tekst, tekst):
        raise ValidationError(
            {"tekst": "Je kunt alleen iets weghalen of vervangen door bijvoorbeeld [PERSOON]."}
        )
    if not goedkeuren and not opmerking.strip():
        raise ValidationError({"opmerking": "Schrijf erbij wat de klant moet aanpassen."})
    if tekst != bijdrage.gedeelde_tekst:
        Codering.objects.filter(bijdrage=bijdrage).delete()
        bijdrage.gedeelde_tekst = tekst
    bijdrage.status = Status.GOEDGEKEURD if goedkeuren else Status.TERUGGESTUURD
    bijdrage.moderatie_opmerking = "" if goedkeuren else opmerking.strip()
    bijdrage.gemodereerd_door = moderator
    bijdrage.gemodereerd_op = timezone.now()
    bijdrage.save()


@transaction.atomic
def sollicitatie_akkoord(bijdrage: Bijdrage, contactpersoon: Gebruiker) -> None:
    bijdrage.sollicitatie_akkoord_door = contactpersoon
    bijdrage.sollicitatie_akkoord_op = timezone.now()
    bijdrage.save(update_fields=["sollicitatie_akkoord_door", "sollicitatie_akkoord_op"])


@transaction.atomic
def codeboek_klaarzetten(gemeente: Gemeente) -> list[Code]:
    """The studies' themes, once (running it again adds nothing)."""
    return [
        Code.objects.get_or_create(gemeente=gemeente, naam=naam, defaults={"omschrijving": oms})[0]
        for naam, oms in STARTCODES
    ]


@transaction.atomic
def code_toevoegen(gemeente: Gemeente, naam: str, omschrijving: str = "") -> Code:
    naam = re.sub(r"\s+", " ", naam).strip().lower()
    if not naam:
        raise ValidationError({"naam": "Geef de code een naam."})
    if Code.objects.filter(gemeente=gemeente, naam=naam).exists():
        raise ValidationError({"naam": "Deze code staat al in het codeboek."})
    return Code.objects.create(gemeente=gemeente, naam=naam, omschrijving=omschrijving.strip())


@transaction.atomic
def coderen(
    bijdrage: Bijdrage, *, codeur: Gebruiker, code: Code, begin: int, einde: int, memo: str = ""
) -> Codering:
    if bijdrage.status != Status.GOEDGEKEURD:
        raise ValidationError("Alleen gedeelde ervaringen kun je coderen.")
    if code.gemeente_id != bijdrage.gemeente_id:
        raise ValidationError({"code": "Kies een code uit het codeboek."})
    if not 0 <= begin < einde <= len(bijdrage.gedeelde_tekst):
        raise ValidationError({"zinnen": "Kies een of meer zinnen."})
    return Codering.objects.create(
        bijdrage=bijdrage, code=code, codeur=codeur, begin=begin, einde=einde, memo=memo.strip()
    )


@transaction.atomic
def codering_verwijderen(codering: Codering) -> None:
    codering.delete()


@transaction.atomic
def sessie_aanmaken(
    *, gemeente: Gemeente, titel: str, datum: date, codes: list[Code], door: Gebruiker
) -> Sessie:
    sessie = Sessie.objects.create(
        gemeente=gemeente, titel=titel, datum=datum, aangemaakt_door=door
    )
    sessie.codes.set(codes)
    return sessie


@transaction.atomic
def conclusies_opslaan(sessie: Sessie, conclusies: str) -> None:
    sessie.conclusies = conclusies.strip()
    sessie.save(update_fields=["conclusies"])


@transaction.atomic
def actie_toevoegen(
    sessie: Sessie, *, omschrijving: str, eigenaar: Gebruiker, uiterlijk: date
) -> Actie:
    if eigenaar.gemeente_id != sessie.gemeente_id:
        raise ValidationError({"eigenaar": "Kies een collega van je eigen gemeente."})
    return Actie.objects.create(
        sessie=sessie, omschrijving=omschrijving.strip(), eigenaar=eigenaar, uiterlijk=uiterlijk
    )


@transaction.atomic
def actie_bijwerken(actie: Actie, status: str) -> None:
    if status not in ActieStatus.values:
        raise ValidationError({"status": "Kies een status uit de lijst."})
    actie.status = status
    actie.save(update_fields=["status"])


def bewaar_dagen(gemeente: Gemeente) -> int:
    """How long the client's original text is kept (setting `leernetwerk_bewaar_dagen`)."""
    try:
        return max(
            1, int(str(gemeente.instelling("leernetwerk_bewaar_dagen", BEWAAR_DAGEN_STANDAARD)))
        )
    except (TypeError, ValueError):
        return BEWAAR_DAGEN_STANDAARD


@transaction.atomic
def originelen_wissen(*, nu: datetime | None = None) -> int:
    """Wipe every original older than its municipality's retention period. Returns how many."""
    nu = nu or timezone.now()
    gewist = 0
    for gemeente in Gemeente.objects.all():
        grens = nu - timedelta(days=bewaar_dagen(gemeente))
        te_wissen = list(
            Bijdrage.objects.filter(
                gemeente=gemeente, aangemaakt_op__lt=grens, origineel_gewist_op__isnull=True
            )
        )
        for bijdrage in te_wissen:
            bijdrage.origineel = ""
            bijdrage.origineel_gewist_op = nu
            bijdrage.save(update_fields=["origineel", "origineel_gewist_op"])
        gewist += len(te_wissen)
    return gewist

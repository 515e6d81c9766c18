"""Loading a caseload from a municipality's current system (CSV).

Every row is checked on its own. A valid row is stored whole, in its own transaction;
an invalid row is stored not at all and reported with its line number and a Dutch reason.
Re-running the same file updates clients (found by BSN) instead of duplicating them."""

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.gemeenten.models import Gemeente
from opstap.privacy.bsn import is_geldig_bsn, normaliseer_bsn
from opstap.privacy.crypto import zoekhash, zoekhashes
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_vastleggen
from regels.invoer import BEDRAG_GRENZEN, leeftijd

from .keuzes import Fase, Huishouden, Trede
from .models import Kind, Klant, Partner, TredeWijziging

VERPLICHTE_KOLOMMEN = (
    "bsn",
    "voorletters",
    "achternaam",
    "geboortedatum",
    "postcode",
    "huisnummer",
    "huishouden",
    "trede",
    "contactpersoon",
)
OPTIONELE_KOLOMMEN = (
    "tussenvoegsel",
    "roepnaam",
    "straat",
    "woonplaats",
    "email",
    "telefoon",
    "kostendelers",
    "kale_huur",
    "servicekosten",
    "vermogen",
    "partner_geboortedatum",
    "kinderen_geboortedata",
    "bijstand_sinds",
    "fase",
)
MAX_BESTAND_BYTES = 20 * 1024 * 1024

_POSTCODE = re.compile(r"^(\d{4})\s?([A-Za-z]{2})$")
_HUISNUMMER = re.compile(r"^\d{1,5}(\s?[A-Za-z0-9-]{1,6})?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class BestandFout(Exception):
    """The file as a whole cannot be read: nothing was imported."""


@dataclass
class RijFout:
    regel: int
    meldingen: list[str]

    def __str__(self) -> str:
        return f"Regel {self.regel}: " + " ".join(self.meldingen)


@dataclass
class ImportResultaat:
    toegevoegd: int = 0
    bijgewerkt: int = 0
    fouten: list[RijFout] = field(default_factory=list)

    @property
    def geweigerd(self) -> int:
        return len(self.fouten)


def _datum(waarde: str, veld: str, fouten: list[str], *, verplicht: bool = True) -> date | None:
    waarde = waarde.strip()
    if not waarde:
        if verplicht:
            fouten.append(f"{veld} ontbreekt.")
        return None
    for patroon in (r"^(\d{4})-(\d{2})-(\d{2})$", r"^(\d{2})-(\d{2})-(\d{4})$"):
        m = re.match(patroon, waarde)
        if m:
            delen = [int(x) for x in m.groups()]
            jaar, maand, dag = delen if len(m.group(1)) == 4 else (delen[2], delen[1], delen[0])
            try:
                resultaat = date(jaar, maand, dag)
            except ValueError:
                break
            if resultaat > timezone.localdate():
                fouten.append(f"{veld} {waarde} ligt in de toekomst.")
                return None
            return resultaat
    fouten.append(f"{veld} '{waarde}' is geen geldige datum (gebruik jjjj-mm-dd of dd-mm-jjjj).")
    return None


def _bedrag(waarde: str, veld: str, fouten: list[str], maximum: int | None = None) -> Decimal:
    tekst = waarde.strip().replace("€", "").replace(" ", "")
    if not tekst:
        return Decimal("0")
    if "," in tekst:
        tekst = tekst.replace(".", "").replace(",", ".")
    try:
        bedrag = Decimal(tekst).quantize(Decimal("0.01"))
    except InvalidOperation:
        fouten.append(f"{veld} '{waarde}' is geen bedrag.")
        return Decimal("0")
    if not bedrag.is_finite():  # 'NaN' and 'Infinity' parse as Decimal; comparing them would raise
        fouten.append(f"{veld} '{waarde}' is geen bedrag.")
        return Decimal("0")
    if bedrag < 0:
        fouten.append(f"{veld} kan niet negatief zijn.")
    elif (
        maximum is not None and bedrag > maximum
    ):  # the rules engine's bound: no real household is above it
        fouten.append(
            f"{veld} is hoger dan {maximum:,} euro. Controleer het bedrag.".replace(",", ".")
        )
    return bedrag


def _trede(waarde: str, fouten: list[str]) -> str:
    tekst = waarde.strip().replace(",", ".")
    if re.fullmatch(r"[1-6]", tekst):
        tekst += ".0"
    if tekst not in Trede.values:
        fouten.append(f"Trede '{waarde}' bestaat niet (kies uit 1.0 tot en met 6.2, bijv. 3.1).")
    return tekst


def controleer_rij(
    rij: dict[str, str], *, contactpersonen: dict[str, Gebruiker], vandaag: date | None = None
) -> tuple[dict[str, object], list[str]]:
    """Check one row (on `vandaag`, default today). Returns the clean values and a list of Dutch
    reasons (empty: valid)."""
    fouten: list[str] = []
    waarde = {k: (v or "").strip() for k, v in rij.items() if k}
    schoon: dict[str, object] = {}

    bsn = normaliseer_bsn(waarde.get("bsn", ""))
    if not bsn:
        fouten.append("BSN ontbreekt.")
    elif not is_geldig_bsn(bsn):
        fouten.append(f"BSN '{waarde.get('bsn')}' is geen geldig BSN (de elfproef klopt niet).")
    schoon["bsn"] = bsn

    for veld in ("voorletters", "achternaam"):
        if not waarde.get(veld):
            fouten.append(f"{veld.capitalize()} ontbreekt.")
        schoon[veld] = waarde.get(veld, "")[:100]
    for veld in ("tussenvoegsel", "roepnaam", "telefoon"):
        schoon[veld] = waarde.get(veld, "")[:50]
    schoon["straat"] = waarde.get("straat", "").strip()[:100]
    schoon["woonplaats"] = waarde.get("woonplaats", "").strip()[:80]
    email = waarde.get("email", "")
    if email and not _EMAIL.match(email):
        fouten.append(f"E-mailadres '{email}' klopt niet.")
    schoon["email"] = email

    geboortedatum = _datum(waarde.get("geboortedatum", ""), "Geboortedatum", fouten)
    # The real birthday, as the engine counts it (someone born on 29 February turns 18 on 1 March).
    if geboortedatum and leeftijd(geboortedatum, vandaag or timezone.localdate()) < 18:
        fouten.append("De klant is jonger dan 18 jaar; bijstand begint bij 18.")
    schoon["geboortedatum"] = geboortedatum

    postcode = _POSTCODE.match(waarde.get("postcode", ""))
    if not postcode:
        fouten.append(f"Postcode '{waarde.get('postcode', '')}' klopt niet (bijv. 1234 AB).")
    schoon["postcode"] = f"{postcode.group(1)} {postcode.group(2).upper()}" if postcode else ""
    if not _HUISNUMMER.match(waarde.get("huisnummer", "")):
        fouten.append(f"Huisnummer '{waarde.get('huisnummer', '')}' klopt niet (bijv. 12 of 12A).")
    schoon["huisnummer"] = waarde.get("huisnummer", "")

    huishouden = waarde.get("huishouden", "").lower()
    if huishouden not in Huishouden.values:
        fouten.append(
            f"Huishouden '{waarde.get('huishouden', '')}' is onbekend "
            "(kies alleenstaande, alleenstaande_ouder of gehuwd)."
        )
    schoon["huishouden"] = huishouden
    schoon["trede"] = _trede(waarde.get("trede", ""), fouten)
    fase = waarde.get("fase", "") or Fase.GESPREK
    if fase not in Fase.values:
        fouten.append(f"Fase '{fase}' is onbekend.")
    schoon["fase"] = fase

    naam = waarde.get("contactpersoon", "")
    if naam not in contactpersonen:
        fouten.append(
            f"Contactpersoon '{naam}' bestaat niet in deze gemeente."
            if naam
            else "Contactpersoon ontbreekt."
        )
    schoon["contactpersoon"] = contactpersonen.get(naam)

    kostendelers = waarde.get("kostendelers", "") or "0"
    if not kostendelers.isdigit() or int(kostendelers) > 10:
        fouten.append(f"Kostendelers '{kostendelers}' moet een heel getal zijn van 0 tot 10.")
        kostendelers = "0"
    schoon["kostendelers"] = int(kostendelers)
    for veld in ("kale_huur", "servicekosten", "vermogen"):
        schoon[veld] = _bedrag(
            waarde.get(veld, ""),
            veld.replace("_", " ").capitalize(),
            fouten,
            BEDRAG_GRENZEN[veld][0],
        )
    schoon["bijstand_sinds"] = _datum(
        waarde.get("bijstand_sinds", ""), "Bijstand sinds", fouten, verplicht=False
    )

    partner = _datum(
        waarde.get("partner_geboortedatum", ""), "Geboortedatum partner", fouten, verplicht=False
    )
    kinderen = [
        _datum(d, "Geboortedatum kind", fouten)
        for d in re.split(r"[;|,\s]+", waarde.get("kinderen_geboortedata", ""))
        if d.strip()
    ]
    if geboortedatum and any(k and k <= geboortedatum for k in kinderen):
        fouten.append("Een kind is eerder geboren dan de klant.")
    # Household consistency: the type must match the partner and children given.
    if huishouden == Huishouden.GEHUWD and "partner_geboortedatum" in rij and not partner:
        fouten.append("Bij huishouden 'gehuwd' hoort de geboortedatum van de partner.")
    if huishouden != Huishouden.GEHUWD and partner:
        fouten.append("Er is een partner ingevuld, maar het huishouden is niet 'gehuwd'.")
    if huishouden == Huishouden.ALLEENSTAANDE and kinderen:
        fouten.append("Met kinderen is het huishouden 'alleenstaande_ouder' (of 'gehuwd').")
    if (
        huishouden == Huishouden.ALLEENSTAANDE_OUDER
        and "kinderen_geboortedata" in rij
        and not kinderen
    ):
        fouten.append("Bij 'alleenstaande_ouder' hoort minstens één kind in kinderen_geboortedata.")
    schoon["partner_geboortedatum"] = partner
    schoon["kinderen"] = [k for k in kinderen if k]
    return schoon, fouten


@transaction.atomic
def _bewaar(schoon: dict[str, object], *, gemeente: Gemeente, door: Gebruiker | None) -> bool:
    """Store one checked row whole. Returns True when the client is new."""
    bsn = str(schoon.pop("bsn"))
    partner: date | None = schoon.pop("partner_geboortedatum")  # type: ignore[assignment]
    kinderen: list[date] = schoon.pop("kinderen")  # type: ignore[assignment]
    # Under every configured key: after a key rotation a client hashed with the old key is
    # still found (and re-hashed with the new one) instead of imported twice.
    klant = Klant.objects.filter(gemeente=gemeente, bsn_zoekhash__in=zoekhashes(bsn)).first()
    nieuw = klant is None
    oude_trede = None if klant is None else klant.trede
    if klant is None:
        klant = Klant(gemeente=gemeente, bsn_versleuteld=bsn)
    klant.bsn_zoekhash = zoekhash(bsn)
    for sleutel, waarde in schoon.items():
        setattr(klant, sleutel, waarde)
    klant.full_clean(exclude=["bsn_zoekhash", "gebruiker"])
    klant.save()
    Partner.objects.filter(klant=klant).delete()
    if partner:
        Partner.objects.create(klant=klant, geboortedatum=partner)
    klant.kinderen.all().delete()
    Kind.objects.bulk_create([Kind(klant=klant, geboortedatum=k) for k in kinderen])
    if oude_trede != klant.trede:
        TredeWijziging.objects.create(
            klant=klant,
            trede=klant.trede,
            datum=timezone.localdate(),
            door=door,
            toelichting="Overgenomen bij import" if nieuw else "Gewijzigd bij import",
        )
    inzage_vastleggen(
        gebruiker=door,
        klant=klant,
        onderdeel="gegevens uit vorig systeem",
        doel="Overgang naar Opstap: gegevens overgenomen",
        actie=Actie.AANMAKEN if nieuw else Actie.WIJZIGEN,
    )
    return nieuw


def lees_csv(inhoud: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    if len(inhoud) > MAX_BESTAND_BYTES:
        raise BestandFout(
            f"Het bestand is te groot ({len(inhoud) // (1024 * 1024)} MB). "
            f"Het mag hoogstens {MAX_BESTAND_BYTES // (1024 * 1024)} MB zijn."
        )
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            tekst = inhoud.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise BestandFout(
                "Dit is geen tekstbestand (CSV). Sla het op als CSV en probeer het opnieuw."
            ) from exc
    if "\x00" in tekst:
        raise BestandFout(
            "Dit is geen tekstbestand (CSV). Sla het op als CSV en probeer het opnieuw."
        )
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    kolommen = [k.strip().lower() for k in (lezer.fieldnames or [])]
    ontbrekend = [k for k in VERPLICHTE_KOLOMMEN if k not in kolommen]
    if ontbrekend:
        raise BestandFout(
            "Deze kolommen ontbreken in de eerste regel: "
            + ", ".join(ontbrekend)
            + ". Zie docs/import.md voor de kolommen."
        )
    lezer.fieldnames = kolommen
    rijen = []
    for rij in lezer:
        if not any((v or "").strip() for k, v in rij.items() if k):
            continue
        rijen.append((lezer.line_num, rij))
    return kolommen, rijen


def importeer_klanten(
    inhoud: bytes,
    *,
    gemeente: Gemeente,
    door: Gebruiker | None = None,
    voortgang: Callable[[int, int], None] | None = None,
) -> ImportResultaat:
    _kolommen, rijen = lees_csv(inhoud)
    contactpersonen = {
        g.username: g for g in Gebruiker.objects.filter(gemeente=gemeente, rol=Rol.CONTACTPERSOON)
    }
    resultaat = ImportResultaat()
    gezien: dict[str, int] = {}
    for nummer, (regel, rij) in enumerate(rijen, start=1):
        if None in rij:
            resultaat.fouten.append(
                RijFout(regel, ["Deze regel heeft meer velden dan er kolommen zijn."])
            )
            continue
        schoon, fouten = controleer_rij(rij, contactpersonen=contactpersonen)
        bsn = str(schoon["bsn"])
        if bsn in gezien and not fouten:
            fouten.append(f"Dit BSN staat ook al op regel {gezien[bsn]}.")
        if fouten:
            resultaat.fouten.append(RijFout(regel, fouten))
        else:
            gezien[bsn] = regel
            if _bewaar(schoon, gemeente=gemeente, door=door):
                resultaat.toegevoegd += 1
            else:
                resultaat.bijgewerkt += 1
        if voortgang:
            voortgang(nummer, len(rijen))
    return resultaat

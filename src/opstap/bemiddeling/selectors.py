"""Reads for mediation. What an employer may see of a candidate is decided in one place:
`gedeelde_waarden` (the values a consent names, nothing else)."""

import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opstap.accounts import toegang
from opstap.accounts.models import Gebruiker
from opstap.contact.models import Doel, DoelSoort
from opstap.klanten.models import Klant
from opstap.werkgevers.models import Gegeven, Toestemming, Vacature, Werkgever

from .models import Kandidaatprofiel, Terugkoppeling, Uitkomst, Voorstel, VoorstelStatus, Werkwijze

# The order details are shown in, everywhere.
GEGEVENS_VOLGORDE = [g.value for g in Gegeven]


def kandidaat_id(toestemming: Toestemming) -> str:
    """An opaque id per consent: the employer can refer to a candidate without learning the client's
    number, and a new consent after a withdrawal is a new candidate."""
    sleutel = settings.SECRET_KEY.encode()
    digest = hmac.new(sleutel, f"kandidaat:{toestemming.pk}".encode(), hashlib.sha256)
    return f"k-{digest.hexdigest()[:20]}"


def kandidaatprofiel(klant: Klant) -> Kandidaatprofiel:
    """The client's profile for employers (unsaved and empty when never written)."""
    return Kandidaatprofiel.objects.filter(klant=klant).first() or Kandidaatprofiel(klant=klant)


def kwaliteiten_van(klant: Klant) -> list[str]:
    return [str(d.tekst) for d in Doel.objects.filter(klant=klant, soort=DoelSoort.KWALITEIT)]


def waarden_van(klant: Klant, gegevens: list[str]) -> dict[str, Any]:
    """The values of the named details, keyed by detail, in a fixed order. Nothing that is not
    named: never BSN, health, barriers or benefit history, whatever is asked."""
    gedeeld = set(gegevens)
    uit: dict[str, Any] = {}
    profiel: Kandidaatprofiel | None = None
    for gegeven in GEGEVENS_VOLGORDE:
        if gegeven not in gedeeld:
            continue
        if gegeven in (Gegeven.CV, Gegeven.BESCHIKBAARHEID) and profiel is None:
            profiel = kandidaatprofiel(klant)
        match gegeven:
            case Gegeven.NAAM:
                uit["naam"] = klant.naam
            case Gegeven.CONTACT:
                uit["contact"] = {"telefoon": klant.telefoon, "email": klant.email}
            case Gegeven.CV:
                uit["cv"] = str(profiel.cv if profiel else "")
            case Gegeven.BESCHIKBAARHEID:
                uit["beschikbaarheid"] = str(profiel.beschikbaarheid if profiel else "")
            case Gegeven.KWALITEITEN:
                uit["kwaliteiten"] = kwaliteiten_van(klant)
    return uit


def gedeelde_waarden(toestemming: Toestemming) -> dict[str, Any]:
    """Exactly what the employer of this consent sees. Whether the consent is in force is the one
    rule in accounts.toegang (geldende_toestemmingen); callers pass only consents from there, or
    check `ingetrokken_op` themselves for the client's own history."""
    return waarden_van(toestemming.klant, list(toestemming.gegevens))


def gegevens_labels(gegevens: list[str]) -> list[str]:
    geldig = set(Gegeven.values)
    return [str(Gegeven(g).label) for g in GEGEVENS_VOLGORDE if g in gegevens and g in geldig]


@dataclass
class Kandidaat:
    """One candidate as an employer sees it: the opaque id and the shared values, plus the
    employer's own vacancy and candidacy (not the client's data)."""

    id: str
    waarden: dict[str, Any]
    toestemming: Toestemming
    vacature: Vacature | None
    voorstel: Voorstel | None = None
    labels: list[str] = field(default_factory=list)

    @property
    def weergavenaam(self) -> str:
        return str(self.waarden.get("naam") or _("Kandidaat (naam niet gedeeld)"))


def kandidaten_voor(gebruiker: Gebruiker, *, maximum: int = 500) -> list[Kandidaat]:
    """The employer's candidates: one per consent in force (newest first, at most `maximum`),
    only its values."""
    toestemmingen = list(
        toegang.geldende_toestemmingen(gebruiker)
        .select_related("klant", "vacature")
        .order_by("-gegeven_op", "-pk")[:maximum]
    )
    voorstellen = {
        v.toestemming_id: v
        for v in toegang.zichtbare_voorstellen(gebruiker).filter(
            toestemming__in=[t.pk for t in toestemmingen]
        )
    }
    return [
        Kandidaat(
            id=kandidaat_id(t),
            waarden=gedeelde_waarden(t),
            toestemming=t,
            vacature=t.vacature,
            voorstel=voorstellen.get(t.pk),
            labels=gegevens_labels(list(t.gegevens)),
        )
        for t in toestemmingen
    ]


def toestemmingen_van(klant: Klant) -> QuerySet[Toestemming]:
    """The client's consents in force, newest first."""
    return (
        Toestemming.objects.filter(klant=klant, ingetrokken_op__isnull=True)
        .select_related("werkgever", "vacature")
        .order_by("-gegeven_op", "-pk")
    )


def ingetrokken_toestemmingen_van(klant: Klant) -> QuerySet[Toestemming]:
    return (
        Toestemming.objects.filter(klant=klant, ingetrokken_op__isnull=False)
        .select_related("werkgever", "vacature")
        .order_by("-ingetrokken_op")[:20]
    )


def werkgevers_in(gemeente_id: int | None) -> QuerySet[Werkgever]:
    return Werkgever.objects.filter(gemeente_id=gemeente_id or -1)


def open_vacatures_in(gemeente_id: int | None) -> QuerySet[Vacature]:
    return Vacature.objects.filter(gemeente_id=gemeente_id or -1, open=True).select_related(
        "werkgever"
    )


def wachtende_voorstellen(klant: Klant) -> QuerySet[Voorstel]:
    return Voorstel.objects.filter(klant=klant, status=VoorstelStatus.GEVRAAGD).select_related(
        "werkgever", "vacature"
    )


def werkwijze_van(werkgever: Werkgever) -> Werkwijze | None:
    return Werkwijze.objects.filter(werkgever=werkgever).first()


@dataclass
class VriendelijkeTerugkoppeling:
    kop: str
    tekst: str
    goed: str
    tip: str
    afgewezen: bool


def vriendelijk(terugkoppeling: Terugkoppeling) -> VriendelijkeTerugkoppeling:
    """The employer's feedback as the client reads it: framed gently, the good first, the tip as a
    tip. A rejection never stands alone."""
    werkgever = terugkoppeling.voorstel.werkgever.naam
    goed = str(terugkoppeling.goed or "").strip()
    tip = str(terugkoppeling.tip or "").strip()
    if terugkoppeling.uitkomst == Uitkomst.AANGENOMEN:
        return VriendelijkeTerugkoppeling(
            kop=_("Gefeliciteerd! %(w)s wil met je verder.") % {"w": werkgever},
            tekst=_("Dat heb je goed gedaan. Je contactpersoon helpt je met de volgende stap."),
            goed=goed,
            tip=tip,
            afgewezen=False,
        )
    return VriendelijkeTerugkoppeling(
        kop=_("Deze keer ging het niet door bij %(w)s") % {"w": werkgever},
        tekst=_(
            "Dat is jammer. Het zegt niet alles over jou: vaak kiest een werkgever tussen een paar "
            "goede mensen. %(w)s heeft je graag laten weten wat goed ging."
        )
        % {"w": werkgever},
        goed=goed,
        tip=tip,
        afgewezen=True,
    )


# --- preparing for an interview or trial day (C7) ------------------------------------------------

# Lazy: these lists are made once, at import; each page shows them in its own language.
ALGEMENE_OEFENVRAGEN = [
    gettext_lazy("Vertel eens iets over jezelf."),
    gettext_lazy("Waarom wil je dit werk doen?"),
    gettext_lazy("Wat kun je goed? Geef een voorbeeld."),
    gettext_lazy("Wanneer kun je werken, en hoeveel uur per week?"),
    gettext_lazy("Wat doe je als je iets niet weet?"),
    gettext_lazy("Heb je zelf nog vragen aan ons?"),
]

CHECKLIST = [
    (
        gettext_lazy("Kleding"),
        gettext_lazy(
            "Schone, gewone kleding. Vraag of er werkkleding is of dat je iets mee moet nemen."
        ),
    ),
    (
        gettext_lazy("Reizen"),
        gettext_lazy(
            "Zoek de route de dag ervoor op en ga 15 minuten eerder weg. Vraag je contactpersoon of "
            "de gemeente de reiskosten betaalt."
        ),
    ),
    (
        gettext_lazy("Kinderopvang"),
        gettext_lazy(
            "Regel wie er op je kinderen past, ook als het later wordt. Je contactpersoon weet welke "
            "hulp er is."
        ),
    ),
    (
        gettext_lazy("Meenemen"),
        gettext_lazy(
            "Je ID-bewijs, iets te eten en te drinken, en het telefoonnummer van de werkgever."
        ),
    ),
    (
        gettext_lazy("Als het niet lukt"),
        gettext_lazy("Bel of app de werkgever en je contactpersoon zo snel mogelijk."),
    ),
]


@dataclass
class Kandidatuur:
    """Everything about one candidacy that the three parties may see together."""

    voorstel: Voorstel
    waarden: dict[str, Any]
    labels: list[str]
    kandidaat_id: str
    proefdagen: list[Any]
    momenten: list[Any]
    terugkoppeling: Terugkoppeling | None
    vriendelijk: VriendelijkeTerugkoppeling | None
    werkwijze: Werkwijze | None


def kandidatuur(voorstel: Voorstel) -> Kandidatuur:
    toestemming = voorstel.toestemming
    in_kracht = toestemming is not None and toestemming.ingetrokken_op is None
    waarden = gedeelde_waarden(toestemming) if toestemming is not None and in_kracht else {}
    terugkoppeling = Terugkoppeling.objects.filter(voorstel=voorstel).first()
    return Kandidatuur(
        voorstel=voorstel,
        waarden=waarden,
        labels=gegevens_labels(list(toestemming.gegevens)) if toestemming else [],
        kandidaat_id=kandidaat_id(toestemming) if toestemming else "",
        proefdagen=list(voorstel.proefdagen.all()),
        momenten=list(voorstel.momenten.all()),
        terugkoppeling=terugkoppeling,
        vriendelijk=vriendelijk(terugkoppeling) if terugkoppeling else None,
        werkwijze=werkwijze_van(voorstel.werkgever),
    )


def naam_voor_werkgever(gebruiker: Gebruiker, klant: Klant) -> str:
    """How an employer (the temp agency choosing whom to propose) names a client it sees: the name
    only where a consent in force shares it, otherwise the opaque candidate id."""
    toestemmingen = toegang.geldende_toestemmingen(gebruiker).filter(klant=klant)
    for t in toestemmingen:
        if Gegeven.NAAM in t.gegevens:
            return klant.naam
    eerste = toestemmingen.first()
    return kandidaat_id(eerste) if eerste else str(_("Kandidaat"))

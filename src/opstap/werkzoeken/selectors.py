"""Reads for the client's own search for work. Callers pass a client they got from accounts.toegang.

`plicht_stand(klant, op=date)` is the one answer to "how is this client doing with the duty"; other
apps (the step plan, a job's first months) call it rather than counting activities themselves."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from opstap.accounts.models import Gebruiker
from opstap.accounts.toegang import zichtbare_controles, zichtbare_klanten
from opstap.contact.models import Bericht, Doel, DoelSoort
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant
from opstap.werken.models import Baan

from .models import (
    STANDAARD_SOORTEN,
    Activiteit,
    ActiviteitSoort,
    Controle,
    Groep,
    NetwerkContact,
    Organisatie,
    Plicht,
    Stemming,
    StemmingScore,
    Stuk,
    StukSoort,
    Uitkomst,
    Vrijstelling,
)

# The end of a working day for the same-day check (C2). Weekends move to Monday.
WERKDAG_EINDE = time(17, 0)
STANDAARD_PERIODE_WEKEN = 3
STIL_WEKEN_STANDAARD = 4
AFWIJZINGEN_OP_RIJ = 3


def _geheel(waarde: object, standaard: int) -> int:
    try:
        return max(0, int(str(waarde)))
    except (TypeError, ValueError):  # a mistyped setting: the safe default, not an error page
        return standaard


def standaard_aantal(gemeente: Gemeente) -> int:
    """The municipality's default: `sollicitaties_per_drie_weken`."""
    return _geheel(gemeente.instelling("sollicitaties_per_drie_weken", 3), 3)


# --- the duty (C1) ------------------------------------------------------------------------------


def geldende_plicht(klant: Klant) -> Plicht | None:
    """The duty the contact person set last; None means the municipality's default applies."""
    return Plicht.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).first()


def plicht_historie(klant: Klant) -> QuerySet[Plicht]:
    return Plicht.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).select_related(
        "vastgelegd_door"
    )


def vrijstellingen_van(klant: Klant) -> QuerySet[Vrijstelling]:
    return Vrijstelling.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).select_related(
        "vastgelegd_door", "baan"
    )


def _loopt(v: Vrijstelling, op: date) -> bool:
    return v.begin <= op <= v.einde and (v.beeindigd_op is None or v.beeindigd_op > op)


def lopende_vrijstelling(klant: Klant, *, op: date | None = None) -> Vrijstelling | None:
    dag = op or timezone.localdate()
    return next((v for v in vrijstellingen_van(klant) if _loopt(v, dag)), None)


def periode_rond(anker: date, weken: int, op: date) -> tuple[date, date]:
    """The period of `weken` weeks that holds `op`, counted from the Monday of `anker`'s week."""
    maandag = anker - timedelta(days=anker.weekday())
    lengte = 7 * max(1, weken)
    nummer = (op - maandag).days // lengte
    begin = maandag + timedelta(days=nummer * lengte)
    return begin, begin + timedelta(days=lengte - 1)


@dataclass(frozen=True)
class PlichtStand:
    aantal: int
    periode_weken: int
    soorten: tuple[str, ...]
    gedaan: int
    periode_begin: date
    periode_einde: date
    op: date
    vrijstelling: Vrijstelling | None = None
    plicht: Plicht | None = None
    uren_vrijwillig: Decimal = Decimal(0)
    vorige_gedaan: int | None = None

    @property
    def is_maatwerk(self) -> bool:
        return self.plicht is not None

    @property
    def nog_te_doen(self) -> int:
        return max(0, self.aantal - self.gedaan)

    @property
    def gehaald(self) -> bool:
        return self.gedaan >= self.aantal

    @property
    def dagen_over(self) -> int:
        return (self.periode_einde - self.op).days

    @property
    def soort_labels(self) -> list[str]:
        namen = dict(ActiviteitSoort.choices)
        return [str(namen.get(s, s)) for s in self.soorten]

    @property
    def loopt_achter(self) -> bool:
        """Behind: the last period ended short, or this one ends within a week and is short.
        Never during an exemption."""
        if self.vrijstelling is not None or self.aantal == 0:
            return False
        vorige_kort = self.vorige_gedaan is not None and self.vorige_gedaan < self.aantal
        return vorige_kort or (self.dagen_over < 7 and not self.gehaald)

    @property
    def tekst(self) -> str:
        """Progress in kind words (never a threat)."""
        if self.vrijstelling is not None:
            return _(
                "Je hoeft nu even niet te solliciteren, tot en met %(einde)s. "
                "Wat je toch doet, schrijf je gewoon op."
            ) % {"einde": date_format(self.vrijstelling.einde, "j F Y")}
        if self.aantal == 0:
            return _(
                "Er is geen aantal afgesproken. Schrijf op wat je doet, dan zien we samen hoe het gaat."
            )
        if self.gehaald:
            return _(
                "Je hebt er %(gedaan)s van de %(aantal)s gedaan. Top, je hebt het gehaald!"
            ) % {
                "gedaan": self.gedaan,
                "aantal": self.aantal,
            }
        if self.gedaan == 0:
            return _(
                "Je hebt er nog 0 van de %(aantal)s gedaan. Nog %(dagen)s om te beginnen; "
                "één kleine stap telt al."
            ) % {
                "aantal": self.aantal,
                "dagen": ngettext("%(n)s dag", "%(n)s dagen", self.dagen_over + 1)
                % {"n": self.dagen_over + 1},
            }
        return _("Je hebt er %(gedaan)s van de %(aantal)s gedaan, goed bezig!") % {
            "gedaan": self.gedaan,
            "aantal": self.aantal,
        }


def _stand(
    *,
    gemeente: Gemeente,
    op: date,
    plicht: Plicht | None,
    vrijstellingen: list[Vrijstelling],
    activiteiten: list[tuple[date, str, Decimal | None]],
) -> PlichtStand:
    if plicht is not None:
        aantal, weken, soorten = plicht.aantal, plicht.periode_weken, tuple(plicht.soorten)
        anker = timezone.localtime(plicht.vastgelegd_op).date()
    else:
        aantal, weken = standaard_aantal(gemeente), STANDAARD_PERIODE_WEKEN
        soorten = tuple(str(s) for s in STANDAARD_SOORTEN)
        anker = date(2026, 1, 5)  # a Monday: the municipal rhythm of three-week periods
    begin, einde = periode_rond(anker, weken, op)
    binnen = [a for a in activiteiten if begin <= a[0] <= op and a[1] in soorten]
    uren = sum(
        (a[2] for a in binnen if a[2] is not None and a[1] == ActiviteitSoort.VRIJWILLIGERSWERK),
        Decimal(0),
    )
    vorige_gedaan: int | None = None
    vorige_begin = begin - timedelta(days=7 * weken)
    if plicht is None or anker <= vorige_begin:
        vrij_in_vorige = any(
            v.begin <= begin - timedelta(days=1) and v.einde >= vorige_begin for v in vrijstellingen
        )
        if not vrij_in_vorige:
            vorige_gedaan = sum(
                1 for a in activiteiten if vorige_begin <= a[0] < begin and a[1] in soorten
            )
    return PlichtStand(
        aantal=aantal,
        periode_weken=weken,
        soorten=soorten,
        gedaan=len(binnen),
        periode_begin=begin,
        periode_einde=einde,
        op=op,
        vrijstelling=next((v for v in vrijstellingen if _loopt(v, op)), None),
        plicht=plicht,
        uren_vrijwillig=uren,
        vorige_gedaan=vorige_gedaan,
    )


def plicht_stand(klant: Klant, *, op: date | None = None) -> PlichtStand:
    """Where the client stands with the duty on a day: the number agreed, what counted so far in
    this period, and a running exemption (which the text then names)."""
    dag = op or timezone.localdate()
    plicht = geldende_plicht(klant)
    weken = plicht.periode_weken if plicht else STANDAARD_PERIODE_WEKEN
    activiteiten = list(
        Activiteit.objects.filter(
            klant=klant,
            gemeente_id=klant.gemeente_id,
            datum__gte=dag - timedelta(days=14 * weken + 7),
            datum__lte=dag,
        ).values_list("datum", "soort", "uren")
    )
    return _stand(
        gemeente=klant.gemeente,
        op=dag,
        plicht=plicht,
        vrijstellingen=list(vrijstellingen_van(klant)),
        activiteiten=activiteiten,
    )


def activiteiten_van(klant: Klant) -> QuerySet[Activiteit]:
    return Activiteit.objects.filter(klant=klant, gemeente_id=klant.gemeente_id)


def laatste_baan(klant: Klant) -> Baan | None:
    """The job the client reported last (D1): the contact person can then pause the duty."""
    return Baan.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).first()


def dossier_samenvatting(klant: Klant) -> dict[str, Any]:
    """The search for work in the coaching file: the duty's state, the latest activities and
    outcomes, and checks still waiting."""
    return {
        "stand": plicht_stand(klant),
        "laatste": list(activiteiten_van(klant)[:5]),
        "wachtend": Controle.objects.filter(
            klant=klant, gemeente_id=klant.gemeente_id, beantwoord_op__isnull=True
        ).count(),
    }


# --- CV, letters, presentation (C2, C6) ---------------------------------------------------------


def stukken_van(klant: Klant) -> QuerySet[Stuk]:
    return Stuk.objects.filter(
        klant=klant, gemeente_id=klant.gemeente_id, ingetrokken_op__isnull=True
    )


def presentatie_van(klant: Klant) -> dict[str, Stuk | None]:
    """The client's own presentation beyond the CV: their pitch and video, if not withdrawn.
    Other apps (an employer's view of a consenting candidate) take it from here."""
    stukken = stukken_van(klant).filter(soort__in=[StukSoort.PITCH, StukSoort.VIDEO])
    return {
        "pitch": stukken.filter(soort=StukSoort.PITCH).first(),
        "video": stukken.filter(soort=StukSoort.VIDEO).first(),
    }


def cv_uit_profiel(klant: Klant) -> str:
    """A first CV from what the municipality already knows (name, contact details, qualities the
    client named with their contact person), so nobody is asked twice. The client adds the rest."""
    kwaliteiten = [
        str(d.tekst)
        for d in Doel.objects.filter(
            klant=klant, gemeente_id=klant.gemeente_id, soort=DoelSoort.KWALITEIT
        )
    ]
    contact = [
        r
        for r in (
            " ".join(p for p in (klant.straat, klant.huisnummer) if p).strip(),
            " ".join(p for p in (klant.postcode, klant.woonplaats) if p).strip(),
            klant.telefoon,
            klant.email,
        )
        if r
    ]
    regels = [
        klant.naam,
        *contact,
        "",
        _("Over mij"),
        _("(Schrijf hier in twee of drie zinnen wie je bent en wat voor werk je zoekt.)"),
        "",
        _("Wat ik goed kan"),
        *([f"- {k}" for k in kwaliteiten] or [_("- (bijvoorbeeld: goed met mensen, op tijd)")]),
        "",
        _("Werkervaring"),
        _("- (jaar–jaar) functie, werkgever: wat deed je?"),
        "",
        _("Opleiding en cursussen"),
        _("- (jaar) opleiding of cursus, school"),
        "",
        _("Talen"),
        _("- Nederlands: (bijvoorbeeld: goed in praten, redelijk in schrijven)"),
    ]
    return "\n".join(regels)


@dataclass(frozen=True)
class Stukje:
    """A piece of a checked text: plain text, or a passage with its numbered comment."""

    tekst: str
    nummer: int = 0
    opmerking: str = ""


def met_opmerkingen(tekst: str, opmerkingen: list[dict[str, str]]) -> list[Stukje]:
    """The checked text with each comment right after the words it is about (in order of the
    text). A comment whose words cannot be found follows at the end, still numbered."""
    gevonden: list[tuple[int, int, str]] = []
    los: list[str] = []
    for o in opmerkingen:
        passage = o.get("passage", "")
        plek = tekst.find(passage) if passage else -1
        while plek >= 0 and any(b <= plek < e for b, e, _o in gevonden):
            plek = tekst.find(passage, plek + 1)
        if plek < 0:
            los.append(o.get("opmerking", ""))
        else:
            gevonden.append((plek, plek + len(passage), o.get("opmerking", "")))
    gevonden.sort()
    uit: list[Stukje] = []
    positie = 0
    for nummer, (begin, einde, opmerking) in enumerate(gevonden, start=1):
        if begin < positie:  # overlaps the previous passage: show it at the end instead
            los.append(opmerking)
            continue
        if begin > positie:
            uit.append(Stukje(tekst[positie:begin]))
        uit.append(Stukje(tekst[begin:einde], nummer, opmerking))
        positie = einde
    if positie < len(tekst):
        uit.append(Stukje(tekst[positie:]))
    start = sum(1 for s in uit if s.nummer) + 1
    uit += [Stukje("", start + i, o) for i, o in enumerate(los)]
    return uit


def einde_werkdag(moment: datetime) -> datetime:
    """When a check asked at `moment` is due: the end of that working day, or of the next working
    day when asked after hours or in the weekend."""
    lokaal = timezone.localtime(moment)
    dag = lokaal.date()
    if dag.weekday() >= 5 or lokaal.time() >= WERKDAG_EINDE:
        dag += timedelta(days=1)
        while dag.weekday() >= 5:
            dag += timedelta(days=1)
    return timezone.make_aware(datetime.combine(dag, WERKDAG_EINDE))


def controle_wachtrij(gebruiker: Gebruiker) -> list[Controle]:
    """The contact person's review queue: open checks of the caseload, the most urgent first."""
    return list(
        zichtbare_controles(gebruiker)
        .filter(beantwoord_op__isnull=True)
        .select_related("klant", "stuk")
        .order_by("uiterlijk_op", "id")[:200]
    )


def controles_van(klant: Klant) -> QuerySet[Controle]:
    return Controle.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).order_by(
        "-gevraagd_op", "-id"
    )


# --- network (C4) -------------------------------------------------------------------------------


def netwerk_van_gemeente(gemeente: Gemeente) -> QuerySet[Organisatie]:
    return Organisatie.objects.filter(gemeente=gemeente)


def eigen_netwerk(klant: Klant) -> QuerySet[NetwerkContact]:
    return NetwerkContact.objects.filter(klant=klant, gemeente_id=klant.gemeente_id)


def groepen_voor(klant: Klant) -> list[dict[str, Any]]:
    """The peer groups of the client's municipality, whether the client is in, and (for members
    only) the tips shared that the moderator did not hide."""
    uit = []
    for groep in Groep.objects.filter(gemeente_id=klant.gemeente_id):
        lid = groep.leden.filter(klant=klant, afgemeld_op__isnull=True).exists()
        tips = list(groep.tips.filter(verborgen_op__isnull=True)[:30]) if lid else []
        uit.append({"groep": groep, "lid": lid, "tips": tips})
    return uit


def groepen_van_moderator(gebruiker: Gebruiker) -> QuerySet[Groep]:
    return Groep.objects.filter(moderator=gebruiker, gemeente_id=gebruiker.gemeente_id or -1)


# --- mood (C9) ----------------------------------------------------------------------------------


def stemmingen_van(klant: Klant) -> QuerySet[Stemming]:
    return Stemming.objects.filter(klant=klant, gemeente_id=klant.gemeente_id)


# --- caseload signals ---------------------------------------------------------------------------


@dataclass
class _Gegevens:
    activiteiten: list[tuple[date, str, Decimal | None]] = field(default_factory=list)
    uitkomsten: list[tuple[date, str]] = field(default_factory=list)
    vrijstellingen: list[Vrijstelling] = field(default_factory=list)


def werkzoek_signalen(
    klanten: QuerySet[Klant], gemeente: Gemeente
) -> dict[int, list[tuple[str, str]]]:
    """Signals of the search for work, per client, each with its reason: a run of rejections, a
    long silence (no activity and no message in N weeks while a duty is agreed), a mood dip (only
    moods the client shared) and a duty falling behind. A few queries for the whole caseload."""
    vandaag = timezone.localdate()
    stil_weken = _geheel(gemeente.instelling("werkzoeken_stil_weken", STIL_WEKEN_STANDAARD), 4)
    pks = list(klanten.values_list("pk", flat=True))
    if not pks:
        return {}
    plichten: dict[int, Plicht] = {}
    for p in Plicht.objects.filter(klant_id__in=pks).order_by("klant_id", "-vastgelegd_op", "-id"):
        plichten.setdefault(p.klant_id, p)
    gegevens: dict[int, _Gegevens] = defaultdict(_Gegevens)
    vanaf = vandaag - timedelta(days=7 * 30)
    for klant_id, datum, soort, uren, afloop in Activiteit.objects.filter(
        klant_id__in=pks, datum__gte=vanaf, datum__lte=vandaag
    ).values_list("klant_id", "datum", "soort", "uren", "uitkomst"):
        gegevens[klant_id].activiteiten.append((datum, soort, uren))
        if afloop:
            gegevens[klant_id].uitkomsten.append((datum, afloop))
    for v in Vrijstelling.objects.filter(klant_id__in=pks, einde__gte=vanaf):
        gegevens[v.klant_id].vrijstellingen.append(v)
    laatste_bericht: dict[int, date] = {}
    for klant_id, op in (
        Bericht.objects.filter(klant_id__in=list(plichten), van_klant=True)
        .order_by("klant_id", "-verstuurd_op")
        .values_list("klant_id", "verstuurd_op")
    ):
        laatste_bericht.setdefault(klant_id, timezone.localtime(op).date())
    zware: dict[int, Stemming] = {}
    for s in Stemming.objects.filter(
        klant_id__in=pks, gedeeld=True, op__gte=timezone.now() - timedelta(days=14)
    ).order_by("klant_id", "-op", "-id"):
        zware.setdefault(s.klant_id, s)
    uitkomst: dict[int, list[tuple[str, str]]] = {}
    for pk in pks:
        g = gegevens.get(pk, _Gegevens())
        lijst: list[tuple[str, str]] = []
        reeks = [u for _d, u in sorted(g.uitkomsten)][-AFWIJZINGEN_OP_RIJ:]
        if len(reeks) == AFWIJZINGEN_OP_RIJ and all(u == Uitkomst.AFGEWEZEN for u in reeks):
            laatste = max(d for d, _u in g.uitkomsten)
            lijst.append(
                (
                    "afwijzingen",
                    f"{AFWIJZINGEN_OP_RIJ} afwijzingen op rij (laatste {date_format(laatste, 'j F')})",
                )
            )
        stemming = zware.get(pk)
        if stemming is not None and stemming.score == StemmingScore.ZWAAR:
            lijst.append(
                (
                    "stemming",
                    f"Voelt zich zwaar ({stemming.get_moment_display().lower()}, "
                    f"{date_format(timezone.localtime(stemming.op), 'j F')})",
                )
            )
        plicht = plichten.get(pk)
        vrij = any(_loopt(v, vandaag) for v in g.vrijstellingen)
        if plicht is not None and not vrij:
            data = [a[0] for a in g.activiteiten]
            if pk in laatste_bericht:
                data.append(laatste_bericht[pk])
            sinds = max(data) if data else timezone.localtime(plicht.vastgelegd_op).date()
            if (vandaag - sinds).days >= stil_weken * 7:
                lijst.append(
                    (
                        "werkzoeken-stil",
                        f"Geen activiteit of bericht in {stil_weken} weken of langer",
                    )
                )
            stand = _stand(
                gemeente=gemeente,
                op=vandaag,
                plicht=plicht,
                vrijstellingen=g.vrijstellingen,
                activiteiten=g.activiteiten,
            )
            if stand.loopt_achter:
                if stand.vorige_gedaan is not None and stand.vorige_gedaan < stand.aantal:
                    reden = f"vorige periode {stand.vorige_gedaan} van {stand.aantal}"
                else:
                    reden = f"{stand.gedaan} van {stand.aantal}, nog {stand.dagen_over + 1} dagen"
                lijst.append(("plicht", f"Sollicitatieplicht loopt achter ({reden})"))
        if lijst:
            uitkomst[pk] = lijst
    return uitkomst


def klanten_met_werkzoek_signalen(gebruiker: Gebruiker) -> dict[int, list[tuple[str, str]]]:
    if gebruiker.gemeente is None:
        return {}
    return werkzoek_signalen(zichtbare_klanten(gebruiker), gebruiker.gemeente)

"""Reads for contact and guidance. Callers pass a client they got from accounts.toegang."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from opstap.accounts.models import Gebruiker
from opstap.accounts.toegang import lopende_vervanging, zichtbare_klanten
from opstap.klanten.models import Klant
from opstap.werkzoeken.selectors import werkzoek_signalen

from .models import (
    Aanvraag,
    AanvraagStatus,
    Bericht,
    Contactmoment,
    ContactmomentStatus,
    Contactpersoon,
    Gespreksverslag,
    Overdracht,
    OverdrachtSoort,
)


def gesprek(klant: Klant) -> QuerySet[Bericht]:
    return Bericht.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).select_related(
        "afzender", "verslag"
    )


def aantal_ongelezen(klant: Klant, *, voor_klant: bool) -> int:
    """Unread messages from the other side."""
    return Bericht.objects.filter(
        klant=klant, van_klant=not voor_klant, gelezen_op__isnull=True
    ).count()


def gepubliceerde_verslagen(klant: Klant) -> QuerySet[Gespreksverslag]:
    return Gespreksverslag.objects.filter(
        klant=klant, gemeente_id=klant.gemeente_id, gepubliceerd_op__isnull=False
    ).select_related("auteur")


def alle_verslagen(klant: Klant) -> QuerySet[Gespreksverslag]:
    return Gespreksverslag.objects.filter(
        klant=klant, gemeente_id=klant.gemeente_id
    ).select_related("auteur")


def komende_contactmomenten(klant: Klant) -> QuerySet[Contactmoment]:
    vanaf = timezone.now() - timedelta(hours=2)
    return Contactmoment.objects.filter(
        klant=klant, status=ContactmomentStatus.GEPLAND, wanneer__gte=vanaf
    ).select_related("door")


def te_herinneren(nu: datetime) -> QuerySet[Contactmoment]:
    """Planned moments tomorrow (local date) whose client has an account and has not had the
    reminder yet."""
    morgen = timezone.localtime(nu).date() + timedelta(days=1)
    begin = timezone.make_aware(datetime.combine(morgen, datetime.min.time()))
    einde = timezone.make_aware(datetime.combine(morgen + timedelta(days=1), datetime.min.time()))
    return (
        Contactmoment.objects.filter(
            status=ContactmomentStatus.GEPLAND,
            wanneer__gte=begin,
            wanneer__lt=einde,
            herinnering_verstuurd_op__isnull=True,
            klant__gebruiker__is_active=True,
        )
        .select_related("klant__gebruiker")
        .order_by("wanneer", "id")
    )


def lopende_aanvragen(klant: Klant) -> QuerySet[Aanvraag]:
    return Aanvraag.objects.filter(
        klant=klant, status__in=[AanvraagStatus.INGEDIEND, AanvraagStatus.IN_BEHANDELING]
    )


@dataclass(frozen=True)
class Zoektreffer:
    soort: str  # "bericht" | "verslag"
    datum: datetime | date
    tekst: str
    object: Bericht | Gespreksverslag


def zoeken(klant: Klant, zoekterm: str) -> list[Zoektreffer]:
    """What was already said and agreed. Texts are encrypted at rest, so we search one client's
    own conversation in memory (a few hundred texts at most)."""
    term = zoekterm.strip().lower()
    if not term:
        return []
    treffers: list[Zoektreffer] = []
    for b in gesprek(klant):
        if term in b.tekst.lower() or term in b.bijlage_naam.lower():
            treffers.append(Zoektreffer("bericht", b.verstuurd_op, b.tekst, b))
    for v in gepubliceerde_verslagen(klant):
        geheel = "\n".join([v.samenvatting, v.afspraken, v.volgende_stappen])
        if term in geheel.lower():
            treffers.append(Zoektreffer("verslag", v.gesprek_op, geheel, v))
    return sorted(
        treffers,
        key=lambda t: (
            t.datum
            if isinstance(t.datum, datetime)
            else timezone.make_aware(datetime.combine(t.datum, datetime.min.time()))
        ),
        reverse=True,
    )


@dataclass(frozen=True)
class Afspraak:
    datum: date
    tekst: str
    verslag: Gespreksverslag


def afspraken_op_een_rij(klant: Klant, zoekterm: str = "") -> list[Afspraak]:
    """Every agreement from the published summaries, newest first, optionally narrowed by a word:
    what was already agreed, without opening each summary."""
    term = zoekterm.strip().lower()
    return [
        Afspraak(v.gesprek_op, tekst, v)
        for v in gepubliceerde_verslagen(klant)
        for tekst in v.afspraken_lijst
        if not term or term in tekst.lower()
    ]


def contactpersoon_profiel(gebruiker_id: int | None) -> Contactpersoon | None:
    if gebruiker_id is None:
        return None
    return (
        Contactpersoon.objects.select_related("gebruiker").filter(gebruiker_id=gebruiker_id).first()
    )


def vervanger_nu(klant: Klant) -> Gebruiker | None:
    """A colleague covering for the client's contact person today (substitution), if any."""
    if klant.contactpersoon_id is None:
        return None
    overdracht = (
        Overdracht.objects.filter(
            lopende_vervanging(klant.gemeente),
            gemeente_id=klant.gemeente_id,
            van_id=klant.contactpersoon_id,
        )
        .select_related("naar")
        .first()
    )
    return overdracht.naar if overdracht else None


def overdrachten(klant: Klant) -> QuerySet[Overdracht]:
    return Overdracht.objects.filter(gemeente_id=klant.gemeente_id, klant=klant).select_related(
        "van", "naar"
    )


def recente_overdracht(klant: Klant, *, dagen: int = 42) -> Overdracht | None:
    """A handover in the last weeks: the new person is introduced on the client's home page."""
    grens = timezone.localdate() - timedelta(days=dagen)
    return overdrachten(klant).filter(soort=OverdrachtSoort.OVERDRACHT, begin__gte=grens).first()


# --- caseload signals ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Signaal:
    soort: str
    tekst: str


def signalen(
    gebruiker: Gebruiker, klanten: QuerySet[Klant] | None = None
) -> dict[int, list[Signaal]]:
    """What needs attention, per client: unanswered message, contact due, application stuck,
    no contact for N weeks (N is the municipality's setting contact_signaal_weken)."""
    klanten = zichtbare_klanten(gebruiker) if klanten is None else klanten
    if gebruiker.gemeente is None:
        return {}
    weken = int(gebruiker.gemeente.instelling("contact_signaal_weken", 6))  # type: ignore[call-overload]
    nu = timezone.now()
    vandaag = timezone.localdate()
    laatste_bericht = Bericht.objects.filter(klant=OuterRef("pk")).order_by("-verstuurd_op", "-id")
    rijen = klanten.annotate(
        laatste_van_klant=Subquery(laatste_bericht.values("van_klant")[:1]),
        laatste_bericht_op=Subquery(laatste_bericht.values("verstuurd_op")[:1]),
        laatste_gemeente_bericht=Max(
            "berichten__verstuurd_op", filter=Q(berichten__van_klant=False)
        ),
        laatste_gesprek=Max("gespreksverslagen__gesprek_op"),
    ).values(
        "pk",
        "laatste_van_klant",
        "laatste_bericht_op",
        "laatste_gemeente_bericht",
        "laatste_gesprek",
        "aangemaakt",
    )
    pks = [r["pk"] for r in rijen]
    momenten_due = set(
        Contactmoment.objects.filter(
            klant_id__in=pks,
            status=ContactmomentStatus.GEPLAND,
            wanneer__lte=nu + timedelta(days=1),
        ).values_list("klant_id", flat=True)
    )
    lopend = Aanvraag.objects.filter(
        klant_id__in=pks, status__in=[AanvraagStatus.INGEDIEND, AanvraagStatus.IN_BEHANDELING]
    )
    vast = {a.klant_id for a in lopend if _aanvraag_loopt_vast(a, vandaag)}
    # Finding work (werkzoeken): rejections in a row, silence, a shared mood dip, duty behind.
    zoeken_werk = werkzoek_signalen(klanten, gebruiker.gemeente)
    uitkomst: dict[int, list[Signaal]] = {}
    for r in rijen:
        lijst: list[Signaal] = []
        if r["laatste_van_klant"]:
            lijst.append(
                Signaal(
                    "bericht",
                    f"Onbeantwoord bericht sinds {date_format(timezone.localtime(r['laatste_bericht_op']), 'j F')}",
                )
            )
        if r["pk"] in momenten_due:
            lijst.append(Signaal("contactmoment", "Gepland contact (vandaag, morgen of gemist)"))
        if r["pk"] in vast:
            lijst.append(Signaal("aanvraag", "Aanvraag loopt achter op de planning"))
        contact_data = [
            d
            for d in (
                timezone.localtime(r["laatste_gemeente_bericht"]).date()
                if r["laatste_gemeente_bericht"]
                else None,
                r["laatste_gesprek"],
            )
            if d is not None
        ]
        laatste = max(contact_data) if contact_data else timezone.localtime(r["aangemaakt"]).date()
        if (vandaag - laatste).days >= weken * 7:
            lijst.append(Signaal("stil", f"Geen contact in {weken} weken of langer"))
        lijst += [Signaal(soort, tekst) for soort, tekst in zoeken_werk.get(r["pk"], [])]
        if lijst:
            uitkomst[r["pk"]] = lijst
    return uitkomst


def _aanvraag_loopt_vast(aanvraag: Aanvraag, vandaag: date) -> bool:
    if aanvraag.verwacht_besluit_op and aanvraag.verwacht_besluit_op < vandaag:
        return True
    return any(
        not s.get("gedaan_op")
        and s.get("verwacht_op")
        and date.fromisoformat(s["verwacht_op"]) < vandaag
        for s in aanvraag.stappen
    )


def _als_tijdstip(d: date | datetime) -> datetime:
    if isinstance(d, datetime):
        return d
    return timezone.make_aware(datetime.combine(d, datetime.min.time()))


def thuis_overzicht(klant: Klant) -> dict[str, Any]:
    """The extra blocks on the client's home page: next step, what is coming, unread messages,
    and a newly introduced contact person."""
    vandaag = timezone.localdate()
    open_stappen = list(
        klant.stappen.filter(gedaan_op__isnull=True).order_by("uiterlijk", "id")[:3]
    )
    momenten = list(komende_contactmomenten(klant)[:3])
    komend: list[tuple[Any, str, str]] = [
        (m.wanneer, "afspraak", f"{m.get_soort_display()}: {m.onderwerp}") for m in momenten
    ]
    komend += [
        (s.uiterlijk, "stap", s.wat) for s in open_stappen if s.uiterlijk and s.uiterlijk >= vandaag
    ]
    komend += [
        (a.verwacht_besluit_op, "aanvraag", f"Besluit over {a.regeling_naam} verwacht")
        for a in lopende_aanvragen(klant)
        if a.verwacht_besluit_op
    ]
    komend.sort(key=lambda r: _als_tijdstip(r[0]))
    overdracht = recente_overdracht(klant)
    return {
        "volgende_stap": open_stappen[0] if open_stappen else None,
        "volgend_moment": momenten[0] if momenten else None,
        "komend": komend[:5],
        "ongelezen": aantal_ongelezen(klant, voor_klant=True),
        "nieuw_verslag": gepubliceerde_verslagen(klant).filter(gelezen_op__isnull=True).first(),
        "overdracht": overdracht,
        "nieuwe_contactpersoon": contactpersoon_profiel(overdracht.naar_id) if overdracht else None,
        "vervanger": vervanger_nu(klant),
    }


def offline_te_bewaren(klant: Klant, *, aantal: int = 5) -> list[str]:
    """What the app keeps on the phone for reading without a connection: the rules, the list of
    summaries and the latest summaries themselves (the service worker fetches them)."""
    verslagen = gepubliceerde_verslagen(klant).values_list("pk", flat=True)[:aantal]
    return [
        reverse("mijn:regels"),
        reverse("mijn:verslagen"),
        reverse("mijn:hulp"),
        *(reverse("mijn:verslag", args=[pk]) for pk in verslagen),
    ]


def stappenplan_van(klant: Klant) -> dict[str, Any]:
    return {
        "doelen": klant.doelen.filter(soort="doel"),
        "kwaliteiten": klant.doelen.filter(soort="kwaliteit"),
        "drempels_eerst": klant.drempels.filter(eerst_aanpakken=True, opgelost_op__isnull=True),
        "stappen": klant.stappen.select_related("drempel"),
    }


def dossier_overzicht(klant: Klant) -> dict[str, Any]:
    """The contact and guidance parts of the client file on the contact person's side."""
    return {
        "verslagen": alle_verslagen(klant)[:10],
        "laatste_berichten": gesprek(klant).order_by("-verstuurd_op", "-id")[:3],
        "ongelezen_van_klant": aantal_ongelezen(klant, voor_klant=False),
        "momenten": komende_contactmomenten(klant),
        "aanvragen": klant.aanvragen.all(),
        "overdrachten": overdrachten(klant),
        **stappenplan_van(klant),
    }


def gesprek_met_zoeken(klant: Klant, zoek: str) -> dict[str, Any]:
    """What both sides' message pages show: the conversation, and for a search what was said and
    agreed that matches."""
    return {
        "berichten": gesprek(klant),
        "zoek": zoek,
        "treffers": zoeken(klant, zoek) if zoek else None,
        "afspraken": afspraken_op_een_rij(klant, zoek),
    }

"""The engine's answers for a client's jobs: money per month with all jobs together, the hours
that take the client out of bijstand, a table of more hours, and the rules that now apply.

The engine works with one hourly wage (docs/regels.md: "alleen de aanvrager werkt"). Jobs with
fixed hours are put together as one wage with the same gross wage per week: the hourly wage of one
of the jobs (in cents, as the engine takes it) and the hours that give the jobs' total gross wage at
that wage (to 0,01 hour, as the engine takes it). The gross wage per month (uurloon × uren × 52 /
12) is then the sum of the jobs' gross wages, which is all the engine uses from the wage (tax on a
yearly basis over all wage); of the jobs' wages the one that gives this exactly (or closest, a few
cents a month at most) is used. On-call jobs have no fixed hours and are not counted; the pages
say so. Every amount, percentage, duration and article here
comes from the engine's output and its `uitleg.parameters`, never from this module."""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

import regels
from opstap.gemeenten.models import Gemeente
from opstap.inkomen.rekendatum import Rekendatum, rekendatum
from opstap.inkomen.selectors import VrijlatingStand, vrijlating_stand
from opstap.inkomen.services import invoer_voor_klant
from opstap.klanten.models import Klant
from opstap.web.geld import euro

from .models import Baan

MAX_UREN_ENGINE = 60.0
CENT = Decimal("0.01")


def _d(waarde: Any) -> Decimal:
    return Decimal(str(waarde)).quantize(CENT, rounding=ROUND_HALF_UP)


def vaste_banen(banen: list[Baan], dag: date) -> list[Baan]:
    """Running jobs with fixed hours: the ones the engine can count."""
    return [b for b in banen if b.loopt_op(dag) and b.uren_per_week is not None]


def samen(banen: list[Baan]) -> tuple[Decimal, Decimal] | None:
    """Total hours a week and the hours-weighted hourly wage of these jobs; None without hours."""
    uren = sum((b.uren_per_week or Decimal(0) for b in banen), Decimal(0))
    if uren <= 0:
        return None
    loon = sum((b.bruto_uurloon * (b.uren_per_week or Decimal(0)) for b in banen), Decimal(0))
    return uren, loon / uren


UUR = Decimal("0.01")


def als_een_loon(banen: list[Baan], *, loon: Decimal | None = None) -> tuple[Decimal, Decimal]:
    """(hourly wage, hours) that give these jobs' total gross wage per week in the engine: the
    wage of one of the jobs (or `loon`), the hours to 0,01. Needs jobs with fixed hours."""
    week = sum((b.bruto_uurloon * (b.uren_per_week or Decimal(0)) for b in banen), Decimal(0))
    kandidaten = [loon] if loon else sorted({b.bruto_uurloon for b in banen if b.bruto_uurloon > 0})
    if not kandidaten:  # no wage at all: the hours as they are, at nothing an hour
        return Decimal(0), sum((b.uren_per_week or Decimal(0) for b in banen), Decimal(0))
    beste: tuple[Decimal, Decimal, Decimal] | None = None
    for uurloon in kandidaten:
        uren = (week / uurloon).quantize(UUR, rounding=ROUND_HALF_UP)
        fout = abs(uren * uurloon - week)
        if beste is None or fout < beste[0]:
            beste = (fout, uurloon, uren)
    assert beste is not None
    return beste[1], beste[2]


@dataclass
class WerkGeld:
    """Money per month with all fixed-hours jobs together, next to not working (engine output)."""

    banen: list[Baan]
    zonder_vaste_uren: list[Baan]
    uren_per_week: Decimal
    zonder_werk: Decimal
    met_werk: Decimal
    zelf_verdiend: Decimal
    bijstand: Decimal
    verschil: Decimal
    vrijlating: VrijlatingStand
    uren_uit_bijstand: Decimal | None
    maand_met_vakantiegeld: date | None
    vakantiegeld_werk_per_jaar: Decimal
    vakantietoeslag_per_maand: Decimal
    waarschuwingen: list[str]
    parameters: dict[str, Any]
    stappen: list[dict[str, Any]]
    peildatum: date  # the day asked for; the engine computed with `rekendatum.datum`

    @property
    def rekendatum(self) -> Rekendatum:
        return rekendatum(self.peildatum)


def _maand(tekst: str | None) -> date | None:
    if not tekst:
        return None
    jaar, maand = tekst.split("-")
    return date(int(jaar), int(maand), 1)


def geld_met_banen(
    klant: Klant, banen: list[Baan], *, peildatum: date | None = None
) -> WerkGeld | None:
    """The engine's answer for these jobs together (the running ones with fixed hours). None when
    no job has fixed hours. Raises regels.InvoerFout (a Dutch message) for a household outside
    the model."""
    peildatum = peildatum or timezone.localdate()
    tellen = vaste_banen(banen, peildatum)
    totaal = samen(tellen)
    if totaal is None:
        return None
    uren, gemiddeld = totaal
    uurloon, uren_engine = als_een_loon(tellen)
    niveaus = [0.0, float(uren_engine)]
    if uren_engine < Decimal(MAX_UREN_ENGINE):
        niveaus.append(MAX_UREN_ENGINE)  # the engine finds the exit hours only within the levels
    invoer = invoer_voor_klant(
        klant,
        peildatum=peildatum,
        werk={"bruto_uurloon": float(uurloon), "uren_per_week": niveaus},
    )
    uitkomst = regels.bereken(invoer, uitleg=True)
    nul, rij = uitkomst["resultaten"][0], uitkomst["resultaten"][1]
    uitleg = uitkomst.get("uitleg") or {}
    uitleg_niveaus: list[dict[str, Any]] = uitleg.get("niveaus") or [{}, {}]
    uit_bijstand = uitkomst.get("uren_uit_bijstand")
    return WerkGeld(
        banen=tellen,
        zonder_vaste_uren=[b for b in banen if b.loopt_op(peildatum) and b.uren_per_week is None],
        uren_per_week=uren,
        zonder_werk=_d(nul["totaal_netto_per_maand"]),
        met_werk=_d(rij["totaal_netto_per_maand"]),
        zelf_verdiend=_d(rij.get("zelf_verdiend", rij["netto_loon_per_maand"])),
        bijstand=_d(rij["bijstand"]),
        verschil=_d(rij["totaal_netto_per_maand"]) - _d(nul["totaal_netto_per_maand"]),
        vrijlating=vrijlating_stand(uitkomst, 1, vandaag=peildatum),
        # The engine's exit hours are at `uurloon`; as hours at the jobs' average wage, to 0,1.
        uren_uit_bijstand=(
            uren + (Decimal(str(uit_bijstand)) - uren_engine) * uurloon / gemiddeld
        ).quantize(Decimal("0.1"))
        if uit_bijstand is not None
        else None,
        maand_met_vakantiegeld=_maand(uitkomst.get("maand_met_vakantiegeld")),
        vakantiegeld_werk_per_jaar=_d(rij.get("netto_vakantiegeld_werk_per_jaar", 0)),
        vakantietoeslag_per_maand=_d(rij.get("vakantietoeslag_bijstand_per_maand", 0)),
        waarschuwingen=list(uitkomst.get("waarschuwingen") or []),
        parameters=uitleg.get("parameters") or {},
        stappen=list(uitleg_niveaus[1].get("stappen") or []),
        peildatum=peildatum,
    )


# --- D5: more hours -----------------------------------------------------------------------------


@dataclass(frozen=True)
class UrenRij:
    uren_bij_baan: Decimal  # hours a week at this job
    extra_uren: Decimal
    totaal_per_maand: Decimal
    bijstand: Decimal
    verschil_met_nu: Decimal
    zelf_verdiend: Decimal
    is_nu: bool
    armoedeval: bool  # the engine finds this level in a zone where more work gives less money


@dataclass
class MeerUren:
    baan: Baan
    rijen: list[UrenRij]
    extra_uren_uit_bijstand: Decimal | None  # extra hours at this job until no bijstand is needed
    uren_uit_bijstand_bij_baan: Decimal | None
    armoedevallen: list[dict[str, Any]]
    waarschuwingen: list[str]
    andere_banen: list[Baan] = field(default_factory=list)


STAPPEN_EXTRA = [Decimal(x) for x in (0, 2, 4, 6, 8, 10, 12, 16, 20, 24, 28, 32)]


def meer_uren(
    klant: Klant, baan: Baan, banen: list[Baan], *, peildatum: date | None = None
) -> MeerUren | None:
    """What more hours at this job do to the money per month, with the other running jobs staying
    as they are, in one engine call. Extra hours at this job's wage are given to the engine as the
    hours at the weighted wage with the same gross wage; the exit hours are turned back the same
    way. None for a job without fixed hours or no longer running."""
    peildatum = peildatum or timezone.localdate()
    if baan.uren_per_week is None or not baan.loopt_op(peildatum) or baan.bruto_uurloon <= 0:
        return None
    andere = [b for b in vaste_banen(banen, peildatum) if b.pk != baan.pk]
    # At this job's own wage an extra hour here is one extra hour in the engine.
    uurloon, uren_nu = als_een_loon([baan, *andere], loon=baan.bruto_uurloon)
    extra = [
        e
        for e in STAPPEN_EXTRA
        if e == 0
        or (baan.uren_per_week + e <= Decimal(40) and float(uren_nu + e) <= MAX_UREN_ENGINE)
    ]
    niveaus = [0.0] + [float(uren_nu + e) for e in extra]
    # The engine finds the exit hours only within the levels: add the top of the range.
    if niveaus[-1] < MAX_UREN_ENGINE:
        niveaus.append(MAX_UREN_ENGINE)
    invoer = invoer_voor_klant(
        klant,
        peildatum=peildatum,
        werk={"bruto_uurloon": float(uurloon), "uren_per_week": niveaus},
    )
    uitkomst = regels.bereken(invoer)
    resultaten = uitkomst["resultaten"]
    zones = list(uitkomst.get("armoedeval") or [])
    in_val = {i for z in zones for i in range(int(z["van_niveau"]) + 1, int(z["tot_niveau"]) + 1)}
    nu = _d(resultaten[1]["totaal_netto_per_maand"])
    rijen = [
        UrenRij(
            uren_bij_baan=baan.uren_per_week + e,
            extra_uren=e,
            totaal_per_maand=_d(resultaten[i + 1]["totaal_netto_per_maand"]),
            bijstand=_d(resultaten[i + 1]["bijstand"]),
            verschil_met_nu=_d(resultaten[i + 1]["totaal_netto_per_maand"]) - nu,
            zelf_verdiend=_d(
                resultaten[i + 1].get("zelf_verdiend", resultaten[i + 1]["netto_loon_per_maand"])
            ),
            is_nu=e == 0,
            armoedeval=(i + 1) in in_val,
        )
        for i, e in enumerate(extra)
    ]
    uit = uitkomst.get("uren_uit_bijstand")
    extra_uit: Decimal | None = None
    bij_baan: Decimal | None = None
    if uit is not None:
        extra_uit = max((Decimal(str(uit)) - uren_nu).quantize(Decimal("0.1")), Decimal(0))
        bij_baan = baan.uren_per_week + extra_uit
    return MeerUren(
        baan=baan,
        rijen=rijen,
        extra_uren_uit_bijstand=extra_uit,
        uren_uit_bijstand_bij_baan=bij_baan,
        armoedevallen=[
            {
                "verlies_per_maand": _d(z["verlies_per_maand"]),
                "van_uren": baan.uren_per_week
                + (Decimal(str(z["van_uren"])) - uren_nu).quantize(Decimal("0.1")),
                "tot_uren": baan.uren_per_week
                + (Decimal(str(z["tot_uren"])) - uren_nu).quantize(Decimal("0.1")),
            }
            for z in zones
        ],
        waarschuwingen=list(uitkomst.get("waarschuwingen") or []),
        andere_banen=andere,
    )


# --- the rules that now apply (page and letter) --------------------------------------------------


@dataclass(frozen=True)
class Regel:
    titel: str
    alineas: list[str]
    bron: str = ""  # the article as the engine gives it


def _param(geld: WerkGeld, pad: str) -> dict[str, Any]:
    return geld.parameters.get(pad) or {}


def _waarde(geld: WerkGeld, pad: str) -> Decimal:
    return Decimal(str(_param(geld, pad).get("waarde", 0)))


def _bron(geld: WerkGeld, *paden: str) -> str:
    titels: list[str] = []
    for pad in paden:
        for b in _param(geld, pad).get("bron") or []:
            if b.get("titel") and b["titel"] not in titels:
                titels.append(b["titel"])
    return "; ".join(titels)


def _artikel(geld: WerkGeld, stap: str) -> str:
    return next((s.get("artikel", "") for s in geld.stappen if s.get("naam") == stap), "")


def _procent(waarde: Decimal) -> str:
    tekst = f"{waarde.normalize():f}".replace(".", ",")
    return f"{tekst} %"


def _uren(waarde: Decimal) -> str:
    return f"{waarde.normalize():f}".replace(".", ",")


def _maandnaam(dag: date) -> str:
    return date_format(dag, "F Y")


def regels_bij_werk(geld: WerkGeld, gemeente: Gemeente) -> list[Regel]:
    """The rules that now apply, in plain Dutch, with the engine's amounts and articles."""
    pad = "participatiewet.inkomensvrijlating."
    v = geld.vrijlating
    dag = int(gemeente.instelling("inkomstenverklaring_dag", 5))  # type: ignore[call-overload]
    uit: list[Regel] = [
        Regel(
            "Elke maand je inkomsten doorgeven",
            [
                f"Geef elke maand door wat je hebt verdiend. Doe dat uiterlijk de {dag}e van de "
                "volgende maand, met je loonstrook.",
                "Heb je je loonstrook nog niet? Geef dan door wat je denkt dat je verdient. "
                "Dat mag. Later passen we het aan als het anders is.",
                "Werk je bij meer werkgevers? Geef dan voor elke baan door wat je verdiende.",
                "De gemeente trekt je loon af van je bijstand. Zo krijg je samen genoeg om van te leven.",
            ],
            _artikel(geld, "bijstand"),
        )
    ]
    n_pct, n_max = _waarde(geld, pad + "n_percentage"), _waarde(geld, pad + "n_maximum")
    n_duur = int(_waarde(geld, pad + "n_duur_maanden"))
    if v.soort == "loopt":
        onderdeel = v.onderdeel
        pct = _waarde(geld, f"{pad}{onderdeel}_percentage")
        maximum = _waarde(geld, f"{pad}{onderdeel}_maximum")
        alineas = [
            f"Een deel van je loon mag je houden. Dat heet de inkomensvrijlating. Je houdt "
            f"{_procent(pct)} van je loon, tot {euro(maximum)} per maand.",
            f"Met je werk nu is dat ongeveer {euro(Decimal(str(v.bedrag)))} per maand.",
        ]
        if v.laatste_maand:
            alineas.append(f"Dat kan tot en met {_maandnaam(v.laatste_maand)}.")
        if v.daarna_tot:
            r_pct = _waarde(geld, pad + "r_percentage")
            r_max = _waarde(geld, pad + "r_maximum")
            alineas.append(
                f"Daarna houd je {_procent(r_pct)} van je loon, tot {euro(r_max)} per maand. "
                f"Dat kan tot en met {_maandnaam(v.daarna_tot)}."
            )
        elif onderdeel == "n":
            alineas.append(
                "Daarna trekt de gemeente je hele loon af van de bijstand. Je houdt dan minder "
                "over. Dat is geen straf: zo is de regel."
            )
        uit.append(
            Regel(
                "Een deel van je loon houden",
                alineas,
                _bron(geld, f"{pad}{onderdeel}_percentage", f"{pad}{onderdeel}_maximum"),
            )
        )
    elif v.soort == "te_jong":
        uit.append(
            Regel(
                "Een deel van je loon houden",
                [
                    f"Vanaf je {v.minimumleeftijd}e mag je een deel van je loon houden: "
                    f"{_procent(n_pct)}, tot {euro(n_max)} per maand, {n_duur} maanden lang.",
                    f"Dat kan vanaf {date_format(v.vanaf_datum, 'j F Y') if v.vanaf_datum else ''}. "
                    "Tot die tijd trekt de gemeente je hele loon af van de bijstand.",
                ],
                _bron(geld, pad + "minimumleeftijd", pad + "n_percentage"),
            )
        )
    else:
        uit.append(
            Regel(
                "Een deel van je loon houden",
                [
                    f"De inkomensvrijlating is {n_duur} maanden lang. Je hebt die maanden al "
                    "gebruikt. De gemeente trekt nu je hele loon af van de bijstand.",
                    "Werken levert je wel meer op: je bouwt ervaring op en je bent op weg naar "
                    "een inkomen zonder bijstand.",
                ],
                _bron(geld, pad + "n_duur_maanden"),
            )
        )
    vg_pct = _waarde(geld, "minimumloon.vakantiebijslag_percentage")
    vt_pct = _waarde(geld, "participatiewet.vakantietoeslag.percentage")
    mei = _maandnaam(geld.maand_met_vakantiegeld) if geld.maand_met_vakantiegeld else "mei"
    uit.append(
        Regel(
            "Vakantiegeld",
            [
                f"Je werkgever spaart {_procent(vg_pct)} van je loon als vakantiegeld. Meestal "
                f"krijg je dat in {mei}: ongeveer {euro(geld.vakantiegeld_werk_per_jaar)}. "
                "Geef het door als je het krijgt. Het telt mee als inkomen.",
                f"De gemeente spaart ook voor je: {_procent(vt_pct)} van je bijstand, nu "
                f"{euro(geld.vakantietoeslag_per_maand)} per maand. Dat krijg je in {mei}.",
            ],
            _bron(
                geld,
                "minimumloon.vakantiebijslag_percentage",
                "participatiewet.vakantietoeslag.percentage",
            ),
        )
    )
    uren_alineas = [
        "Ga je meer of minder uren werken, of verandert je loon? Geef het door bij je baan "
        "('Uren of loon veranderd'). Dan rekenen we opnieuw wat je overhoudt.",
    ]
    if geld.uren_uit_bijstand is not None:
        uren_alineas.append(
            f"Vanaf ongeveer {_uren(geld.uren_uit_bijstand)} uur per week heb je geen bijstand "
            "meer nodig (met het loon dat je nu hebt)."
        )
    uit.append(Regel("Als je uren of loon veranderen", uren_alineas, _artikel(geld, "bijstand")))
    uit.append(
        Regel(
            "Als je baan stopt",
            [
                "Stopt je baan? Geef je laatste werkdag door bij je baan ('Mijn baan stopt'). "
                "Krijg je nog bijstand? Dan past de gemeente je bijstand aan. Je hoeft dan niets "
                "opnieuw aan te vragen.",
                "Stuur je laatste loonstrook mee met je inkomsten van die maand. Praat er ook over "
                "met je contactpersoon: samen kijken we wat de volgende stap is.",
            ],
        )
    )
    return uit

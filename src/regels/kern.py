"""The engine core: one function used by the single-household path, the batch path and the
policy variants alike, so their results agree to the cent.

Inputs are integer arrays: household facts of shape (H,) and monthly gross wages of shape
(H, L) (L = hours levels). Output is a dict of integer-cent arrays. No explanation is built
here; ``regels.uitleg`` reads the same arrays afterwards, only when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from regels.formules import loonheffing as lh
from regels.formules import participatiewet as pw
from regels.formules import toeslagen as ts
from regels.geld import deel_afgerond, maal_tarief
from regels.gemeenten import HUISHOUDTYPE_CODES, RegelingRekenvorm, regelingen_matrix
from regels.peilparameters import PeilParameters

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]

REGELS = ("premie_na_zes_maanden", "vast_maandbedrag_behalve_mei")


def _i(n: int) -> I64:
    return np.zeros(n, dtype=np.int64)


def _b(n: int) -> B:
    return np.zeros(n, dtype=np.bool_)


@dataclass
class Huishoudens:
    """Facts per household, each an array of shape (H,). Money in cents.

    ``kinderen_*`` count the children by age on the peildatum. Two rules look at another day:
    ``iack_kinderen`` counts the children that give the IACK (younger than 12 on 1 January of
    the peildatum's year, and in the household for six months of that year; Wet IB 2001
    art. 8.14a lid 1 onderdeel b) and ``kinderbijslag_*`` count the children by age on the
    first day of the peildatum's quarter, without a child born after that day (AKW art. 11
    lid 2, art. 12 lid 3). ``kgb_*`` count the children for the kindgebonden budget in the
    peildatum's month: all of them, 12-15 and 16-17, by age on the last day of the month before,
    without a child born in the month itself (Wet op het kindgebonden budget art. 2 lid 1, 3
    and 5). -1 = not given: ``met_peildagtellingen`` (called by the batch path) then takes the
    peildatum counts (under 12 for the IACK; 0-5, 6-11 and 12-17 for the kinderbijslag; all,
    12-15 and 16-17 for the kindgebonden budget). The single path always gives them; ``kern``
    expects counts >= 0.
    """

    leeftijd: I64
    heeft_partner: B
    kinderen_0_5: I64
    kinderen_6_11: I64
    kinderen_12_15: I64
    kinderen_16_17: I64
    iack_kinderen: I64
    kinderbijslag_0_5: I64
    kinderbijslag_6_11: I64
    kinderbijslag_12_17: I64
    kgb_kinderen: I64
    kgb_12_15: I64
    kgb_16_17: I64
    kostendelers: I64
    kale_huur: I64
    servicekosten: I64
    vermogen: I64
    vrijlating_maanden_gebruikt: I64
    medisch_urenbeperkt: B
    kinderopvang_uren: I64
    kinderopvang_uurprijs: I64
    medebewoners_inkomen: I64
    jaren_laag_inkomen: I64  # -1 = unknown
    vakantiegeld_in_mei: B

    @classmethod
    def leeg(cls, n: int) -> Huishoudens:
        return cls(
            leeftijd=np.full(n, 40, dtype=np.int64),
            heeft_partner=_b(n),
            kinderen_0_5=_i(n),
            kinderen_6_11=_i(n),
            kinderen_12_15=_i(n),
            kinderen_16_17=_i(n),
            iack_kinderen=np.full(n, -1, dtype=np.int64),
            kinderbijslag_0_5=np.full(n, -1, dtype=np.int64),
            kinderbijslag_6_11=np.full(n, -1, dtype=np.int64),
            kinderbijslag_12_17=np.full(n, -1, dtype=np.int64),
            kgb_kinderen=np.full(n, -1, dtype=np.int64),
            kgb_12_15=np.full(n, -1, dtype=np.int64),
            kgb_16_17=np.full(n, -1, dtype=np.int64),
            kostendelers=_i(n),
            kale_huur=_i(n),
            servicekosten=_i(n),
            vermogen=_i(n),
            vrijlating_maanden_gebruikt=_i(n),
            medisch_urenbeperkt=_b(n),
            kinderopvang_uren=_i(n),
            kinderopvang_uurprijs=_i(n),
            medebewoners_inkomen=_i(n),
            jaren_laag_inkomen=np.full(n, -1, dtype=np.int64),
            vakantiegeld_in_mei=np.ones(n, dtype=np.bool_),
        )

    @classmethod
    def samen(cls, delen: Sequence[Huishoudens]) -> Huishoudens:
        """Stack households (e.g. one per checked single input) into one batch."""
        if not delen:
            return cls.leeg(0)
        return cls(**{k: np.concatenate([getattr(d, k) for d in delen]) for k in delen[0].__dict__})

    def met_peildagtellingen(self) -> Huishoudens:
        """A copy in which every count that is not given (-1) takes the peildatum count."""
        anders = {
            "iack_kinderen": self.kinderen_0_5 + self.kinderen_6_11,
            "kinderbijslag_0_5": self.kinderen_0_5,
            "kinderbijslag_6_11": self.kinderen_6_11,
            "kinderbijslag_12_17": self.kinderen_12_15 + self.kinderen_16_17,
            "kgb_kinderen": self.kinderen_0_5
            + self.kinderen_6_11
            + self.kinderen_12_15
            + self.kinderen_16_17,
            "kgb_12_15": self.kinderen_12_15,
            "kgb_16_17": self.kinderen_16_17,
        }
        velden = dict(self.__dict__)
        for naam, peildag in anders.items():
            waarde = velden[naam]
            velden[naam] = np.where(waarde < 0, peildag, waarde)
        return Huishoudens(**velden)

    def deel(self, sl: slice) -> Huishoudens:
        return Huishoudens(**{k: v[sl] for k, v in self.__dict__.items()})

    @property
    def aantal(self) -> int:
        return int(self.leeftijd.shape[0])


@dataclass
class Uitkomst:
    """Per-household (H,) and per-level (H, L) results; all money in cents per month unless named."""

    vast: dict[str, I64] = field(default_factory=dict)  # shape (H,)
    niveau: dict[str, I64] = field(default_factory=dict)  # shape (H, L)
    gemeentelijk: dict[str, I64] = field(default_factory=dict)  # regulation name → (H, L)


def iack_recht(hh: Huishoudens) -> B:
    """Wet IB 2001 art. 8.14a lid 1: no partner (the partner has no income in this model, so the
    working applicant is never the lower earner) and a child that counts for the IACK."""
    return ~hh.heeft_partner & (hh.iack_kinderen > 0)


def huishoudtype(heeft_partner: B, kinderen: I64, kinderen_12_plus: I64) -> I64:
    """Index into HUISHOUDTYPE_CODES for the municipal amounts."""
    oud = kinderen_12_plus > 0
    # 0 alleenstaande, 1 with children, 2 with a child of 12+; 3 more with a partner.
    code = heeft_partner * 3 + ((kinderen > 0) | oud) + oud
    assert len(HUISHOUDTYPE_CODES) == 6
    return code.astype(np.int64)


@dataclass
class Loon:
    """The wage part of a calculation, per level (H, L); money in cents."""

    bruto_jaar: I64  # gross per year incl. the employer's holiday pay
    netto_incl: I64  # net per month incl. accrued holiday pay
    iack_maand: I64  # IACK actually usable, per month (0 without a right)
    eigen_inkomen: I64  # netto_incl + iack_maand
    netto_met_iack_jaar: I64  # net wage per year + IACK
    werkkortingen_jaar: I64  # arbeidskorting + IACK per year
    iack_jaar: I64  # IACK usable against the tax on the wage, per year (more with bijstand: ``iack_over_bijstand``)
    iack_vol_jaar: I64  # IACK the law grants per year (0 without a right)
    netto_jaar: I64 | None = None  # the parts below only when computed directly (not looked up)
    ak_jaar: I64 | None = None

    def niveaus(self, aantal: int) -> Loon:
        """The first ``aantal`` levels (views)."""
        delen: dict[str, Any] = {
            k: None if a is None else a[:, :aantal] for k, a in self.__dict__.items()
        }
        return Loon(**delen)


def loon(p: PeilParameters, bruto_maand: I64, iack_recht: B) -> Loon:
    """Gross monthly wage → yearly and monthly wage amounts.

    The employer's holiday pay (8 %) is part of the yearly wage; its net part accrues monthly
    (the gemeente counts it each month, Regeling Pw/IOAW/IOAZ art. 11).
    """
    bruto_jaar = bruto_maand * 12
    bruto_jaar += maal_tarief(bruto_jaar, p.vakantiebijslag)
    netto_jaar, _loonheffing, iack_jaar, ak_jaar, iack_vol = lh.netto_loon(
        p, bruto_jaar, iack_recht
    )
    netto_incl, iack_maand = deel_afgerond(netto_jaar, 12), deel_afgerond(iack_jaar, 12)
    return Loon(
        bruto_jaar=bruto_jaar,
        netto_incl=netto_incl,
        iack_maand=iack_maand,
        eigen_inkomen=netto_incl + iack_maand,
        netto_met_iack_jaar=netto_jaar + iack_jaar,
        werkkortingen_jaar=ak_jaar + iack_jaar,
        iack_jaar=iack_jaar,
        iack_vol_jaar=iack_vol,
        netto_jaar=netto_jaar,
        ak_jaar=ak_jaar,
    )


def iack_over_bijstand(
    p: PeilParameters,
    w: Loon,
    iack_recht: B,
    norm_k: I64,
    eigen_inkomen: I64,
    vrijlating: I64,
    iack_maand: I64,
) -> None:
    """The IACK set off against the whole income tax, the tax on the gross bijstand included.

    Wet IB 2001 art. 8.1 sets the heffingskortingen off against the tax on all box-1 income; while
    bijstand is paid, that includes the gross bijstand (the gemeente withholds tax on it). The
    extra IACK counts as income for the bijstand (it lowers the bijstand euro for euro), so the
    total stays the same; the split between IACK and bijstand and the toetsingsinkomen change.
    Only the rows of households with a right to the IACK are computed. Changes ``iack_maand``,
    ``eigen_inkomen`` and ``w``'s yearly net wage + IACK and work kortingen in place: they are
    this calculation's own arrays (``loon`` and ``Loontabel.loon`` make new ones per call), and
    copying whole batches would cost more than the rule itself.
    """
    r: npt.NDArray[np.intp] | slice = (
        slice(None) if iack_recht.all() else np.flatnonzero(iack_recht)
    )
    iack_loon = w.iack_jaar[r]
    totaal = pw.algemene_bijstand(norm_k[r], eigen_inkomen[r] - vrijlating[r])
    totaal *= 12
    netto_met_iack = w.netto_met_iack_jaar[r]
    totaal += netto_met_iack
    ak = w.werkkortingen_jaar[r] - iack_loon
    iack = lh.iack_met_bijstand(p, totaal, ak, iack_loon, w.iack_vol_jaar[r])
    w.netto_met_iack_jaar[r] = netto_met_iack - iack_loon + iack
    w.werkkortingen_jaar[r] = ak + iack
    verschil = deel_afgerond(iack, 12)
    verschil -= iack_maand[r]
    iack_maand[r] += verschil
    eigen_inkomen[r] += verschil


def netto_uitbetaald(p: PeilParameters, netto_incl: I64, in_mei: B) -> I64:
    """Net wage paid per month: without the holiday pay when that is paid in May (incl. x 100/108)."""
    vb = p.vakantiebijslag
    return np.where(
        in_mei, (netto_incl * vb.den + (vb.den + vb.num) // 2) // (vb.den + vb.num), netto_incl
    )


class Loontabel:
    """``loon`` for each distinct hourly wage x hours level of a batch, computed once.

    The wage part depends on nothing but the gross wage and the IACK right, and a caseload has
    far fewer distinct hourly wages than households. A batch computes it once per hourly wage,
    without and with the IACK, and copies the rows per household: the same integers, far fewer
    passes over the data.
    """

    def __init__(self, p: PeilParameters, bruto_maand: I64) -> None:
        """``bruto_maand``: (K, L) monthly gross wage per distinct hourly wage and level."""
        self.bruto_maand = bruto_maand
        self._k = bruto_maand.shape[0]
        # Rows 0..K-1 without the IACK, rows K..2K-1 with it.
        recht = np.repeat(np.array([False, True]), self._k)[:, None]
        w = loon(p, np.concatenate([bruto_maand, bruto_maand]), recht)
        self._kolommen = (
            w.bruto_jaar,
            w.netto_incl,
            w.iack_maand,
            w.eigen_inkomen,
            w.netto_met_iack_jaar,
            w.werkkortingen_jaar,
            w.iack_jaar,
            w.iack_vol_jaar,
        )

    def loon(self, rijen: npt.NDArray[np.intp], iack_recht: B) -> Loon:
        """The wage part for households whose hourly wage is row ``rijen`` (H,) of the table."""
        i = rijen + self._k * iack_recht.reshape(-1)
        return Loon(*(k.take(i, axis=0) for k in self._kolommen))


def bruto_uit_netto(p: PeilParameters, netto_maand: I64, in_mei: B, iack_recht: B) -> I64:
    """Smallest monthly gross wage whose paid-out net wage reaches ``netto_maand`` (bisection in cents)."""
    laag = np.zeros_like(netto_maand)
    hoog = np.maximum(netto_maand * 3, 100)
    for _ in range(40):
        if not np.any(hoog - laag > 1):
            break
        midden = (laag + hoog) // 2
        netto = netto_uitbetaald(p, loon(p, midden, iack_recht).netto_incl, in_mei)
        groot_genoeg = netto >= netto_maand
        hoog = np.where(groot_genoeg, midden, hoog)
        laag = np.where(groot_genoeg, laag, midden)
    netto_laag = netto_uitbetaald(p, loon(p, laag, iack_recht).netto_incl, in_mei)
    return np.where(netto_laag >= netto_maand, laag, hoog)


@dataclass
class PerHuishouden:
    """Per-household quantities, shape (H,) (the regulations (H, R)); computed once per household."""

    kinderen: I64
    onder_12: I64
    twaalf_plus: I64
    personen: I64
    norm: I64
    vgrens: I64
    recht_bijstand: B
    regime: I64
    vnum: I64
    vnum_eff: I64
    vden: int
    vmax: I64
    iack_recht: B
    kinderbijslag: I64  # per month (quarterly amounts / 3)
    zt_recht: B
    kgb_basis: I64  # per year
    kgb_recht: B
    meerpersoons: B
    ht_max: I64  # huurtoeslag at the lowest incomes, per month
    opvang: B  # kinderopvangtoeslag possible (alleenstaande ouder with a child under 12 in opvang)
    gem_bedrag: I64  # (H, R) amount per regulation per month, 0 without a right
    gem_grens: I64  # (H, R) income limit per regulation per month
    gem_grenzen: I64  # (H, G) the distinct limits, ascending (RegelingenMatrix.grenzen)
    gem_tot_grens: I64  # (H, G) the regulations' total amount for an income up to that limit

    def deel(self, sl: slice) -> PerHuishouden:
        velden: dict[str, Any] = {
            k: w[sl] if isinstance(w, np.ndarray) else w for k, w in self.__dict__.items()
        }
        return PerHuishouden(**velden)


def per_huishouden(
    p: PeilParameters,
    hh: Huishoudens,
    regel: str | None = None,
    regelingen: tuple[RegelingRekenvorm, ...] = (),
) -> PerHuishouden:
    """What ``kern`` needs per household, before any income: norms, rights, fixed amounts."""
    partner = hh.heeft_partner
    kinderen = hh.kinderen_0_5 + hh.kinderen_6_11 + hh.kinderen_12_15 + hh.kinderen_16_17
    onder_12 = hh.kinderen_0_5 + hh.kinderen_6_11
    twaalf_plus = hh.kinderen_12_15 + hh.kinderen_16_17
    personen = 1 + partner.astype(np.int64) + kinderen + hh.kostendelers
    norm = pw.bijstandsnorm(p, partner, hh.kostendelers)
    vgrens = pw.vermogensgrens(p, partner, kinderen > 0)
    regime = pw.vrijlating_regime(
        p,
        hh.leeftijd,
        partner,
        onder_12 > 0,
        hh.vrijlating_maanden_gebruikt,
        hh.medisch_urenbeperkt,
    )
    vnum, vden, vmax = pw.vrijlating_tarief(p, regime)
    # Variant B4 'premie_na_zes_maanden': no vrijlating under sub n; a premium after six months instead.
    vnum_eff = (
        np.where(regime == pw.ONDERDEEL_N, 0, vnum) if regel == "premie_na_zes_maanden" else vnum
    )

    # Toeslagen: the parts that do not depend on the income.
    zt_grens = np.where(partner, p.zt_vermogen_partner, p.zt_vermogen_alleen)
    kgb_grens = np.where(partner, p.kgb_vermogen_partner, p.kgb_vermogen_alleen)
    meerpersoons = personen > 1
    rekenhuur = ts.rekenhuur(p, hh.kale_huur, hh.servicekosten)
    ht_recht = (hh.kale_huur > 0) & (hh.vermogen <= p.ht_vermogen * (1 + partner.astype(np.int64)))

    # Municipal regulations: (H, R) amount for this household type, children and persons, and limit.
    if regelingen:
        m = regelingen_matrix(regelingen)
        htype = huishoudtype(partner, kinderen, twaalf_plus)
        gem_bedrag = (
            m.per_type[:, htype].T
            + kinderen[:, None] * m.per_kind
            + personen[:, None] * m.per_persoon
        )
        gem_bedrag = np.where(hh.jaren_laag_inkomen[:, None] >= m.jaren_minimaal, gem_bedrag, 0)
        gem_grens = (norm[:, None] * m.grens_num + m.grens_den // 2) // m.grens_den
        gem_grenzen = (norm[:, None] * m.grenzen + m.grens_den // 2) // m.grens_den
        gem_tot_grens = gem_bedrag @ m.open_bij_grens.T
    else:
        gem_bedrag = gem_grens = gem_grenzen = gem_tot_grens = np.zeros(
            (hh.aantal, 0), dtype=np.int64
        )

    return PerHuishouden(
        kinderen=kinderen,
        onder_12=onder_12,
        twaalf_plus=twaalf_plus,
        personen=personen,
        norm=norm,
        vgrens=vgrens,
        recht_bijstand=hh.vermogen <= vgrens,
        regime=regime,
        vnum=vnum,
        vnum_eff=vnum_eff,
        vden=vden,
        vmax=vmax,
        iack_recht=iack_recht(hh),
        kinderbijslag=ts.kinderbijslag(
            p, hh.kinderbijslag_0_5, hh.kinderbijslag_6_11, hh.kinderbijslag_12_17
        ),
        zt_recht=hh.vermogen <= zt_grens,
        kgb_basis=ts.kindgebonden_budget_basis(
            p, hh.kgb_kinderen, hh.kgb_12_15, hh.kgb_16_17, partner
        ),
        kgb_recht=(hh.vermogen <= kgb_grens) & (hh.kgb_kinderen > 0),
        meerpersoons=meerpersoons,
        ht_max=ts.huurtoeslag_maximum(p, rekenhuur, meerpersoons, personen >= 3) * ht_recht,
        opvang=~partner & (onder_12 > 0) & (hh.kinderopvang_uren > 0),
        gem_bedrag=gem_bedrag,
        gem_grens=gem_grens,
        gem_grenzen=gem_grenzen,
        gem_tot_grens=gem_tot_grens,
    )


def kern(
    p: PeilParameters,
    hh: Huishoudens,
    bruto_maand: I64,
    *,
    netto_maand: I64 | None = None,
    regelingen: tuple[RegelingRekenvorm, ...] = (),
    regel: str | None = None,
    volledig: bool = True,
    vast: PerHuishouden | None = None,
    loon_opzoeken: Callable[[B], Loon] | None = None,
    fijn_bruto: I64 | None = None,
) -> Uitkomst:
    """Compute everything for H households x L levels of monthly gross wage (cents).

    ``netto_maand`` (H, L), when given, is the client's own net monthly wage (paid monthly,
    excl. holiday pay when that comes in May); the gross wage is then only used for the
    toetsingsinkomen and the tax-credit split. ``volledig=False`` (batch) skips outputs that
    are only shown to people; the shared amounts are computed identically. ``vast``: the result
    of ``per_huishouden`` for these households and regulations, when already known;
    ``loon_opzoeken``: gives the wage part for ``bruto_maand`` from the IACK right, looked up
    instead of computed (batch, ``Loontabel``); ``fijn_bruto`` (H, F): more gross wages for
    which only the bijstand is computed, in the same passes as the levels (the fine search of
    the hours that leave bijstand), returned as ``niveau["bijstand_fijn"]``.
    """
    partner = hh.heeft_partner
    niveaus = bruto_maand.shape[1]
    if fijn_bruto is not None:
        assert netto_maand is None and loon_opzoeken is None, "fine search: gross wages, computed"
        bruto_maand = np.concatenate([bruto_maand, fijn_bruto], axis=1)
    v = vast if vast is not None else per_huishouden(p, hh, regel, regelingen)

    # --- Wage: yearly tax, employer's holiday pay accrued monthly ------------------------
    in_mei = hh.vakantiegeld_in_mei[:, None]
    iack_k = v.iack_recht[:, None]
    w = loon_opzoeken(iack_k) if loon_opzoeken else loon(p, bruto_maand, iack_k)
    bruto_jaar, iack_maand = w.bruto_jaar, w.iack_maand
    vb = p.vakantiebijslag
    uitbetaald: I64 | None = None
    if netto_maand is not None:
        uitbetaald = netto_maand
        netto_incl = np.where(in_mei, netto_maand + maal_tarief(netto_maand, vb), netto_maand)
        eigen_inkomen = netto_incl + iack_maand
    else:
        netto_incl = w.netto_incl
        eigen_inkomen = w.eigen_inkomen  # net wage incl. holiday pay and IACK, per month
        if volledig or regel == "vast_maandbedrag_behalve_mei":
            uitbetaald = netto_uitbetaald(p, netto_incl, in_mei)

    # --- Bijstand: art. 19 lid 2, art. 31 lid 2 --------------------------------------------
    # Without a right to bijstand (vermogen) the norm counts as 0: the income taken into account
    # is never negative, so the bijstand is 0 (one pass fewer than multiplying by the right).
    norm_k = np.where(v.recht_bijstand, v.norm, 0)[:, None]
    vnum_k, vmax_k = v.vnum_eff[:, None], v.vmax[:, None]
    extra: dict[str, I64] = {}
    vrijlating = pw.inkomensvrijlating(netto_incl, vnum_k, v.vden, vmax_k)
    if v.iack_recht.any():
        iack_over_bijstand(p, w, v.iack_recht, norm_k, eigen_inkomen, vrijlating, iack_maand)
    netto_met_iack_jaar, werkkortingen_jaar = w.netto_met_iack_jaar, w.werkkortingen_jaar
    if regel == "vast_maandbedrag_behalve_mei":
        assert uitbetaald is not None
        # Variant B4: the employer's holiday pay is offset in May when paid, not monthly.
        vg_jaar = 12 * (netto_incl - uitbetaald)
        ink_m = uitbetaald + iack_maand
        vrij_m = pw.inkomensvrijlating(uitbetaald, vnum_k, v.vden, vmax_k)
        bij_m = pw.algemene_bijstand(norm_k, ink_m - vrij_m)
        vrij_mei = pw.inkomensvrijlating(uitbetaald + vg_jaar, vnum_k, v.vden, vmax_k)
        bij_mei = pw.algemene_bijstand(norm_k, ink_m + vg_jaar - vrij_mei)
        bijstand = deel_afgerond(11 * bij_m + bij_mei, 12)
        vrijlating = np.where(bij_m > 0, vrij_m, 0)
        extra = {"bijstand_behalve_mei": bij_m, "bijstand_in_mei": bij_mei}
    else:
        bijstand = pw.algemene_bijstand(norm_k, eigen_inkomen - vrijlating)
        vrijlating *= bijstand > 0  # only counted while there is bijstand
    if fijn_bruto is not None:  # from here on only the levels
        extra["bijstand_fijn"] = bijstand[:, niveaus:]
        w = w.niveaus(niveaus)
        bruto_maand, bruto_jaar = bruto_maand[:, :niveaus], w.bruto_jaar
        (
            netto_incl,
            eigen_inkomen,
            vrijlating,
            bijstand,
            iack_maand,
            netto_met_iack_jaar,
            werkkortingen_jaar,
        ) = (
            a[:, :niveaus]
            for a in (
                netto_incl,
                eigen_inkomen,
                vrijlating,
                bijstand,
                iack_maand,
                netto_met_iack_jaar,
                werkkortingen_jaar,
            )
        )
        if uitbetaald is not None:
            uitbetaald = uitbetaald[:, :niveaus]
        for k in ("bijstand_behalve_mei", "bijstand_in_mei"):
            if k in extra:
                extra[k] = extra[k][:, :niveaus]

    # --- Toetsingsinkomen: wage + gross equivalent of the bijstand --------------------------
    bijstand_jaar = bijstand * 12
    met_partner = np.flatnonzero(partner) if partner.any() else None
    aandeel_aanvrager = bijstand_jaar
    if met_partner is not None:
        # With a partner, the applicant's half, rounded down (a shift by 1: bijstand >= 0).
        aandeel_aanvrager = np.right_shift(bijstand_jaar, partner.astype(np.int64)[:, None])
    bruto_bijstand = lh.bruto_bijstand(
        p, bruto_jaar, netto_met_iack_jaar, werkkortingen_jaar, aandeel_aanvrager
    )
    if met_partner is not None:
        # Each partner is paid half of the couple's bijstand and has an own heffingskorting
        # (the partner has no wage in this model). Only rows with a partner have a second half.
        aandeel_partner = bijstand_jaar.take(met_partner, axis=0)
        aandeel_partner -= aandeel_aanvrager.take(met_partner, axis=0)
        nul = np.zeros_like(aandeel_partner)
        bruto_bijstand[met_partner] += lh.bruto_bijstand(p, nul, nul, nul, aandeel_partner)
    toetsingsinkomen = bruto_jaar + bruto_bijstand

    # --- Toeslagen ------------------------------------------------------------------------
    zorg = ts.zorgtoeslag(p, toetsingsinkomen, partner[:, None], v.zt_recht[:, None])
    if v.kgb_recht.any():
        kgb = ts.kindgebonden_budget(
            p, v.kgb_basis[:, None], toetsingsinkomen, partner[:, None], v.kgb_recht[:, None]
        )
    else:
        kgb = np.zeros_like(bruto_maand)
    kb = v.kinderbijslag
    huur = ts.huurtoeslag(
        p,
        v.ht_max[:, None],
        toetsingsinkomen,
        hh.medebewoners_inkomen[:, None],
        v.meerpersoons[:, None],
    )

    met_bijstand = eigen_inkomen + bijstand
    netto_inkomen = met_bijstand - vrijlating  # excl. toeslagen and vrijgelaten deel
    totaal = met_bijstand  # the sum below is built in place (integer cents: order does not matter)
    totaal += zorg
    totaal += huur
    totaal += kgb
    totaal += kb[:, None]

    if v.opvang.any():
        werkt = (bruto_maand > 0) & v.opvang[:, None]
        kot, kot_kosten = ts.kinderopvangtoeslag(
            p,
            hh.kinderopvang_uren[:, None],
            hh.kinderopvang_uurprijs[:, None],
            v.onder_12[:, None],
            werkt,
        )
        kot_buiten_model = (werkt & (toetsingsinkomen > p.kot_grens)).astype(np.int64)
        totaal += kot
        totaal -= kot_kosten
    else:
        nul = np.zeros(bruto_maand.shape, dtype=np.int64)
        nul.setflags(write=False)  # one array for the three outputs: read-only
        kot = kot_kosten = kot_buiten_model = nul

    # --- Municipal regulations: the amount while within the income limit at this level -------
    # The total from the distinct limits, highest first: each lower limit that the income is
    # within replaces the total by the larger one of that limit (one pass per distinct limit).
    gem: dict[str, I64] = {}
    if volledig:  # each regulation on its own (shown per regulation); the total is their sum
        gem_totaal = np.zeros(bruto_maand.shape, dtype=np.int64)
        for r, naam in enumerate(regelingen_matrix(regelingen).namen if regelingen else ()):
            gem[naam] = (netto_inkomen <= v.gem_grens[:, r : r + 1]) * v.gem_bedrag[:, r : r + 1]
            gem_totaal += gem[naam]
    else:
        gem_totaal = np.zeros(bruto_maand.shape, dtype=np.int64)
        for g in reversed(range(v.gem_grenzen.shape[1])):
            gem_totaal = np.where(
                netto_inkomen <= v.gem_grenzen[:, g : g + 1],
                v.gem_tot_grens[:, g : g + 1],
                gem_totaal,
            )
    totaal += gem_totaal

    if regel == "premie_na_zes_maanden":
        vrij_n = pw.inkomensvrijlating(netto_incl, v.vnum[:, None], v.vden, v.vmax[:, None])
        premie = np.where(
            (v.regime == pw.ONDERDEEL_N)[:, None] & (bijstand > 0),
            np.minimum(p.vrij_n_duur * vrij_n, p.premie_max),
            0,
        )
        extra["premie_eenmalig"] = premie
        totaal += deel_afgerond(premie, 12)

    uit = Uitkomst()
    uit.vast = {
        "bijstandsnorm": v.norm,
        "vermogensgrens": v.vgrens,
        "recht_bijstand": v.recht_bijstand.astype(np.int64),
        "vrijlating_regime": v.regime,
        "kinderbijslag": kb,
        "kgb_basis_jaar": v.kgb_basis,
        "huurtoeslag_maximum": v.ht_max,
        "personen": v.personen,
    }
    uit.niveau = {
        "bruto_loon_per_maand": bruto_maand,
        "bruto_loon_per_jaar_incl_vakantiegeld": bruto_jaar,
        "netto_loon_incl_vakantiegeld_per_maand": netto_incl,
        "iack_per_maand": iack_maand,
        "inkomensvrijlating": vrijlating,
        "bijstand": bijstand,
        "toetsingsinkomen_per_jaar": toetsingsinkomen,
        "zorgtoeslag": zorg,
        "huurtoeslag": huur,
        "kindgebonden_budget": kgb,
        "kinderopvangtoeslag": kot,
        "kinderopvang_kosten": kot_kosten,
        "kinderopvang_buiten_model": kot_buiten_model,
        "gemeentelijk_totaal": gem_totaal,
        "netto_inkomen_voor_regelingen": netto_inkomen,
        "totaal_netto_per_maand": totaal,
        **extra,
    }
    if volledig:
        assert w.netto_jaar is not None and w.ak_jaar is not None, (
            "volledig: the wage is computed, not looked up"
        )
        assert uitbetaald is not None
        vakantietoeslag = pw.vakantietoeslag(p, bijstand)
        uit.niveau.update(
            {
                "vakantietoeslag_bijstand": vakantietoeslag,
                "netto_loon_per_maand": uitbetaald,
                "netto_vakantiegeld_per_jaar": 12 * (netto_incl - uitbetaald),
                "loonheffing_per_jaar": bruto_jaar - w.netto_jaar,
                "arbeidskorting_per_jaar": w.ak_jaar,
                "bijstand_uitbetaald": bijstand - vakantietoeslag,
                "bruto_bijstand_per_jaar": bruto_bijstand,
            }
        )
    uit.gemeentelijk = gem
    return uit

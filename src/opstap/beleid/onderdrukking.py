"""The one suppression rule for policy counts: what policy staff may see of small groups.

Primary suppression: a count of 1 to 9 (below MINIMALE_CELGROOTTE) is not shown. A 0 is shown,
as CBS shows "nihil": hiding every 0 would hide most of a small caseload's recalculation (e.g.
"nobody falls outside the rules" would pull "computed: 15 households" with it). The price is that
a count equal to its shown total says "everyone in this group"; the groups here are the whole
caseload of a municipality, and such a cell is shown only for 10 people or more.

Secondary (complementary) suppression: wherever the reader knows the sum of a set of cells
(a shown total, or an implicit rest such as "households without bijstand"), hiding one small
cell is not enough: total minus the shown cells gives it back. So a table whose hidden cells
include a small one hides at least two cells, and not only ones: since 0 is always shown, a
reader knows every hidden cell is at least 1, and two hidden cells summing to 2 are both 1. The
smallest non-zero cell is hidden first (least loss; a hidden 0 protects nothing once a reader
can tell it is empty, which is also tau-Argus' and GaussSuppression's default).

Every hidden cell is shown as the same sign, "x" (as CBS marks confidential figures): a "< 10"
for the small ones and another sign for the complements would tell which hidden cell is the big
one. Pages, the API and the stored recalculation results all go through this module.

Not covered (perturbation, e.g. the cell-key method, would be needed): differences between two
publications at different times, and net differences between today's rules and a variant.

The tables here are one-dimensional; a statistical disclosure control library (sdcTable,
GaussSuppression, tau-Argus) solves general linked tables with an LP solver, which is far more
than these few short tables need, and none is a small, well-kept pure-Python package.
"""

from collections.abc import Collection, Sequence

MINIMALE_CELGROOTTE = 10
VERBORGEN_TEKEN = "x"


def toonbaar(aantal: int) -> bool:
    """Primary rule: may this count be shown on its own?"""
    return aantal == 0 or aantal >= MINIMALE_CELGROOTTE


def toonbaar_aantal(aantal: int) -> int | None:
    """A count with no known sum around it: the count, or None (hidden)."""
    return aantal if toonbaar(aantal) else None


def onderdruk(
    cellen: Sequence[int],
    *,
    totaal_bekend: bool = True,
    nooit_getoond: Collection[int] = (),
    beschermd: Collection[int] = (),
) -> list[int | None]:
    """Suppress a one-dimensional table: a partition of a group whose size the reader knows
    (`totaal_bekend`), or of a group whose size is hidden (then only the primary rule applies).

    `nooit_getoond`: indexes of cells that are not published at all (e.g. "the same" next to
    "better off" and "worse off"); they count as hidden cells, and may be derived when large.
    `beschermd`: cells that must not be derivable even when large, because another table
    ties them to smaller groups (the exit-hour bands and the "still on bijstand" series)."""
    return _onderdruk(cellen, totaal_bekend, nooit_getoond, beschermd)[0]


def _onderdruk(
    cellen: Sequence[int],
    totaal_bekend: bool,
    nooit_getoond: Collection[int],
    beschermd: Collection[int],
) -> tuple[list[int | None], bool]:
    """(cells, safe): not safe when even hiding every cell leaves a small one derivable."""
    waarden = [int(c) for c in cellen]
    nooit = set(nooit_getoond)
    verborgen = {i for i, n in enumerate(waarden) if not toonbaar(n)} | nooit
    if totaal_bekend:
        gevoelig = {i for i, n in enumerate(waarden) if not toonbaar(n)} | set(beschermd)
        while _afleidbaar(waarden, verborgen, gevoelig, nooit):
            kandidaten = [i for i in range(len(waarden)) if i not in verborgen and waarden[i] > 0]
            if not kandidaten:
                return [None] * len(waarden), False
            verborgen.add(min(kandidaten, key=lambda i: (waarden[i], i)))
    return [None if i in verborgen else n for i, n in enumerate(waarden)], True


def _afleidbaar(
    waarden: list[int], verborgen: set[int], gevoelig: set[int], nooit: set[int]
) -> bool:
    """With the sum of the hidden cells known, is a small (or protected) hidden cell pinned down?"""
    if not verborgen & gevoelig:
        return False  # only large cells hidden (e.g. an unpublished rest): no small group to find
    # A hidden shown-table cell is at least 1 (zeros are shown); an unpublished cell may be 0.
    # With the sum known, one hidden cell, or a sum at that minimum, leaves a single possibility.
    minimum = sum(0 if i in nooit else 1 for i in verborgen)
    return len(verborgen) < 2 or sum(waarden[i] for i in verborgen) <= minimum


def onderdruk_met_totaal(
    totaal: int, cellen: Sequence[int], *, nooit_getoond: Collection[int] = ()
) -> tuple[int | None, list[int | None]]:
    """A table with its total shown above it: (total or None, cells). A hidden total hides all:
    every cell of a group under 10 is itself under 10. A total is also hidden when no choice of
    cells protects the small ones (ten cells of 1)."""
    getoond, veilig = _onderdruk(cellen, True, nooit_getoond, ())
    if not toonbaar(totaal) or not veilig:
        return None, [None] * len(cellen)
    return totaal, getoond


def onderdruk_oplopend(totaal: int | None, reeks: Sequence[int]) -> list[int | None]:
    """A count per level that mostly falls with the level, e.g. "households still on bijstand
    at h hours". Two shown values give their difference (the households that left between the
    two levels) and the group size gives the households that left before the first, so a value
    is shown only when it, its difference with the previous shown value (the group size for
    the first) and the rest of the group (size minus value) may all be shown (0 or 10 and more).
    Hidden levels then only merge groups of 10 or more."""
    if totaal is None or not toonbaar(totaal):
        return [None] * len(reeks)
    vorige = totaal
    uit: list[int | None] = []
    for n in (int(x) for x in reeks):
        if toonbaar(n) and toonbaar(abs(vorige - n)) and toonbaar(abs(totaal - n)):
            uit.append(n)
            vorige = n
        else:
            uit.append(None)
    return uit


def gemiddelde_toonbaar(groepsgrootte: int) -> bool:
    """An average or median of a group is shown only for a group of at least 10."""
    return groepsgrootte >= MINIMALE_CELGROOTTE


def weergave(aantal: int | None) -> str:
    return VERBORGEN_TEKEN if aantal is None else str(aantal)


def afgerond(aantal: int) -> int | None:
    """A count rounded to tens (hidden under 10), for numbers that overlap the shown tables in
    ways no single table knows (the savings estimate's target group is the sum of some trede
    groups, its potential part of the "no job" cell): a rounded number never pins a hidden cell
    down exactly."""
    if aantal < MINIMALE_CELGROOTTE:
        return None
    return (aantal + 5) // 10 * 10

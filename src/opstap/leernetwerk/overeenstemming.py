"""Agreement between two coders: Cohen's kappa.

A small function rather than a dependency: the project has neither scikit-learn nor statsmodels,
and pulling in SciPy (and pandas) for one formula of four lines is not worth the weight on every
install. It is tested against published worked examples and against the textbook edge cases.

    kappa = (p_o - p_e) / (1 - p_e)

p_o is the share of units both coders labelled the same, p_e the share expected by chance from
each coder's own label frequencies. When both coders always give one and the same label, p_e is 1
and kappa is undefined: None, never a division by zero or a made-up 1.0.
"""

from collections import Counter
from collections.abc import Hashable, Sequence


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    if len(a) != len(b):
        raise ValueError("Beide codeurs moeten even veel eenheden beoordelen.")
    n = len(a)
    if n == 0:
        return None
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    telling_a, telling_b = Counter(a), Counter(b)
    p_e = sum(telling_a[k] * telling_b[k] for k in telling_a.keys() | telling_b.keys()) / (n * n)
    if p_e == 1:
        return None
    return (p_o - p_e) / (1 - p_e)


def duiding(kappa: float | None) -> str:
    """Landis & Koch's words for a kappa, in plain Dutch."""
    if kappa is None:
        return "niet te berekenen"
    if kappa < 0:
        return "minder dan toeval"
    for grens, woord in ((0.2, "gering"), (0.4, "redelijk"), (0.6, "matig"), (0.8, "goed")):
        if kappa <= grens:
            return woord
    return "bijna volledig"

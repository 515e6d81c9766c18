"""regels — the Opstap income engine (Django-free).

Public API (stable; see docs/regels.md):

- ``bereken(invoer, *, uitleg=False, varianten=None) -> dict``
- ``bereken_batch(peildatum, huishoudens, bruto_uurloon, uren_per_week, ...) -> dict[str, ndarray]``
- ``huishoudens_uit_invoer(invoeren) -> (Huishoudens, geldige indexen, fouten)``
- ``gemeentelijke_regelingen(gemeente_code, peildatum=None) -> list[dict]``
- ``regelingen_voor_huishouden(invoer, *, niveau=0) -> list[dict]``
- ``InvoerFout`` (Dutch message, ``veld`` attribute), ``ParameterFout``
- ``REGELVERSIE``
"""

from regels.api import bereken, regelingen_voor_huishouden
from regels.batch import bereken_batch, huishoudens_uit_invoer
from regels.fouten import InvoerFout, ParameterFout
from regels.gemeenten import gemeentelijke_regelingen
from regels.versie import REGELVERSIE

__all__ = [
    "REGELVERSIE",
    "InvoerFout",
    "ParameterFout",
    "bereken",
    "bereken_batch",
    "gemeentelijke_regelingen",
    "huishoudens_uit_invoer",
    "regelingen_voor_huishouden",
]

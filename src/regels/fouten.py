"""Exceptions of the rules package (Dutch messages: they reach clients and staff)."""

from __future__ import annotations


class InvoerFout(ValueError):
    """Invalid input, or a household outside what the rule base models.

    ``veld`` names the input field (dotted path, e.g. ``aanvrager.geboortedatum``), so the
    web app and the CLI can point at it. The message is plain Dutch.
    """

    def __init__(self, veld: str, melding: str) -> None:
        super().__init__(f"{veld}: {melding}")
        self.veld = veld
        self.melding = melding


class ParameterFout(RuntimeError):
    """A parameter file breaks the schema. Raised at load time, never swallowed."""

    def __init__(self, bestand: str, sleutel: str, melding: str) -> None:
        super().__init__(f"Parameterbestand {bestand}, sleutel '{sleutel}': {melding}")
        self.bestand = bestand
        self.sleutel = sleutel
        self.melding = melding

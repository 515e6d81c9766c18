"""Form pieces every app uses the same way: the browser's own date, time and moment pickers (with
the value in the format the picker reads), and a whole number between two bounds with one kind
message for both bounds."""

from typing import Any

from django import forms


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TijdInvoer(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class MomentInvoer(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def getal_veld(
    label: Any,
    minimum: int,
    maximum: int,
    *,
    buiten_bereik: Any,
    leeg: Any = None,
    ongeldig: Any = None,
    **kwargs: Any,
) -> forms.IntegerField:
    """A whole number from `minimum` to `maximum`: `buiten_bereik` names both bounds, so one
    message serves a number that is too low and one that is too high."""
    meldingen = {"min_value": buiten_bereik, "max_value": buiten_bereik}
    if leeg is not None:
        meldingen["required"] = leeg
    if ongeldig is not None:
        meldingen["invalid"] = ongeldig
    return forms.IntegerField(
        label=label, min_value=minimum, max_value=maximum, error_messages=meldingen, **kwargs
    )

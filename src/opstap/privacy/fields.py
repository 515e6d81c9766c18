"""Model fields stored encrypted (Fernet, keys in FIELD_ENCRYPTION_KEYS).

The database only ever sees ciphertext, so it cannot filter, order or count on these columns:
every lookup except `isnull` raises FieldError instead of silently matching nothing. Filter in
Python on a queryset that is already narrowed (a caseload, one client). `opstap sleutels-roteren`
finds every field of these classes by itself, so a new encrypted field is rotated too."""

import json
from typing import Any

from django.core import validators
from django.core.exceptions import FieldError
from django.db import models
from django.utils.functional import cached_property

from .crypto import ontsleutel, versleutel


class VersleuteldVeld:
    """Shared behaviour of every encrypted field: no lookups or transforms in SQL."""

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)  # type: ignore[misc]
        raise FieldError(
            f"'{getattr(self, 'name', '?')}' is versleuteld: de database kan er niet op zoeken "
            f"('{lookup_name}'). Filter in Python op een al beperkte queryset."
        )

    def get_transform(self, lookup_name: str) -> Any:
        raise FieldError(
            f"'{getattr(self, 'name', '?')}' is versleuteld: '{lookup_name}' kan niet in SQL."
        )


class VersleuteldTekstVeld(VersleuteldVeld, models.TextField):  # type: ignore[type-arg]
    """Text stored encrypted; readable only through the application.

    `max_length` limits the plain text (the ciphertext is longer, so the column is TEXT).
    With `choices`, every value is padded to the longest choice before encrypting, so the
    length of the ciphertext does not give away which choice it holds."""

    @cached_property
    def validators(self) -> list[Any]:
        extra = (
            [validators.MaxLengthValidator(self.max_length)] if self.max_length is not None else []
        )
        return [*super().validators, *extra]

    @cached_property
    def _keuzebreedte(self) -> int:
        return max((len(str(waarde).encode()) for waarde, _ in self.flatchoices), default=0)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        tekst = ontsleutel(value)
        return tekst.rstrip(" ") if self.choices else tekst

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        tekst = str(value)
        if self.choices:
            tekst += " " * (self._keuzebreedte - len(tekst.encode()))
        return versleutel(tekst)


class VersleuteldJaNeeVeld(VersleuteldVeld, models.BooleanField):  # type: ignore[type-arg]
    """A yes/no stored encrypted (e.g. a medical limit on working hours): in the column, yes and
    no look alike."""

    def get_internal_type(self) -> str:
        return "TextField"  # the column holds ciphertext; no boolean type or check constraint

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> bool | None:
        if value is None:
            return None
        return ontsleutel(value) == "1"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return versleutel("1" if value else "0")


class VersleuteldJSONVeld(VersleuteldVeld, models.JSONField):
    """JSON stored encrypted as a whole (e.g. a saved calculation with the household's details)."""

    def get_internal_type(self) -> str:
        return "TextField"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return json.loads(ontsleutel(value), cls=self.decoder)

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if not prepared:
            value = self.get_prep_value(value)
        if value is None:
            return None
        return versleutel(json.dumps(value, cls=self.encoder))


class VersleuteldBedragVeld(VersleuteldVeld, models.DecimalField):  # type: ignore[type-arg]
    """A decimal (an amount of money, a number of hours) stored encrypted: what someone earned is
    as personal as a payslip. Exact: the plain text is the Decimal's own string."""

    def get_internal_type(self) -> str:
        return "TextField"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return self.to_python(ontsleutel(value))

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        value = self.to_python(value)
        if value is None:
            return None
        return versleutel(str(value))

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        return self.get_db_prep_value(value, connection)

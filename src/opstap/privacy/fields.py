from typing import Any

from django.db import models

from .crypto import ontsleutel, versleutel


class VersleuteldTekstVeld(models.TextField):  # type: ignore[type-arg]
    """Text stored encrypted (Fernet); readable only through the application."""

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value in (None, ""):
            return value
        return ontsleutel(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return versleutel(str(value))

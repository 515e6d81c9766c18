"""System check: the database cannot order by an encrypted field (it would sort ciphertext, i.e.
at random), so a model's default ordering must not name one."""

from typing import Any

from django.apps import apps
from django.core import checks
from django.db import models

from .fields import VersleuteldVeld


@checks.register(checks.Tags.models)
def geen_volgorde_op_versleutelde_velden(
    app_configs: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    modellen = (
        (m for config in app_configs for m in config.get_models())
        if app_configs
        else apps.get_models()
    )
    return [fout for model in modellen for fout in volgorde_fouten(model)]


def volgorde_fouten(model: type[models.Model]) -> list[checks.CheckMessage]:
    versleuteld = {v.name for v in model._meta.concrete_fields if isinstance(v, VersleuteldVeld)}
    fouten: list[checks.CheckMessage] = []
    for volgorde in model._meta.ordering or []:
        naam = str(volgorde).lstrip("-?").split("__")[0]
        if naam in versleuteld:
            fouten.append(
                checks.Error(
                    f"{model._meta.label} sorteert op het versleutelde veld '{naam}': de database ziet "
                    "alleen versleutelde tekst. Sorteer in Python.",
                    obj=model,
                    id="opstap.E001",
                )
            )
    return fouten

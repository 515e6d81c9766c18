"""Every required field of every form says what to fill in, not Django's generic "Dit veld is vereist."."""

import importlib
import inspect
import pkgutil

import pytest

from django import forms
from django.utils import translation

import opstap


def _formulieren() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(opstap.__path__, "opstap."):
        if (
            ".migrations" in module.name
            or module.name.startswith("opstap.conf")
            or module.name.endswith(("wsgi", "celery"))
        ):
            continue
        importlib.import_module(module.name)
    gevonden: dict[str, type[forms.BaseForm]] = {}

    def verzamel(cls: type) -> None:
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("opstap.") and not inspect.isabstract(sub):
                gevonden[f"{sub.__module__}.{sub.__qualname__}"] = sub
            verzamel(sub)

    verzamel(forms.BaseForm)
    return [gevonden[n] for n in sorted(gevonden)]


FORMULIEREN = _formulieren()
ALGEMEEN = forms.Field.default_error_messages["required"]


def test_de_wandeling_vindt_de_formulieren() -> None:
    namen = {f.__name__ for f in FORMULIEREN}
    assert {"ReactieForm", "VerslagForm", "OverdrachtForm"} <= namen


@pytest.mark.parametrize("formulier", FORMULIEREN, ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_elk_verplicht_veld_zegt_wat_je_moet_invullen(formulier: type[forms.BaseForm]) -> None:
    try:
        velden = formulier().fields  # as the page builds it (some set messages in __init__)
    except TypeError:  # needs the page's context (a client, a municipality): the class's fields
        velden = formulier.base_fields
    with translation.override("nl"):
        algemeen = str(ALGEMEEN)
        fout = [
            naam
            for naam, veld in velden.items()
            if veld.required
            and not isinstance(veld.widget, forms.HiddenInput)
            and str(veld.error_messages["required"]) == algemeen
        ]
    assert not fout, (
        f"{formulier.__name__}: deze verplichte velden zeggen niet wat je moet invullen: {fout}"
    )


def test_hulptekst_en_fout_zijn_aan_het_veld_gekoppeld() -> None:
    """A screen reader reads a field's help text and error with the field: every id the widget
    names in aria-describedby exists in the rendered form."""
    import re

    from django import forms as dj_forms
    from django.template.loader import render_to_string

    class Proef(dj_forms.Form):
        uren = dj_forms.IntegerField(
            label="Uren", help_text="Per week", error_messages={"required": "Vul je uren in."}
        )

    form = Proef({})
    assert not form.is_valid()
    html = render_to_string("formulier_velden.html", {"form": form})
    genoemd = re.search(r'aria-describedby="([^"]+)"', html)
    assert genoemd is not None
    for naam in genoemd.group(1).split():
        assert f'id="{naam}"' in html, f"aria-describedby verwijst naar {naam}, dat er niet is"

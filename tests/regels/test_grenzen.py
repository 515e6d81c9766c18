"""The rules package never imports Django or the web app (checked on the source, not by lint alone)."""

from __future__ import annotations

import ast
from pathlib import Path

import regels

VERBODEN = ("django", "opstap", "rest_framework")


def test_regels_importeert_geen_django_of_webapp() -> None:
    fouten = []
    for pad in sorted(Path(regels.__file__).parent.rglob("*.py")):
        boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
        for knoop in ast.walk(boom):
            namen: list[str] = []
            if isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
                namen = [knoop.module]
            elif isinstance(knoop, ast.Call) and getattr(
                knoop.func, "id", getattr(knoop.func, "attr", "")
            ) in ("import_module", "__import__"):
                namen = [
                    a.value
                    for a in knoop.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
            for naam in namen:
                if naam.split(".")[0] in VERBODEN:
                    fouten.append(f"{pad}:{knoop.lineno} importeert {naam}")
    assert not fouten, "\n".join(fouten)

"""The layers read top-down (docs/architecture.md): models → access rules (accounts.toegang) →
selectors and services → tasks → views, API and URLs. Checked on the source with `ast`, so an import
hidden inside a function counts as much as one at the top of a module: a cycle cannot hide there.

The one place a function may import is `AppConfig.ready()` (registering the app's tasks, system
checks); those imports point down like any other and are part of the cycle check too."""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import opstap

BRON = Path(opstap.__file__).parent


@dataclass(frozen=True)
class Import:
    van: str
    naar: str
    regel: int
    in_functie: bool


def _modules() -> dict[str, Path]:
    uit = {}
    for pad in sorted(BRON.rglob("*.py")):
        if "migrations" in pad.parts:
            continue
        delen = ("opstap", *pad.relative_to(BRON).with_suffix("").parts)
        if delen[-1] == "__init__":
            delen = delen[:-1]
        uit[".".join(delen)] = pad
    return uit


MODULES = _modules()


def _absoluut(module: str, niveau: int, naam: str | None) -> str:
    if niveau == 0:
        return naam or ""
    delen = module.split(".")
    if MODULES[module].name != "__init__.py":
        delen = delen[:-1]
    delen = delen[: len(delen) - (niveau - 1)]
    return ".".join([*delen, *([naam] if naam else [])])


def _imports(module: str) -> Iterator[Import]:
    boom = ast.parse(MODULES[module].read_text())
    in_functie: set[int] = set()
    alleen_typen: set[int] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef):
            in_functie.update(id(k) for k in ast.walk(knoop))
        if isinstance(knoop, ast.If) and "TYPE_CHECKING" in ast.unparse(knoop.test):
            alleen_typen.update(id(k) for k in ast.walk(knoop))
    for knoop in ast.walk(boom):
        if id(knoop) in alleen_typen:
            continue
        doelen: list[str] = []
        if isinstance(knoop, ast.ImportFrom):
            basis = _absoluut(module, knoop.level, knoop.module)
            doelen = [
                f"{basis}.{a.name}" if f"{basis}.{a.name}" in MODULES else basis
                for a in knoop.names
            ]
        elif isinstance(knoop, ast.Import):
            doelen = [a.name for a in knoop.names]
        for doel in doelen:
            if doel in MODULES and doel != module:
                yield Import(module, doel, knoop.lineno, id(knoop) in in_functie)


IMPORTS = [i for m in MODULES for i in _imports(m)]


def _naam(module: str) -> str:
    return module.rsplit(".", 1)[-1]


def _app(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 2 else ""


def _ingang(module: str) -> bool:
    """Where a request comes in: views, API views, URL configuration."""
    return _naam(module).startswith(("views", "api", "urls")) or _naam(module) == "admin"


def _cycli(graaf: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    uit: list[list[str]] = []
    teller = 0
    for begin in graaf:
        if begin in index:
            continue
        werk = [(begin, iter(sorted(graaf.get(begin, ()))))]
        index[begin] = laag[begin] = teller
        teller += 1
        stapel.append(begin)
        op_stapel.add(begin)
        while werk:
            knoop, buren = werk[-1]
            verder = False
            for buur in buren:
                if buur not in index:
                    index[buur] = laag[buur] = teller
                    teller += 1
                    stapel.append(buur)
                    op_stapel.add(buur)
                    werk.append((buur, iter(sorted(graaf.get(buur, ())))))
                    verder = True
                    break
                if buur in op_stapel:
                    laag[knoop] = min(laag[knoop], index[buur])
            if verder:
                continue
            werk.pop()
            if werk:
                laag[werk[-1][0]] = min(laag[werk[-1][0]], laag[knoop])
            if laag[knoop] == index[knoop]:
                groep = []
                while True:
                    m = stapel.pop()
                    op_stapel.discard(m)
                    groep.append(m)
                    if m == knoop:
                        break
                if len(groep) > 1:
                    uit.append(sorted(groep))
    return uit


def test_de_controle_ziet_imports_in_functies() -> None:
    """The check itself: a cycle closed by an import inside a function is found."""
    nep = {"opstap.a.services": {"opstap.a.tasks"}, "opstap.a.tasks": {"opstap.a.services"}}
    assert _cycli(nep) == [["opstap.a.services", "opstap.a.tasks"]]
    assert any(
        i.in_functie for i in IMPORTS
    )  # AppConfig.ready: the parser does see function bodies


def test_geen_kringen_tussen_modules() -> None:
    graaf: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in IMPORTS:
        graaf[i.van].add(i.naar)
    assert _cycli(graaf) == []


def test_alleen_ready_importeert_binnen_een_functie() -> None:
    lokaal = [
        f"{i.van}:{i.regel} → {i.naar}" for i in IMPORTS if i.in_functie and _naam(i.van) != "apps"
    ]
    assert lokaal == []


def test_taken_worden_alleen_door_apps_geladen() -> None:
    """Services queue a task by name (opstap.taken); only AppConfig.ready imports a tasks module."""
    assert [
        f"{i.van} → {i.naar}"
        for i in IMPORTS
        if _naam(i.naar) == "tasks" and _naam(i.van) != "apps"
    ] == []


@pytest.mark.parametrize("laag", ["models", "toegang", "selectors", "services"])
def test_onderste_lagen_kijken_niet_omhoog(laag: str) -> None:
    hoger = {
        "models": ("toegang", "selectors", "services"),
        "toegang": ("selectors", "services"),
    }.get(laag, ())
    fout = [
        f"{i.van} → {i.naar}"
        for i in IMPORTS
        if _naam(i.van) == laag
        and (_naam(i.naar) in hoger or _naam(i.naar) == "tasks" or _ingang(i.naar))
    ]
    assert fout == []


def test_niets_onder_de_ingangen_importeert_een_ingang() -> None:
    fout = [
        f"{i.van} → {i.naar}"
        for i in IMPORTS
        if _ingang(i.naar) and not _ingang(i.van) and i.van != "opstap.urls"
    ]
    assert fout == []


def test_een_app_hangt_alleen_eigen_paginas_op() -> None:
    """Mounting pages of several apps under one path is the project's urls.py, not an app's."""
    fout = [
        f"{i.van} → {i.naar}"
        for i in IMPORTS
        if _naam(i.van).startswith("urls")
        and _app(i.van)
        and _ingang(i.naar)
        and _app(i.naar) != _app(i.van)
    ]
    assert fout == []


def test_een_gebruiker_van() -> None:
    definities = [
        m
        for m in MODULES
        if any(
            isinstance(k, ast.FunctionDef) and k.name == "gebruiker_van"
            for k in ast.walk(ast.parse(MODULES[m].read_text()))
        )
    ]
    assert definities == ["opstap.accounts.rollen"]


def test_taken_op_naam_zijn_geregistreerd() -> None:
    """The names services queue resolve in the web process (AppConfig.ready loaded the tasks)."""
    from opstap.beleid.services import DOORREKENEN
    from opstap.contact.meldingen import MELDING_VERSTUREN
    from opstap.taken import taak

    for naam in (DOORREKENEN, MELDING_VERSTUREN):
        assert taak(naam).name == naam

"""Every URL and API endpoint, walked with every role and with objects the caller must not see.

New endpoints are covered automatically: a view without a declared role set, or a URL
parameter this test does not know how to fill, fails the suite."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from opstap.accounts.models import Rol
from opstap.accounts.rollen import PUBLIEK
from tests.wereld import Wereld

# Views that only accept POST and do nothing harmful for anyone (leaving, language).
ALLEEN_POST_PUBLIEK = {"accounts:uitloggen", "set_language"}


@dataclass(frozen=True)
class Route:
    naam: str
    pad: str  # with <converter:kwarg> placeholders
    rollen: frozenset[str]

    @property
    def kwargs(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>", self.pad)

    @property
    def is_api(self) -> bool:
        return self.pad.startswith("api/")


def _rollen_van(callback: Any) -> frozenset[str] | None:
    for houder in (callback, getattr(callback, "view_class", None), getattr(callback, "cls", None)):
        rollen = getattr(houder, "rollen", None)
        if rollen is not None:
            return frozenset(rollen)
    return None


def _routes(patronen: list[Any], prefix: str = "", ns: str = "") -> Iterator[tuple[str, str, Any]]:
    for p in patronen:
        if isinstance(p, URLResolver):
            nieuwe_ns = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from _routes(p.url_patterns, prefix + str(p.pattern), nieuwe_ns)
        elif isinstance(p, URLPattern):
            yield f"{ns}{p.name}", prefix + str(p.pattern), p.callback


def alle_routes() -> list[Route]:
    routes = []
    for naam, pad, callback in _routes(get_resolver().url_patterns):
        if pad.startswith(("static/", "media/")):
            continue
        rollen = _rollen_van(callback)
        if rollen is None:
            pytest.fail(f"De view voor '{pad}' ({naam}) zegt niet welke rollen hem mogen gebruiken.")
        routes.append(Route(naam, pad, rollen))
    return routes


ROUTES = alle_routes()
AFGESCHERMD = [r for r in ROUTES if r.rollen != PUBLIEK]
ALLE_ROLLEN = list(Rol.values)

# How to fill each URL parameter: own object and forbidden objects for a role.
BEKENDE_PARAMETERS = {"klant_pk", "bericht_pk", "verslag_pk", "doorrekening_pk", "berekening_pk"}


def _url(route: Route, waarden: dict[str, Any]) -> str:
    pad = route.pad
    for kwarg in route.kwargs:
        pad = re.sub(rf"<(?:\w+:)?{kwarg}>", str(waarden[kwarg]), pad)
    return "/" + pad


def _controleer_titel(response: Any, route: Route) -> None:
    """A page title is plain text: a tag inside it means a template block went astray."""
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        assert re.search(r"<title>[^<]+</title>", response.content.decode()), f"kapotte <title> op {route.pad}"


def _login(client: Client, wereld: Wereld, rol: str) -> None:
    client.force_login(wereld.a.gebruikers[rol])


def test_elke_route_is_gedekt() -> None:
    onbekend = {k for r in ROUTES for k in r.kwargs} - BEKENDE_PARAMETERS
    assert not onbekend, f"Leer deze test hoe hij deze URL-parameters vult: {onbekend}"
    assert len(AFGESCHERMD) >= 10  # the walk itself works


@pytest.mark.django_db
@pytest.mark.parametrize("route", AFGESCHERMD, ids=lambda r: r.naam)
def test_anoniem_wordt_geweigerd(route: Route, wereld: Wereld) -> None:
    url = _url(route, wereld.objecten_van(wereld.a.klanten["eigen"]))
    response = Client().get(url)
    if route.is_api:
        assert response.status_code == 401
        assert response["Content-Type"].startswith("application/problem+json")
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/inloggen/")


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ALLE_ROLLEN)
@pytest.mark.parametrize("route", AFGESCHERMD, ids=lambda r: r.naam)
def test_rol_en_object(route: Route, rol: str, wereld: Wereld) -> None:
    client = Client()
    _login(client, wereld, rol)
    if rol not in route.rollen:
        eigen = wereld.eigen_klant(rol) or wereld.a.klanten["eigen"]
        response = client.get(_url(route, wereld.objecten_van(eigen)))
        assert response.status_code in (403, 404), f"{rol} mag {route.pad} niet zien"
        return
    if route.kwargs:
        eigen_objecten = wereld.eigen_objecten(rol)
        if eigen_objecten is not None:
            response = client.get(_url(route, eigen_objecten))
            assert response.status_code in (200, 405), f"{rol} moet {route.pad} met eigen object kunnen zien"
            _controleer_titel(response, route)
        for vreemd, vreemde_parameters in wereld.vreemde_objecten(rol):
            if not vreemde_parameters & set(route.kwargs):
                continue  # this set differs only in parameters the route does not use
            response = client.get(_url(route, vreemd))
            assert response.status_code in (403, 404), f"{rol} ziet een object dat niet van hem is via {route.pad}"
    else:
        response = client.get(_url(route, {}))
        assert response.status_code in (200, 405), f"{rol} moet {route.pad} kunnen gebruiken"
        _controleer_titel(response, route)


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.rollen == PUBLIEK], ids=lambda r: r.naam)
def test_publieke_routes_tonen_geen_persoonsgegevens(route: Route, wereld: Wereld) -> None:
    if route.naam in ALLEEN_POST_PUBLIEK:
        assert Client().get(_url(route, {})).status_code in (302, 405)
        return
    response = Client().get(_url(route, {}), follow=True)
    assert response.status_code == 200
    tekst = response.content.decode()
    for klant in wereld.a.klanten.values():
        assert klant.achternaam not in tekst

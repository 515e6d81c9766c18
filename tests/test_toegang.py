"""Every URL and API endpoint, walked with every role and with objects the caller must not see.

New endpoints are covered automatically: a view without a declared role set, or a URL
parameter this test does not know how to fill, fails the suite. Besides the status, the walk
reads what each page and API answer shows: nothing of a client the caller may not see
(accounts.toegang.zichtbare_klanten), by client id in JSON and by surname in any text."""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import PUBLIEK
from opstap.accounts.toegang import zichtbare_klanten
from opstap.klanten.models import Klant
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
            pytest.fail(
                f"De view voor '{pad}' ({naam}) zegt niet welke rollen hem mogen gebruiken."
            )
        routes.append(Route(naam, pad, rollen))
    return routes


ROUTES = alle_routes()
AFGESCHERMD = [r for r in ROUTES if r.rollen != PUBLIEK]
ALLE_ROLLEN = list(Rol.values)

# How to fill each URL parameter: own object and forbidden objects for a role.
BEKENDE_PARAMETERS = {
    "klant_pk",
    "bericht_pk",
    "verslag_pk",
    "doorrekening_pk",
    "berekening_pk",
    "verklaring_pk",
    "bestand_pk",
}
BEKENDE_PARAMETERS |= {"baan_pk"}  # part-time work (werken): a job of the client
BEKENDE_PARAMETERS |= {"stuk_pk", "activiteit_pk"}  # werkzoeken: a CV or letter, an activity
BEKENDE_PARAMETERS |= {"voorstel_pk", "toestemming_pk", "bijeenkomst_pk"}  # bemiddeling
BEKENDE_PARAMETERS |= {"vacature_pk"}  # the municipality's vacancy (wereld.Tenant.vacature)
BEKENDE_PARAMETERS |= {"bijdrage_pk", "bron_pk", "sessie_pk"}  # the learning network


def _url(route: Route, waarden: dict[str, Any]) -> str:
    pad = route.pad
    for kwarg in route.kwargs:
        pad = re.sub(rf"<(?:\w+:)?{kwarg}>", str(waarden[kwarg]), pad)
    return "/" + pad


def _controleer_titel(response: Any, route: Route) -> None:
    """A page title is plain text: a tag inside it means a template block went astray."""
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        assert re.search(r"<title>[^<]+</title>", response.content.decode()), (
            f"kapotte <title> op {route.pad}"
        )


def _login(client: Client, wereld: Wereld, rol: str) -> None:
    client.force_login(wereld.a.gebruikers[rol])


# --- what a response shows ----------------------------------------------------------------------


def _gaat_over_klanten(url: str) -> bool:
    """An API view whose objects are clients themselves (their `id` is a client id)."""
    view = resolve(url.split("?")[0]).func
    serializer = getattr(getattr(view, "cls", None), "serializer_class", None)
    return getattr(getattr(serializer, "Meta", None), "model", None) is Klant


def _klant_ids(data: Any, *, objecten_zijn_klanten: bool) -> set[int]:
    """Every client id in a JSON answer: each `klant` field at any depth, and the `id` of the
    listed objects when they are clients."""
    ids: set[int] = set()
    if isinstance(data, dict):
        for sleutel, waarde in data.items():
            if sleutel in ("klant", "klant_id") and isinstance(waarde, int):
                ids.add(waarde)
            else:
                ids |= _klant_ids(waarde, objecten_zijn_klanten=False)
        lijst = data.get("results")
        if objecten_zijn_klanten and isinstance(lijst, list):
            ids |= {o["id"] for o in lijst if isinstance(o, dict) and isinstance(o.get("id"), int)}
        elif objecten_zijn_klanten and isinstance(data.get("id"), int):
            ids.add(data["id"])
    elif isinstance(data, list):
        for item in data:
            ids |= _klant_ids(item, objecten_zijn_klanten=objecten_zijn_klanten)
            if objecten_zijn_klanten and isinstance(item, dict) and isinstance(item.get("id"), int):
                ids.add(item["id"])
    return ids


def lekken(response: Any, gebruiker: Gebruiker, url: str) -> list[str]:
    """What this answer shows of clients the caller may not see: ids in JSON, surnames in text.
    Empty when the answer holds only the caller's own clients."""
    if response.status_code != 200 or response.streaming:
        return []
    toegestaan = set(zichtbare_klanten(gebruiker).values_list("pk", flat=True))
    verboden = list(Klant.objects.exclude(pk__in=toegestaan).values_list("pk", "achternaam"))
    gevonden: list[str] = []
    soort = response.get("Content-Type", "")
    tekst = response.content.decode("utf-8", errors="replace")
    if "json" in soort:
        ids = _klant_ids(json.loads(tekst or "null"), objecten_zijn_klanten=_gaat_over_klanten(url))
        gevonden += [f"klant {pk} in JSON" for pk in sorted(ids - toegestaan)]
    if soort.startswith(("text/", "application/json", "application/problem+json")):
        gevonden += [
            f"achternaam {naam!r} (klant {pk})"
            for pk, naam in verboden
            if re.search(rf"\b{re.escape(naam)}\b", tekst)
        ]
    return gevonden


def _controleer_inhoud(response: Any, gebruiker: Gebruiker, url: str) -> None:
    gevonden = lekken(response, gebruiker, url)
    assert not gevonden, f"{gebruiker.rol} ziet via {url} klanten die niet van hem zijn: {gevonden}"


def _lijstvragen(wereld: Wereld, rol: str) -> list[str]:
    """Query strings a list is also asked with: narrowed to a client the caller may not see (an
    API's ?klant=), and searched and filtered so every client would match."""
    vreemd = wereld.vreemde_klanten(rol)[0]
    return ["", "?" + urlencode({"klant": vreemd.pk, "zoek": "a", "drempel": "schulden"})]


def loop_route(client: Client, route: Route, rol: str, wereld: Wereld) -> None:
    """One route for one logged-in role: the status it must answer, and nothing of other clients
    in what it shows."""
    gebruiker = wereld.a.gebruikers[rol]
    if rol not in route.rollen:
        eigen = wereld.eigen_klant(rol) or wereld.a.klanten["eigen"]
        response = client.get(_url(route, wereld.objecten_van(eigen)))
        assert response.status_code in (403, 404), f"{rol} mag {route.pad} niet zien"
        return
    if route.kwargs:
        eigen_objecten = wereld.eigen_objecten(rol)
        if eigen_objecten is not None:
            url = _url(route, eigen_objecten)
            response = client.get(url)
            assert response.status_code in (200, 405), (
                f"{rol} moet {route.pad} met eigen object kunnen zien"
            )
            _controleer_titel(response, route)
            _controleer_inhoud(response, gebruiker, url)
        for vreemd, vreemde_parameters in wereld.vreemde_objecten(rol):
            if not vreemde_parameters & set(route.kwargs):
                continue  # this set differs only in parameters the route does not use
            response = client.get(_url(route, vreemd))
            assert response.status_code in (403, 404), (
                f"{rol} ziet een object dat niet van hem is via {route.pad}"
            )
    else:
        for vraag in _lijstvragen(wereld, rol):
            url = _url(route, {}) + vraag
            response = client.get(url)
            if vraag:  # a narrowed list may refuse the foreign client; it must not show it
                assert response.status_code in (200, 400, 403, 404, 405), (
                    f"{rol}: {url} gaf {response.status_code}"
                )
            else:
                assert response.status_code in (200, 405), (
                    f"{rol} moet {route.pad} kunnen gebruiken"
                )
                _controleer_titel(response, route)
            _controleer_inhoud(response, gebruiker, url)


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
    loop_route(client, route, rol, wereld)


def _route(naam: str) -> Route:
    return next(r for r in ROUTES if r.naam == naam)


@pytest.mark.django_db
def test_de_wandeling_ziet_een_berichtenlijst_die_de_hele_gemeente_toont(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk must catch a list that leaks, not only a wrong status: here the message API made
    to list every message of the municipality (a status of 200 all the same)."""
    from opstap.contact import api

    client = Client()
    _login(client, wereld, Rol.CONTACTPERSOON)
    loop_route(client, _route("api:berichten"), Rol.CONTACTPERSOON, wereld)  # sound as it is

    monkeypatch.setattr(
        api, "klanten_in_beeld", lambda request: Klant.objects.filter(gemeente=wereld.a.gemeente)
    )
    response = client.get("/api/v1/berichten/")
    assert response.status_code == 200
    collega = wereld.a.klanten["collega"]
    assert f"klant {collega.pk} in JSON" in lekken(
        response, wereld.a.gebruikers[Rol.CONTACTPERSOON], "/api/v1/berichten/"
    )
    with pytest.raises(AssertionError, match="klanten die niet van hem zijn"):
        loop_route(client, _route("api:berichten"), Rol.CONTACTPERSOON, wereld)


@pytest.mark.django_db
def test_de_wandeling_ziet_een_klantenlijst_die_lekt(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same for HTML lists and for an API whose objects are clients: the caseload page and
    /api/v1/klanten/ made to return the whole municipality, and the other municipality too."""
    from opstap.api import views as api_views
    from opstap.klanten import selectors

    client = Client()
    _login(client, wereld, Rol.CONTACTPERSOON)
    monkeypatch.setattr(selectors, "zichtbare_klanten", lambda gebruiker: Klant.objects.all())
    with pytest.raises(AssertionError, match="Collegaklant"):
        loop_route(client, _route("werk:caseload"), Rol.CONTACTPERSOON, wereld)
    with pytest.raises(AssertionError, match="Buitendijk"):
        loop_route(client, _route("werk:caseload"), Rol.CONTACTPERSOON, wereld)

    _login(client, wereld, Rol.KLANT)
    monkeypatch.setattr(
        api_views,
        "zichtbare_klanten",
        lambda gebruiker: Klant.objects.filter(gemeente=wereld.a.gemeente),
    )
    response = client.get("/api/v1/klanten/")
    gevonden = lekken(response, wereld.a.gebruikers[Rol.KLANT], "/api/v1/klanten/")
    assert f"klant {wereld.a.klanten['caseload'].pk} in JSON" in gevonden
    with pytest.raises(AssertionError, match="klanten die niet van hem zijn"):
        loop_route(client, _route("api:klanten"), Rol.KLANT, wereld)


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

"""A client of the national PDOK Locatieserver: an address or postcode to coordinates.

`https://api.pdok.nl/bzk/locatieserver/search/v3_1/free?q=...` answers with Solr-style JSON:
`{"response": {"numFound": n, "docs": [{"type": "adres", "weergavenaam": "...",
"centroide_ll": "POINT(lon lat)", "postcode": "...", "woonplaatsnaam": "...", "score": ...}]}}`.
Only the best document of type adres, postcode or woonplaats is used. Standard library only
(urllib), a short timeout, and never an exception to the caller: when the service cannot be
reached or finds nothing, `zoek_locatie` returns a `Locatie` of None with a Dutch message, and the
address is saved without coordinates (matching then says the travel time is unknown).
"""

import json
import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

STANDAARD_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
TIMEOUT_SECONDEN = 3.0
SOORTEN = ("adres", "postcode", "woonplaats")
_PUNT = re.compile(r"POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)")

NIET_BEREIKBAAR = (
    "De adreszoeker van PDOK is nu niet bereikbaar. Het adres is bewaard; de reistijd rekenen we "
    "uit zodra de plek bekend is. Probeer het later nog eens."
)
NIET_GEVONDEN = (
    "We konden dit adres niet vinden. Kijk of de postcode en het huisnummer goed zijn. "
    "Het adres is wel bewaard."
)

# What fetches a URL and returns the body: urllib in production, a recorded answer in tests.
Ophalen = Callable[[str, float], bytes]


@dataclass(frozen=True)
class Plek:
    breedtegraad: float
    lengtegraad: float
    weergavenaam: str
    soort: str


@dataclass(frozen=True)
class Locatie:
    plek: Plek | None
    melding: str = ""  # a Dutch message when there is no place


def _urllib_ophalen(url: str, timeout: float) -> bytes:
    verzoek = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:  # noqa: S310  (https only)
        return antwoord.read(1_000_000)  # type: ignore[no-any-return]


def zoekvraag(adres: str, postcode: str = "", plaats: str = "") -> str:
    """The text PDOK searches for: street and number, postcode, place (what is known)."""
    delen = [" ".join(d.split()) for d in (adres, postcode.upper(), plaats) if d and d.strip()]
    return " ".join(delen)


def url_voor(q: str, basis: str = STANDAARD_URL) -> str:
    parameters = {
        "q": q,
        "fq": "type:(adres OR postcode OR woonplaats)",
        "fl": "type,weergavenaam,centroide_ll,score",
        "rows": "5",
    }
    return f"{basis}?{urllib.parse.urlencode(parameters)}"


def lees_antwoord(data: Any) -> Plek | None:
    """The best usable place in a Locatieserver answer (already parsed JSON), or None."""
    if not isinstance(data, dict):
        return None
    docs = (data.get("response") or {}).get("docs") or []
    for doc in docs:
        if not isinstance(doc, dict) or doc.get("type") not in SOORTEN:
            continue
        punt = _PUNT.search(str(doc.get("centroide_ll") or ""))
        if punt is None:
            continue
        lon, lat = float(punt.group(1)), float(punt.group(2))
        if not (50.0 <= lat <= 54.0 and 3.0 <= lon <= 7.5):  # not in the Netherlands: not used
            continue
        return Plek(lat, lon, str(doc.get("weergavenaam") or ""), str(doc["type"]))
    return None


def zoek_locatie(
    adres: str = "", postcode: str = "", plaats: str = "", *, ophalen: Ophalen | None = None
) -> Locatie:
    """Look up a Dutch address or postcode. Never raises: no place means a Dutch `melding`."""
    q = zoekvraag(adres, postcode, plaats)
    if not q:
        return Locatie(None, "Vul een adres of postcode in.")
    basis = str(getattr(settings, "OPSTAP_PDOK_URL", STANDAARD_URL) or "")
    if ophalen is None and not basis:
        return Locatie(None, NIET_BEREIKBAAR)  # switched off (tests, an offline installation)
    ophalen = ophalen or _urllib_ophalen
    try:
        ruw = ophalen(url_voor(q, basis or STANDAARD_URL), TIMEOUT_SECONDEN)
        data = json.loads(ruw.decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as fout:
        logger.warning("PDOK Locatieserver niet bruikbaar: %s", fout.__class__.__name__)
        return Locatie(None, NIET_BEREIKBAAR)
    plek = lees_antwoord(data)
    if plek is None:
        return Locatie(None, NIET_GEVONDEN)
    return Locatie(plek)

"""Installable web app: manifest and service worker (served locally; no CDN, CSP 'self' only)."""

import json
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control

from opstap.accounts.rollen import publiek

SW_BRON = Path(__file__).resolve().parent.parent / "web" / "static" / "opstap" / "js" / "sw.js"


@publiek
@cache_control(max_age=3600, public=True)
def manifest(request: HttpRequest) -> HttpResponse:
    data = {
        "name": "Opstap",
        "short_name": "Opstap",
        "description": "Je contactpersoon, berichten, afspraken en regels bij de bijstand.",
        "lang": "nl",
        "start_url": "/mijn/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#154273",
        "icons": [
            {"src": static("opstap/img/icoon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("opstap/img/icoon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("opstap/img/icoon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("opstap/img/icoon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )


@publiek
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """The worker must live at the root to control /mijn/; its code is a static file."""
    response = HttpResponse(
        SW_BRON.read_text(encoding="utf-8"), content_type="application/javascript"
    )
    response["Service-Worker-Allowed"] = "/"
    return response


def vapid_publieke_sleutel() -> str:
    return str(getattr(settings, "OPSTAP_VAPID_PUBLIC_KEY", ""))

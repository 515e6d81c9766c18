"""Refuse oversize requests before their body is read (413).

Django reads a form or upload in full before a view can say it is too large, and DRF's JSON
parser reads without any bound. This middleware compares the announced ``Content-Length`` with a
limit before anything touches the body: a 40 MB upload is answered at once, not after the server
has taken in 40 MB. A request without a length (chunked) gets an empty body under WSGI, so the
length is all there is to check.

Limits (bytes, in settings): ``OPSTAP_MAX_VERZOEK_BYTES`` for ordinary forms and JSON,
``OPSTAP_MAX_UPLOAD_BYTES`` for multipart bodies (an attachment), and a smaller or larger limit per
view with ``@max_verzoek("SETTING_NAME")`` (or ``max_verzoek = "SETTING_NAME"`` on a class).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

V = TypeVar("V")


def max_verzoek(instelling: str) -> Callable[[V], V]:
    """Give one view its own body limit: the name of a setting holding the number of bytes."""

    def decorator(view: V) -> V:
        view.max_verzoek = instelling  # type: ignore[attr-defined]
        return view

    return decorator


def _limiet_van_view(view_func: Any) -> str | None:
    for doel in (
        view_func,
        getattr(view_func, "view_class", None),
        getattr(view_func, "cls", None),
    ):
        naam = getattr(doel, "max_verzoek", None)
        if isinstance(naam, str):
            return naam
    return None


def _leesbaar(aantal: int) -> str:
    if aantal >= 1024 * 1024:
        return f"{aantal / (1024 * 1024):.0f} MB"
    return f"{max(aantal // 1024, 1)} kB"


def te_groot(request: HttpRequest, limiet: int) -> HttpResponse:
    """413 in the form the caller reads: problem+json for the API, JSON for the app's fetch calls,
    a page otherwise (WSGI leaves closing the connection to the server)."""
    melding = _(
        "Wat je stuurt is te groot. Het mag hooguit %(grens)s zijn. "
        "Kies een kleiner bestand, of stuur minder tegelijk."
    ) % {"grens": _leesbaar(limiet)}
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"type": "about:blank", "title": _("Te groot"), "status": 413, "detail": melding},
            status=413,
            content_type="application/problem+json",
        )
    elif "json" in request.headers.get("Content-Type", "") or "json" in request.headers.get(
        "Accept", ""
    ):
        response = JsonResponse({"fout": melding}, status=413)
    else:
        response = render(request, "fouten/413.html", {"melding": melding}, status=413)
    return response


class VerzoekOmvangMiddleware:
    """Must stand before CsrfViewMiddleware: its process_view reads request.POST (the whole body)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengte = 0
        if lengte <= 0:
            return None
        instelling = _limiet_van_view(view_func)
        if instelling is None:
            multipart = request.META.get("CONTENT_TYPE", "").startswith("multipart/")
            instelling = "OPSTAP_MAX_UPLOAD_BYTES" if multipart else "OPSTAP_MAX_VERZOEK_BYTES"
        limiet = int(getattr(settings, instelling))
        if lengte > limiet:
            return te_groot(request, limiet)
        return None

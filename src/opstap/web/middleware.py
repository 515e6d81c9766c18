from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers


class TaalMiddleware:
    """Dutch unless the person chose English with the language switch (a cookie).

    Django's own LocaleMiddleware would follow the browser's Accept-Language; a library
    computer or a phone set to English would then show a half-translated municipality."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        gekozen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        taal = gekozen if gekozen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(taal)
        request.LANGUAGE_CODE = taal
        try:
            response = self.get_response(request)
        finally:
            # The thread serves the next request or task (and test) too: do not leave English on.
            translation.deactivate()
        response.headers.setdefault("Content-Language", taal)
        return response


# Not personal and meant to be cached: the app manifest and the service worker script (the
# browser checks the worker itself). /static/ never gets here: WhiteNoise answers it earlier.
_CACHEBAAR = ("/manifest.webmanifest", "/sw.js", "/static/")


class PrivacyCacheMiddleware:
    """No copy of personal data in any cache, and the offline copy goes when the session ends.

    Every response to a logged-in user (pages, PDFs, attachments; even a public page carries the
    user's name in the header), every API answer (token calls authenticate inside the view, so
    the path decides) and every response that ends a session gets `Cache-Control: no-store,
    private`: no shared proxy, browser back/forward cache or disk cache keeps it.

    When a request brings a session cookie of a session that no longer holds a logged-in user
    (logged out, here or elsewhere; expired; deleted; the account deactivated), the response
    carries `Clear-Site-Data: "cache", "storage"`: the browser drops its HTTP cache, the service
    worker and the pages kept for offline reading (the service worker and pwa.js also do this
    themselves, for browsers that ignore the header)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        had_sessie = bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
        response = self.get_response(request)
        gebruiker = getattr(request, "user", None)
        ingelogd = bool(gebruiker is not None and gebruiker.is_authenticated)
        persoonlijk = request.path.startswith("/api/") or ingelogd or had_sessie
        if persoonlijk and not request.path.startswith(_CACHEBAAR):
            add_never_cache_headers(response)
        if had_sessie and not ingelogd and _sessie_was_ingelogd(request):
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response


def _sessie_was_ingelogd(request: HttpRequest) -> bool:
    """The cookie's session is gone or emptied (logout flushes it), or still names a user the
    authentication no longer accepts (deactivated). An anonymous session with other data is not
    a session that ended."""
    sessie = getattr(request, "session", None)
    if sessie is None:
        return False
    return bool(sessie.is_empty() or sessie.get(SESSION_KEY))

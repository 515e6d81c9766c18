"""Errors as application/problem+json (RFC 9457), in Dutch."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler

TITELS = {
    400: "De invoer klopt niet",
    401: "Log eerst in",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Deze methode kan hier niet",
    415: "Dit soort invoer wordt niet ondersteund",
    429: "Te veel verzoeken",
}


class ProblemJSONRenderer(JSONRenderer):
    media_type = "application/problem+json"


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("Dit bestaat niet, of je hebt er geen toegang toe.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(
            str(exc) or None
        )  # the rule's reason (accounts.toegang.eis)
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITELS.get(code, "Er ging iets mis"),
        "status": code,
    }
    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        body["detail"] = str(data["detail"])
    else:
        body["detail"] = "Controleer de velden hieronder."
        body["fouten"] = data
    if code == status.HTTP_401_UNAUTHORIZED:
        body["detail"] = "Log in of stuur een geldig token mee."
    if isinstance(exc, exceptions.Throttled):
        wacht = int(getattr(exc, "wait", None) or 1)
        body["detail"] = (
            f"Je hebt te veel verzoeken gestuurd. Probeer het over {wacht} seconden opnieuw."
        )
    response.data = body
    response.content_type = "application/problem+json"
    return response

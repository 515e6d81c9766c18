"""/api/v1/inkomstenverklaringen/{id}/verrekening/ and friends: the income desk settles a
declaration (D4), or asks for what is missing. The paths and fields are a public contract."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.toegang import eis, mag_verklaring_behandelen, zichtbare_verklaringen
from opstap.privacy.services import inzage_bij_verzoek

from . import verrekening as diensten
from .api import BEREKENING_NIET, ONDERDEEL, VERREKENING_ERBIJ
from .models import Inkomstenverklaring
from .serializers import (
    AanvullingVerzoekSerializer,
    InkomstenverklaringSerializer,
    VerrekenVerzoekSerializer,
)


def _verklaring(request: Request, verklaring_pk: int) -> Inkomstenverklaring:
    gebruiker: Gebruiker = request.user  # type: ignore[assignment]
    verklaring = get_object_or_404(
        zichtbare_verklaringen(gebruiker).select_related("klant", "baan"), pk=verklaring_pk
    )
    eis(
        mag_verklaring_behandelen(gebruiker, verklaring),
        "Alleen de inkomensconsulent verrekent een inkomstenverklaring.",
    )
    return verklaring


def _antwoord(request: Request, verklaring: Inkomstenverklaring, code: int) -> Response:
    verklaring = (
        Inkomstenverklaring.objects.select_related("baan", "klant", *VERREKENING_ERBIJ)
        .defer(*BEREKENING_NIET)
        .prefetch_related("bestanden")
        .get(pk=verklaring.pk)
    )
    return Response(InkomstenverklaringSerializer(verklaring).data, status=code)


def _fouten(fout: DjangoValidationError) -> dict[str, Any]:
    if hasattr(fout, "error_dict"):
        return fout.message_dict
    return {"detail": " ".join(fout.messages)}


class _BijVerklaring(APIView):
    """The declaration is looked up before the method is: someone else's declaration is a 404
    whatever the method, never a 405 that would tell it exists."""

    rollen = frozenset({Rol.INKOMENSCONSULENT})

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.verklaring = _verklaring(request, kwargs["verklaring_pk"])


class VerrekeningView(_BijVerklaring):
    @extend_schema(
        summary="Inkomstenverklaring verrekenen",
        description="Only the income administrator. Empty body: settle as declared. Optional "
        "corrected `netto_loon`, `bruto_loon`, `uren` with a `reden` (required when a figure "
        "differs from the declaration; the client reads it). The rules engine computes the "
        "client's whole month (net wage of all jobs that month together, docs/verrekening.md); "
        "the settlement is stored with its explanation and rule version and the status becomes "
        "`verrekend`. 201 with the declaration, `verrekening` included (`bijstandsnorm`, "
        "`inkomensvrijlating`, `bijstand`, `zelf_verdiend` equal to `opstap bereken` for that "
        "household and net income). A month settled before is corrected: `corrigeert`, "
        "`verschil`, `verrekenen_in`. A month whose amounts the rules engine does not know yet "
        "(after its last known date) is settled provisionally with the last known amounts: "
        "`voorlopig` true, `rekendatum` the day computed with. Already settled: 400.",
        request=VerrekenVerzoekSerializer,
        responses={201: InkomstenverklaringSerializer},
    )
    def post(self, request: Request, verklaring_pk: int) -> Response:
        verklaring = self.verklaring
        verzoek = VerrekenVerzoekSerializer(data=request.data)
        verzoek.is_valid(raise_exception=True)
        d = verzoek.validated_data
        try:
            diensten.verrekenen(
                verklaring,
                door=request.user,  # type: ignore[arg-type]
                netto_loon=d.get("netto_loon"),
                bruto_loon=d.get("bruto_loon"),
                uren=d.get("uren"),
                reden=d.get("reden", ""),
            )
        except DjangoValidationError as fout:
            raise ValidationError(_fouten(fout)) from fout
        inzage_bij_verzoek(
            request, verklaring.klant, ONDERDEEL, "Je inkomstenverklaring werd verrekend via de API"
        )
        return _antwoord(request, verklaring, status.HTTP_201_CREATED)


class AanvullingView(_BijVerklaring):
    @extend_schema(
        summary="Aanvulling vragen",
        description="Only the income administrator: status `aanvulling_nodig` with `ontbreekt`, "
        "exactly what is missing, in words the client reads ('we missen nog iets').",
        request=AanvullingVerzoekSerializer,
        responses={200: InkomstenverklaringSerializer},
    )
    def post(self, request: Request, verklaring_pk: int) -> Response:
        verklaring = self.verklaring
        verzoek = AanvullingVerzoekSerializer(data=request.data)
        verzoek.is_valid(raise_exception=True)
        try:
            diensten.aanvulling_vragen(
                verklaring,
                door=request.user,  # type: ignore[arg-type]
                ontbreekt=verzoek.validated_data["ontbreekt"],
            )
        except DjangoValidationError as fout:
            raise ValidationError(_fouten(fout)) from fout
        return _antwoord(request, verklaring, status.HTTP_200_OK)


class InBehandelingView(_BijVerklaring):
    @extend_schema(
        summary="In behandeling nemen",
        description="Only the income administrator: status `in_behandeling` (from `ontvangen` or "
        "`aanvulling_nodig`). A settled declaration stays `verrekend`.",
        request=None,
        responses={200: InkomstenverklaringSerializer},
    )
    def post(self, request: Request, verklaring_pk: int) -> Response:
        verklaring = self.verklaring
        diensten.in_behandeling_nemen(verklaring, door=request.user)  # type: ignore[arg-type]
        return _antwoord(request, verklaring, status.HTTP_200_OK)

"""GET /api/v1/vacatures/, /api/v1/klanten/{id}/passende-vacatures/ and
/api/v1/ik/passende-vacatures/. The paths and field names are a public contract."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.toegang import begeleide_klanten, eigen_klant, zichtbare_vacatures
from opstap.klanten.models import Klant
from opstap.privacy.services import inzage_bij_verzoek
from opstap.werkgevers.models import Vacature

from .selectors import passende_vacatures
from .serializers import MatchSerializer, VacatureSerializer


@extend_schema(
    summary="Vacatures",
    description="Open vacancies of the caller's municipality (clients and staff); an employer "
    "gets its own, the municipal temp agency every vacancy in the city. No client data.",
)
class VacaturesLijst(generics.ListAPIView[Vacature]):
    rollen = frozenset({Rol.KLANT, Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT, Rol.WERKGEVER})
    serializer_class = VacatureSerializer

    def get_queryset(self) -> QuerySet[Vacature]:
        gebruiker: Gebruiker = self.request.user  # type: ignore[assignment]
        return (
            zichtbare_vacatures(gebruiker)
            .select_related("werkgever")
            .order_by("-geplaatst_op", "id")
        )


def _matches(request: Request, klant: Klant, doel: str) -> Response:
    matches = passende_vacatures(klant)
    inzage_bij_verzoek(request, klant, "werkwensen (API)", doel)
    return Response(MatchSerializer(matches, many=True).data)


class KlantPassendeVacatures(APIView):
    """The ten best matched vacancies of one client, best first, each with `id` (the vacancy) and
    `redenen`. For the client's contact person (404 for a client not theirs)."""

    rollen = frozenset({Rol.CONTACTPERSOON})

    @extend_schema(
        summary="Passende vacatures van een klant", responses={200: MatchSerializer(many=True)}
    )
    def get(self, request: Request, klant_pk: int) -> Response:
        klant = get_object_or_404(begeleide_klanten(request.user), pk=klant_pk)  # type: ignore[arg-type]
        return _matches(request, klant, "Begeleiding: passende vacatures opgevraagd via de API")


class MijnPassendeVacatures(APIView):
    """The client's own ten best matched vacancies, each with `id` and `redenen`."""

    rollen = frozenset({Rol.KLANT})

    @extend_schema(summary="Mijn passende vacatures", responses={200: MatchSerializer(many=True)})
    def get(self, request: Request) -> Response:
        klant = eigen_klant(request.user)  # type: ignore[arg-type]
        if klant is None:
            return Response({"detail": "Er is geen dossier aan dit account gekoppeld."}, status=404)
        return _matches(request, klant, "Je vroeg via de API welke vacatures bij je passen")

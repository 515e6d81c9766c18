"""/api/v1/toestemmingen/ (the client's consent) and /api/v1/kandidaten/ (the employer's candidates).
The paths, fields and shapes are a public contract."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van
from opstap.accounts.toegang import eigen_klant
from opstap.contact.services import InvoerFout
from opstap.privacy.lijsten import GelogdeLijst
from opstap.privacy.services import inzage_bij_verzoek, inzages_bij_lijst
from opstap.werkgevers.models import Toestemming

from . import selectors, services
from .serializers import KandidaatSerializer, ToestemmingSerializer
from .views_werkgever import leesdoel

MAX_KANDIDATEN = 1000


def _eigen_toestemmingen(request: Request) -> QuerySet[Toestemming]:
    """Only the caller's own consents in force: someone else's is a 404, as if it did not exist."""
    klant = eigen_klant(gebruiker_van(request))
    if klant is None:
        return Toestemming.objects.none()
    return selectors.toestemmingen_van(klant)


@extend_schema_view(
    get=extend_schema(
        summary="Mijn toestemmingen",
        description="The client's consents in force: employer, vacancy (or null), `gegevens` (what is "
        "shared), since when, and `zichtbaar`: the values exactly as that employer sees them.",
    ),
    post=extend_schema(
        summary="Toestemming geven",
        description="JSON: `werkgever` (id), optional `vacature` (id, of that employer), `gegevens`: a "
        "list of `naam`, `contact`, `cv`, `beschikbaarheid`, `kwaliteiten`. 201 with the consent. An "
        "earlier consent for the same employer and vacancy is replaced. Bad input: 400 problem+json "
        "with a Dutch message per field.",
    ),
)
class ToestemmingenView(GelogdeLijst, generics.ListCreateAPIView[Toestemming]):
    rollen = frozenset({Rol.KLANT})
    serializer_class = ToestemmingSerializer
    pagination_class = None
    log_onderdeel = "werkgevers en toestemming (API)"
    log_doel = "Je toestemmingen werden opgevraagd via de API"

    def get_queryset(self) -> QuerySet[Toestemming]:
        return _eigen_toestemmingen(self.request)

    def perform_create(self, serializer: BaseSerializer[Toestemming]) -> None:
        klant = eigen_klant(gebruiker_van(self.request))
        if klant is None:
            raise ValidationError({"klant": "Alleen een klant geeft toestemming."})
        data = serializer.validated_data
        try:
            serializer.instance = services.toestemming_geven(
                door=gebruiker_van(self.request),
                klant=klant,
                werkgever=data["werkgever"],
                vacature=data.get("vacature"),
                gegevens=list(data["gegevens"]),
            )
        except InvoerFout as fout:
            raise ValidationError({fout.veld or "gegevens": str(fout)}) from fout


@extend_schema_view(
    get=extend_schema(summary="Eén toestemming"),
    delete=extend_schema(
        summary="Toestemming intrekken",
        description="Withdrawn at once: 204, and from this moment the employer sees nothing of it. "
        "A consent that is not yours, or already withdrawn, is a 404.",
    ),
)
class ToestemmingView(generics.RetrieveDestroyAPIView[Toestemming]):
    rollen = frozenset({Rol.KLANT})
    serializer_class = ToestemmingSerializer
    lookup_url_kwarg = "toestemming_pk"

    def get_queryset(self) -> QuerySet[Toestemming]:
        return _eigen_toestemmingen(self.request)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        toestemming = self.get_object()
        inzage_bij_verzoek(
            request,
            toestemming.klant,
            "werkgevers en toestemming (API)",
            "Je bekeek een toestemming",
        )
        return Response(self.get_serializer(toestemming).data)

    def perform_destroy(self, instance: Toestemming) -> None:
        services.toestemming_intrekken(door=gebruiker_van(self.request), toestemming=instance)


class KandidatenView(APIView):
    """The employer's candidates: one per consent in force, with an opaque `id` and only the
    shared values, keyed by what was shared. Never BSN, health, barriers or benefit history, and not
    the client's number. Every read is in each candidate's access log ("werkgever X keek")."""

    rollen = frozenset({Rol.WERKGEVER})

    @extend_schema(
        summary="Kandidaten met toestemming", responses={200: KandidaatSerializer(many=True)}
    )
    def get(self, request: Request) -> Response:
        gebruiker = gebruiker_van(request)
        kandidaten = selectors.kandidaten_voor(gebruiker, maximum=MAX_KANDIDATEN)
        inzages_bij_lijst(
            request,
            [k.toestemming.klant for k in kandidaten],
            "werkgevers en toestemming (API)",
            leesdoel(gebruiker),
        )
        return Response([{"id": k.id, **k.waarden} for k in kandidaten])

"""GET/POST /api/v1/banen/: the client's reported jobs (D1). The path and fields are a public contract."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.serializers import BaseSerializer

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.toegang import (
    eigen_klant,
    eis,
    mag_baan_aanmelden,
    zichtbare_banen,
    zichtbare_klanten,
)
from opstap.privacy.lijsten import GelogdeLijst
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek

from .models import Baan
from .serializers import BaanSerializer
from .services import baan_aanmelden


@extend_schema_view(
    get=extend_schema(
        summary="Banen van de klant",
        description="A client gets their own jobs; a contact person those of their caseload, or of one "
        "client with `?klant=<id>` (404 for a client not theirs).",
        parameters=[
            OpenApiParameter(
                "klant",
                OpenApiTypes.INT,
                description="The client (contact person only; a client always gets their own).",
            )
        ],
    ),
    post=extend_schema(
        summary="Een baan melden",
        description="Only the client reports a job. 201 with the job's `id` and its fields; "
        "bad input gives 400 problem+json with a Dutch message per field.",
    ),
)
class BanenView(GelogdeLijst, generics.ListCreateAPIView[Baan]):
    rollen = frozenset({Rol.KLANT, Rol.CONTACTPERSOON})
    serializer_class = BaanSerializer
    pagination_class = None
    log_onderdeel = "werk (API)"
    log_doel = "Je banen werden opgevraagd via de API"

    def _gebruiker(self) -> Gebruiker:
        return self.request.user  # type: ignore[return-value]

    def get_queryset(self) -> QuerySet[Baan]:
        gebruiker = self._gebruiker()
        banen = zichtbare_banen(gebruiker).select_related("klant")
        if gebruiker.rol == Rol.KLANT:
            return banen
        klant = self.request.query_params.get("klant")
        if klant is None:
            return banen  # the contact person's caseload
        if not klant.isdigit():
            raise ValidationError({"klant": "Geef het nummer van de klant mee: ?klant=<id>."})
        # Someone else's client is a 404, as if the client did not exist.
        get_object_or_404(zichtbare_klanten(gebruiker), pk=int(klant))
        return banen.filter(klant_id=int(klant))

    def perform_create(self, serializer: BaseSerializer[Baan]) -> None:
        gebruiker = self._gebruiker()
        klant = eigen_klant(gebruiker)
        eis(
            klant is not None and mag_baan_aanmelden(gebruiker, klant),
            "Alleen de klant meldt een baan.",
        )
        assert klant is not None
        gegevens = dict(serializer.validated_data)
        try:
            serializer.instance = baan_aanmelden(klant=klant, gegevens=gegevens, door=gebruiker)
        except DjangoValidationError as fout:
            raise ValidationError(fout.message_dict) from fout
        inzage_bij_verzoek(
            self.request, klant, "werk (API)", "Je meldde een baan via de API", actie=Actie.AANMAKEN
        )

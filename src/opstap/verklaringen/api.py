"""/api/v1/inkomstenverklaringen/: the monthly income declaration (D3). Paths and fields are a
public contract. The receipt is in the 201 answer, which is sent only after the commit."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.toegang import (
    eigen_baan,
    eigen_klant,
    eis,
    mag_verklaring_indienen,
    zichtbare_verklaringen,
)
from opstap.privacy.lijsten import GelogdeLijst
from opstap.privacy.services import inzage_bij_verzoek

from .bestanden import BijlageFout, voorbereiden
from .models import Inkomstenverklaring
from .serializers import InkomstenverklaringSerializer, VerklaringInvoerSerializer
from .services import Opgave, maand_uit_tekst, verklaring_indienen

ONDERDEEL = "inkomstenverklaringen (API)"
# The settlement (D4) comes with each declaration in one query.
VERREKENING_ERBIJ = (
    "verrekening",
    "verrekening__berekening",  # its peildatum: `rekendatum` and `voorlopig`
    "verrekening__corrigeert__verklaring",
    "verrekening__verrekend_door",
)
# The calculation's encrypted input, result and explanation are not needed for the answer.
BEREKENING_NIET = tuple(
    f"verrekening__berekening__{veld}" for veld in ("invoer", "uitkomst", "uitleg")
)


@extend_schema_view(
    get=extend_schema(
        summary="Inkomstenverklaringen",
        description="A client gets their own declarations, newest month first, each with its "
        "`status` (ontvangen → in_behandeling → verrekend, or aanvulling_nodig with `ontbreekt`); "
        "the income administrator those of every client of the municipality.",
    ),
    post=extend_schema(
        summary="Inkomsten doorgeven",
        description="Only the client declares. Multipart with `maand` (YYYY-MM), `baan` (the job's id "
        "from /api/v1/banen/), `uren`, `netto_loon`, optional `bruto_loon`, `schatting` (true when the "
        "figures include an estimate for the last days) and `loonstrook` (PDF, JPG or PNG). 201 with "
        "`ontvangstbewijs` {kenmerk, ontvangen_op, bestanden: [{naam, sha256}]}, sent only after the "
        "declaration and its file are durably stored. Bad input: 400 problem+json, Dutch per field.",
        request=VerklaringInvoerSerializer,
        responses={201: InkomstenverklaringSerializer},
    ),
)
class VerklaringenView(GelogdeLijst, generics.ListCreateAPIView[Inkomstenverklaring]):
    rollen = frozenset({Rol.KLANT, Rol.INKOMENSCONSULENT})
    serializer_class = InkomstenverklaringSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    log_onderdeel = ONDERDEEL
    log_doel = "Je inkomstenverklaringen werden opgevraagd via de API"

    def get_queryset(self) -> QuerySet[Inkomstenverklaring]:
        gebruiker: Gebruiker = self.request.user  # type: ignore[assignment]
        return (
            zichtbare_verklaringen(gebruiker)
            .select_related("baan", "klant", *VERREKENING_ERBIJ)
            .defer(*BEREKENING_NIET)
            .prefetch_related("bestanden")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        invoer = VerklaringInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        verklaring = self._indienen(dict(invoer.validated_data))
        uit = InkomstenverklaringSerializer(verklaring, context=self.get_serializer_context())
        return Response(uit.data, status=status.HTTP_201_CREATED)

    def _indienen(self, gegevens: dict[str, Any]) -> Inkomstenverklaring:
        gebruiker: Gebruiker = self.request.user  # type: ignore[assignment]
        baan = eigen_baan(gebruiker, gegevens["baan_id"])
        if baan is None:
            eis(
                eigen_klant(gebruiker) is not None,
                "Alleen de klant geeft zijn of haar inkomsten door.",
            )
            raise ValidationError(
                {"baan": "Deze baan vinden we niet bij jou. Kies een van je banen."}
            )
        klant = baan.klant
        eis(
            mag_verklaring_indienen(gebruiker, klant),
            "Alleen de klant geeft zijn of haar inkomsten door.",
        )
        bestanden = []
        upload = gegevens.get("loonstrook")
        if upload is not None:
            try:
                bestanden.append(voorbereiden(upload, upload.name))
            except BijlageFout as fout:
                raise ValidationError({"loonstrook": str(fout)}) from fout
        try:
            opgave = Opgave(
                baan=baan,
                maand=maand_uit_tekst(gegevens["maand"]),
                uren=Decimal(gegevens["uren"]),
                netto_loon=Decimal(gegevens["netto_loon"]),
                bruto_loon=gegevens.get("bruto_loon"),
                schatting=bool(gegevens.get("schatting")),
            )
            return verklaring_indienen(
                klant=klant, door=gebruiker, opgave=opgave, bestanden=bestanden
            )
        except DjangoValidationError as fout:
            raise ValidationError(fout.message_dict) from fout


@extend_schema(
    summary="Een inkomstenverklaring",
    description="One declaration with its status and receipt; once settled also `verrekening`.",
)
class VerklaringView(generics.RetrieveAPIView[Inkomstenverklaring]):
    rollen = frozenset({Rol.KLANT, Rol.INKOMENSCONSULENT})
    serializer_class = InkomstenverklaringSerializer

    def get_object(self) -> Inkomstenverklaring:
        gebruiker: Gebruiker = self.request.user  # type: ignore[assignment]
        verklaring = get_object_or_404(
            zichtbare_verklaringen(gebruiker)
            .select_related("baan", "klant", *VERREKENING_ERBIJ)
            .defer(*BEREKENING_NIET),
            pk=self.kwargs["verklaring_pk"],
        )
        inzage_bij_verzoek(
            self.request,
            verklaring.klant,
            ONDERDEEL,
            "Je inkomstenverklaring werd bekeken via de API",
        )
        return verklaring

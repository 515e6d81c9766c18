from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opstap.accounts.models import Rol
from opstap.accounts.rollen import ALLE_ROLLEN
from opstap.accounts.toegang import eigen_klant, zichtbare_klanten
from opstap.klanten.models import Klant
from opstap.privacy.lijsten import GelogdeLijst
from opstap.privacy.models import Inzage
from opstap.privacy.selectors import inzages_voor_klant
from opstap.privacy.services import inzage_bij_verzoek

from .serializers import BerekeningInvoerSerializer, InzageSerializer, KlantSerializer


class IkView(APIView):
    """Who am I: role and municipality of the logged-in user."""

    rollen = ALLE_ROLLEN

    @extend_schema(responses={200: dict})
    def get(self, request: Request) -> Response:
        gebruiker = request.user
        return Response(
            {
                "gebruikersnaam": gebruiker.username,
                "rol": gebruiker.rol,  # type: ignore[union-attr]
                "gemeente": gebruiker.gemeente.slug if gebruiker.gemeente else None,  # type: ignore[union-attr]
            }
        )


class KlantenLijst(GelogdeLijst, generics.ListAPIView[Klant]):
    """Clients the caller may see: a client only themselves, a contact person their caseload."""

    rollen = frozenset({Rol.KLANT, Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT})
    serializer_class = KlantSerializer
    log_onderdeel = "gegevens (API)"
    log_doel = "Je gegevens stonden in een lijst van klanten, opgevraagd via de API"

    def get_queryset(self) -> QuerySet[Klant]:
        return (
            zichtbare_klanten(self.request.user)  # type: ignore[arg-type]
            .prefetch_related("kinderen")
            .select_related("contactpersoon")
        )


class KlantDetail(generics.RetrieveAPIView[Klant]):
    rollen = frozenset({Rol.KLANT, Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT})
    serializer_class = KlantSerializer
    lookup_url_kwarg = "klant_pk"

    def get_queryset(self) -> QuerySet[Klant]:
        return zichtbare_klanten(self.request.user)  # type: ignore[arg-type]

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        klant = self.get_object()
        inzage_bij_verzoek(request, klant, "gegevens (API)", "Gegevens opgevraagd via de API")
        return Response(self.get_serializer(klant).data)


class MijnInzages(generics.ListAPIView[Inzage]):
    """The client's own access log: who looked at my file."""

    rollen = frozenset({Rol.KLANT})
    serializer_class = InzageSerializer

    def get_queryset(self) -> QuerySet[Inzage]:
        klant = eigen_klant(self.request.user)  # type: ignore[arg-type]
        if klant is None:
            return Inzage.objects.none()
        return inzages_voor_klant(klant)


class Berekeningen(APIView):
    """What a household keeps at each number of hours: bijstand, vrijlating, net wage, toeslagen and
        local provisions, each amount from the rules engine with its legal source. Add `?uitleg=1` for the
        full trace. `varianten` (a list of `{"naam", "regel", "parameters"}`) computes the same household under
    another rule or other parameter values, side by side with the difference per level (B4).
    Input outside what is modelled gives 400 with a Dutch message naming the field. Bounded: at most
    10 variants, 401 levels (101 with the explanation), levels x (variants + 1) at most 1000, and a
    body of at most 64 kB (413 above that, before the body is read)."""

    # Clients and the staff who advise on income or weigh policy variants; not employers or the
    # application administrator, who have no household to compute.
    rollen = frozenset(
        {Rol.KLANT, Rol.CONTACTPERSOON, Rol.INKOMENSCONSULENT, Rol.BELEIDSMEDEWERKER}
    )
    max_verzoek = "OPSTAP_MAX_BEREKENING_BYTES"
    throttle_scope = "berekening"  # its own rate budget, see opstap.api.throttling

    @extend_schema(request=BerekeningInvoerSerializer, responses={200: dict})
    def post(self, request: Request) -> Response:
        import regels

        if not isinstance(request.data, dict):
            raise ValidationError({"invoer": "Stuur een JSON-object met het huishouden."})
        uitleg = request.query_params.get("uitleg") in ("1", "ja", "true")
        invoer = dict(request.data)
        varianten = invoer.pop("varianten", None)
        try:
            return Response(regels.bereken(invoer, uitleg=uitleg, varianten=varianten))
        except regels.InvoerFout as fout:
            raise ValidationError({fout.veld or "invoer": str(fout)}) from fout


@extend_schema(exclude=True)  # the same endpoint; the schema documents it once, without the slash
class BerekeningenMetSlash(Berekeningen):
    pass

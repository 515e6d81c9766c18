"""API for messages and conversation summaries: the same role rules and services as the pages.

- `GET /api/v1/berichten/`: a client gets their own conversation; a contact person gets the
  conversations of the clients they may see, narrowed with `?klant=<id>`.
- `POST /api/v1/berichten/`: `{"tekst": "..."}` (a client) or `{"klant": <id>, "tekst": "..."}`
  (a contact person); multipart with `bijlage` for an attachment.
- `GET /api/v1/gespreksverslagen/`: published summaries (client) or all of the caseload
  (contact person, `?klant=<id>`); `POST` by a contact person writes one, `publiceren: true`
  publishes it (the B1 check may hold it back unless `b1_genegeerd: true`).
"""

import contextlib
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from opstap.accounts import toegang
from opstap.accounts.models import Gebruiker, Rol
from opstap.accounts.rollen import gebruiker_van
from opstap.accounts.toegang import begeleide_klanten, eigen_klant, leesbare_verslagen
from opstap.klanten.models import Klant
from opstap.privacy.lijsten import GelogdeLijst
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek

from . import services
from .models import Bericht, GesprekSoort, Gespreksverslag

ROLLEN = frozenset({Rol.KLANT, Rol.CONTACTPERSOON})
KLANT_FILTER = OpenApiParameter(
    "klant", int, required=False, description="Alleen deze klant (voor een contactpersoon)."
)


class BerichtSerializer(serializers.ModelSerializer[Bericht]):
    klant = serializers.IntegerField(
        source="klant_id",
        required=False,
        help_text="Verplicht voor een contactpersoon; een klant laat het weg.",
    )
    tekst = serializers.CharField(
        max_length=services.MAX_TEKST, allow_blank=True, required=False, trim_whitespace=True
    )
    afzender = serializers.CharField(source="afzender.weergavenaam", read_only=True)
    bijlage = serializers.FileField(
        write_only=True, required=False, help_text="PDF, JPG of PNG, hooguit 5 MB."
    )
    heeft_bijlage = serializers.SerializerMethodField()
    verslag = serializers.IntegerField(
        source="verslag_id",
        required=False,
        allow_null=True,
        help_text="Een vraag over dit gespreksverslag.",
    )

    class Meta:
        model = Bericht
        fields = [
            "id",
            "klant",
            "tekst",
            "van_klant",
            "afzender",
            "verstuurd_op",
            "gelezen_op",
            "bijlage",
            "heeft_bijlage",
            "bijlage_naam",
            "verslag",
        ]
        read_only_fields = [
            "id",
            "van_klant",
            "afzender",
            "verstuurd_op",
            "gelezen_op",
            "bijlage_naam",
        ]

    def get_heeft_bijlage(self, bericht: Bericht) -> bool:
        return bool(bericht.bijlage)


class GespreksverslagSerializer(serializers.ModelSerializer[Gespreksverslag]):
    klant = serializers.IntegerField(source="klant_id")
    auteur = serializers.CharField(source="auteur.weergavenaam", read_only=True)
    afspraken_lijst = serializers.ListField(child=serializers.CharField(), read_only=True)
    stappen_lijst = serializers.ListField(child=serializers.CharField(), read_only=True)
    soort = serializers.ChoiceField(choices=GesprekSoort.choices, default=GesprekSoort.TELEFOON)
    publiceren = serializers.BooleanField(write_only=True, default=False)
    b1_genegeerd = serializers.BooleanField(write_only=True, default=False)

    class Meta:
        model = Gespreksverslag
        fields = [
            "id",
            "klant",
            "auteur",
            "gesprek_op",
            "soort",
            "samenvatting",
            "afspraken",
            "volgende_stappen",
            "afspraken_lijst",
            "stappen_lijst",
            "gepubliceerd_op",
            "gelezen_op",
            "publiceren",
            "b1_genegeerd",
        ]
        read_only_fields = ["id", "auteur", "gepubliceerd_op", "gelezen_op"]


def klanten_in_beeld(request: Request) -> QuerySet[Klant]:
    """Clients in scope: their own for a client; the caseload, narrowed by ?klant=, for a contact person.
    Only clients whose coaching file the caller may see (accounts.toegang.begeleide_klanten)."""
    gebruiker = gebruiker_van(request)
    klanten = begeleide_klanten(gebruiker)
    gevraagd = request.query_params.get("klant")
    if gevraagd and gebruiker.rol != Rol.KLANT:
        if not gevraagd.isdigit():
            raise ValidationError({"klant": "Geef het nummer van de klant."})
        klanten = klanten.filter(pk=int(gevraagd))
    return klanten


Schrijfregel = Callable[[Gebruiker, Klant], bool]


def klant_voor_schrijven(request: Request, regel: Schrijfregel, reden: str) -> Klant:
    """The client a write is for, checked before the input: a client writes in their own file; staff
    name the client (`klant`). A client out of sight is a 404; a write the rule (accounts.toegang)
    refuses is a 403 with the reason."""
    gebruiker = gebruiker_van(request)
    if gebruiker.rol == Rol.KLANT:
        klant = eigen_klant(gebruiker)
    else:
        klant_id = request.data.get("klant") if isinstance(request.data, dict) else None
        if klant_id in (None, ""):
            raise ValidationError({"klant": "Zeg voor welke klant dit is (veld 'klant')."})
        if not str(klant_id).isdigit():
            raise ValidationError({"klant": "Geef het nummer van de klant."})
        klant = toegang.zichtbare_klanten(gebruiker).filter(pk=int(klant_id)).first()
    if klant is None:
        raise NotFound("Deze klant is niet gevonden.")
    toegang.eis(regel(gebruiker, klant), reden)
    return klant


@extend_schema_view(get=extend_schema(parameters=[KLANT_FILTER]))
class BerichtenView(GelogdeLijst, generics.ListCreateAPIView[Bericht]):
    """The secure conversation between a client and their contact person (A2)."""

    rollen = ROLLEN
    serializer_class = BerichtSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    log_onderdeel = "berichten (API)"
    log_doel = "Berichten gelezen via de API"

    def get_queryset(self) -> QuerySet[Bericht]:
        return (
            Bericht.objects.filter(klant__in=klanten_in_beeld(self.request))
            .select_related("afzender", "klant")
            .order_by("verstuurd_op", "id")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        gebruiker = gebruiker_van(request)
        klant = klant_voor_schrijven(
            request,
            toegang.mag_bericht_sturen,
            "Je kunt alleen berichten sturen in een gesprek dat bij jou hoort.",
        )
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        verslag = None
        if data.get("verslag_id"):
            verslag = Gespreksverslag.objects.filter(pk=data["verslag_id"], klant=klant).first()
            if verslag is None:
                raise ValidationError({"verslag": "Dit gespreksverslag is niet gevonden."})
        try:
            bericht = services.bericht_sturen(
                door=gebruiker,
                klant=klant,
                tekst=data.get("tekst", ""),
                bijlage=data.get("bijlage"),
                verslag=verslag,
            )
        except services.InvoerFout as fout:
            raise ValidationError({fout.veld or "tekst": str(fout)}) from fout
        return Response(BerichtSerializer(bericht).data, status=status.HTTP_201_CREATED)


@extend_schema_view(get=extend_schema(parameters=[KLANT_FILTER]))
class GespreksverslagenView(GelogdeLijst, generics.ListCreateAPIView[Gespreksverslag]):
    """Conversation summaries (A3): a client reads the published ones; a contact person writes them."""

    rollen = ROLLEN
    serializer_class = GespreksverslagSerializer
    log_onderdeel = "gespreksverslagen (API)"
    log_doel = "Gespreksverslagen gelezen via de API"

    def get_queryset(self) -> QuerySet[Gespreksverslag]:
        return (
            leesbare_verslagen(gebruiker_van(self.request))
            .filter(klant__in=klanten_in_beeld(self.request))
            .select_related("auteur", "klant")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        gebruiker = gebruiker_van(request)
        klant = klant_voor_schrijven(
            request,
            toegang.mag_verslag_schrijven,
            "Alleen je contactpersoon schrijft een gespreksverslag. "
            "Een vraag erover stuur je als bericht met het veld 'verslag'.",
        )
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        try:
            verslag = services.verslag_opslaan(
                klant=klant,
                auteur=gebruiker,
                gesprek_op=d["gesprek_op"],
                soort=d["soort"],
                samenvatting=d["samenvatting"],
                afspraken=d.get("afspraken", ""),
                volgende_stappen=d.get("volgende_stappen", ""),
            )
        except services.InvoerFout as fout:
            raise ValidationError({fout.veld or "samenvatting": str(fout)}) from fout
        inzage_bij_verzoek(
            request,
            klant,
            "gespreksverslag (API)",
            "Gespreksverslag geschreven via de API",
            Actie.AANMAKEN,
        )
        b1 = [m.__dict__ for m in services.verslag_b1_controle(verslag)]
        if d.get("publiceren"):
            # On a B1 finding it stays a draft; the response says why it is not published yet.
            with contextlib.suppress(services.B1Fout):
                services.verslag_publiceren(
                    verslag=verslag, door=gebruiker, b1_genegeerd=d.get("b1_genegeerd", False)
                )
        verslag.refresh_from_db()
        return Response(
            {**GespreksverslagSerializer(verslag).data, "b1_meldingen": b1},
            status=status.HTTP_201_CREATED,
        )


class GespreksverslagDetail(generics.RetrieveAPIView[Gespreksverslag]):
    """One summary; when the client reads it, it is marked as read."""

    rollen = ROLLEN
    serializer_class = GespreksverslagSerializer
    lookup_url_kwarg = "verslag_pk"

    def get_queryset(self) -> QuerySet[Gespreksverslag]:
        # A summary of someone else's file is a 404; one's own draft is there but not to be read: 403.
        return Gespreksverslag.objects.filter(
            klant__in=begeleide_klanten(gebruiker_van(self.request))
        ).select_related("auteur", "klant")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        verslag = self.get_object()
        toegang.eis(
            toegang.mag_verslag_lezen(gebruiker_van(request), verslag),
            "Dit gespreksverslag is nog niet gepubliceerd.",
        )
        inzage_bij_verzoek(
            request, verslag.klant, "gespreksverslag (API)", "Gespreksverslag gelezen via de API"
        )
        if gebruiker_van(request).rol == Rol.KLANT:
            services.verslag_gelezen(verslag=verslag)
        return Response(self.get_serializer(verslag).data)

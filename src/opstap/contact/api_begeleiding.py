"""API for the rest of the contact pages: planned contact moments, the step plan, provisions and
applications. Same role rules, services and access log as the pages.

- `GET /api/v1/contactmomenten/`: a client gets what is planned (what, when, by whom, why); a
  contact person every moment of their caseload (`?klant=<id>`). `POST` by a contact person plans
  one: `{"klant", "wanneer", "soort", "onderwerp", "waarom"}`; the client is told in a message.
- `GET /api/v1/stappenplan/`: goals, qualities, the barriers tackled first and the steps (who, what,
  by when), one item per client in scope.
- `GET /api/v1/regelingen/`: a client gets only the provisions the rules engine grants them; a
  contact person with `?klant=<id>` every provision with the engine's verdict and reason, and
  without it the municipality's overview (rules and processing times).
- `GET /api/v1/aanvragen/`: applications with the procedure's steps and expected dates; `POST` by a
  client applies: `{"regeling": "<code>", "toelichting": "..."}`.
"""

from datetime import timedelta
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opstap.accounts import toegang
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van
from opstap.accounts.toegang import eigen_klant
from opstap.inkomen.rekendatum import API_UITLEG, rekendatum
from opstap.klanten.models import Drempel, Klant
from opstap.privacy.lijsten import GelogdeLijst
from opstap.privacy.models import Actie
from opstap.privacy.services import inzage_bij_verzoek

from . import services, voorzieningen
from .api import (
    KLANT_FILTER,
    ROLLEN,
    klant_voor_schrijven,
    klanten_in_beeld,
)
from .models import (
    Aanvraag,
    Contactmoment,
    ContactmomentStatus,
    Doel,
    DoelSoort,
    GesprekSoort,
    Stap,
)

# --- planned contact moments (A4) ----------------------------------------------------------------


class ContactmomentSerializer(serializers.ModelSerializer[Contactmoment]):
    klant = serializers.IntegerField(source="klant_id", help_text="Verplicht bij POST.")
    door = serializers.CharField(source="door.weergavenaam", read_only=True)
    soort = serializers.ChoiceField(choices=GesprekSoort.choices, default=GesprekSoort.TELEFOON)
    waarom = serializers.CharField(required=False, allow_blank=True, default="")

    class Meta:
        model = Contactmoment
        fields = ["id", "klant", "door", "wanneer", "soort", "onderwerp", "waarom", "status"]
        read_only_fields = ["id", "door", "status"]


@extend_schema_view(get=extend_schema(parameters=[KLANT_FILTER]))
class ContactmomentenView(GelogdeLijst, generics.ListCreateAPIView[Contactmoment]):
    """What the municipality will contact the client about, when and by whom (A4)."""

    rollen = ROLLEN
    serializer_class = ContactmomentSerializer
    log_onderdeel = "afspraken (API)"
    log_doel = "Afspraken gelezen via de API"

    def get_queryset(self) -> QuerySet[Contactmoment]:
        momenten = Contactmoment.objects.filter(
            klant__in=klanten_in_beeld(self.request)
        ).select_related("door", "klant")
        if gebruiker_van(self.request).rol == Rol.KLANT:
            vanaf = timezone.now() - timedelta(hours=2)
            return momenten.filter(status=ContactmomentStatus.GEPLAND, wanneer__gte=vanaf).order_by(
                "wanneer", "id"
            )
        return momenten.order_by("-wanneer", "-id")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        gebruiker = gebruiker_van(request)
        klant = klant_voor_schrijven(
            request,
            toegang.mag_contactmoment_plannen,
            "Alleen je contactpersoon plant een gesprek. "
            "Past een moment niet? Stuur dan een bericht.",
        )
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        try:
            moment = services.contactmoment_plannen(
                klant=klant,
                door=gebruiker,
                wanneer=d["wanneer"],
                soort=d["soort"],
                onderwerp=d["onderwerp"],
                waarom=d["waarom"],
            )
        except services.InvoerFout as fout:
            raise ValidationError({fout.veld or "onderwerp": str(fout)}) from fout
        inzage_bij_verzoek(
            request, klant, "afspraken (API)", "Contactmoment gepland via de API", Actie.AANMAKEN
        )
        return Response(ContactmomentSerializer(moment).data, status=status.HTTP_201_CREATED)


# --- step plan and goals (A5) --------------------------------------------------------------------


class DoelSerializer(serializers.ModelSerializer[Doel]):
    class Meta:
        model = Doel
        fields = ["tekst", "bereikt_op"]


class DrempelSerializer(serializers.ModelSerializer[Drempel]):
    soort = serializers.CharField(source="get_soort_display")
    groep = serializers.CharField(source="groep.label")

    class Meta:
        model = Drempel
        fields = ["soort", "groep", "toelichting"]


class StapSerializer(serializers.ModelSerializer[Stap]):
    drempel = serializers.CharField(source="drempel.get_soort_display", default=None)

    class Meta:
        model = Stap
        fields = ["wat", "wie", "uiterlijk", "drempel", "gedaan_op"]


class StappenplanSerializer(serializers.ModelSerializer[Klant]):
    klant = serializers.IntegerField(source="pk")
    doelen = DoelSerializer(source="alleen_doelen", many=True)
    kwaliteiten = DoelSerializer(many=True)
    drempels_eerst = DrempelSerializer(many=True)
    stappen = StapSerializer(many=True)

    class Meta:
        model = Klant
        fields = ["klant", "doelen", "kwaliteiten", "drempels_eerst", "stappen"]


@extend_schema_view(get=extend_schema(parameters=[KLANT_FILTER]))
class StappenplanView(GelogdeLijst, generics.ListAPIView[Klant]):
    """Non-financial goals, qualities, the barriers tackled first, and who does what by when (A5)."""

    rollen = ROLLEN
    serializer_class = StappenplanSerializer
    log_onderdeel = "stappenplan (API)"
    log_doel = "Stappenplan gelezen via de API"

    def get_queryset(self) -> QuerySet[Klant]:
        return (
            klanten_in_beeld(self.request)
            .order_by("pk")
            .prefetch_related(
                Prefetch(
                    "doelen", Doel.objects.filter(soort=DoelSoort.DOEL), to_attr="alleen_doelen"
                ),
                Prefetch(
                    "doelen", Doel.objects.filter(soort=DoelSoort.KWALITEIT), to_attr="kwaliteiten"
                ),
                Prefetch(
                    "drempels",
                    Drempel.objects.filter(eerst_aanpakken=True, opgelost_op__isnull=True),
                    to_attr="drempels_eerst",
                ),
                Prefetch("stappen", Stap.objects.select_related("drempel")),
            )
        )


# --- provisions and applications (B1) ------------------------------------------------------------

_REGELING_VELDEN: dict[str, serializers.Field[Any, Any, Any, Any]] = {
    "code": serializers.CharField(),
    "naam": serializers.CharField(),
    "omschrijving": serializers.CharField(),
    "wat_het_geeft": serializers.CharField(),
    "hoe_aanvragen": serializers.CharField(),
    "voorwaarden": serializers.ListField(child=serializers.CharField()),
    "behandeltermijn_weken": serializers.IntegerField(allow_null=True),
    "recht": serializers.BooleanField(
        allow_null=True, help_text="Leeg in het overzicht van de gemeente."
    ),
    "reden": serializers.CharField(
        help_text="Waarom wel of geen recht (alleen voor de contactpersoon)."
    ),
}


def _regeling(
    regeling: voorzieningen.Regeling,
    *,
    recht: bool | None = None,
    waarde: str = "",
    reden: str = "",
) -> dict[str, Any]:
    return {
        "code": regeling.code,
        "naam": regeling.naam,
        "omschrijving": regeling.omschrijving,
        "wat_het_geeft": waarde or regeling.wat_het_geeft,
        "hoe_aanvragen": regeling.hoe_aanvragen,
        "voorwaarden": regeling.voorwaarden,
        "behandeltermijn_weken": regeling.behandeltermijn_weken,
        "recht": recht,
        "reden": reden,
    }


class RegelingenView(APIView):
    """Provisions (B1). A client: only those the rules engine grants them. A contact person with
        `?klant=<id>`: every provision with the engine's verdict and reason; without it: the overview of
        the municipality. `melding` is set when the engine cannot compute this household. `voorlopig` is
    true when this year's amounts are not known yet (computed with those of `rekendatum`)."""

    rollen = ROLLEN

    @extend_schema(
        parameters=[KLANT_FILTER],
        responses={
            200: inline_serializer(
                "Regelingen",
                {
                    "klant": serializers.IntegerField(allow_null=True),
                    "melding": serializers.CharField(),
                    "rekendatum": serializers.DateField(help_text=API_UITLEG["rekendatum"]),
                    "voorlopig": serializers.BooleanField(help_text=API_UITLEG["voorlopig"]),
                    "regelingen": inline_serializer("Regeling", _REGELING_VELDEN, many=True),
                },
            )
        },
    )
    def get(self, request: Request) -> Response:
        gebruiker = gebruiker_van(request)
        vandaag = timezone.localdate()
        if gebruiker.rol == Rol.CONTACTPERSOON and not request.query_params.get("klant"):
            gemeente = gebruiker.gemeente
            regelingen = (
                voorzieningen.regelingen_van_gemeente(gemeente.regels_code, peildatum=vandaag)
                if gemeente
                else []
            )
            return Response(
                {
                    "klant": None,
                    "melding": "",
                    **rekendatum(vandaag).als_json(),
                    "regelingen": [_regeling(r) for r in regelingen],
                }
            )
        klant = klanten_in_beeld(request).first()
        if klant is None:
            raise NotFound("Deze klant is niet gevonden.")
        alleen_recht = gebruiker.rol == Rol.KLANT
        uitkomsten, fout = voorzieningen.voor_weergave(
            klant, peildatum=vandaag, alleen_recht=alleen_recht
        )
        inzage_bij_verzoek(request, klant, "regelingen (API)", "Regelingen uitgerekend via de API")
        melding = (
            "We kunnen dit nu niet uitrekenen. Vraag je contactpersoon welke regelingen er voor je zijn."
            if fout and alleen_recht
            else fout
        )
        return Response(
            {
                "klant": klant.pk,
                "melding": melding,
                **rekendatum(vandaag).als_json(),
                "regelingen": [
                    _regeling(
                        u.regeling,
                        recht=u.recht,
                        waarde=u.waarde,
                        reden="" if alleen_recht else u.reden,
                    )
                    for u in uitkomsten
                ],
            }
        )


class AanvraagSerializer(serializers.ModelSerializer[Aanvraag]):
    klant = serializers.IntegerField(source="klant_id", read_only=True)
    regeling = serializers.CharField(
        source="regeling_code", help_text="De code uit /api/v1/regelingen/."
    )
    toelichting = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=2000
    )
    status_tekst = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Aanvraag
        fields = [
            "id",
            "klant",
            "regeling",
            "regeling_naam",
            "toelichting",
            "status",
            "status_tekst",
            "ingediend_op",
            "stappen",
            "verwacht_besluit_op",
        ]
        read_only_fields = [
            "id",
            "klant",
            "regeling_naam",
            "status",
            "ingediend_op",
            "stappen",
            "verwacht_besluit_op",
        ]


@extend_schema_view(get=extend_schema(parameters=[KLANT_FILTER]))
class AanvragenView(GelogdeLijst, generics.ListCreateAPIView[Aanvraag]):
    """Applications with the procedure's steps and expected dates. A client applies with POST; what
    the municipality already knows is filled in (never asked twice)."""

    rollen = ROLLEN
    serializer_class = AanvraagSerializer
    log_onderdeel = "aanvraag (API)"
    log_doel = "Aanvragen gelezen via de API"

    def get_queryset(self) -> QuerySet[Aanvraag]:
        return Aanvraag.objects.filter(klant__in=klanten_in_beeld(self.request)).select_related(
            "klant"
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        gebruiker = gebruiker_van(request)
        klant = eigen_klant(gebruiker)
        toegang.eis(
            klant is not None and toegang.mag_aanvraag_indienen(gebruiker, klant),
            "Een aanvraag doet de klant zelf, in de app of via de API.",
        )
        assert klant is not None
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        try:
            aanvraag = services.aanvraag_indienen(
                klant=klant,
                door=gebruiker,
                regeling_code=d["regeling_code"],
                toelichting=d["toelichting"],
            )
        except services.InvoerFout as fout:
            raise ValidationError({"regeling": str(fout)}) from fout
        inzage_bij_verzoek(
            request,
            klant,
            "aanvraag (API)",
            f"{aanvraag.regeling_naam} aangevraagd via de API",
            Actie.AANMAKEN,
        )
        return Response(AanvraagSerializer(aanvraag).data, status=status.HTTP_201_CREATED)

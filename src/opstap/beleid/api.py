"""API for policy staff: start a caseload recalculation and read its totals (never persons)."""

from typing import Any

from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

import regels
from opstap.accounts.models import Rol
from opstap.accounts.rollen import gebruiker_van
from opstap.inkomen.varianten import REGEL_NAMEN

from .models import Doorrekening
from .onderdrukking import MINIMALE_CELGROOTTE
from .selectors import doorrekeningen_van
from .services import doorrekening_starten
from .tijdreeks import INDELINGEN, bestandsbeeld_in_de_tijd


class DoorrekeningSerializer(serializers.ModelSerializer[Doorrekening]):
    procent = serializers.IntegerField(read_only=True)
    # The stored counts are exact (progress needs them); they leave only through the suppression rule.
    aantal_totaal = serializers.IntegerField(
        source="aantal_totaal_getoond",
        read_only=True,
        allow_null=True,
        help_text="Aantal klanten; null als het er minder dan 10 zijn.",
    )
    aantal_verwerkt = serializers.IntegerField(
        source="aantal_verwerkt_getoond", read_only=True, allow_null=True
    )
    variant_regel = serializers.ChoiceField(
        choices=list(REGEL_NAMEN), required=False, allow_blank=True
    )
    variant_parameters = serializers.DictField(
        child=serializers.FloatField(),
        required=False,
        help_text='Parameterpad → waarde, bijv. {"participatiewet.inkomensvrijlating.n_percentage": 35}.',
    )

    class Meta:
        model = Doorrekening
        fields = [
            "id",
            "peildatum",
            "bruto_uurloon",
            "variant_naam",
            "variant_regel",
            "variant_parameters",
            "status",
            "procent",
            "aantal_totaal",
            "aantal_verwerkt",
            "gestart_op",
            "klaar_op",
            "regelversie",
            "resultaat",
            "melding",
        ]
        read_only_fields = [
            "status",
            "procent",
            "aantal_totaal",
            "aantal_verwerkt",
            "gestart_op",
            "klaar_op",
            "regelversie",
            "resultaat",
            "melding",
        ]


class Doorrekeningen(generics.ListCreateAPIView[Doorrekening]):
    """Recalculations of the whole caseload at 0–40 hours a week (base and a policy variant side
    by side). POST starts one in the background; poll the item for `status` and `procent`. The
    result holds totals only; groups under 10 households are null, and so are the numbers that
    would give such a group back by subtraction (e.g. the total minus the shown parts)."""

    rollen = frozenset({Rol.BELEIDSMEDEWERKER})
    serializer_class = DoorrekeningSerializer

    def get_queryset(self) -> QuerySet[Doorrekening]:
        return doorrekeningen_van(gebruiker_van(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        gebruiker = gebruiker_van(request)
        try:
            d = doorrekening_starten(
                door=gebruiker,
                gemeente=gebruiker.gemeente,  # type: ignore[arg-type]
                peildatum=s.validated_data["peildatum"],
                bruto_uurloon=s.validated_data.get("bruto_uurloon"),
                variant_naam=s.validated_data.get("variant_naam", ""),
                variant_regel=s.validated_data.get("variant_regel", ""),
                variant_parameters=s.validated_data.get("variant_parameters") or {},
            )
        except regels.InvoerFout as fout:
            raise ValidationError({fout.veld or "invoer": str(fout)}) from fout
        return Response(self.get_serializer(d).data, status=202)


class DoorrekeningDetail(generics.RetrieveAPIView[Doorrekening]):
    rollen = frozenset({Rol.BELEIDSMEDEWERKER})
    serializer_class = DoorrekeningSerializer
    lookup_url_kwarg = "doorrekening_pk"

    def get_queryset(self) -> QuerySet[Doorrekening]:
        return doorrekeningen_van(gebruiker_van(self.request))


class BestandsbeeldCelSerializer(serializers.Serializer[Any]):
    categorie = serializers.CharField()
    naam = serializers.CharField(source="label")
    aantal = serializers.IntegerField(allow_null=True, help_text="null: niet getoond.")


class BestandsbeeldMaandSerializer(serializers.Serializer[Any]):
    maand = serializers.CharField(help_text="JJJJ-MM")
    peildag = serializers.DateField()
    totaal = serializers.IntegerField(allow_null=True)
    tabellen = serializers.DictField(child=BestandsbeeldCelSerializer(many=True))
    gebeurtenissen = serializers.DictField(child=serializers.IntegerField(allow_null=True))


class BestandsbeeldSerializer(serializers.Serializer[Any]):
    peildag = serializers.DateField()
    minimale_celgrootte = serializers.IntegerField()
    nu = BestandsbeeldMaandSerializer()
    maanden = BestandsbeeldMaandSerializer(many=True)


def _maand_als_json(m: Any) -> dict[str, Any]:
    return {
        "maand": m.eerste.strftime("%Y-%m"),
        "peildag": m.peildag,
        "totaal": m.totaal,
        "tabellen": {
            i.sleutel: [
                {"categorie": c, "label": str(label), "aantal": n}  # `label` leaves as `naam`
                for (c, label), n in zip(i.categorieen, m.tabellen[i.sleutel], strict=True)
            ]
            for i in INDELINGEN
            if i.sleutel in m.tabellen
        },
        "gebeurtenissen": dict(m.gebeurtenissen),
    }


class Bestandsbeeld(generics.GenericAPIView[Any]):
    """The caseload picture: today's tables (`nu`) and the last 24 months, by trede, household
    type, age band, work and hours, barrier group and barrier (phase: today only), with outflow
    to work and falling back per month. Hidden cells are null, under the same suppression rules
    as the page: groups under 10, and any number that would give one back by subtraction."""

    rollen = frozenset({Rol.BELEIDSMEDEWERKER})
    serializer_class = BestandsbeeldSerializer

    def get(self, request: Request) -> Response:
        gemeente = gebruiker_van(request).gemeente
        if gemeente is None:
            raise ValidationError({"gemeente": "Geen gemeente."})
        beeld = bestandsbeeld_in_de_tijd(gemeente)
        data = {
            "peildag": beeld.peildag,
            "minimale_celgrootte": MINIMALE_CELGROOTTE,
            "nu": _maand_als_json(beeld.nu),
            "maanden": [_maand_als_json(m) for m in beeld.maanden],
        }
        return Response(BestandsbeeldSerializer(data).data)

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from .models import MAX_UREN, MAX_UURLOON, Baan, Contractsoort, Loonperiode


class BaanSerializer(serializers.ModelSerializer[Baan]):
    """A reported job. `werkgever` is the employer's name; `uren_per_week` null (or `oproepcontract`
    true) for an on-call or zero-hours contract. Amounts in euros with cents."""

    werkgever = serializers.CharField(
        source="werkgever_naam",
        max_length=200,
        error_messages={
            "required": "Vul de naam van de werkgever in.",
            "blank": "Vul de naam van de werkgever in.",
        },
    )
    begonnen_op = serializers.DateField(
        error_messages={
            "required": "Vul de startdatum in (JJJJ-MM-DD).",
            "invalid": "Vul de startdatum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-01.",
        }
    )
    uren_per_week = serializers.DecimalField(
        max_digits=4,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=MAX_UREN,
        required=False,
        allow_null=True,
        error_messages={
            "invalid": "Vul een aantal uren per week in, bijvoorbeeld 12.",
            "min_value": "Vul een aantal uren per week in tussen 0 en 60.",
            "max_value": "Vul een aantal uren per week in tussen 0 en 60.",
            "max_digits": "Vul een aantal uren per week in tussen 0 en 60.",
            "max_decimal_places": "Vul de uren in met hoogstens 2 cijfers achter de komma.",
            "max_whole_digits": "Vul een aantal uren per week in tussen 0 en 60.",
        },
    )
    oproepcontract = serializers.BooleanField(required=False, default=False)
    bruto_uurloon = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=MAX_UURLOON,
        error_messages={
            "required": "Vul het bruto uurloon in, bijvoorbeeld 14.40.",
            "invalid": "Vul het bruto uurloon in als getal, bijvoorbeeld 14.40.",
            "min_value": "Het bruto uurloon moet tussen € 0 en € 500 liggen.",
            "max_value": "Het bruto uurloon moet tussen € 0 en € 500 liggen.",
            "max_digits": "Het bruto uurloon moet tussen € 0 en € 500 liggen.",
            "max_whole_digits": "Het bruto uurloon moet tussen € 0 en € 500 liggen.",
            "max_decimal_places": "Vul het bruto uurloon in met hoogstens 2 cijfers achter de komma.",
        },
    )
    loonperiode = serializers.ChoiceField(
        choices=Loonperiode.choices,
        error_messages={
            "required": "Kies de loonperiode: maand of vier_weken.",
            "invalid_choice": "Kies de loonperiode: maand of vier_weken.",
        },
    )
    contractsoort = serializers.ChoiceField(
        choices=Contractsoort.choices,
        required=False,
        allow_blank=True,
        error_messages={
            "invalid_choice": "Kies de contractsoort: bepaalde_tijd, onbepaalde_tijd, oproep of uitzend."
        },
    )
    einde_op = serializers.DateField(
        required=False,
        allow_null=True,
        error_messages={"invalid": "Vul de einddatum in als JJJJ-MM-DD, bijvoorbeeld 2027-03-01."},
    )
    klant = serializers.IntegerField(source="klant_id", read_only=True)

    class Meta:
        model = Baan
        fields = [
            "id",
            "klant",
            "werkgever",
            "begonnen_op",
            "uren_per_week",
            "oproepcontract",
            "bruto_uurloon",
            "loonperiode",
            "contractsoort",
            "einde_op",
            "aangemeld_op",
        ]
        read_only_fields = ["id", "klant", "aangemeld_op"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("uren_per_week") is None and not attrs.get("oproepcontract"):
            if attrs.get("contractsoort") == Contractsoort.OPROEP:
                attrs["oproepcontract"] = True
            else:
                raise serializers.ValidationError(
                    {
                        "uren_per_week": "Vul de uren per week in, of zet oproepcontract op true "
                        "bij een oproep- of nulurencontract."
                    }
                )
        begin, einde = attrs.get("begonnen_op"), attrs.get("einde_op")
        if begin and einde and einde < begin:
            raise serializers.ValidationError(
                {"einde_op": "De einddatum moet na de startdatum liggen."}
            )
        return attrs

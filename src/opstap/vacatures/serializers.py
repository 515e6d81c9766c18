from rest_framework import serializers

from opstap.werkgevers.models import Vacature


class VacatureSerializer(serializers.ModelSerializer[Vacature]):
    werkgever = serializers.CharField(source="werkgever.naam", read_only=True)

    class Meta:
        model = Vacature
        fields = [
            "id",
            "titel",
            "werkgever",
            "omschrijving",
            "beroep",
            "vaardigheden",
            "uren_per_week_min",
            "uren_per_week_max",
            "parttime_mogelijk",
            "bruto_uurloon",
            "binnen_schooltijden",
            "avond_weekend",
            "bereikbaar_zonder_auto",
            "fysiek_zwaar",
            "taalniveau",
            "postcode",
            "plaats",
            "breedtegraad",
            "lengtegraad",
            "open",
            "geplaatst_op",
        ]
        read_only_fields = fields


class MatchSerializer(serializers.Serializer[object]):
    """One matched vacancy: its `id`, the reasons in plain Dutch, what would need arranging."""

    id = serializers.IntegerField(source="vacature.pk", help_text="Het id van de vacature.")
    titel = serializers.CharField(source="vacature.titel")
    werkgever = serializers.CharField(source="vacature.werkgever.naam")
    uren_per_week_min = serializers.IntegerField(source="vacature.uren_per_week_min")
    uren_per_week_max = serializers.IntegerField(source="vacature.uren_per_week_max")
    bruto_uurloon = serializers.DecimalField(
        source="vacature.bruto_uurloon", max_digits=6, decimal_places=2
    )
    score = serializers.FloatField(help_text="Hoger is beter; alleen voor de volgorde.")
    redenen = serializers.ListField(child=serializers.CharField())
    regelen = serializers.ListField(
        child=serializers.CharField(), help_text="Wat er geregeld moet worden."
    )
    reistijd_minuten = serializers.IntegerField(
        source="reis.minuten", allow_null=True, default=None
    )
    afstand_km = serializers.FloatField(source="reis.afstand_km", allow_null=True, default=None)
    vervoer = serializers.CharField(source="reis.vervoer", allow_null=True, default=None)

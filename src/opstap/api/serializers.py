from rest_framework import serializers

from opstap.accounts.toegang import BEGELEIDING_ROLLEN
from opstap.klanten.models import Kind, Klant
from opstap.privacy.models import Inzage


class KindSerializer(serializers.ModelSerializer[Kind]):
    class Meta:
        model = Kind
        fields = ["geboortedatum"]


class KlantSerializer(serializers.ModelSerializer[Klant]):
    bsn = serializers.CharField(source="bsn_gemaskeerd", read_only=True)
    kinderen = KindSerializer(many=True, read_only=True)
    contactpersoon = serializers.CharField(
        source="contactpersoon.username", read_only=True, default=None
    )
    fysiek_beperkt = serializers.SerializerMethodField()

    class Meta:
        model = Klant
        fields = [
            "id",
            "bsn",
            "voorletters",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "huishouden",
            "kostendelers",
            "trede",
            "fase",
            "contactpersoon",
            "kinderen",
            # What matching respects (opstap.vacatures). fysiek_beperkt is health data: null for
            # roles outside the coaching file (the income desk).
            "alleen_schooltijden",
            "heeft_auto",
            "fysiek_beperkt",
            "max_uren_per_week",
        ]

    def get_fysiek_beperkt(self, klant: Klant) -> bool | None:
        request = self.context.get("request")
        rol = getattr(getattr(request, "user", None), "rol", None)
        return bool(klant.fysiek_beperkt) if rol in BEGELEIDING_ROLLEN else None


class InzageSerializer(serializers.ModelSerializer[Inzage]):
    wie = serializers.SerializerMethodField()

    class Meta:
        model = Inzage
        fields = ["tijdstip", "wie", "rol", "actie", "onderdeel", "doel"]

    def get_wie(self, inzage: Inzage) -> str:
        return inzage.gebruiker.weergavenaam if inzage.gebruiker else "Systeem"


class BerekeningInvoerSerializer(serializers.Serializer[dict[str, object]]):
    """Documents the input contract; the rules engine does the real validation (Dutch messages)."""

    peildatum = serializers.DateField()
    gemeente = serializers.CharField(required=False)
    aanvrager = serializers.DictField()
    partner = serializers.DictField(allow_null=True, required=False)
    kinderen = serializers.ListField(child=serializers.DictField(), required=False)
    kostendelers = serializers.IntegerField(required=False, min_value=0)
    kale_huur = serializers.FloatField(required=False)
    servicekosten = serializers.FloatField(required=False)
    vermogen = serializers.FloatField(required=False)
    vrijlating_maanden_gebruikt = serializers.IntegerField(required=False, min_value=0)
    werk = serializers.DictField(
        help_text='{"bruto_uurloon": 15.0, "uren_per_week": [0, 8, 16]} of '
        '{"netto_loon_per_maand": [0, 400, 800]}'
    )
    varianten = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        help_text='Beleidsvarianten naast de regels van nu: [{"naam": "premie", "regel": '
        '"premie_na_zes_maanden"}, {"naam": "35%", "parameters": '
        '{"participatiewet.inkomensvrijlating.n_percentage": 35}}]',
    )

from decimal import Decimal
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from opstap.api.vaste_velden import VasteVelden
from opstap.inkomen.rekendatum import API_UITLEG

from .models import Inkomstenverklaring, LeesStatus, Status, Verrekening
from .services import MAX_NETTO_PER_MAAND, MAX_UREN_PER_MAAND


class BestandBewijsSerializer(serializers.Serializer[Any]):
    naam = serializers.CharField()
    sha256 = serializers.CharField()


class OntvangstbewijsSerializer(serializers.Serializer[Any]):
    """What the client keeps as proof: the reference, the moment it was safely stored, and the
    SHA-256 of each file exactly as it arrived."""

    kenmerk = serializers.CharField()
    ontvangen_op = serializers.DateTimeField()
    bestanden = BestandBewijsSerializer(many=True)


class VerrekeningSerializer(serializers.ModelSerializer[Verrekening]):
    """The settlement (D4): what the rules engine gave for the client's whole month (`netto_maand`,
    the net wage of all jobs that month), stored with the rule version. `bijstand` is the month's
    right including holiday allowance; `te_betalen` is what the payment system pays: the bijstand,
    or for a settlement that corrects an earlier one (`corrigeert`) the difference (`verschil`),
    in the month `verrekenen_in`."""

    maand = serializers.DateField(format="%Y-%m", read_only=True)
    verrekenen_in = serializers.DateField(format="%Y-%m", read_only=True, allow_null=True)
    corrigeert = serializers.CharField(
        source="corrigeert.verklaring.kenmerk", read_only=True, allow_null=True, default=None
    )
    te_betalen = serializers.SerializerMethodField()
    rekendatum = serializers.DateField(
        source="rekendatum.datum", read_only=True, help_text=API_UITLEG["rekendatum"]
    )
    voorlopig = serializers.BooleanField(
        source="rekendatum.voorlopig", read_only=True, help_text=API_UITLEG["voorlopig"]
    )
    verrekend_door = serializers.CharField(
        source="verrekend_door.get_full_name", read_only=True, default=None
    )

    class Meta:
        model = Verrekening
        fields = [
            "maand",
            "netto_loon",
            "bruto_loon",
            "uren",
            "gecorrigeerd",
            "reden",
            "netto_maand",
            "bijstandsnorm",
            "inkomensvrijlating",
            "bijstand",
            "zelf_verdiend",
            "regelversie",
            "rekendatum",
            "voorlopig",
            "corrigeert",
            "verschil",
            "verrekenen_in",
            "te_betalen",
            "verrekend_op",
            "verrekend_door",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.DecimalField(max_digits=9, decimal_places=2))
    def get_te_betalen(self, verrekening: Verrekening) -> str:
        waarde = verrekening.verschil if verrekening.corrigeert_id else verrekening.bijstand
        return f"{waarde:.2f}"


class VerrekenVerzoekSerializer(serializers.Serializer[Any]):
    """Settle as declared (empty body), or with corrected figures and the reason the client reads."""

    netto_loon = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=MAX_NETTO_PER_MAAND,
        required=False,
        allow_null=True,
    )
    bruto_loon = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=MAX_NETTO_PER_MAAND,
        required=False,
        allow_null=True,
    )
    uren = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=MAX_UREN_PER_MAAND,
        required=False,
        allow_null=True,
    )
    reden = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Verplicht als een cijfer is aangepast: de klant leest deze reden.",
    )


class AanvullingVerzoekSerializer(serializers.Serializer[Any]):
    ontbreekt = serializers.CharField(
        max_length=2000,
        help_text="Wat er precies ontbreekt, in woorden die de klant leest.",
        error_messages={
            "required": "Schrijf precies wat er ontbreekt.",
            "blank": "Schrijf precies wat er ontbreekt.",
        },
    )


def _bedrag(naam: str, voorbeeld: str, maximum: Decimal, **extra: Any) -> serializers.DecimalField:
    melding = f"Vul {naam} in als bedrag, bijvoorbeeld {voorbeeld}."
    return serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=maximum,
        error_messages={
            "required": melding,
            "invalid": melding,
            "min_value": f"{naam[0].upper()}{naam[1:]} kan niet negatief zijn.",
            "max_value": melding,
            "max_digits": melding,
            "max_whole_digits": melding,
            "max_decimal_places": f"Vul {naam} in met hoogstens 2 cijfers achter de komma.",
        },
        **extra,
    )


class VerklaringInvoerSerializer(VasteVelden, serializers.Serializer[Any]):
    """What a client sends to declare: multipart (with `loonstrook`, a PDF or photo of the payslip)
    or JSON (without). Amounts in euros with cents, `maand` as YYYY-MM. A plain serializer: on
    deadline day a model serializer's field building per request costs more than the checks;
    `VasteVelden` builds the fields once per class."""

    maand = serializers.RegexField(
        r"^\d{4}-(0[1-9]|1[0-2])$",
        error_messages={
            "required": "Vul de maand in als JJJJ-MM, bijvoorbeeld 2026-11.",
            "invalid": "Vul de maand in als JJJJ-MM, bijvoorbeeld 2026-11.",
            "blank": "Vul de maand in als JJJJ-MM, bijvoorbeeld 2026-11.",
        },
    )
    baan = serializers.IntegerField(
        source="baan_id",
        error_messages={
            "required": "Kies de baan (het id uit /api/v1/banen/) waarover je je inkomsten doorgeeft.",
            "invalid": "Geef bij baan het id van je baan uit /api/v1/banen/.",
        },
    )
    uren = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=MAX_UREN_PER_MAAND,
        error_messages={
            "required": "Vul het aantal uren in dat je deze maand werkte, bijvoorbeeld 48.",
            "invalid": "Vul het aantal uren in als getal, bijvoorbeeld 48.",
            "min_value": "Het aantal uren kan niet negatief zijn.",
            "max_value": "Vul het aantal uren in deze maand in, tussen 0 en 744.",
            "max_digits": "Vul het aantal uren in deze maand in, tussen 0 en 744.",
            "max_whole_digits": "Vul het aantal uren in deze maand in, tussen 0 en 744.",
            "max_decimal_places": "Vul de uren in met hoogstens 2 cijfers achter de komma.",
        },
    )
    netto_loon = _bedrag("het netto loon", "612.40", MAX_NETTO_PER_MAAND)
    bruto_loon = _bedrag(
        "het bruto loon", "812.50", MAX_NETTO_PER_MAAND, required=False, allow_null=True
    )
    schatting = serializers.BooleanField(required=False, default=False)
    loonstrook = serializers.FileField(
        write_only=True,
        required=False,
        allow_empty_file=True,
        help_text="De loonstrook: een PDF, of een foto (JPG, PNG).",
    )


class InkomstenverklaringSerializer(VerklaringInvoerSerializer):
    """A monthly income declaration for one job, as stored, with its receipt and settlement.
    Fields declared one by one (not a model serializer): building them from the model on every
    answer cost more than the rest of a deadline-day request together."""

    id = serializers.IntegerField(read_only=True)
    werkgever = serializers.CharField(source="baan.werkgever_naam", read_only=True)
    klant = serializers.IntegerField(source="klant_id", read_only=True)
    status = serializers.ChoiceField(
        choices=Status.choices, read_only=True, help_text=" → ".join(Status.values)
    )
    status_tekst = serializers.CharField(source="get_status_display", read_only=True)
    ontbreekt = serializers.CharField(
        read_only=True, help_text="Wat er nog ontbreekt, in woorden voor de klant."
    )
    lees_status = serializers.ChoiceField(choices=LeesStatus.choices, read_only=True)
    gelezen = serializers.JSONField(
        read_only=True, help_text="Wat op de loonstrook gelezen is (null: nog niet of niets)."
    )
    ontvangstbewijs = serializers.SerializerMethodField()
    verrekening = serializers.SerializerMethodField()

    @extend_schema_field(OntvangstbewijsSerializer)
    def get_ontvangstbewijs(self, verklaring: Inkomstenverklaring) -> dict[str, Any]:
        bewijs = ontvangstbewijs(verklaring)
        return {**bewijs, "ontvangen_op": _tijdstip.to_representation(bewijs["ontvangen_op"])}

    @extend_schema_field(VerrekeningSerializer(allow_null=True))
    def get_verrekening(self, verklaring: Inkomstenverklaring) -> dict[str, Any] | None:
        verrekening = getattr(verklaring, "verrekening", None)
        return VerrekeningSerializer(verrekening).data if verrekening is not None else None

    def to_representation(self, instance: Inkomstenverklaring) -> dict[str, Any]:
        """Written out: DRF's field by field walk cost ~0.6 ms of a deadline-day request. The
        fields above stay the definition (schema, input); a test compares this with DRF's walk."""
        bruto = instance.bruto_loon
        return {
            "maand": instance.maand.strftime("%Y-%m"),
            "baan": instance.baan_id,
            "uren": f"{instance.uren:.2f}",
            "netto_loon": f"{instance.netto_loon:.2f}",
            "bruto_loon": None if bruto is None else f"{bruto:.2f}",
            "schatting": bool(instance.schatting),
            "id": instance.pk,
            "werkgever": str(instance.baan.werkgever_naam),
            "klant": instance.klant_id,
            "status": instance.status,
            "status_tekst": str(instance.get_status_display()),
            "ontbreekt": str(instance.ontbreekt),
            "lees_status": instance.lees_status,
            "gelezen": instance.gelezen,
            "ontvangstbewijs": self.get_ontvangstbewijs(instance),
            "verrekening": self.get_verrekening(instance),
        }


_tijdstip = serializers.DateTimeField()  # the receipt's time as DRF writes it (timezone, format)


def ontvangstbewijs(verklaring: Inkomstenverklaring) -> dict[str, Any]:
    return {
        "kenmerk": verklaring.kenmerk,
        "ontvangen_op": verklaring.ontvangen_op,
        "bestanden": [{"naam": b.naam, "sha256": b.sha256} for b in verklaring.bestanden.all()],
    }

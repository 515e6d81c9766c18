from typing import Any

from rest_framework import serializers

from opstap.werkgevers.models import Gegeven, Toestemming, Vacature, Werkgever

from . import selectors


class ToestemmingSerializer(serializers.ModelSerializer[Toestemming]):
    """A consent of the client: which employer, for which vacancy (or none), which details, since
    when, and `zichtbaar`: the values exactly as the employer sees them."""

    werkgever = serializers.PrimaryKeyRelatedField(
        queryset=Werkgever.objects.none(),
        error_messages={
            "required": "Kies een werkgever (het nummer van de werkgever).",
            "does_not_exist": "Deze werkgever bestaat niet in jouw gemeente.",
            "incorrect_type": "Geef het nummer van de werkgever.",
            "null": "Kies een werkgever.",
        },
    )
    werkgever_naam = serializers.CharField(source="werkgever.naam", read_only=True)
    vacature = serializers.PrimaryKeyRelatedField(
        queryset=Vacature.objects.none(),
        required=False,
        allow_null=True,
        error_messages={
            "does_not_exist": "Deze vacature bestaat niet (meer) in jouw gemeente.",
            "incorrect_type": "Geef het nummer van de vacature.",
        },
    )
    vacature_titel = serializers.SerializerMethodField()
    gegevens = serializers.ListField(
        child=serializers.ChoiceField(
            choices=Gegeven.choices,
            error_messages={"invalid_choice": "Dit gegeven kun je niet delen: {input}."},
        ),
        allow_empty=False,
        error_messages={
            "required": 'Kies wat de werkgever mag zien, bijvoorbeeld ["naam"].',
            "empty": "Kies wat de werkgever mag zien: minstens één gegeven.",
            "not_a_list": 'Geef een lijst, bijvoorbeeld ["naam", "beschikbaarheid"].',
        },
    )
    zichtbaar = serializers.SerializerMethodField()

    class Meta:
        model = Toestemming
        fields = [
            "id",
            "werkgever",
            "werkgever_naam",
            "vacature",
            "vacature_titel",
            "gegevens",
            "gegeven_op",
            "ingetrokken_op",
            "zichtbaar",
        ]
        read_only_fields = ["id", "gegeven_op", "ingetrokken_op"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        gemeente_id = getattr(getattr(request, "user", None), "gemeente_id", None)
        self.fields["werkgever"].queryset = selectors.werkgevers_in(gemeente_id)  # type: ignore[attr-defined]
        self.fields["vacature"].queryset = selectors.open_vacatures_in(gemeente_id)  # type: ignore[attr-defined]

    def get_vacature_titel(self, toestemming: Toestemming) -> str | None:
        return toestemming.vacature.titel if toestemming.vacature else None

    def get_zichtbaar(self, toestemming: Toestemming) -> dict[str, Any]:
        return selectors.gedeelde_waarden(toestemming)


class ContactSerializer(serializers.Serializer[dict[str, str]]):
    telefoon = serializers.CharField()
    email = serializers.CharField()


class KandidaatSerializer(serializers.Serializer[dict[str, Any]]):
    """One candidate: an opaque `id` per consent, and ONLY the details the client shared, keyed by
    what was shared. A key that was not shared is absent (not null)."""

    id = serializers.CharField(help_text="Opaque id per toestemming; niet het klantnummer.")
    naam = serializers.CharField(required=False)
    contact = ContactSerializer(required=False)
    cv = serializers.CharField(required=False)
    beschikbaarheid = serializers.CharField(required=False)
    kwaliteiten = serializers.ListField(child=serializers.CharField(), required=False)

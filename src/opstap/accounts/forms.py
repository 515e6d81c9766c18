from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class InlogFormulier(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters en probeer het nog eens."
        ),
        "inactive": _("Dit account is niet actief. Neem contact op met de gemeente."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none"}
        )
        self.fields["password"].label = _("Wachtwoord")
        self.fields["username"].error_messages["required"] = _("Vul je gebruikersnaam in.")
        self.fields["password"].error_messages["required"] = _("Vul je wachtwoord in.")


class CodeFormulier(forms.Form):
    code = forms.CharField(
        label=_("Code uit je app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}
        ),
        error_messages={
            "min_length": _("De code heeft 6 cijfers."),
            "max_length": _("De code heeft 6 cijfers."),
            "required": _("Vul de code van 6 cijfers in."),
        },
    )


class InschrijfcodeFormulier(forms.Form):
    inschrijfcode = forms.CharField(
        label=_("Inschrijfcode van de beheerder"),
        max_length=40,
        help_text=_(
            "Je krijgt deze code van de beheerder van Opstap bij je gemeente. Bijvoorbeeld ABCD-EFGH-JKMN-PQRS."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Vul de inschrijfcode in die je van de beheerder kreeg.")},
    )

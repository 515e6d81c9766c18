from django.urls import path
from django.views.i18n import set_language

from opstap.accounts.rollen import PUBLIEK

set_language.rollen = PUBLIEK  # type: ignore[attr-defined]

urlpatterns = [path("taal/", set_language, name="set_language")]

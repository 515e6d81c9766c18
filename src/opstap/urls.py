from django.conf import settings
from django.urls import include, path

from opstap.beleid import urls_werk as beleid_werk
from opstap.bemiddeling import urls_mijn as bemiddeling_mijn
from opstap.bemiddeling import urls_werk as bemiddeling_werk
from opstap.contact import urls_mijn as contact_mijn
from opstap.contact import urls_werk as contact_werk
from opstap.inkomen import urls_mijn as inkomen_mijn
from opstap.inkomen import urls_werk as inkomen_werk
from opstap.klanten import urls_mijn as klanten_mijn
from opstap.klanten import urls_werk as klanten_werk
from opstap.leernetwerk import urls_mijn as leernetwerk_mijn
from opstap.leernetwerk import urls_werk as leernetwerk_werk
from opstap.vacatures import urls_mijn as vacatures_mijn
from opstap.vacatures import urls_werk as vacatures_werk
from opstap.verklaringen import urls_inkomen as verklaringen_inkomen
from opstap.verklaringen import urls_mijn as verklaringen_mijn
from opstap.verklaringen import urls_mijn_verrekening as verrekening_mijn
from opstap.verklaringen import urls_werk as verklaringen_werk
from opstap.web import views as web
from opstap.werken import urls_mijn as werken_mijn
from opstap.werken import urls_werk as werken_werk
from opstap.werkzoeken import urls_mijn as werkzoeken_mijn
from opstap.werkzoeken import urls_werk as werkzoeken_werk

# The client's area (/mijn/) and the contact person's area (/werk/) hold pages of several apps under
# one namespace each. They are put together here, so no app mounts another app's views.
MIJN = [
    *klanten_mijn.urlpatterns,
    *contact_mijn.urlpatterns,
    *inkomen_mijn.urlpatterns,
    *werken_mijn.urlpatterns,
    *verklaringen_mijn.urlpatterns,
    *verrekening_mijn.urlpatterns,
    *werkzoeken_mijn.urlpatterns,
    *bemiddeling_mijn.urlpatterns,
    *vacatures_mijn.urlpatterns,
    *leernetwerk_mijn.urlpatterns,
]
WERK = [
    *klanten_werk.urlpatterns,
    *contact_werk.urlpatterns,
    *inkomen_werk.urlpatterns,
    *werken_werk.urlpatterns,
    *verklaringen_werk.urlpatterns,
]
WERK += beleid_werk.urlpatterns  # the approach (regular or tailored) a contact person sets
WERK += werkzoeken_werk.urlpatterns
WERK += bemiddeling_werk.urlpatterns
WERK += vacatures_werk.urlpatterns
WERK += leernetwerk_werk.urlpatterns

urlpatterns = [
    path("", web.start, name="start"),
    path("health/", web.health, name="health"),
    path("", include("opstap.accounts.urls")),
    path("mijn/", include((MIJN, "mijn"))),
    path("werk/", include((WERK, "werk"))),
    path("inkomen/", include((verklaringen_inkomen.urlpatterns, "inkomen_papier"))),
    path("werkgever/", include("opstap.werkgevers.urls")),
    path("werkgever/", include("opstap.bemiddeling.urls_werkgever")),
    path("beleid/", include("opstap.beleid.urls")),
    path("beheer/", include("opstap.beheer.urls")),
    path("api/v1/", include("opstap.api.urls")),
    path("i18n/", include("opstap.web.urls_i18n")),
    path("", include("opstap.contact.urls_pwa")),
]

if getattr(settings, "OIDC_RP_CLIENT_ID", ""):
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "opstap.web.views.fout_400"
handler403 = "opstap.web.views.fout_403"
handler404 = "opstap.web.views.fout_404"
handler500 = "opstap.web.views.fout_500"

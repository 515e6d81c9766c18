from django.conf import settings
from django.urls import include, path

from opstap.web import views as web

urlpatterns = [
    path("", web.start, name="start"),
    path("health/", web.health, name="health"),
    path("", include("opstap.accounts.urls")),
    path("mijn/", include("opstap.klanten.urls_mijn")),
    path("werk/", include("opstap.klanten.urls_werk")),
    path("inkomen/", include("opstap.inkomen.urls")),
    path("werkgever/", include("opstap.werkgevers.urls")),
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

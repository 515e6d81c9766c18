from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from opstap.accounts.rollen import PUBLIEK

from . import views


class Schema(SpectacularAPIView):
    rollen = PUBLIEK
    permission_classes = []


class Docs(SpectacularSwaggerView):
    rollen = PUBLIEK
    permission_classes = []


app_name = "api"

urlpatterns = [
    path("schema/", Schema.as_view(), name="schema"),
    path("docs/", Docs.as_view(url_name="api:schema"), name="docs"),
    path("ik/", views.IkView.as_view(), name="ik"),
    path("klanten/", views.KlantenLijst.as_view(), name="klanten"),
    path("klanten/<int:klant_pk>/", views.KlantDetail.as_view(), name="klant"),
    path("inzages/", views.MijnInzages.as_view(), name="inzages"),
    path("", include("opstap.contact.api_urls")),
    path("", include("opstap.beleid.api_urls")),
    path("", include("opstap.werken.api_urls")),
    path("", include("opstap.verklaringen.api_urls")),
    path("", include("opstap.bemiddeling.api_urls")),
    path("", include("opstap.vacatures.api_urls")),
    path("berekeningen", views.Berekeningen.as_view(), name="berekeningen"),
    path("berekeningen/", views.BerekeningenMetSlash.as_view(), name="berekeningen-slash"),
]

"""The client's mediation pages (namespace 'mijn'), mounted by opstap/urls.py."""

from django.urls import path

from . import views_mijn as v

urlpatterns = [
    path("toestemmingen/", v.toestemmingen, name="toestemmingen"),
    path(
        "toestemmingen/<int:toestemming_pk>/intrekken/",
        v.toestemming_intrekken,
        name="toestemming-intrekken",
    ),
    path("toestemmingen/wat-je-deelt/", v.kandidaatprofiel, name="kandidaatprofiel"),
    path("kandidaat/", v.kandidaturen, name="kandidaturen"),
    path("kandidaat/<int:voorstel_pk>/", v.kandidatuur, name="kandidatuur"),
    path("bijeenkomsten/", v.bijeenkomsten, name="bijeenkomsten"),
]

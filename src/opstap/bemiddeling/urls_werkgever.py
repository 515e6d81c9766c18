"""The employer's mediation pages under /werkgever/ (namespace 'kandidaten')."""

from django.urls import path

from . import views_werkgever as v

app_name = "kandidaten"

urlpatterns = [
    path("kandidaten/", v.kandidaten, name="lijst"),
    path("kandidaten/<int:voorstel_pk>/", v.kandidaat, name="kandidaat"),
    path("plaatsen/", v.plaatsen, name="plaatsen"),
    path("bijeenkomsten/", v.bijeenkomsten, name="bijeenkomsten"),
]

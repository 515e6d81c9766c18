from django.urls import path

from . import api

urlpatterns = [
    path("doorrekeningen/", api.Doorrekeningen.as_view(), name="doorrekeningen"),
    path(
        "doorrekeningen/<int:doorrekening_pk>/",
        api.DoorrekeningDetail.as_view(),
        name="doorrekening",
    ),
    path("beleid/bestandsbeeld/", api.Bestandsbeeld.as_view(), name="beleid-bestandsbeeld"),
]

from django.apps import AppConfig


class WerkgeversConfig(AppConfig):
    name = "opstap.werkgevers"
    verbose_name = "Werkgevers"

from django.apps import AppConfig


class GemeentenConfig(AppConfig):
    name = "opstap.gemeenten"
    verbose_name = "Gemeenten"

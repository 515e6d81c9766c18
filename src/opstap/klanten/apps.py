from django.apps import AppConfig


class KlantenConfig(AppConfig):
    name = "opstap.klanten"
    verbose_name = "Klanten"

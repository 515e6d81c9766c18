from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "opstap.accounts"
    verbose_name = "Accounts en rollen"

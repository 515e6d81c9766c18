"""How the API knows who calls: a token (systems, apps) or the browser session (the pages' own JavaScript).

Token: every call looks the token and its user up in the database (one query with a join). A
revoked token or a deactivated user, also one changed in bulk with `.update()`, is refused on the
very next call, in every process. The earlier per-process cache let a revoked token work for up
to five minutes. The query is written out once (from the models' own table and column names) and
its row turned into a user directly: the ORM (and a raw queryset) cost several times the query.

Session: the same rule as the pages: staff must have passed the second login step (TOTP)."""

from functools import cache
from typing import Any

from django.db import connection
from drf_spectacular.authentication import SessionScheme
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.request import Request

from opstap.accounts.middleware import moet_tweede_stap_doen
from opstap.accounts.models import Gebruiker
from opstap.invoegen import uit_rij


@cache
def _gebruiker_bij_token_sql() -> tuple[str, list[Any]]:
    # Only names from the models, quoted by the database backend; the key goes in as a parameter.
    qn = connection.ops.quote_name
    gebruiker, token = Gebruiker._meta, Token._meta
    velden = list(gebruiker.concrete_fields)
    kolom = {
        "token_user": token.get_field("user").column,
        "gebruiker_pk": gebruiker.pk.column,
        "token_key": token.pk.column,
    }
    sql = (
        f"SELECT {', '.join(f'g.{qn(str(v.column))}' for v in velden)} "  # noqa: S608
        f"FROM {qn(gebruiker.db_table)} g INNER JOIN {qn(token.db_table)} t "
        f"ON t.{qn(str(kolom['token_user']))} = g.{qn(str(kolom['gebruiker_pk']))} "
        f"WHERE t.{qn(str(kolom['token_key']))} = %s"
    )
    return sql, velden


class TokenAuthenticatie(TokenAuthentication):
    """DRF's token header; the token and its (active) user are read fresh on every call."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        sql, velden = _gebruiker_bij_token_sql()
        with connection.cursor() as cursor:
            cursor.execute(sql, [key])
            rij = cursor.fetchone()
        gebruiker = None if rij is None else uit_rij(Gebruiker, velden, rij)
        if gebruiker is None or not gebruiker.is_active:
            raise exceptions.AuthenticationFailed("Dit token is ongeldig of ingetrokken.")
        return gebruiker, key


class GeverifieerdeSessieAuthentication(SessionAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        resultaat = super().authenticate(request)
        if resultaat is not None and moet_tweede_stap_doen(request._request):
            # 403, not 401: the caller is known but has not finished logging in.
            raise exceptions.PermissionDenied(
                "Doe eerst de tweede inlogstap: log in op de website en vul de code uit je app in."
            )
        return resultaat


class GeverifieerdeSessieScheme(SessionScheme):  # type: ignore[no-untyped-call]
    """The OpenAPI schema describes it as the usual cookie session."""

    target_class = "opstap.api.authenticatie.GeverifieerdeSessieAuthentication"

"""OpenID Connect login for municipalities with their own identity provider.

Only staff log in this way; a user must already exist (matched on e-mail), so the
identity provider cannot create accounts or grant roles by itself."""

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class OpstapOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def create_user(self, claims: dict[str, Any]) -> None:
        return None

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

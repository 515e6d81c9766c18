"""Role checks for views. Every view declares which roles may use it; the
access-refusal test reads these declarations, so a view without one fails the suite."""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, ClassVar, Protocol

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .models import Gebruiker, Rol

PUBLIEK: frozenset[str] = frozenset({"publiek"})
ALLE_ROLLEN: frozenset[str] = frozenset(Rol.values)


def heeft_rol(gebruiker: Any, rollen: Iterable[str]) -> bool:
    return bool(
        gebruiker.is_authenticated and isinstance(gebruiker, Gebruiker) and gebruiker.rol in rollen
    )


class RolVereistMixin(LoginRequiredMixin):
    rollen: ClassVar[frozenset[str]]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not heeft_rol(request.user, self.rollen):
            raise PermissionDenied("Deze pagina hoort bij een andere rol.")
        return super().dispatch(request, *args, **kwargs)  # type: ignore[return-value]


def rol_vereist(
    *rollen: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """The same check for function views; stores the roles on the view for the access test."""
    toegestaan = frozenset(rollen)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not heeft_rol(request.user, toegestaan):
                raise PermissionDenied("Deze pagina hoort bij een andere rol.")
            return view(request, *args, **kwargs)

        wrapper.rollen = toegestaan  # type: ignore[attr-defined]
        return wrapper

    return decorator


class _Verzoek(Protocol):
    """A Django request or a DRF request: both carry the user."""

    @property
    def user(self) -> Any: ...


def gebruiker_van(request: _Verzoek) -> Gebruiker:
    """The logged-in user of a view or API view behind a role check (typed for the rest of the view);
    anyone else is refused (403), never let through by an assert that `python -O` drops."""
    if not isinstance(request.user, Gebruiker):
        raise PermissionDenied("Log eerst in.")
    return request.user


def publiek(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    view.rollen = PUBLIEK  # type: ignore[attr-defined]
    return view

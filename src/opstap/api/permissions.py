from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from opstap.accounts.rollen import PUBLIEK, heeft_rol


class RolToegang(BasePermission):
    """The same role rules as the pages: each API view declares `rollen`."""

    message = "Deze gegevens horen bij een andere rol."

    def has_permission(self, request: Request, view: Any) -> bool:
        rollen = getattr(view, "rollen", None)
        if rollen is None:
            return False  # a view that forgot to declare its roles is closed
        if rollen == PUBLIEK:
            return True
        return heeft_rol(request.user, rollen)

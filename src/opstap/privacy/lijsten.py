"""API lists that show clients' personal data write the access log for the clients they return.
(Pages call privacy.services.inzages_bij_lijst() themselves; this is the same for DRF list views.)"""

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from opstap.klanten.models import Klant

from .services import inzages_bij_lijst


class GelogdeLijst:
    """Mixin for a ListAPIView: one access-log entry per client on the page it returns (the
    objects' client, or the object itself when it is a client), none for clients left out by
    filters or paging. Put it before the generic view in the bases."""

    log_onderdeel = ""
    log_doel = ""

    def klant_van(self, obj: Any) -> Klant:
        return obj if isinstance(obj, Klant) else obj.klant

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # DRF's ListModelMixin.list, with the page in hand to log exactly what is returned.
        view: Any = self
        queryset = view.filter_queryset(view.get_queryset())
        pagina = view.paginate_queryset(queryset)
        objecten = list(queryset) if pagina is None else pagina
        data = view.get_serializer(objecten, many=True).data
        inzages_bij_lijst(
            request, [self.klant_van(o) for o in objecten], self.log_onderdeel, self.log_doel
        )
        return Response(data) if pagina is None else view.get_paginated_response(data)

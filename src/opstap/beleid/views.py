from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from opstap.accounts.models import Rol
from opstap.accounts.rollen import rol_vereist

from .selectors import bestandsbeeld


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "beleid/start.html", {"beeld": bestandsbeeld(request.user.gemeente)})  # type: ignore[union-attr,arg-type]

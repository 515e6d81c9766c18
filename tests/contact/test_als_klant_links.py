""" "Bekijk als klant" shows the client's pages to the contact person: every link in it must be one
the contact person can follow (no client-only page that ends in 403)."""

import re
from datetime import date, timedelta
from html import unescape

import pytest

from django.test import Client
from django.utils import timezone

from opstap.accounts.models import Rol
from opstap.contact.models import Aanvraag, Contactmoment, Stap
from tests.wereld import Wereld

pytestmark = pytest.mark.django_db


def _links(html: str) -> list[str]:
    """The page's own links (not in-page anchors, other sites or the menu around the preview)."""
    inhoud = html.split('class="als-klant"', 1)[-1] if 'class="als-klant"' in html else html
    hrefs = {unescape(h) for h in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', inhoud)}
    return sorted(h for h in hrefs if h.startswith("/") and not h.startswith("//"))


def test_elke_link_in_bekijk_als_klant_is_te_volgen(wereld: Wereld) -> None:
    klant = wereld.a.klanten["caseload"]
    cp = wereld.a.gebruikers[Rol.CONTACTPERSOON]
    Stap.objects.create(
        gemeente=klant.gemeente, klant=klant, wat="Cv bijwerken", uiterlijk=date(2026, 12, 6)
    )
    Contactmoment.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        door=cp,
        onderwerp="Bijpraten",
        wanneer=timezone.now() + timedelta(days=2),
    )
    Aanvraag.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        regeling_code="test",
        regeling_naam="Toeslag",
        ingediend_door=cp,
        stappen=[{"naam": "Besluit", "verwacht_op": "2027-01-03"}],
    )
    client = Client()
    client.force_login(cp)
    response = client.get(f"/werk/klanten/{klant.pk}/als-klant/")
    assert response.status_code == 200
    links = _links(response.content.decode())
    assert links, "de weergave heeft geen links om te volgen"
    kapot = {}
    for link in links:
        status = client.get(link).status_code
        if status in (403, 404):
            kapot[link] = status
    assert not kapot, f"links in 'Bekijk als klant' die de contactpersoon niet kan volgen: {kapot}"

"""A small fictitious world for tests: two municipalities, every role in each, a few clients.

Kept apart from the demo data so tests stay fast and say exactly what they rely on."""

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from opstap.accounts.models import Gebruiker, Rol
from opstap.beleid.models import Doorrekening
from opstap.bemiddeling.models import (
    Aanmelding,
    Bijeenkomst,
    Driehoeksmoment,
    Plaats,
    Proefdag,
    Voorstel,
    VoorstelStatus,
)
from opstap.contact.models import Bericht, Contactpersoon, Gespreksverslag
from opstap.gemeenten.models import Gemeente
from opstap.inkomen.models import Berekening
from opstap.klanten.models import Klant
from opstap.leernetwerk.models import Bijdrage, Code, Codering, Sessie, Status
from opstap.privacy.bsn import is_geldig_bsn
from opstap.privacy.crypto import zoekhash
from opstap.verklaringen.models import Inkomstenverklaring, Loonstrookbestand
from opstap.werken.models import Baan, Contract
from opstap.werkgevers.models import Toestemming, Vacature, Werkgever
from opstap.werkzoeken.models import Activiteit, Controle, Stuk

WACHTWOORD = "test-wachtwoord-123"
# A 1×1 PNG: the test world's payslip (only shown, never read).
KLEINE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4f400"
    "00000049454e44ae426082"
)
# A 1×1 PNG: the test world's payslip (only shown, never read).
KLEINE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4f400"
    "00000049454e44ae426082"
)
# Valid test BSNs (elfproef) from the 9999-range of test persons.
BSNS = ["999990019", "999990032", "999990044", "999990056", "999990068", "999990081", "999990093"]


def nieuwe_bsns(aantal: int, *, vanaf: int = 1000) -> list[str]:
    """More valid test BSNs (elfproef, 9999-range), none of them in BSNS."""
    uit = []
    n = vanaf
    while len(uit) < aantal:
        kandidaat = f"99999{n:04d}"
        if is_geldig_bsn(kandidaat) and kandidaat not in BSNS:
            uit.append(kandidaat)
        n += 1
    return uit


@dataclass
class Tenant:
    gemeente: Gemeente
    gebruikers: dict[str, Gebruiker] = field(default_factory=dict)
    klanten: dict[str, Klant] = field(default_factory=dict)
    werkgever: Werkgever | None = None
    vacature: Vacature | None = None
    doorrekening: Doorrekening | None = None
    # Mediation: a second employer (the one the client and the colleague's client consented to),
    # and the municipality's meet-up.
    ander_bedrijf: Werkgever | None = None
    bijeenkomst: Bijeenkomst | None = None
    # Per client (pk): the URL parameters of objects that belong to that client.
    objecten: dict[int, dict[str, int]] = field(default_factory=dict)


def maak_gebruiker(gemeente: Gemeente, username: str, rol: str, **extra: object) -> Gebruiker:
    gebruiker = Gebruiker(
        username=username,
        rol=rol,
        gemeente=gemeente,
        is_demo_account=True,
        first_name=username.capitalize(),
        **extra,
    )
    gebruiker.set_password(WACHTWOORD)
    gebruiker.save()
    return gebruiker


def maak_klant(
    gemeente: Gemeente,
    bsn: str,
    achternaam: str,
    contactpersoon: Gebruiker | None,
    gebruiker: Gebruiker | None = None,
    **extra: object,
) -> Klant:
    velden: dict[str, object] = dict(
        voorletters="A.",
        achternaam=achternaam,
        geboortedatum=date(1980, 5, 1),
        postcode="9999 AA",
        huisnummer="1",
        huishouden="alleenstaande",
        kale_huur=Decimal("650.00"),
        trede="4.0",
    )
    velden.update(extra)
    return Klant.objects.create(
        gemeente=gemeente,
        bsn_versleuteld=bsn,
        bsn_zoekhash=zoekhash(bsn),
        contactpersoon=contactpersoon,
        gebruiker=gebruiker,
        **velden,
    )


# Surnames differ per municipality and appear in no page text, so the access walk can tell from a
# page's text alone whether it shows a client the caller may not see.
ACHTERNAMEN = {
    "alfa": {"eigen": "Eigenaar", "caseload": "Caseload", "collega": "Collegaklant"},
    "beta": {"eigen": "Buitenhuis", "caseload": "Buitendijk", "collega": "Buitenkamp"},
}


def maak_tenant(slug: str, cbs: str, bsns: list[str]) -> Tenant:
    gemeente = Gemeente.objects.create(
        naam=f"Gemeente {slug.capitalize()}", slug=slug, cbs_code=cbs, regels_code="demodam"
    )
    t = Tenant(gemeente)
    t.werkgever = Werkgever.objects.create(gemeente=gemeente, naam=f"Bedrijf {slug}")
    t.vacature = Vacature.objects.create(
        gemeente=gemeente,
        werkgever=t.werkgever,
        titel="Magazijnmedewerker",
        omschrijving="Parttime",
        uren_per_week_min=8,
        uren_per_week_max=24,
        bruto_uurloon=Decimal("15.00"),
        geplaatst_op=date(2026, 1, 5),
    )
    for rol in Rol.values:
        if rol == Rol.WERKGEVER:
            t.gebruikers[rol] = maak_gebruiker(
                gemeente, f"{slug}-{rol}", rol, werkgever=t.werkgever
            )
        else:
            t.gebruikers[rol] = maak_gebruiker(gemeente, f"{slug}-{rol}", rol)
    cp = t.gebruikers[Rol.CONTACTPERSOON]
    Contactpersoon.objects.create(
        gebruiker=cp, telefoon_direct="06-12345678", bereikbaar="ma-do 9-12 uur"
    )
    collega = maak_gebruiker(gemeente, f"{slug}-collega", Rol.CONTACTPERSOON)
    t.gebruikers["collega"] = collega
    namen = ACHTERNAMEN[slug]
    t.klanten["eigen"] = maak_klant(gemeente, bsns[0], namen["eigen"], cp, t.gebruikers[Rol.KLANT])
    t.klanten["caseload"] = maak_klant(gemeente, bsns[1], namen["caseload"], cp)
    t.klanten["collega"] = maak_klant(gemeente, bsns[2], namen["collega"], collega)
    Toestemming.objects.create(
        klant=t.klanten["caseload"],
        werkgever=t.werkgever,
        vacature=t.vacature,
        gegevens=["naam", "beschikbaarheid"],
    )
    t.doorrekening = Doorrekening.objects.create(
        gemeente=gemeente,
        peildatum=date(2026, 1, 1),
        gestart_door=t.gebruikers[Rol.BELEIDSMEDEWERKER],
    )
    t.ander_bedrijf = Werkgever.objects.create(gemeente=gemeente, naam=f"Ander bedrijf {slug}")
    t.bijeenkomst = Bijeenkomst.objects.create(
        gemeente=gemeente,
        titel="Speeddate in de bibliotheek",
        begint_op=timezone.now() + timedelta(days=14),
        plaats="Bibliotheek",
    )
    t.bijeenkomst.werkgevers.add(t.werkgever)
    for klant in t.klanten.values():
        berekening = Berekening.objects.create(
            gemeente=gemeente,
            klant=klant,
            doel="advies",
            peildatum=date(2026, 1, 1),
            regelversie="test",
            invoer={},
            uitkomst={"resultaten": []},
            uitleg={},
        )
        t.objecten[klant.pk] = {
            **maak_begeleiding(klant),
            **maak_bemiddeling(t, klant),
            "doorrekening_pk": t.doorrekening.pk,
            "berekening_pk": berekening.pk,
            "vacature_pk": t.vacature.pk,  # the employer's own, open in the municipality
        }
    leernetwerk = maak_leernetwerk(t)
    for klant in t.klanten.values():
        t.objecten[klant.pk].update(leernetwerk[klant.pk])
    return t


def maak_leernetwerk(t: Tenant) -> dict[int, dict[str, int]]:
    """A learning-network contribution per client (the own client's approved and coded, the
    others sent and waiting), a code and a session. `bijdrage_pk` is the client's own; `bron_pk`
    (the approved text professionals code) and `sessie_pk` belong to the whole municipality."""
    code = Code.objects.create(gemeente=t.gemeente, naam="regie")
    bijdragen = {}
    for sleutel, klant in t.klanten.items():
        goed = sleutel == "eigen"
        bijdragen[klant.pk] = Bijdrage.objects.create(
            gemeente=t.gemeente,
            klant=klant,
            onderwerp="gesprek",
            origineel=f"Origineel van klant {klant.pk}: ik sprak [PERSOON] op het werkplein.",
            gedeelde_tekst="Ik sprak [PERSOON] op het werkplein. Het was een fijn gesprek.",
            status=Status.GOEDGEKEURD if goed else Status.INGEDIEND,
            ingediend_op=timezone.now(),
            in_plaats_van_sollicitatie=True,
            leeftijdsgroep="45_54",
        )
    bron = bijdragen[t.klanten["eigen"].pk]
    Codering.objects.create(
        bijdrage=bron, code=code, codeur=t.gebruikers[Rol.BELEIDSMEDEWERKER], begin=0, einde=34
    )
    sessie = Sessie.objects.create(
        gemeente=t.gemeente, titel="Eerste bijeenkomst", datum=date(2026, 3, 2)
    )
    return {
        pk: {"bijdrage_pk": b.pk, "bron_pk": bron.pk, "sessie_pk": sessie.pk}
        for pk, b in bijdragen.items()
    }


def maak_begeleiding(klant: Klant) -> dict[str, int]:
    """A message with an attachment and a published conversation summary for one client."""
    auteur = klant.contactpersoon
    assert auteur is not None
    bericht = Bericht(
        gemeente=klant.gemeente,
        klant=klant,
        afzender=auteur,
        van_klant=False,
        tekst="Welkom! Hier kun je me altijd een bericht sturen.",
        bijlage_naam="welkom.pdf",
        bijlage_type="application/pdf",
    )
    bericht.bijlage.save("welkom.pdf", ContentFile(b"%PDF-1.4\n% test\n"), save=False)
    bericht.save()
    verslag = Gespreksverslag.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        auteur=auteur,
        gesprek_op=date(2026, 1, 12),
        samenvatting="We hebben kennisgemaakt.",
        afspraken="Je zoekt drie vacatures uit.",
        volgende_stappen="Ik stuur je een lijst met uitzendbureaus.",
        gepubliceerd_op=timezone.now(),
    )
    # A reported job (D1), so the access walk checks /api/v1/banen/ and /mijn/werk/ for leaks.
    baan = Baan.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        werkgever_naam=f"Werkgever van {klant.pk}",
        begonnen_op=date(2026, 2, 1),
        uren_per_week=Decimal(12),
        bruto_uurloon=Decimal("14.40"),
        loonperiode="maand",
    )
    # A declaration for that job (D3), so the walk checks /api/v1/inkomstenverklaringen/ too.
    verklaring = Inkomstenverklaring.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        baan=baan,
        maand=date(2026, 3, 1),
        uren=Decimal(48),
        netto_loon=Decimal("612.40"),
        kenmerk=f"IV-TEST{klant.pk:04d}",
    )
    # Its payslip, so the walk opens /mijn/inkomsten/<verklaring_pk>/loonstrook/<bestand_pk>/ too.
    loonstrook = Loonstrookbestand(
        verklaring=verklaring,
        naam="loonstrook.png",
        soort="image/png",
        sha256="0" * 64,
        grootte=len(KLEINE_PNG),
    )
    loonstrook.bestand.save("loonstrook", ContentFile(KLEINE_PNG), save=False)
    loonstrook.save()
    # Its employment contract (D2), so the walk opens /werk/klanten/…/werk/<baan_pk>/contract/.
    contract = Contract(
        gemeente=klant.gemeente,
        klant=klant,
        baan=baan,
        bestand_naam="contract.pdf",
        bestand_type="application/pdf",
        bestand_sha256="0" * 64,
        gecontroleerd_op=timezone.now(),  # already checked: no signal on every client's row
        opmerking="Ziet er goed uit.",
    )
    contract.bestand.save("contract.pdf", ContentFile(b"%PDF-1.4\n% test\n"), save=False)
    contract.save()
    # Finding work: a shared letter (with a file) waiting for its check, and an activity with proof.
    stuk = Stuk(
        gemeente=klant.gemeente,
        klant=klant,
        soort="brief",
        titel="Brief magazijn",
        tekst="Geachte heer, mevrouw, graag werk ik bij u.",
        bestand_naam="brief.pdf",
        bestand_type="application/pdf",
        gedeeld_op=timezone.now(),
    )
    stuk.bestand.save("brief.pdf", ContentFile(b"%PDF-1.4\n% brief\n"), save=False)
    stuk.save()
    Controle.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        stuk=stuk,
        tekst=stuk.tekst,
        gevraagd_op=timezone.now(),
        uiterlijk_op=timezone.now(),
    )
    Stuk.objects.create(
        gemeente=klant.gemeente, klant=klant, soort="pitch", titel="Pitch", tekst="Ik werk graag."
    )
    activiteit = Activiteit(
        gemeente=klant.gemeente,
        klant=klant,
        soort="sollicitatie",
        datum=date(2026, 1, 20),
        omschrijving="Gesolliciteerd bij de bakker",
        bewijs_naam="mail.png",
        bewijs_type="image/png",
    )
    activiteit.bewijs.save("mail.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=False)
    activiteit.save()
    return {
        "klant_pk": klant.pk,
        "bericht_pk": bericht.pk,
        "verslag_pk": verslag.pk,
        "verklaring_pk": verklaring.pk,
        "bestand_pk": loonstrook.pk,
        "baan_pk": baan.pk,
        "stuk_pk": stuk.pk,
        "activiteit_pk": activiteit.pk,
    }


def maak_bemiddeling(t: Tenant, klant: Klant) -> dict[str, int]:
    """A candidacy with a trial day and a triangle moment, a sign-up for the meet-up and a
    work-experience place, for one client. Only the caseload client consented to the tenant's
    employer; the others consented to the other company, which the tenant's employer must not see."""
    assert t.werkgever is not None and t.ander_bedrijf is not None and t.bijeenkomst is not None
    toestemming = Toestemming.objects.filter(klant=klant).first() or Toestemming.objects.create(
        klant=klant, werkgever=t.ander_bedrijf, gegevens=["naam", "contact"]
    )
    voorstel = Voorstel.objects.create(
        gemeente=klant.gemeente,
        klant=klant,
        werkgever=toestemming.werkgever,
        vacature=toestemming.vacature,
        voorgestelde_gegevens=list(toestemming.gegevens),
        toestemming=toestemming,
        status=VoorstelStatus.GEDEELD,
    )
    Proefdag.objects.create(
        voorstel=voorstel,
        aangevraagd_door_rol="klant",
        datum=date(2026, 3, 2),
        begin=time(9),
        einde=time(13),
        plaats="Hoofdingang",
    )
    Driehoeksmoment.objects.create(
        voorstel=voorstel,
        gepland_op=timezone.now() + timedelta(days=3),
        onderwerp="Kennismaking met z'n drieën",
    )
    Aanmelding.objects.create(bijeenkomst=t.bijeenkomst, klant=klant)
    Plaats.objects.create(
        gemeente=klant.gemeente,
        werkgever=t.werkgever,
        soort="werkervaring",
        titel=f"Werkervaring {klant.pk}",
        klant=klant,
        begin=date(2026, 2, 1),
        status="loopt",
    )
    return {
        "voorstel_pk": voorstel.pk,
        "toestemming_pk": toestemming.pk,
        "bijeenkomst_pk": t.bijeenkomst.pk,
    }


@dataclass
class Wereld:
    a: Tenant
    b: Tenant

    def eigen_klant(self, rol: str) -> Klant | None:
        """A client this role may see in municipality A (None: the role sees no client)."""
        return {
            Rol.KLANT: self.a.klanten["eigen"],
            Rol.CONTACTPERSOON: self.a.klanten["caseload"],
            Rol.INKOMENSCONSULENT: self.a.klanten["collega"],
            Rol.WERKGEVER: self.a.klanten["caseload"],
        }.get(rol)

    def vreemde_klanten(self, rol: str) -> list[Klant]:
        """Clients this role must never see: same municipality where that is the rule, and the other one."""
        zelfde = {
            Rol.KLANT: [self.a.klanten["caseload"]],
            Rol.CONTACTPERSOON: [self.a.klanten["collega"]],
            Rol.WERKGEVER: [self.a.klanten["eigen"]],
            Rol.INKOMENSCONSULENT: [],  # sees every client of its own municipality
        }.get(rol, list(self.a.klanten.values()))
        return [*zelfde, self.b.klanten["caseload"]]

    def objecten_van(self, klant: Klant) -> dict[str, int]:
        """URL parameters (klant_pk, bericht_pk, verslag_pk …) of objects belonging to this client."""
        return {**self.a.objecten, **self.b.objecten}[klant.pk]

    def eigen_objecten(self, rol: str) -> dict[str, int] | None:
        if rol == Rol.BELEIDSMEDEWERKER:  # no client, but the municipality's recalculations
            assert self.a.doorrekening is not None
            eigen = self.objecten_van(self.a.klanten["eigen"])
            return {
                "doorrekening_pk": self.a.doorrekening.pk,
                # the learning network: the municipality's approved text and its session
                "bron_pk": eigen["bron_pk"],
                "sessie_pk": eigen["sessie_pk"],
            }
        klant = self.eigen_klant(rol)
        return self.objecten_van(klant) if klant is not None else None

    def _vreemd(self, klant: Klant, parameters: dict[str, int]) -> frozenset[str]:
        """Which of a foreign client's parameters are foreign: a recalculation or vacancy of the
        caller's own municipality is not, everything else of that client is."""
        eigen_gemeente = klant.gemeente_id == self.a.gemeente.pk
        gemeentelijk = {"doorrekening_pk", "bijeenkomst_pk", "vacature_pk", "bron_pk", "sessie_pk"}
        return frozenset(n for n in parameters if not (eigen_gemeente and n in gemeentelijk))

    def vreemde_objecten(self, rol: str) -> list[tuple[dict[str, int], frozenset[str]]]:
        """Parameter sets this role must be refused, each with the parameters that are foreign.
        Besides whole foreign clients: the own client with a foreign client's object nested in it."""
        sets = [
            (self.objecten_van(k), self._vreemd(k, self.objecten_van(k)))
            for k in self.vreemde_klanten(rol)
        ]
        eigen = self.eigen_objecten(rol)
        if eigen is not None:
            for k in self.vreemde_klanten(rol):
                vreemd = {
                    n: w
                    for n, w in self.objecten_van(k).items()
                    if n != "klant_pk" and n in self._vreemd(k, self.objecten_van(k))
                }
                sets.append(({**eigen, **vreemd}, frozenset(vreemd)))
        return sets


def maak_wereld() -> Wereld:
    return Wereld(
        a=maak_tenant("alfa", "GM9001", BSNS[:3]), b=maak_tenant("beta", "GM9002", BSNS[3:6])
    )

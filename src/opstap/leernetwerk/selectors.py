"""Reads for the learning network: fragments by theme, agreement between coders, and the one
selector the application duty uses (`bijdragen_van`)."""

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.db.models import QuerySet

from opstap.accounts.models import Gebruiker
from opstap.gemeenten.models import Gemeente
from opstap.klanten.models import Klant

from .models import Bijdrage, Code, Codering, Status
from .overeenstemming import cohen_kappa, duiding

# Bounded work per request: agreement looks at no more than this many coded texts.
MAX_TEKSTEN_OVEREENSTEMMING = 500


def bijdragen_van(klant: Klant) -> QuerySet[Bijdrage]:
    """A client's contributions, newest first, for the application duty (werkzoeken).

    Each has `in_plaats_van_sollicitatie` (the client asked that it count as an application),
    `sollicitatie_akkoord_op` / `_door` (the contact person agreed), `ingediend_op` and `status`;
    `telt_als_sollicitatie(b)` below says whether it counts. Withdrawn ones are included, so the
    duty can show what happened; their text is gone."""
    return Bijdrage.objects.filter(klant=klant, gemeente_id=klant.gemeente_id).exclude(
        status=Status.CONCEPT
    )


def telt_als_sollicitatie(bijdrage: Bijdrage) -> bool:
    return (
        bijdrage.in_plaats_van_sollicitatie
        and bijdrage.sollicitatie_akkoord_op is not None
        and bijdrage.status in (Status.INGEDIEND, Status.TERUGGESTUURD, Status.GOEDGEKEURD)
    )


def zinnen(tekst: str) -> list[tuple[int, int]]:
    """Sentence spans (begin, end) of a text: the units a coder picks on a phone."""
    spans = []
    for m in re.finditer(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|(?=\n)|$)", tekst):
        begin, einde = m.start(), m.end()
        while begin < einde and tekst[begin].isspace():
            begin += 1
        while einde > begin and tekst[einde - 1].isspace():
            einde -= 1
        if einde > begin:
            spans.append((begin, einde))
    return spans


@dataclass
class Fragment:
    bijdrage: Bijdrage
    codering: Codering

    @property
    def tekst(self) -> str:
        return self.codering.fragment


@dataclass
class Thema:
    code: Code
    fragmenten: list[Fragment]

    @property
    def aantal(self) -> int:
        return len(self.fragmenten)

    @property
    def aantal_ervaringen(self) -> int:
        return len({f.bijdrage.pk for f in self.fragmenten})


def fragmenten_per_thema(gemeente: Gemeente, codes: list[Code] | None = None) -> list[Thema]:
    """Coded fragments of approved contributions by theme, for a session pack and the CSV.
    A withdrawn or unapproved contribution is never in it."""
    coderingen = (
        Codering.objects.filter(
            bijdrage__gemeente=gemeente,
            bijdrage__status=Status.GOEDGEKEURD,
            code__gemeente=gemeente,
        )
        .select_related("bijdrage", "code")
        .order_by("code__naam", "bijdrage_id", "begin")
    )
    if codes:
        coderingen = coderingen.filter(code__in=codes)
    per_code: dict[int, Thema] = {}
    for c in coderingen:
        per_code.setdefault(c.code_id, Thema(c.code, [])).fragmenten.append(Fragment(c.bijdrage, c))
    return sorted(per_code.values(), key=lambda t: (-t.aantal, t.code.naam))


@dataclass
class Overeenstemming:
    codeur_a: Gebruiker
    codeur_b: Gebruiker
    teksten: int
    eenheden: int
    kappa: float | None
    per_code: list[tuple[Code, float | None]]

    @property
    def duiding(self) -> str:
        return duiding(self.kappa)


def overeenstemming(gemeente: Gemeente) -> list[Overeenstemming]:
    """Cohen's kappa for each pair of coders over the texts both coded. The unit is a sentence and
    a code: did this coder put this code on (part of) this sentence, yes or no. Pooled over the
    codebook and per code."""
    coderingen = list(
        Codering.objects.filter(bijdrage__gemeente=gemeente, bijdrage__status=Status.GOEDGEKEURD)
        .select_related("bijdrage", "codeur", "code")
        .order_by("bijdrage_id")[: MAX_TEKSTEN_OVEREENSTEMMING * 40]
    )
    codes = list(Code.objects.filter(gemeente=gemeente))
    per_codeur: dict[int, dict[int, list[Codering]]] = defaultdict(lambda: defaultdict(list))
    codeurs: dict[int, Gebruiker] = {}
    bijdragen: dict[int, Bijdrage] = {}
    for c in coderingen:
        per_codeur[c.codeur_id][c.bijdrage_id].append(c)
        codeurs[c.codeur_id] = c.codeur
        bijdragen[c.bijdrage_id] = c.bijdrage
    uit = []
    for a, b in combinations(sorted(codeurs), 2):
        samen = sorted(set(per_codeur[a]) & set(per_codeur[b]))[:MAX_TEKSTEN_OVEREENSTEMMING]
        if not samen:
            continue
        labels_a: dict[int, list[bool]] = defaultdict(list)
        labels_b: dict[int, list[bool]] = defaultdict(list)
        eenheden = 0
        for pk in samen:
            for begin, einde in zinnen(bijdragen[pk].gedeelde_tekst):
                eenheden += 1
                for code in codes:
                    for codeur, labels in ((a, labels_a), (b, labels_b)):
                        labels[code.pk].append(
                            any(
                                c.code_id == code.pk and c.begin < einde and c.einde > begin
                                for c in per_codeur[codeur][pk]
                            )
                        )
        alle_a = [x for code in codes for x in labels_a[code.pk]]
        alle_b = [x for code in codes for x in labels_b[code.pk]]
        uit.append(
            Overeenstemming(
                codeurs[a],
                codeurs[b],
                len(samen),
                eenheden,
                cohen_kappa(alle_a, alle_b),
                [
                    (code, cohen_kappa(labels_a[code.pk], labels_b[code.pk]))
                    for code in codes
                    if any(labels_a[code.pk]) or any(labels_b[code.pk])
                ],
            )
        )
    return sorted(uit, key=lambda o: -o.teksten)

"""Work on encrypted data in bulk, below the ORM: encrypting existing plain columns and files (data
migrations) and re-encrypting everything with a new key (`opstap sleutels-roteren`).

Rows are read in batches by primary key with plain SQL, so the fields' own decryption never
runs on values that are not (or not yet) encrypted, and updates never touch `auto_now` dates.
Every step is idempotent: a value already in the wanted state is left alone and counted apart."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps as django_apps
from django.apps.registry import Apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import IntegrityError, connection, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from .crypto import (
    heeft_eerste_sleutel,
    is_leesbaar,
    ontsleutel_bestand,
    roteer,
    versleutel_bestand,
    zoekhash,
)
from .fields import VersleuteldJaNeeVeld, VersleuteldJSONVeld, VersleuteldVeld
from .opslag import VersleuteldeOpslag, nieuwe_naam

BATCH = 500

RunPythonFunctie = Callable[[Apps, BaseDatabaseSchemaEditor], None]


def ruwe_rijen(
    verbinding: BaseDatabaseWrapper,
    model: type[models.Model],
    kolommen: list[str],
    *,
    batch: int = BATCH,
) -> Iterator[list[tuple[Any, ...]]]:
    """The raw column values of every row, `batch` rows at a time, ordered by primary key."""
    qn = verbinding.ops.quote_name
    tabel, pk = qn(model._meta.db_table), qn(_kolom(model._meta.pk))
    velden = ", ".join(qn(k) for k in kolommen)
    laatste: Any = None
    while True:
        waar, parameters = ("", []) if laatste is None else (f"WHERE {pk} > %s", [laatste])
        with verbinding.cursor() as cursor:
            # Table and column names come from the model and are quoted; values are parameters.
            cursor.execute(
                f"SELECT {pk}, {velden} FROM {tabel} {waar} ORDER BY {pk} LIMIT {int(batch)}",  # noqa: S608
                parameters,
            )
            rijen = cursor.fetchall()
        if not rijen:
            return
        yield rijen
        laatste = rijen[-1][0]


def _bijwerken(
    verbinding: BaseDatabaseWrapper,
    model: type[models.Model],
    wijzigingen: list[tuple[Any, dict[str, Any]]],
) -> None:
    qn = verbinding.ops.quote_name
    tabel, pk = qn(model._meta.db_table), qn(_kolom(model._meta.pk))
    with verbinding.cursor() as cursor:
        for sleutel, waarden in wijzigingen:
            zet = ", ".join(f"{qn(k)} = %s" for k in waarden)
            cursor.execute(
                f"UPDATE {tabel} SET {zet} WHERE {pk} = %s",  # noqa: S608
                [*waarden.values(), sleutel],
            )


def _vervangen(
    verbinding: BaseDatabaseWrapper,
    model: type[models.Model],
    sleutel: Any,
    kolom: str,
    oud: Any,
    nieuw: Any,
) -> bool:
    """Set one value, but only if it still holds what we read: a user who saved this field in the
    meantime (already with the new key) is never overwritten. Returns whether it was set."""
    qn = verbinding.ops.quote_name
    tabel, pk, k = qn(model._meta.db_table), qn(_kolom(model._meta.pk)), qn(kolom)
    with verbinding.cursor() as cursor:
        cursor.execute(
            f"UPDATE {tabel} SET {k} = %s WHERE {pk} = %s AND {k} = %s",  # noqa: S608
            [nieuw, sleutel, oud],
        )
        return bool(cursor.rowcount)


def _kolom(veld: Any) -> str:
    kolom = veld.column
    assert isinstance(kolom, str), veld
    return kolom


def _is_token(waarde: Any) -> bool:
    return isinstance(waarde, str) and waarde != "" and is_leesbaar(waarde.encode())


def _versleuteld(veld: models.Field[Any, Any], ruw: Any, verbinding: BaseDatabaseWrapper) -> Any:
    """A plain raw column value (as the column held it before) encrypted by the field itself."""
    if isinstance(veld, VersleuteldJaNeeVeld):
        waarde: Any = str(ruw).strip().lower() in ("1", "true", "t", "yes", "y")
    elif isinstance(veld, VersleuteldJSONVeld):
        waarde = json.loads(ruw) if isinstance(ruw, str) else ruw
    else:
        waarde = str(ruw)
    return veld.get_db_prep_save(waarde, verbinding)


def _ontsleuteld(veld: models.Field[Any, Any], token: str, verbinding: BaseDatabaseWrapper) -> Any:
    """The inverse, for migrating back: what the plain column held."""
    waarde = veld.from_db_value(token, None, verbinding)  # type: ignore[attr-defined]
    if isinstance(veld, VersleuteldJaNeeVeld):
        return "1" if waarde else "0"
    if isinstance(veld, VersleuteldJSONVeld):
        return json.dumps(waarde)
    return waarde


def _verwijderen(opslag: Any, naam: str) -> Callable[[], None]:
    """Removes a replaced file once the new name is committed (never before: no lost files)."""
    return lambda: opslag.delete(naam)


def kolommen_versleutelen(
    app_label: str, model_naam: str, velden: list[str]
) -> tuple[RunPythonFunctie, RunPythonFunctie]:
    """RunPython (forward, backward) for a data migration: encrypt the plain values an existing
    database holds in `velden` (after the schema migration made them encrypted fields), and
    decrypt them again when migrating back."""

    def omzetten(apps: Apps, schema_editor: BaseDatabaseSchemaEditor, *, heen: bool) -> None:
        model = apps.get_model(app_label, model_naam)
        verbinding = schema_editor.connection
        veldobjecten: list[Any] = [model._meta.get_field(naam) for naam in velden]
        kolommen = [_kolom(v) for v in veldobjecten]
        for rijen in ruwe_rijen(verbinding, model, kolommen):
            wijzigingen = []
            for sleutel, *waarden in rijen:
                nieuw = {}
                for veld, ruw in zip(veldobjecten, waarden, strict=True):
                    if ruw is None or ruw == "":
                        continue
                    if heen and not _is_token(ruw):
                        nieuw[_kolom(veld)] = _versleuteld(veld, ruw, verbinding)
                    elif not heen and _is_token(ruw):
                        nieuw[_kolom(veld)] = _ontsleuteld(veld, ruw, verbinding)
                if nieuw:
                    wijzigingen.append((sleutel, nieuw))
            _bijwerken(verbinding, model, wijzigingen)

    def heen(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        omzetten(apps, schema_editor, heen=True)

    def terug(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        omzetten(apps, schema_editor, heen=False)

    return heen, terug


def bestanden_versleutelen(
    app_label: str, model_naam: str, veld_naam: str, *, opslag: str = "default"
) -> tuple[RunPythonFunctie, RunPythonFunctie]:
    """RunPython (forward, backward) that encrypts the files an existing installation stored in
    plain form. Each file is written anew (a new random name next to the old one), the row is
    pointed at it, and the old file is removed only after the migration committed."""

    def omzetten(apps: Apps, schema_editor: BaseDatabaseSchemaEditor, *, heen: bool) -> None:
        model = apps.get_model(app_label, model_naam)
        verbinding = schema_editor.connection
        onder = storages[opslag]
        kolom = _kolom(model._meta.get_field(veld_naam))
        for rijen in ruwe_rijen(verbinding, model, [kolom]):
            for sleutel, naam in rijen:
                if not naam or not onder.exists(naam):
                    continue
                with onder.open(naam, "rb") as bestand:
                    data = bestand.read()
                if heen == is_leesbaar(data):
                    continue  # already as wanted
                nieuw = onder.save(
                    nieuwe_naam(naam),
                    ContentFile(versleutel_bestand(data) if heen else ontsleutel_bestand(data)),
                )
                _bijwerken(verbinding, model, [(sleutel, {kolom: nieuw})])
                transaction.on_commit(_verwijderen(onder, naam), using=verbinding.alias)

    def heen(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        omzetten(apps, schema_editor, heen=True)

    def terug(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        omzetten(apps, schema_editor, heen=False)

    return heen, terug


# --- key rotation ---------------------------------------------------------------------------------


def versleutelde_velden() -> dict[type[models.Model], list[models.Field[Any, Any]]]:
    """Every encrypted field of every installed model, found by its class."""
    uitkomst: dict[type[models.Model], list[models.Field[Any, Any]]] = {}
    for model in django_apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        velden: list[models.Field[Any, Any]] = [
            v for v in model._meta.concrete_fields if isinstance(v, VersleuteldVeld)
        ]
        if velden:
            uitkomst[model] = velden
    return uitkomst


def versleutelde_bestandsvelden() -> dict[type[models.Model], list[models.FileField]]:
    """Every file field whose files are stored encrypted."""
    uitkomst: dict[type[models.Model], list[models.FileField]] = {}
    for model in django_apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        velden = [
            v
            for v in model._meta.concrete_fields
            if isinstance(v, models.FileField) and isinstance(v.storage, VersleuteldeOpslag)
        ]
        if velden:
            uitkomst[model] = velden
    return uitkomst


@dataclass
class Telling:
    """What a rotation did, per kind of data (printed by the command)."""

    nieuw: int = 0  # re-encrypted (or re-hashed) with the first key
    al_goed: int = 0  # already used the first key
    problemen: list[str] = field(default_factory=list)


def velden_roteren(*, batch: int = BATCH) -> dict[str, Telling]:
    """Re-encrypt every encrypted value that does not use the first key yet. Per model label."""
    uitkomst: dict[str, Telling] = {}
    for model, velden in versleutelde_velden().items():
        telling = uitkomst.setdefault(model._meta.label, Telling())
        kolommen = [_kolom(v) for v in velden]
        for rijen in ruwe_rijen(connection, model, kolommen, batch=batch):
            with transaction.atomic():
                for sleutel, *waarden in rijen:
                    for kolom, ruw in zip(kolommen, waarden, strict=True):
                        if ruw is None or ruw == "":
                            continue
                        token = str(ruw).encode()
                        if heeft_eerste_sleutel(token):
                            telling.al_goed += 1
                        elif not is_leesbaar(token):
                            telling.problemen.append(
                                f"{model._meta.label} {sleutel} ({kolom}): met geen enkele "
                                "sleutel te lezen, of nog niet versleuteld"
                            )
                        elif _vervangen(
                            connection, model, sleutel, kolom, ruw, roteer(token).decode()
                        ):
                            telling.nieuw += 1
                        else:
                            telling.al_goed += (
                                1  # changed meanwhile: saved with the first key already
                            )
    return uitkomst


def bestanden_roteren(*, batch: int = BATCH) -> Telling:
    """Re-encrypt every stored file that does not use the first key yet. The new file gets a new
    name; the row is pointed at it; the old file goes after the commit."""
    telling = Telling()
    for model, velden in versleutelde_bestandsvelden().items():
        for veld in velden:
            opslag: VersleuteldeOpslag = veld.storage  # type: ignore[assignment]
            kolom = _kolom(veld)
            for rijen in ruwe_rijen(connection, model, [kolom], batch=batch):
                for sleutel, naam in rijen:
                    if not naam:
                        continue
                    if not opslag.exists(naam):
                        telling.problemen.append(
                            f"{model._meta.label} {sleutel}: bestand ontbreekt"
                        )
                        continue
                    try:
                        with transaction.atomic():
                            nieuw = opslag.roteren(naam)
                            if nieuw is None:
                                telling.al_goed += 1
                                continue
                            if _vervangen(connection, model, sleutel, kolom, naam, nieuw):
                                transaction.on_commit(_verwijderen(opslag, naam))
                            else:  # the row got another file meanwhile: drop ours
                                transaction.on_commit(_verwijderen(opslag, nieuw))
                                telling.al_goed += 1
                                continue
                    except Exception as fout:  # noqa: BLE001 - report the file and go on with the rest
                        telling.problemen.append(f"{model._meta.label} {sleutel}: {fout}")
                        continue
                    telling.nieuw += 1
    return telling


def zoekhashes_herberekenen(*, batch: int = BATCH) -> Telling:
    """Recompute every client's BSN lookup hash with the first key."""
    Klant = django_apps.get_model("klanten", "Klant")  # noqa: N806 - a model class
    telling = Telling()
    laatste = 0
    while True:
        klanten = list(
            Klant.objects.filter(pk__gt=laatste)
            .order_by("pk")
            .only("pk", "gemeente_id", "bsn_versleuteld", "bsn_zoekhash")[:batch]
        )
        if not klanten:
            return telling
        for klant in klanten:
            nieuw = zoekhash(klant.bsn_versleuteld)
            if nieuw == klant.bsn_zoekhash:
                telling.al_goed += 1
                continue
            try:
                with transaction.atomic():
                    Klant.objects.filter(pk=klant.pk).update(bsn_zoekhash=nieuw)
            except IntegrityError:
                # Two rows with the same BSN in one municipality (a re-import before this fix
                # could make that): leave both, a person has to merge them.
                telling.problemen.append(
                    f"klant {klant.pk}: dit BSN staat al bij een andere klant van dezelfde gemeente"
                )
                continue
            telling.nieuw += 1
        laatste = klanten[-1].pk

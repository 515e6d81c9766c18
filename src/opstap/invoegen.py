"""Inserting one new row without the ORM's SQL compiler, for the writes done thousands of times a
minute on deadline day (a declaration, its payslip row, the access-log entry); and the reverse,
a model instance from a row read with plain SQL (`uit_rij`).

The values are exactly those Model.save() would write: every field's pre_save (defaults already
set, auto_now, a FileField's name) and get_db_prep_save (encryption of the encrypted fields) run.
Only the SQL text is built once per model instead of on every insert, which was most of an
insert's CPU. No signals are sent: use it only for models without save signals or a save() that
does more than refuse changes (privacy.Inzage refuses an update; this only inserts)."""

from functools import cache
from typing import Any

from django.db import connections
from django.db.models import AutoField, BigAutoField, Field, Model, SmallAutoField

_AUTOMATISCH = (AutoField, BigAutoField, SmallAutoField)


@cache
def _sql(model: type[Model], alias: str) -> tuple[str, tuple["Field[Any, Any]", ...]]:
    qn = connections[alias].ops.quote_name
    meta = model._meta
    velden = tuple(
        f for f in meta.concrete_fields if not (f.primary_key and isinstance(f, _AUTOMATISCH))
    )
    kolommen = ", ".join(qn(str(f.column)) for f in velden)
    plaatsen = ", ".join(["%s"] * len(velden))
    sleutel = qn(str(meta.pk.column)) if meta.pk is not None else "id"
    # Only the model's own (quoted) table and column names; every value is a parameter.
    sql = f"INSERT INTO {qn(meta.db_table)} ({kolommen}) VALUES ({plaatsen}) RETURNING {sleutel}"  # noqa: S608
    return sql, velden


def invoegen(obj: Model, alias: str = "default") -> None:
    """Insert `obj` (new: no primary key yet) and set its primary key."""
    if obj.pk is not None:
        raise ValueError(f"{type(obj).__name__} heeft al een primaire sleutel")
    verbinding = connections[alias]
    sql, velden = _sql(type(obj), alias)
    waarden = [f.get_db_prep_save(f.pre_save(obj, True), verbinding) for f in velden]
    with verbinding.cursor() as cursor:
        cursor.execute(sql, waarden)
        obj.pk = cursor.fetchone()[0]
    obj._state.adding = False
    obj._state.db = alias


@cache
def _omzetters(veld: "Field[Any, Any]", alias: str) -> tuple[list[Any], Any]:
    verbinding = connections[alias]
    kolom = veld.get_col(veld.model._meta.db_table)
    return [*verbinding.ops.get_db_converters(kolom), *veld.get_db_converters(verbinding)], kolom


def uit_rij[M: Model](
    model: type[M], velden: "list[Field[Any, Any]]", rij: tuple[Any, ...], alias: str = "default"
) -> M:
    """A model instance from one row of plain SQL holding `velden` (in the model's field order),
    converted as a queryset would: the backend's converters (SQLite's dates and booleans) and each
    field's from_db_value (decryption). Fields not in `velden` load when first read."""
    verbinding = connections[alias]
    waarden = []
    for veld, waarde in zip(velden, rij, strict=True):
        omzetters, kolom = _omzetters(veld, alias)
        for omzetter in omzetters:
            waarde = omzetter(waarde, kolom, verbinding)
        waarden.append(waarde)
    return model.from_db(alias, [v.attname for v in velden], waarden)

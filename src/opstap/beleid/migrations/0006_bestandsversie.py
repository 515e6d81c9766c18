"""A data version for today's caseload picture (telling.py): on PostgreSQL a sequence that every
statement changing clients, trede changes, barriers or jobs moves on (statement-level triggers;
a sequence takes no locks, so writers never wait for each other). The policy page keeps its
counts (suppressed) with the version they were made at and counts again once it has moved.
Other databases (SQLite: development and tests) have no version: the page always counts."""

from django.db import migrations

TABELLEN = ("klanten_klant", "klanten_tredewijziging", "klanten_drempel", "werken_baan")

AAN = [
    "CREATE SEQUENCE IF NOT EXISTS beleid_bestandsversie",
    """
    CREATE OR REPLACE FUNCTION beleid_bestandsversie_ophogen() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM nextval('beleid_bestandsversie');
        RETURN NULL;
    END;
    $$
    """,
    *(
        f"CREATE TRIGGER beleid_bestandsversie AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        f"ON {t} FOR EACH STATEMENT EXECUTE FUNCTION beleid_bestandsversie_ophogen()"
        for t in TABELLEN
    ),
]
UIT = [
    *(f"DROP TRIGGER IF EXISTS beleid_bestandsversie ON {t}" for t in TABELLEN),
    "DROP FUNCTION IF EXISTS beleid_bestandsversie_ophogen()",
    "DROP SEQUENCE IF EXISTS beleid_bestandsversie",
]


def _uitvoeren(statements: list[str]):  # type: ignore[no-untyped-def]
    def uitvoeren(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql, params=None)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [
        ("beleid", "0005_beeldopname"),
        ("klanten", "0001_initial"),
        ("werken", "0002_werk_start"),
    ]

    operations = [
        migrations.RunPython(_uitvoeren(AAN), _uitvoeren(UIT), elidable=False),
    ]

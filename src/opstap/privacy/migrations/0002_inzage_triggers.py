"""The database refuses to change or remove access-log entries, whatever SQL reaches it.

PostgreSQL: one trigger function, fired BEFORE UPDATE OR DELETE for each row and BEFORE TRUNCATE
for the statement. SQLite: BEFORE UPDATE and BEFORE DELETE triggers with RAISE(ABORT) (SQLite has
no TRUNCATE; its DELETE without WHERE still fires the trigger). Both raise an integrity error.

Only the test suite may empty the table: pytest-django flushes the database after every
transactional test (live server, browser tests). tests/conftest.py turns a switch on inside that
flush's transaction only: on PostgreSQL the transaction-local setting `opstap.inzage_wissen`
(SET LOCAL), honoured only in a database whose name starts with `test_` (pytest-django's test
databases; a production database is never named so); on SQLite (development and tests only) a row
in the table `privacy_inzage_wissen`, which is no Django model so a flush never touches it. The
application never sets it (tests/test_inzagelog_alleen_toevoegen.py checks the source). Even with
the switch on, UPDATE stays refused.

Careful on SQLite: Django rebuilds a table for most field changes and the rebuild drops its
triggers. A later migration that alters Inzage must create them again; the tests that send raw
DELETE and UPDATE to the database fail if it does not.
"""

from django.db import migrations

POSTGRESQL_AAN = [
    """
    CREATE OR REPLACE FUNCTION privacy_inzage_alleen_toevoegen() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION 'Het inzagelog kan niet worden gewijzigd.' USING ERRCODE = 'restrict_violation';
        END IF;
        -- The switch counts only in a test database (pytest-django names them test_...).
        IF current_setting('opstap.inzage_wissen', true) IS DISTINCT FROM 'aan'
           OR left(current_database(), 5) <> 'test_' THEN
            RAISE EXCEPTION 'Het inzagelog kan niet worden verwijderd.' USING ERRCODE = 'restrict_violation';
        END IF;
        IF TG_LEVEL = 'ROW' THEN
            RETURN OLD;
        END IF;
        RETURN NULL;
    END;
    $$
    """,
    """
    CREATE TRIGGER privacy_inzage_geen_wijziging
    BEFORE UPDATE OR DELETE ON privacy_inzage
    FOR EACH ROW EXECUTE FUNCTION privacy_inzage_alleen_toevoegen()
    """,
    """
    CREATE TRIGGER privacy_inzage_geen_truncate
    BEFORE TRUNCATE ON privacy_inzage
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_inzage_alleen_toevoegen()
    """,
]
POSTGRESQL_UIT = [
    "DROP TRIGGER IF EXISTS privacy_inzage_geen_truncate ON privacy_inzage",
    "DROP TRIGGER IF EXISTS privacy_inzage_geen_wijziging ON privacy_inzage",
    "DROP FUNCTION IF EXISTS privacy_inzage_alleen_toevoegen()",
]

SQLITE_AAN = [
    "CREATE TABLE IF NOT EXISTS privacy_inzage_wissen (aan integer NOT NULL PRIMARY KEY CHECK (aan = 1))",
    """
    CREATE TRIGGER privacy_inzage_geen_wijziging BEFORE UPDATE ON privacy_inzage
    BEGIN
        SELECT RAISE(ABORT, 'Het inzagelog kan niet worden gewijzigd.');
    END
    """,
    """
    CREATE TRIGGER privacy_inzage_geen_verwijdering BEFORE DELETE ON privacy_inzage
    WHEN NOT EXISTS (SELECT 1 FROM privacy_inzage_wissen)
    BEGIN
        SELECT RAISE(ABORT, 'Het inzagelog kan niet worden verwijderd.');
    END
    """,
]
SQLITE_UIT = [
    "DROP TRIGGER IF EXISTS privacy_inzage_geen_verwijdering",
    "DROP TRIGGER IF EXISTS privacy_inzage_geen_wijziging",
    "DROP TABLE IF EXISTS privacy_inzage_wissen",
]

AAN = {"postgresql": POSTGRESQL_AAN, "sqlite": SQLITE_AAN}
UIT = {"postgresql": POSTGRESQL_UIT, "sqlite": SQLITE_UIT}


def _uitvoeren(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def uitvoeren(apps, schema_editor):  # type: ignore[no-untyped-def]
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise RuntimeError(f"Het inzagelog heeft geen triggers voor database '{vendor}'; "
                               "Opstap draait op PostgreSQL of SQLite.")
        for sql in statements[vendor]:
            schema_editor.execute(sql, params=None)

    return uitvoeren


class Migration(migrations.Migration):

    dependencies = [
        ("privacy", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_uitvoeren(AAN), _uitvoeren(UIT), elidable=False),
    ]

"""On PostgreSQL the audit trail is append-only in SQL too: a trigger refuses
UPDATE and DELETE on case events, criterion decisions and the evidence each
decision cites, whoever asks (the ORM, the admin, a psql session). TRUNCATE,
which only the database owner's maintenance uses (and the test runner's flush),
is not a row operation and is not refused.
"""

from django.db import migrations

TABLES = (
    "validation_caseevent",
    "validation_criteriondecision",
    "validation_criteriondecision_evidence",
)

FUNCTION = """
CREATE OR REPLACE FUNCTION validation_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'validation audit trail: % on % is refused (append-only)',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION validation_refuse_change()"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS validation_refuse_change()")


class Migration(migrations.Migration):
    dependencies = [("validation", "0002_cases")]

    operations = [migrations.RunPython(add_triggers, drop_triggers)]

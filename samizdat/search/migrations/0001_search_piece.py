"""The PostgreSQL search table (see samizdat.search.models): the rows for
pieces indexed before it existed, its GIN index, the trigger that fills it
from Wagtail's index and the triggers that keep its filters equal to the
page and article rows. Nothing but the empty table on SQLite."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

ENTRIES = "wagtailsearch_indexentry"
PIECES = "samizdat_search_piece"

# The piece row of index entry `entry` (the trigger's NEW, or every row of
# the table as `e`), if the entry is a piece: the page it names, of the same
# content type, with an article row. Wagtail keeps object ids as text and
# other models' ids may not be numbers, hence the CASE before the cast.
ROWS = """
SELECT {entry}.id, p.id, p.locale_id, p.live, p.first_published_at,
       a.section_id, a.kind,
       setweight({entry}.title, 'A') || setweight({entry}.body, 'D')
FROM {entries}wagtailcore_page p
JOIN articles_articlepage a ON a.page_ptr_id = p.id
WHERE p.id = CASE WHEN {entry}.object_id ~ '^[0-9]{{1,9}}$'
                  THEN {entry}.object_id::integer END
  AND p.content_type_id = {entry}.content_type_id
"""

UPSERT = f"""
INSERT INTO {PIECES}
    (entry_id, page_id, locale_id, live, published, section_id, kind, vector)
{{rows}}
ON CONFLICT (page_id) DO UPDATE SET
    entry_id = EXCLUDED.entry_id, locale_id = EXCLUDED.locale_id,
    live = EXCLUDED.live, published = EXCLUDED.published,
    section_id = EXCLUDED.section_id, kind = EXCLUDED.kind,
    vector = EXCLUDED.vector
"""

# Vectors stay in the row, compressed, rather than in the TOAST table: a
# search tests and ranks thousands of them, and fetching each from TOAST
# cost about twice as much as reading it in place (measured at 100,000).
INLINE = f"ALTER TABLE {PIECES} ALTER COLUMN vector SET STORAGE MAIN"
# lz4 decompresses several times faster than pglz, where the server has it.
LZ4 = f"ALTER TABLE {PIECES} ALTER COLUMN vector SET COMPRESSION lz4"
HAS_LZ4 = (
    "SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
    "WHERE name = 'default_toast_compression'"
)

# Pieces indexed before this table existed.
BACKFILL = UPSERT.format(rows=ROWS.format(entry="e", entries=f"{ENTRIES} e, "))

FORWARD = [
    INLINE,
    BACKFILL,  # before the GIN index: building it once is faster
    f"CREATE INDEX samizdat_search_piece_vector ON {PIECES} USING gin (vector)",
    f"""
CREATE FUNCTION samizdat_search_piece_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM {PIECES} WHERE entry_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        {UPSERT.format(rows=ROWS.format(entry="NEW", entries=""))};
    END IF;
    RETURN NULL;
END
$$""",
    # Not on title_norm: Wagtail rewrites it for many rows after each save.
    f"""
CREATE TRIGGER samizdat_search_piece_sync
AFTER INSERT OR DELETE OR UPDATE OF title, body, object_id, content_type_id
ON {ENTRIES} FOR EACH ROW EXECUTE FUNCTION samizdat_search_piece_sync()""",
    # The filters follow the page and article rows in the same transaction,
    # so publishing, unpublishing or moving a piece counts at once, before
    # the task that re-indexes its words has run.
    f"""
CREATE FUNCTION samizdat_search_piece_page() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {PIECES} SET live = NEW.live, published = NEW.first_published_at,
        locale_id = NEW.locale_id
    WHERE page_id = NEW.id;
    RETURN NULL;
END
$$""",
    f"""
CREATE TRIGGER samizdat_search_piece_page
AFTER UPDATE OF live, first_published_at, locale_id ON wagtailcore_page
FOR EACH ROW WHEN (OLD.live IS DISTINCT FROM NEW.live
    OR OLD.first_published_at IS DISTINCT FROM NEW.first_published_at
    OR OLD.locale_id IS DISTINCT FROM NEW.locale_id)
EXECUTE FUNCTION samizdat_search_piece_page()""",
    f"""
CREATE FUNCTION samizdat_search_piece_article() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {PIECES} SET section_id = NEW.section_id, kind = NEW.kind
    WHERE page_id = NEW.page_ptr_id;
    RETURN NULL;
END
$$""",
    f"""
CREATE TRIGGER samizdat_search_piece_article
AFTER UPDATE OF section_id, kind ON articles_articlepage
FOR EACH ROW WHEN (OLD.section_id IS DISTINCT FROM NEW.section_id
    OR OLD.kind IS DISTINCT FROM NEW.kind)
EXECUTE FUNCTION samizdat_search_piece_article()""",
]

BACKWARD = [
    f"DROP TRIGGER IF EXISTS samizdat_search_piece_sync ON {ENTRIES}",
    "DROP TRIGGER IF EXISTS samizdat_search_piece_page ON wagtailcore_page",
    "DROP TRIGGER IF EXISTS samizdat_search_piece_article ON articles_articlepage",
    "DROP FUNCTION IF EXISTS samizdat_search_piece_sync()",
    "DROP FUNCTION IF EXISTS samizdat_search_piece_page()",
    "DROP FUNCTION IF EXISTS samizdat_search_piece_article()",
]


def _has_lz4(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(HAS_LZ4)
        return bool(cursor.fetchone()[0])


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            if statement == INLINE and _has_lz4(schema_editor.connection):
                schema_editor.execute(LZ4)
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0002_initial"),
        ("wagtailcore", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchPiece",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("entry_id", models.IntegerField(unique=True)),
                ("locale_id", models.IntegerField()),
                ("live", models.BooleanField()),
                ("published", models.DateTimeField(null=True)),
                ("section_id", models.IntegerField(null=True)),
                ("kind", models.CharField(max_length=20)),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "db_table": "samizdat_search_piece",
                "indexes": [
                    models.Index(
                        fields=["locale_id", "-published"], name="search_piece_newest"
                    ),
                    models.Index(
                        fields=["locale_id", "section_id", "-published"],
                        name="search_piece_section",
                    ),
                    models.Index(
                        fields=["locale_id", "kind", "-published"],
                        name="search_piece_kind",
                    ),
                ],
            },
        ),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]

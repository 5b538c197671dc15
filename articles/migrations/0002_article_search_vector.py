"""Keep Article.search_vector filled by a PostgreSQL trigger and index it with GIN.

A trigger (rather than save()) keeps the vector right whatever writes the row: the admin, bulk
inserts, raw SQL. On SQLite nothing is created: search there falls back to substring matching.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION articles_article_search_vector_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER articles_article_search_vector_trigger
  BEFORE INSERT OR UPDATE OF title, summary, body ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector_update();

CREATE INDEX IF NOT EXISTS article_search_vector_gin ON articles_article USING gin (search_vector);

UPDATE articles_article SET title = title;
"""

BACKWARD = """
DROP INDEX IF EXISTS article_search_vector_gin;
DROP TRIGGER IF EXISTS articles_article_search_vector_trigger ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector_update();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]

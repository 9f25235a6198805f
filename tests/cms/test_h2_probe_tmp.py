import pytest
from tests.cms import factories
from tests.cms.queries import cold_query_sql
from tests.cms.test_lesson_queries import lesson_with_references
pytestmark = pytest.mark.django_db
def test_probe(client):
    factories.catalogue()
    lesson = lesson_with_references(factories.area(), 2, images=1)
    sql = cold_query_sql(client, lesson.url)
    print("\n=====", len(sql))
    for q in sql: print("   ", q[:300])

"""A lesson page's query count does not grow with its blocks or measure references."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from . import factories

pytestmark = pytest.mark.django_db


def lesson_with_references(parent, count):
    measures = [
        factories.measure(target_groups=[factories.target_group()])
        for _ in range(count)
    ]
    body = []
    for item in measures:
        body.append({"type": "paragraph", "value": "<p>Om tiltaket.</p>"})
        body.append(
            {"type": "measure", "value": {"measure": item.pk, "note": "Se her."}}
        )
        body.append(
            {"type": "checklist", "value": {"title": "Sjekk", "items": ["a", "b"]}}
        )
    return factories.lesson(parent=parent, body=body)


def queries_for(client, url):
    client.get(url)  # warm the per-process caches (site root paths, menu)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_lesson_with_30_references_uses_as_many_queries_as_with_3(client, db):
    factories.catalogue()
    area = factories.area()
    small = lesson_with_references(area, 3)
    large = lesson_with_references(area, 30)
    small_count, small_response = queries_for(client, small.url)
    large_count, large_response = queries_for(client, large.url)
    assert small_response.content.decode().count("block-measure") == 3
    assert large_response.content.decode().count("block-measure") == 30
    assert large_count == small_count
    assert small_count <= 15

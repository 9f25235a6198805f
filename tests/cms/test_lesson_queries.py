"""A lesson page's query count, with an empty cache, does not grow with its blocks,
its measure references, its images or the lessons around it."""

import pytest

from . import factories
from .queries import COLD_PAGE_QUERY_LIMIT, cold_queries

pytestmark = pytest.mark.django_db


def lesson_with_references(parent, count, *, images=0):
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
        body.append({"type": "reflection", "value": {"question": "Hva nå?"}})
    for _ in range(images):
        picture = factories.image()
        body.append({"type": "image", "value": {"image": picture.pk, "caption": ""}})
    lesson = factories.lesson(parent=parent, body=body)
    lesson.target_groups.set([factories.target_group() for _ in range(count)])
    lesson.save_revision().publish()
    return lesson


def test_lesson_with_30_references_uses_as_many_queries_as_with_3(client):
    factories.catalogue()
    area = factories.area()
    small = lesson_with_references(area, 3)
    large = lesson_with_references(area, 30)
    small_count, small_response = cold_queries(client, small.url)
    large_count, large_response = cold_queries(client, large.url)
    assert small_response.content.decode().count("block-measure") == 3
    assert large_response.content.decode().count("block-measure") == 30
    assert large_count == small_count <= COLD_PAGE_QUERY_LIMIT


def test_images_cost_two_queries_however_many(client):
    """The images with their renditions, in two queries (so a lesson with images
    costs two more than the limit when the cache is empty)."""
    factories.catalogue()
    area = factories.area()
    small = lesson_with_references(area, 3, images=1)
    large = lesson_with_references(area, 3, images=10)
    small_count, _response = cold_queries(client, small.url)
    large_count, large_response = cold_queries(client, large.url)
    assert large_response.content.decode().count("block-image") == 10
    assert large_count == small_count <= COLD_PAGE_QUERY_LIMIT + 2


def test_more_lessons_in_the_area_cost_no_more_queries(client):
    area = factories.area()
    lessons = [factories.lesson(parent=area) for _ in range(3)]
    middle = lessons[1]
    before, _response = cold_queries(client, middle.url)
    for _ in range(20):
        factories.lesson(parent=area)
    after, response = cold_queries(client, middle.url)
    assert after == before <= COLD_PAGE_QUERY_LIMIT
    assert response.context["lesson_count"] == 23


def test_a_logged_in_reader_costs_a_fixed_number_of_queries(client, user):
    area = factories.area()
    small = lesson_with_references(area, 2)
    large = lesson_with_references(area, 12)
    client.force_login(user)
    small_count, _response = cold_queries(client, small.url)
    large_count, _response = cold_queries(client, large.url)
    assert large_count == small_count


def test_a_warm_lesson_converts_no_block(client, django_assert_max_num_queries):
    """The shared article runs come from the cache: only routing, privacy and
    the personal parts query."""
    factories.catalogue()
    lesson = lesson_with_references(factories.area(), 5, images=2)
    cold, _response = cold_queries(client, lesson.url)
    with django_assert_max_num_queries(cold - 2):
        client.get(lesson.url)

"""The demo course material: complete, substantial, and idempotent to load."""

import re

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from cms.areas import Area
from cms.demo import LESSONS
from cms.demo_content import catalogue
from cms.models import LessonPage, Measure, Provider, TargetGroup, ToolboxAreaPage

pytestmark = pytest.mark.django_db


def words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


def lesson_words(lesson: LessonPage) -> int:
    text = []
    for block in lesson.body.raw_data:
        value = block["value"]
        if isinstance(value, dict):
            for key, item in value.items():
                if key in {"measure", "level"}:
                    continue
                text.extend(item if isinstance(item, list) else [str(item)])
        else:
            text.append(str(value))
    return words(" ".join(str(t) for t in text))


def test_demo_data_has_every_area_with_three_substantial_lessons():
    call_command("seed_demo", verbosity=0)
    assert TargetGroup.objects.count() == 4
    assert Measure.objects.count() >= 15
    assert Provider.objects.count() >= 5
    assert all(m.provider_id for m in Measure.objects.all())
    for area in Area:
        area_page = ToolboxAreaPage.objects.get(area=area)
        lessons = LessonPage.objects.child_of(area_page).live()
        assert lessons.count() >= 3, area
        for lesson in lessons:
            kinds = [block.block_type for block in lesson.body]
            assert words(lesson.learning_goals) > 3
            assert "checklist" in kinds, lesson.title
            assert "reflection" in kinds, lesson.title
            assert lesson_words(lesson) >= 300, (lesson.title, lesson_words(lesson))


def test_demo_lessons_vary_in_length_like_real_ones():
    call_command("seed_demo", verbosity=0)
    lengths = sorted(lesson_words(lesson) for lesson in LessonPage.objects.live())
    assert lengths[0] <= 400, lengths
    assert lengths[-1] >= 1300, lengths
    assert any(700 <= n <= 1000 for n in lengths), lengths


def test_demo_lessons_link_to_live_pages_and_reference_measures():
    call_command("seed_demo", verbosity=0)
    live = set(Page.objects.live().values_list("pk", flat=True))
    for lesson in LessonPage.objects.live():
        html = " ".join(
            str(block["value"])
            for block in lesson.body.raw_data
            if block["type"] == "paragraph"
        )
        linked = [int(pk) for pk in re.findall(r'linktype="page" id="(\d+)"', html)]
        assert linked, lesson.title
        assert set(linked) <= live - {lesson.pk}, lesson.title
        assert "page:" not in html, lesson.title
        kinds = [block.block_type for block in lesson.body]
        assert "measure" in kinds, lesson.title


def test_a_lesson_renders_its_internal_links_as_addresses(client):
    call_command("seed_demo", verbosity=0)
    lesson = LessonPage.objects.get(slug="malgruppe-innvandrere-utenfor-arbeidslivet")
    target = LessonPage.objects.get(
        slug="opplaering-veileder-og-mentor-pa-arbeidsplassen"
    )
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert f'href="{target.url}"' in response.content.decode()


def test_demo_measure_references_point_at_real_measures():
    slugs = {m["slug"] for m in catalogue.MEASURES}
    for lessons in LESSONS.values():
        for lesson in lessons:
            for kind, value in lesson["body"]:
                if kind == "measure":
                    assert value["measure"] in slugs, value


def snapshot():
    return (
        sorted(Page.objects.values_list("url_path", "title", "live")),
        sorted(Measure.objects.values_list("slug", "name", "summary")),
        Revision.objects.count(),
    )


def test_seed_demo_twice_changes_nothing_and_keeps_editor_changes():
    call_command("seed_demo", verbosity=0)
    lesson = LessonPage.objects.live().first()
    lesson.title = "Redaktøren skrev om tittelen"
    lesson.save_revision().publish()
    measure = Measure.objects.first()
    measure.summary = "Redaktørens egen oppsummering."
    measure.save()
    before = snapshot()
    call_command("seed_demo", verbosity=0)
    assert snapshot() == before
    assert LessonPage.objects.get(pk=lesson.pk).title == "Redaktøren skrev om tittelen"
    assert (
        Measure.objects.get(pk=measure.pk).summary == "Redaktørens egen oppsummering."
    )

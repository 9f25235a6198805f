from http import HTTPStatus

from django.core.management import call_command

import pytest

from cms.areas import Area

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(db):
    factories.catalogue()
    area = factories.area(area=Area.TRAINING, title="Opplæring", slug="opplaering")
    lesson = factories.lesson(
        parent=area,
        title="Den første uken",
        body=[
            {
                "type": "paragraph",
                "value": "<p>En god veileder lager en opplæringsplan sammen med "
                "den nyansatte, og følger opp hver fredag.</p>",
            }
        ],
    )
    other = factories.lesson(
        parent=area,
        title="Noe annet",
        body=[{"type": "paragraph", "value": "<p>Samarbeid med kommunen.</p>"}],
    )
    measure = factories.measure(
        name="Arbeidsmarkedsopplæring",
        slug="amo",
        summary="Kurs som gir jobbsøkere kompetanse arbeidslivet etterspør.",
    )
    call_command("update_index", verbosity=0)
    return lesson, other, measure


def test_norwegian_word_in_a_lesson_body_finds_the_lesson(client, material):
    lesson, other, _measure = material
    response = client.get("/sok/", {"q": "opplæringsplan"})
    assert response.status_code == HTTPStatus.OK
    found = response.context["results"]["lessons"]
    assert [p.pk for p in found] == [lesson.pk]
    html = response.content.decode()
    assert lesson.title in html and other.title not in html


def test_results_are_grouped_and_lessons_show_their_area(client, material):
    _lesson, _other, measure = material
    response = client.get("/sok/", {"q": "veileder"})
    html = response.content.decode()
    assert 'id="lessons-heading"' in html
    assert "area-training" in html
    response = client.get("/sok/", {"q": "jobbsøkere"})
    assert [m.pk for m in response.context["results"]["measures"]] == [measure.pk]
    assert 'id="measures-heading"' in response.content.decode()


def test_no_match_shows_a_clear_empty_state(client, material):
    response = client.get("/sok/", {"q": "flyktningeleir-ukjent-ord"})
    assert response.status_code == HTTPStatus.OK
    assert "empty-state" in response.content.decode()


def test_empty_and_overlong_queries_do_not_fail(client, material):
    assert client.get("/sok/").status_code == HTTPStatus.OK
    response = client.get("/sok/", {"q": "x" * 500})
    assert response.status_code == HTTPStatus.OK
    assert response.context["query"] == ""


def test_draft_lessons_are_not_found(client, material):
    lesson, _other, _measure = material
    lesson.unpublish()
    response = client.get("/sok/", {"q": "opplæringsplan"})
    assert response.context["results"]["lessons"] == []


def test_postgresql_search_uses_norwegian_configuration(settings):
    from django.db import connection

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    if connection.vendor == "postgresql":
        assert backend["SEARCH_CONFIG"] == "norwegian"
    else:
        assert "SEARCH_CONFIG" not in backend


@pytest.mark.parametrize(
    "query", ['"', '"opplæringsplan', 'a"b"c"', "'", "*", "(", "NEAR("]
)
def test_quotes_and_operators_do_not_fail(client, material, query):
    """Defect 8: an unbalanced quote gave 500 on SQLite's full-text index."""
    response = client.get("/sok/", {"q": query})
    assert response.status_code == HTTPStatus.OK


def test_an_unbalanced_quote_still_finds_the_word(client, material):
    lesson, _other, _measure = material
    response = client.get("/sok/", {"q": '"opplæringsplan'})
    assert [p.pk for p in response.context["results"]["lessons"]] == [lesson.pk]

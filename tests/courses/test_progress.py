"""Lesson progress, "my course" and reflection notes, seen by the participant."""

import json
import re
from http import HTTPStatus

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.forms.participant import (
    REFLECTION_DRAFTS_MAX,
    REFLECTION_DRAFTS_SESSION_KEY,
)
from courses.models import EnrolmentStatus, LessonProgress, ReflectionNote
from courses.selectors import participant as selectors
from courses.services import progress
from lms.accounts import personal_data

from ..accounts.factories import TEST_PASSWORD, UserFactory
from ..cms import factories as cms
from ..helpers import assert_shows_message
from . import factories

pytestmark = pytest.mark.django_db

QUESTION_ID = "5b0c6a8e-1d2f-4c3b-9a41-0e7f2d9c8b11"
OTHER_QUESTION_ID = "a8d7c6b5-4e3f-4a21-8b0c-9d8e7f6a5b42"


@pytest.fixture
def lessons():
    area = cms.area()
    return [cms.lesson(parent=area, title=f"Leksjon {n}") for n in (1, 2, 3)]


@pytest.fixture
def course_run(lessons):
    """Three sessions: study lessons 1 and 2 before the first, 3 before the second."""
    item = factories.run(lessons=lessons, starts_in_days=10)
    first, second, third = item.sessions.order_by("position")
    first.preparation_lessons.set(lessons[:2])
    second.preparation_lessons.set(lessons[2:])
    third.preparation_lessons.set([])
    return item


@pytest.fixture
def participant(course_run):
    return factories.enrolment(run_=course_run, participants=2).participants.last()


def lesson_done(client, lesson, action="done"):
    return client.post(
        reverse("courses:lesson_done", args=[lesson.pk]), {"action": action}
    )


# Marking a lesson done


def test_marking_a_lesson_done_records_it_and_returns_to_the_lesson(
    client, participant, lessons
):
    client.force_login(participant)
    response = lesson_done(client, lessons[0])
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == lessons[0].url + "#lesson-progress"
    row = LessonProgress.objects.get(user=participant, lesson=lessons[0])
    assert row.completed_at is not None

    page = client.get(lessons[0].url)
    assert_shows_message(page, progress.LESSON_DONE_MESSAGE)
    assert 'name="action" value="undo"' in page.content.decode()


def test_undo_clears_completion_but_keeps_first_opened(client, participant, lessons):
    client.force_login(participant)
    client.get(lessons[0].url)
    lesson_done(client, lessons[0])
    opened = LessonProgress.objects.get(user=participant).first_opened_at

    response = lesson_done(client, lessons[0], action="undo")
    assert response.status_code == HTTPStatus.FOUND
    row = LessonProgress.objects.get(user=participant)
    assert row.completed_at is None
    assert row.first_opened_at == opened
    page = client.get(lessons[0].url)
    assert_shows_message(page, progress.LESSON_UNDONE_MESSAGE)
    assert 'name="action" value="done"' in page.content.decode()


def test_marking_done_twice_keeps_the_first_completion_time(participant, lessons):
    first = progress.lesson_mark_done(user=participant, lesson=lessons[0])
    again = progress.lesson_mark_done(user=participant, lesson=lessons[0])
    assert again.completed_at == first.completed_at
    assert LessonProgress.objects.count() == 1


def test_marking_done_needs_login_and_post(client, participant, lessons):
    response = lesson_done(client, lessons[0])
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not LessonProgress.objects.exists()

    client.force_login(participant)
    response = client.get(reverse("courses:lesson_done", args=[lessons[0].pk]))
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_marking_an_unknown_lesson_done_is_not_found(client, participant, lessons):
    client.force_login(participant)
    response = client.post(
        reverse("courses:lesson_done", args=[lessons[-1].pk + 999]),
        {"action": "done"},
    )
    assert response.status_code == HTTPStatus.NOT_FOUND


# First opened


def test_opening_a_lesson_records_first_opened_once(client, participant, lessons):
    client.force_login(participant)
    client.get(lessons[0].url)
    first = LessonProgress.objects.get(user=participant, lesson=lessons[0])
    assert first.completed_at is None

    client.get(lessons[0].url)
    assert LessonProgress.objects.filter(user=participant).count() == 1
    assert LessonProgress.objects.get().first_opened_at == first.first_opened_at


def test_anonymous_visitors_leave_no_trace_and_see_no_panel(client, lessons):
    response = client.get(lessons[0].url)
    assert response.status_code == HTTPStatus.OK
    assert not LessonProgress.objects.exists()
    assert 'id="lesson-progress"' not in response.content.decode()


def test_opening_a_lesson_outside_any_run_records_nothing(client, course_run, lessons):
    outsider = UserFactory()
    withdrawn = factories.enrolment(
        run_=course_run, status=EnrolmentStatus.WITHDRAWN
    ).contact
    for person in (outsider, withdrawn):
        client.force_login(person)
        response = client.get(lessons[0].url)
        # Anyone logged in may still track their own progress.
        assert 'id="lesson-done-button"' in response.content.decode()
    assert not LessonProgress.objects.exists()


# My course


def test_my_course_shows_the_next_session_and_progress(client, participant, lessons):
    progress.lesson_mark_done(user=participant, lesson=lessons[0])
    progress.lesson_mark_done(user=participant, lesson=lessons[2])
    other = UserFactory()
    progress.lesson_mark_done(user=other, lesson=lessons[1])  # not ours
    client.force_login(participant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("courses:my_course"))

    assert response.status_code == HTTPStatus.OK
    course = response.context["course"]
    assert course.next_session.position == 1
    assert [(s.lesson.title, s.done) for s in course.next_session_lessons] == [
        ("Leksjon 1", True),
        ("Leksjon 2", False),
    ]
    assert (course.lessons_done, course.lessons_total, course.percent_done) == (
        2,
        3,
        67,
    )
    assert [s.position for s in course.sessions] == [1, 2, 3]
    html = response.content.decode()
    assert 'max="3" value="2"' in html
    assert "2 of 3 lessons done (67 %)" in html
    assert "Asker rådhus" in html
    assert "Agenda for samling 1" in html
    assert reverse("courses:my_course_calendar") in html


def test_next_session_moves_on_when_a_session_is_over(participant, course_run):
    first = course_run.sessions.get(position=1)
    course = selectors.my_course(user=participant, now=first.ends_at)
    assert course.next_session.position == 2
    assert [s.lesson.title for s in course.next_session_lessons] == ["Leksjon 3"]

    last = course_run.sessions.get(position=3)
    course = selectors.my_course(user=participant, now=last.ends_at)
    assert course.next_session is None


def test_progress_counts_only_the_preparation_lessons_of_the_run(participant, lessons):
    extra = cms.lesson(title="Ikke i kurset")
    progress.lesson_mark_done(user=participant, lesson=extra)
    progress.lesson_mark_done(user=participant, lesson=lessons[1])
    course = selectors.my_course(user=participant)
    assert (course.lessons_done, course.lessons_total) == (1, 3)


@pytest.mark.parametrize(
    "status", [EnrolmentStatus.APPLIED, EnrolmentStatus.WITHDRAWN, None]
)
def test_someone_not_in_a_run_gets_a_friendly_page(client, course_run, status):
    if status is None:
        person = UserFactory()
    else:
        person = factories.enrolment(run_=course_run, status=status).contact
    client.force_login(person)
    response = client.get(reverse("courses:my_course"))
    assert response.status_code == HTTPStatus.OK
    assert response.context["course"] is None
    html = response.content.decode()
    assert 'id="not-in-run"' in html
    assert "Asker rådhus" not in html


def test_my_course_needs_login(client, db):
    response = client.get(reverse("courses:my_course"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


def _my_course_queries(client, person):
    client.force_login(person)
    client.get(reverse("courses:my_course"))
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("courses:my_course"))
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_my_course_uses_the_same_queries_for_2_or_12_lessons(client, db):
    area = cms.area()
    small_lessons = [cms.lesson(parent=area) for _ in range(2)]
    large_lessons = [cms.lesson(parent=area) for _ in range(12)]
    small = factories.enrolment(
        run_=factories.run(course_=factories.course(sessions=2, lessons=small_lessons))
    )
    large = factories.enrolment(
        run_=factories.run(course_=factories.course(sessions=6, lessons=large_lessons))
    )
    for item, lessons_ in ((small, small_lessons[:1]), (large, large_lessons[:7])):
        for lesson in lessons_:
            progress.lesson_mark_done(user=item.contact, lesson=lesson)

    small_count = _my_course_queries(client, small.contact)
    large_count = _my_course_queries(client, large.contact)
    assert small_count == large_count
    assert small_count <= 10


def test_a_person_in_two_runs_sees_the_one_that_comes_next(client, lessons, db):
    later = factories.run(lessons=lessons, starts_in_days=40)
    sooner = factories.run(lessons=lessons, starts_in_days=3)
    person = factories.enrolment(run_=later).contact
    enrolment = factories.enrolment(run_=sooner)
    enrolment.participants.add(person)
    course = selectors.my_course(user=person)
    assert course.run == sooner
    assert course.other_runs == [later]


# Reflection notes


@pytest.fixture
def reflective_lesson(course_run):
    lesson = cms.lesson(
        parent=cms.area(),
        body=[
            {
                "type": "reflection",
                "id": QUESTION_ID,
                "value": {"question": "Hva betyr inkludering for deg?", "guidance": ""},
            },
            {"type": "paragraph", "value": "<p>Mellomrom.</p>"},
            {
                "type": "reflection",
                "id": OTHER_QUESTION_ID,
                "value": {"question": "Hvem kan hjelpe?", "guidance": "Tenk lokalt."},
            },
        ],
    )
    return lesson


def save_note(client, lesson, block_id, text):
    return client.post(
        reverse("courses:reflection_note_save", args=[lesson.pk, block_id]),
        {"text": text},
    )


def test_a_reflection_note_is_saved_and_shown_again(
    client, participant, reflective_lesson
):
    client.force_login(participant)
    page = client.get(reflective_lesson.url).content.decode()
    assert page.count('class="reflection-note') == 2

    response = save_note(client, reflective_lesson, QUESTION_ID, "Å gi folk en sjanse.")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reflective_lesson.url + f"#reflection-{QUESTION_ID}"
    note = ReflectionNote.objects.get()
    assert (note.user, note.block_id, note.text) == (
        participant,
        QUESTION_ID,
        "Å gi folk en sjanse.",
    )

    response = client.get(reflective_lesson.url)
    assert_shows_message(response, progress.NOTE_SAVED_MESSAGE)
    assert "Å gi folk en sjanse." in response.content.decode()

    save_note(client, reflective_lesson, QUESTION_ID, "Nytt svar.")
    assert ReflectionNote.objects.get().text == "Nytt svar."


def test_the_answer_field_is_labelled_described_and_escaped(
    client, participant, reflective_lesson
):
    progress.reflection_note_save(
        user=participant,
        lesson=reflective_lesson,
        block_id=QUESTION_ID,
        text='<b>"Mitt" svar</b>',
    )
    client.force_login(participant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reflective_lesson.url).content.decode()
    field_id = f"id_note_{QUESTION_ID}_text"
    assert re.search(
        rf'<label\s+for="{field_id}" class="form-label">\s*Your answer\s*</label>',
        html,
    )
    textarea = re.search(
        rf'<textarea [^>]*id="{field_id}"[^>]*>([^<]*)</textarea>', html
    )
    assert f'maxlength="{progress.NOTE_MAX_LENGTH}"' in textarea[0]
    assert f'aria-describedby="{field_id}_helptext"' in textarea[0]
    assert "form-control" in textarea[0]
    assert textarea[1] == "\n&lt;b&gt;&quot;Mitt&quot; svar&lt;/b&gt;"
    assert re.search(
        rf'<div id="{field_id}_helptext" class="form-text">\s*Only you can see this.'
        r" Leave it empty and save to delete it.\s*</div>",
        html,
    )
    other_id = f"id_note_{OTHER_QUESTION_ID}_text"
    assert re.search(rf'id="{other_id}"[^>]*>\n</textarea>', html)


def test_nobody_else_can_read_a_reflection_note(
    client, participant, reflective_lesson, course_run
):
    progress.reflection_note_save(
        user=participant,
        lesson=reflective_lesson,
        block_id=QUESTION_ID,
        text="Mitt private svar",
    )
    colleague = factories.enrolment(run_=course_run).contact
    client.force_login(colleague)
    assert "Mitt private svar" not in client.get(reflective_lesson.url).content.decode()
    # Saving under the same question makes the colleague's own note.
    save_note(client, reflective_lesson, QUESTION_ID, "Kollegaens svar")
    assert ReflectionNote.objects.get(user=participant).text == "Mitt private svar"
    client.logout()
    html = client.get(reflective_lesson.url).content.decode()
    assert "Mitt private svar" not in html
    assert 'class="reflection-note' not in html


def test_an_empty_answer_deletes_the_note(client, participant, reflective_lesson):
    client.force_login(participant)
    save_note(client, reflective_lesson, QUESTION_ID, "Noe")
    save_note(client, reflective_lesson, QUESTION_ID, "   ")
    assert not ReflectionNote.objects.exists()
    assert_shows_message(
        client.get(reflective_lesson.url), progress.NOTE_DELETED_MESSAGE
    )


def drafts(client) -> dict:
    return client.session.get(REFLECTION_DRAFTS_SESSION_KEY) or {}


def test_a_note_for_a_question_not_in_the_lesson_is_refused_and_not_kept(
    client, participant, reflective_lesson
):
    client.force_login(participant)
    response = save_note(client, reflective_lesson, "not-a-question", "Mitt svar")
    assert response.status_code == HTTPStatus.FOUND
    assert not ReflectionNote.objects.exists()
    assert drafts(client) == {}
    assert_shows_message(
        client.get(reflective_lesson.url), progress.NOTE_UNKNOWN_QUESTION_MESSAGE
    )


def test_a_refused_answer_comes_back_once(client, participant, reflective_lesson):
    client.force_login(participant)
    # Null characters are refused by the form; the rest of the text is kept.
    save_note(client, reflective_lesson, QUESTION_ID, "Mitt svar\x00")
    assert not ReflectionNote.objects.exists()
    assert drafts(client) == {QUESTION_ID: "Mitt svar\x00"}
    html = client.get(reflective_lesson.url).content.decode()
    assert "Mitt svar" in html
    # Shown once: the draft does not come back on the next visit.
    assert drafts(client) == {}
    assert "Mitt svar" not in client.get(reflective_lesson.url).content.decode()


def test_a_too_long_answer_is_refused_and_nothing_lands_in_the_session(
    client, participant, reflective_lesson
):
    client.force_login(participant)
    for _ in range(5):
        save_note(client, reflective_lesson, QUESTION_ID, "x" * 2_000_000)
        save_note(client, reflective_lesson, "not-a-question", "y" * 2_000_000)
    assert not ReflectionNote.objects.exists()
    assert drafts(client) == {}
    session_size = len(json.dumps(dict(client.session.items())))
    assert session_size < 10_000


def test_line_breaks_count_once_as_in_the_browsers_maxlength(
    client, participant, reflective_lesson
):
    client.force_login(participant)
    # The browser counts each line break once and sends it as CR LF.
    text = ("x" * 99 + "\r\n") * (progress.NOTE_MAX_LENGTH // 100)
    response = save_note(client, reflective_lesson, QUESTION_ID, text)
    assert response.status_code == HTTPStatus.FOUND
    assert ReflectionNote.objects.get().text == text.replace("\r\n", "\n").strip()


def test_at_most_a_few_drafts_are_kept_the_newest(client, participant):
    ids = [f"0000000{n}-1d2f-4c3b-9a41-0e7f2d9c8b11" for n in range(6)]
    lesson = cms.lesson(
        parent=cms.area(),
        body=[
            {"type": "reflection", "id": block_id, "value": {"question": block_id}}
            for block_id in ids
        ],
    )
    client.force_login(participant)
    for block_id in ids:
        save_note(client, lesson, block_id, f"Svar {block_id}\x00")
    kept = drafts(client)
    assert list(kept) == ids[-REFLECTION_DRAFTS_MAX:]
    assert REFLECTION_DRAFTS_MAX <= 5


def test_notes_need_login(client, reflective_lesson):
    response = save_note(client, reflective_lesson, QUESTION_ID, "Hei")
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not ReflectionNote.objects.exists()


def test_my_notes_and_progress_are_in_my_data_and_erased_with_me(
    client, participant, reflective_lesson, lessons
):
    progress.lesson_mark_done(user=participant, lesson=lessons[0])
    progress.reflection_note_save(
        user=participant,
        lesson=reflective_lesson,
        block_id=OTHER_QUESTION_ID,
        text="Kommunen og NAV",
    )
    other = UserFactory()
    progress.reflection_note_save(
        user=other, lesson=reflective_lesson, block_id=QUESTION_ID, text="Ikke meg"
    )
    client.force_login(participant)
    data = client.get(reverse("accounts:data_export")).json()
    assert data["reflection_notes"] == [
        {
            "lesson": reflective_lesson.title,
            "question": "Hvem kan hjelpe?",
            "answer": "Kommunen og NAV",
            "updated_at": ReflectionNote.objects.get(
                user=participant
            ).updated_at.isoformat(),
        }
    ]
    assert [row["lesson"] for row in data["lesson_progress"]] == ["Leksjon 1"]

    client.post(
        reverse("accounts:account_delete"),
        {"password": TEST_PASSWORD, "confirm": "on"},
    )
    assert not ReflectionNote.objects.filter(user=participant).exists()
    assert not LessonProgress.objects.filter(user=participant).exists()
    assert ReflectionNote.objects.filter(user=other).exists()
    assert "reflection_notes" in personal_data.export(other)


def test_lesson_page_for_a_participant_has_a_fixed_number_of_extra_queries(
    client, participant, course_run
):
    area = cms.area()

    def lesson_with(count):
        return cms.lesson(
            parent=area,
            body=[
                {"type": "reflection", "value": {"question": f"Spørsmål {n}"}}
                for n in range(count)
            ],
        )

    small, large = lesson_with(1), lesson_with(8)
    client.force_login(participant)
    counts = []
    for lesson in (small, large):
        client.get(lesson.url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(lesson.url)
        assert response.status_code == HTTPStatus.OK
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]

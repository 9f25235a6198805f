"""The participant's own pages: my course, the calendar, lesson done, reflections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from cms.models import LessonPage
from lms.file_responses import file_response_protect

from ..calendar import render_sessions_calendar
from ..forms.participant import (
    LessonDoneForm,
    ReflectionNoteForm,
    reflection_draft_keep,
)
from ..selectors import participant as selectors
from ..services import progress

# The query parameter that picks one of the person's runs on "my course".
RUN_PARAM = "run"


def _lesson_for(request, lesson_id: int) -> LessonPage:
    """A live lesson the person may read (Wagtail's privacy settings apply)."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    for restriction in lesson.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return lesson


@require_GET
@login_required
def my_course(request):
    """The person's current run, or the one of theirs chosen with ?run=<id>;
    anyone else's run is not found."""
    run_id = None
    if RUN_PARAM in request.GET:
        try:
            run_id = int(request.GET[RUN_PARAM])
        except ValueError:
            raise Http404 from None
    course = selectors.my_course(user=request.user, request=request, run_id=run_id)
    if run_id is not None and course is None:
        raise Http404
    return render(
        request,
        "courses/participant/my_course.html",
        {
            "course": course,
            "certificates": selectors.my_course_certificates(user=request.user),
        },
    )


@require_GET
@login_required
def my_course_calendar(request):
    sessions = selectors.calendar_sessions(user=request.user)
    response = HttpResponse(
        render_sessions_calendar(sessions=sessions),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="sosialprofil-kurs.ics"'
    return file_response_protect(response)


@require_POST
@login_required
def lesson_done(request, lesson_id: int):
    lesson = _lesson_for(request, lesson_id)
    form = LessonDoneForm(request.POST)
    if form.is_valid():
        if form.cleaned_data["action"] == "done":
            progress.lesson_mark_done(user=request.user, lesson=lesson)
            messages.success(request, progress.LESSON_DONE_MESSAGE)
        else:
            progress.lesson_mark_undone(user=request.user, lesson=lesson)
            messages.success(request, progress.LESSON_UNDONE_MESSAGE)
    return redirect(lesson.get_url(request) + "#lesson-progress")


@require_POST
@login_required
def reflection_note_save(request, lesson_id: int, block_id: str):
    lesson = _lesson_for(request, lesson_id)
    form = ReflectionNoteForm(request.POST, block_id=block_id)
    anchor = f"#reflection-{block_id}"
    try:
        if not form.is_valid():
            raise ValidationError(
                [error for errors in form.errors.values() for error in errors]
            )
        note = progress.reflection_note_save(
            user=request.user,
            lesson=lesson,
            block_id=block_id,
            text=form.cleaned_data["text"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        # Kept only where the lesson can show it again, and only as much of it
        # as a note may hold: the session stays small whatever is posted.
        if block_id in progress.reflection_block_ids(lesson=lesson):
            reflection_draft_keep(
                request.session, block_id=block_id, text=request.POST.get("text", "")
            )
    else:
        messages.success(
            request,
            progress.NOTE_SAVED_MESSAGE if note else progress.NOTE_DELETED_MESSAGE,
        )
    return redirect(lesson.get_url(request) + anchor)


urlpatterns = [
    path("mitt-kurs/", my_course, name="my_course"),
    path("mitt-kurs/kalender.ics", my_course_calendar, name="my_course_calendar"),
    path("leksjon/<id:lesson_id>/fullfort/", lesson_done, name="lesson_done"),
    path(
        "leksjon/<id:lesson_id>/refleksjon/<slug:block_id>/",
        reflection_note_save,
        name="reflection_note_save",
    ),
]

"""Wagtail hooks of the course side: record when a participant opens a lesson."""

from wagtail import hooks

from cms.models import LessonPage

from .services import progress


@hooks.register("before_serve_page")
def record_lesson_opened(page, request, serve_args, serve_kwargs):
    # Anonymous visitors cost no query here: `is_authenticated` is checked first.
    if not isinstance(page, LessonPage) or not request.user.is_authenticated:
        return None
    if request.method != "GET":
        return None
    record = progress.lesson_open_record(user=request.user, lesson=page)
    # The progress panel on the same page uses this instead of asking again.
    request.__dict__.setdefault("_lesson_progress", {})[page.pk] = record
    return None

"""Wagtail hooks of the course side: record when a participant opens a lesson."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import LessonPage

from .models import Question, Quiz
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


class QuestionFilterSet(WagtailFilterSet):
    class Meta:
        model = Question
        fields = ["area", "kind", "measure"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    list_display = ["text", "area", "kind"]
    filterset_class = QuestionFilterSet
    search_fields = ["text"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "pick"
    list_display = ["title", "key", "pass_mark", "attempts_allowed"]
    search_fields = ["title", "key"]


class QuizViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Quizzes")
    menu_icon = "pick"
    menu_order = 210
    items = (QuizViewSet, QuestionViewSet)


register_snippet(QuizViewSetGroup)

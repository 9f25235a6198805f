"""Wagtail hooks of the course side: record when a participant opens a lesson;
firms, courses and runs ("Course administration") and quizzes in the admin."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import LessonPage

from .admin_viewsets import (
    CourseAdministrationGroup,
    CoursePermissionPolicy,
    CourseRunPermissionPolicy,
    SessionPermissionPolicy,
    SessionTemplatePermissionPolicy,
)
from .models import Course, CourseRun, Question, Quiz, Session, SessionTemplate
from .services import progress

# Registered before any view asks: the admin then uses the site's rules.
register_permission_policy(Course, CoursePermissionPolicy(Course))
register_permission_policy(
    SessionTemplate, SessionTemplatePermissionPolicy(SessionTemplate)
)
register_permission_policy(CourseRun, CourseRunPermissionPolicy(CourseRun))
register_permission_policy(Session, SessionPermissionPolicy(Session))


@hooks.register("register_admin_viewset")
def register_course_administration():
    return CourseAdministrationGroup()


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

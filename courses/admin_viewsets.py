"""Courses and course runs in Wagtail's admin, with the site's object permissions.

Administrators set up courses (their session templates, certification rules and
certificate validity) and every run; course leaders see and change only the runs
they lead, and those runs' sessions. Courses and runs are plain models (not
clusterable), so their children have viewsets of their own, and each parent's
edit page lists its children with links to them.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import AdminDateTimeInput

import django_filters
import rules

from lms.accounts.admin_viewsets import FirmViewSet
from lms.accounts.roles import Role
from lms.accounts.rules import is_administrator, is_course_leader
from lms.form_fields import ModelMultipleChoiceField
from lms.wagtail_admin import (
    PermittedModelViewSet,
    RulesPermissionPolicy,
    ServiceCreateView,
    ServiceEditView,
)

from .forms.leader import NewRunDatesMixin
from .models import Course, CourseRun, Session, SessionTemplate
from .rules import is_run_leader, is_session_leader
from .services import runs as run_services


@rules.predicate
def course_has_no_runs(user, course):
    return not course.runs.exists()


@rules.predicate
def run_has_no_enrolments(user, run):
    # Deleting a run would delete its firms' enrolments, plans and certificates.
    return not run.enrolments.exists()


class CoursePermissionPolicy(RulesPermissionPolicy):
    """Courses are set up by administrators."""

    actions = {
        "add": is_administrator,
        "change": is_administrator,
        "view": is_administrator,
        "delete": is_administrator,
    }
    instance_actions = {**actions, "delete": is_administrator & course_has_no_runs}

    def visible_to(self, user):
        return Course.objects.all()


class SessionTemplatePermissionPolicy(RulesPermissionPolicy):
    actions = {
        "add": is_administrator,
        "change": is_administrator,
        "view": is_administrator,
        "delete": is_administrator,
    }
    instance_actions = actions

    def visible_to(self, user):
        return SessionTemplate.objects.select_related("course")


class CourseRunPermissionPolicy(RulesPermissionPolicy):
    """The same rules as the leader's pages: `courses.add_courserun` and
    `courses.manage_run` (courses.rules)."""

    actions = {
        "add": is_course_leader | is_administrator,
        "change": is_course_leader | is_administrator,
        "view": is_course_leader | is_administrator,
        "delete": is_administrator,
    }
    instance_actions = {
        "change": is_run_leader | is_administrator,
        "view": is_run_leader | is_administrator,
        "delete": is_administrator & run_has_no_enrolments,
    }

    def visible_to(self, user):
        runs = CourseRun.objects.select_related("course")
        if is_administrator(user):
            return runs
        return runs.filter(leaders=user)


class SessionPermissionPolicy(RulesPermissionPolicy):
    """Sessions are made with their run (from the course's templates); the run's
    leaders change their times, place and agenda (`courses.manage_session`)."""

    actions = {
        "change": is_course_leader | is_administrator,
        "view": is_course_leader | is_administrator,
    }
    instance_actions = {
        "change": is_session_leader | is_administrator,
        "view": is_session_leader | is_administrator,
    }

    def visible_to(self, user):
        sessions = Session.objects.select_related("run")
        if is_administrator(user):
            return sessions
        return sessions.filter(run__leaders=user)


class ChildrenPanel(Panel):
    """A read-only table of a parent's children, each linking to its own form."""

    def __init__(self, *, template_name, **kwargs):
        super().__init__(**kwargs)
        self.template_name = template_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "template_name": self.template_name}

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = self.panel.template_name

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["object"] = self.instance
            return context


# --- Courses and their session templates ---------------------------------------


class CourseForm(WagtailAdminModelForm):
    class Meta:
        model = Course
        fields = [
            "title",
            "slug",
            "description",
            "sessions_required",
            "plan_approval_required",
            "required_quizzes",
            "certificate_validity_months",
        ]
        widgets = {"required_quizzes": forms.CheckboxSelectMultiple}
        field_classes = {"required_quizzes": ModelMultipleChoiceField}


class CourseViewSet(PermittedModelViewSet):
    model = Course
    name = "admin_courses"
    url_prefix = "courses"
    icon = "doc-full"
    menu_order = 200
    search_fields = ["title"]
    list_display = [
        "title",
        "sessions_required",
        "plan_approval_required",
        "certificate_validity_months",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("description"),
            MultiFieldPanel(
                [
                    FieldPanel("sessions_required"),
                    FieldPanel("plan_approval_required"),
                    FieldPanel("required_quizzes"),
                ],
                heading=_("Certification rules"),
            ),
            FieldPanel("certificate_validity_months"),
            ChildrenPanel(
                template_name="courses/admin/course_session_templates_panel.html",
                heading=_("Session templates"),
            ),
        ],
        base_form_class=CourseForm,
    )


class SessionTemplateForm(WagtailAdminModelForm):
    class Meta:
        model = SessionTemplate
        fields = [
            "course",
            "position",
            "title",
            "agenda",
            "duration_minutes",
            "days_after_previous",
            "preparation_lessons",
        ]
        widgets = {"preparation_lessons": forms.CheckboxSelectMultiple}
        field_classes = {"preparation_lessons": ModelMultipleChoiceField}


class SessionTemplateFilterSet(WagtailFilterSet):
    class Meta:
        model = SessionTemplate
        fields = ["course"]


class SessionTemplateViewSet(PermittedModelViewSet):
    model = SessionTemplate
    name = "admin_session_templates"
    url_prefix = "session-templates"
    icon = "list-ol"
    menu_order = 210
    form_fields = SessionTemplateForm.Meta.fields
    filterset_class = SessionTemplateFilterSet
    search_fields = ["title", "course__title"]
    list_display = [
        "__str__",
        "course",
        "duration_minutes",
        "days_after_previous",
    ]

    def get_form_class(self, for_update=False):
        return SessionTemplateForm


# --- Runs and their sessions ---------------------------------------------------


def _leader_choices(run=None):
    """People who hold the course-leader role, and any leader the run has now."""
    leaders = Q(groups__name=Role.COURSE_LEADER.value)
    if run is not None and run.pk:
        leaders |= Q(led_runs=run)
    return get_user_model().objects.filter(leaders).distinct().order_by("email")


class CourseRunForm(WagtailAdminModelForm):
    class Meta:
        model = CourseRun
        fields = [
            "title",
            "municipality",
            "leaders",
            "capacity",
            "enrolment_deadline",
            "status",
        ]
        widgets = {"leaders": forms.CheckboxSelectMultiple}
        field_classes = {"leaders": ModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leaders"].queryset = _leader_choices(self.instance)


class CourseRunCreateForm(NewRunDatesMixin, CourseRunForm):
    """A new run: the course's session templates become its sessions, the first
    at the time given, the rest spaced as the templates say."""

    first_session_starts_at = forms.DateTimeField(
        label=_("First session starts"), widget=AdminDateTimeInput()
    )
    place = forms.CharField(label=_("Place"), max_length=200)

    class Meta(CourseRunForm.Meta):
        fields = [
            "course",
            "title",
            "municipality",
            "leaders",
            "capacity",
            "enrolment_deadline",
        ]
        widgets = CourseRunForm.Meta.widgets
        field_classes = CourseRunForm.Meta.field_classes

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and not is_administrator(self.for_user):
            self.fields["leaders"].initial = [self.for_user.pk]

    def clean_course(self):
        course = self.cleaned_data["course"]
        if not course.session_templates.exists():
            raise forms.ValidationError(run_services.COURSE_WITHOUT_SESSIONS_MESSAGE)
        return course


class CourseRunCreateView(ServiceCreateView):
    def create(self, form):
        data = form.cleaned_data
        leaders = set(data["leaders"])
        if not is_administrator(self.request.user):
            # A leader's new run is theirs; otherwise they could not open it.
            leaders.add(self.request.user)
        return run_services.run_create_from_course(
            course=data["course"],
            title=data["title"],
            municipality=data["municipality"],
            capacity=data["capacity"],
            enrolment_deadline=data["enrolment_deadline"],
            first_session_starts_at=data["first_session_starts_at"],
            place=data["place"],
            leaders=leaders,
        )


class CourseRunFilterSet(WagtailFilterSet):
    municipality = django_filters.AllValuesFilter(
        field_name="municipality", label=_("municipality")
    )

    class Meta:
        model = CourseRun
        fields = ["status", "course", "municipality"]


RUN_PANELS = [
    FieldPanel("title"),
    FieldPanel("municipality"),
    FieldPanel("leaders"),
    FieldPanel("capacity"),
    FieldPanel("enrolment_deadline"),
]


class CourseRunViewSet(PermittedModelViewSet):
    model = CourseRun
    name = "admin_course_runs"
    url_prefix = "course-runs"
    icon = "date"
    menu_order = 300
    add_view_class = CourseRunCreateView
    filterset_class = CourseRunFilterSet
    search_fields = ["title", "municipality"]
    list_display = ["title", "course", "municipality", "status", "enrolment_deadline"]
    edit_handler = ObjectList(
        [
            *RUN_PANELS,
            FieldPanel("status"),
            ChildrenPanel(
                template_name="courses/admin/run_sessions_panel.html",
                heading=_("Sessions"),
            ),
        ],
        base_form_class=CourseRunForm,
    )

    def get_add_view_kwargs(self, **kwargs):
        panel = ObjectList(
            [
                FieldPanel("course"),
                *RUN_PANELS,
                MultiFieldPanel(
                    [FieldPanel("first_session_starts_at"), FieldPanel("place")],
                    heading=_("Sessions"),
                    help_text=_(
                        "One session is made from each of the course's session "
                        "templates. Change their times, places and agendas "
                        "afterwards under Sessions."
                    ),
                ),
            ],
            base_form_class=CourseRunCreateForm,
        ).bind_to_model(CourseRun)
        return super().get_add_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )


class SessionForm(WagtailAdminModelForm):
    class Meta:
        model = Session
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "place",
            "agenda",
            "preparation_lessons",
        ]
        widgets = {"preparation_lessons": forms.CheckboxSelectMultiple}
        field_classes = {"preparation_lessons": ModelMultipleChoiceField}

    def _post_clean(self):
        # `session_update` checks the times (after the start, no overlap with
        # the run's other sessions) with the same messages as the leader's page.
        pass


class SessionEditView(ServiceEditView):
    def update(self, form):
        return run_services.session_update(session=self.object, **form.cleaned_data)


def _runs_for_filter(request):
    return CourseRunPermissionPolicy(CourseRun).instances_user_has_any_permission_for(
        request.user, ["change", "view"]
    )


class SessionFilterSet(WagtailFilterSet):
    run = django_filters.ModelChoiceFilter(
        queryset=_runs_for_filter, label=_("course run")
    )

    class Meta:
        model = Session
        fields = ["run"]


class SessionViewSet(PermittedModelViewSet):
    model = Session
    name = "admin_sessions"
    url_prefix = "sessions"
    icon = "time"
    menu_order = 310
    edit_view_class = SessionEditView
    filterset_class = SessionFilterSet
    search_fields = ["title", "place", "run__title"]
    ordering = ["starts_at"]
    list_display = ["__str__", "starts_at", "ends_at", "place"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            MultiFieldPanel(
                [FieldPanel("starts_at"), FieldPanel("ends_at")],
                heading=_("When"),
            ),
            FieldPanel("place"),
            FieldPanel("agenda"),
            FieldPanel("preparation_lessons"),
        ],
        base_form_class=SessionForm,
    )


class CourseAdministrationGroup(ViewSetGroup):
    menu_label = _("Course administration")
    menu_icon = "group"
    menu_order = 205
    items = (
        FirmViewSet,
        CourseViewSet,
        SessionTemplateViewSet,
        CourseRunViewSet,
        SessionViewSet,
    )

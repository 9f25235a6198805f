"""Every form and formset of our apps, fed generated hostile input: `is_valid()`
never raises, an invalid form says why, and validating writes nothing."""

import importlib
import pkgutil
import re
import sys

from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

import pytest
from hypothesis import given

from courses.models import Attempt, CourseRun
from lms.accounts.models import Firm, User
from placements.models import Goal, Placement
from validation.models import Case

from .conftest import fuzz_settings, one_example
from .strategies import form_data, formset_management

APPS = ("lms", "cms", "courses", "validation", "results", "placements")
# Every module of the apps is imported before the forms are looked for, so the
# list does not depend on what other tests happened to import first. Left out:
# settings (production's refuses to load without its environment), migrations
# and the WSGI/ASGI entry points.
SKIPPED_MODULES = re.compile(r"(^|\.)(settings|migrations|wsgi|asgi)(\.|$)")


def _import_form_modules():
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if not SKIPPED_MODULES.search(info.name):
                importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _ours(cls) -> bool:
    return cls.__module__.split(".")[0] in APPS


def discover_forms() -> dict[str, type]:
    """Every form and formset class defined in our apps, by dotted name: the
    subclasses of Django's bases, and the formsets `formset_factory` made (those
    carry Django's module name, so they are found as attributes of ours)."""
    _import_form_modules()
    found = {}
    for base in (forms.BaseForm, forms.BaseFormSet):
        for cls in _subclasses(base):
            if _ours(cls):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    for module_name, module in list(sys.modules.items()):
        if module_name.split(".")[0] not in APPS or module is None:
            continue
        for attribute, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseFormSet)
                and not _ours(value)
                and _ours(value.form)
            ):
                found[f"{module_name}.{attribute}"] = value
    return dict(sorted(found.items()))


FORMS = discover_forms()


def _demo_user(local_part):
    from lms.accounts.demo import demo_email

    return User.objects.get(email=demo_email(local_part))


def _admin_form(model):
    """A Wagtail admin form class is only complete with its model's panels."""

    def build(cls):
        from wagtail.admin.panels import get_edit_handler, get_form_for_model

        options = get_edit_handler(model).get_form_options()
        form_class = get_form_for_model(model, form_class=cls, **options)
        return form_class, {"for_user": _demo_user("admin")}

    return build


def _wagtail_upload_form(kind):
    """Wagtail's image or document form, built as its uploader builds it (on
    our base form, `WAGTAILIMAGES_IMAGE_FORM_BASE` / `WAGTAILDOCS_..._BASE`)."""

    def build(cls):
        if kind == "images":
            from wagtail.images import get_image_model
            from wagtail.images.forms import get_image_form

            form_class = get_image_form(get_image_model())
        else:
            from wagtail.documents import get_document_model
            from wagtail.documents.forms import get_document_form

            form_class = get_document_form(get_document_model())
        assert issubclass(form_class, cls)
        return form_class, {"user": _demo_user("admin")}

    return build


def _firm_create_form(cls):
    """Registering a firm: the panels the admin's add view uses (the model's own
    fields would add `members`, which no page of the site offers)."""
    from lms.accounts.admin_viewsets import firm_create_panel

    form_class = firm_create_panel().get_form_class()
    assert issubclass(form_class, cls)
    return form_class, {"for_user": _demo_user("admin")}


def _plain(**kwargs):
    return lambda cls: (cls, kwargs() if callable(kwargs) else kwargs)


def _formset(form, formset, prefix):
    """A base formset class is used through `formset_factory`, as its module does."""

    def build(cls):
        module = importlib.import_module(cls.__module__)
        return forms.formset_factory(
            getattr(module, form), formset=getattr(module, formset)
        ), {"prefix": prefix}

    return build


def _with(make_kwargs):
    return lambda cls: (cls, make_kwargs())


def _asked_question():
    from courses.selectors.quizzes import attempt_with_questions

    attempt = Attempt.objects.first()
    detail = attempt_with_questions(attempt_pk=attempt.pk, user=attempt.user)
    return {"question": detail.questions[0], "total": detail.total}


def _criterion_decision():
    from validation.selectors import case_portfolio

    portfolio = next(
        p for p in (case_portfolio(case=c) for c in Case.objects.all()) if p.rows
    )
    labels = {piece.pk: piece.title for piece in portfolio.evidence}
    return {"row": portfolio.rows[0], "portfolio": portfolio, "labels": labels}


def _introduction_ticks():
    from placements.selectors.introduction import introduction_items, introduction_side

    placement = Placement.objects.filter(mentor__isnull=False).first()
    return {
        "items": introduction_items(placement=placement),
        "side": introduction_side(user=placement.mentor, placement=placement),
    }


def _registry_filter():
    from courses.selectors.registry import registry_filter_options

    options = registry_filter_options()
    return {
        "municipalities": options.municipalities,
        "industries": options.industries,
    }


def _case_kinds():
    from validation.models import EvidenceKind

    return {"case": Case.objects.first(), "kinds": list(EvidenceKind)}


def _criteria_choices():
    from placements.selectors.plan import work_area_criteria_choices

    return {"form_kwargs": {"criteria_choices": work_area_criteria_choices()}}


def _people():
    return {"people": [(user.pk, str(user)) for user in User.objects.all()[:5]]}


# How each form is built in its view: the class to use (admin forms get their
# model's panels) and the keyword arguments. A discovered form without an entry
# fails `test_every_discovered_form_has_a_way_to_build_it`.
BUILD = {
    "cms.forms.FirmRegistryFilterForm": _with(_registry_filter),
    "cms.forms.MeasureFilterForm": _plain(),
    "cms.forms.SearchForm": _plain(),
    "courses.admin_forms.QuestionAdminForm": None,  # set below (needs the model)
    "courses.admin_viewsets.CourseForm": None,
    "courses.admin_viewsets.CourseRunCreateForm": None,
    "courses.admin_viewsets.CourseRunForm": None,
    "courses.admin_viewsets.SessionForm": None,
    "courses.admin_viewsets.SessionTemplateForm": None,
    "courses.forms.certification.CertifyForm": _plain(),
    "courses.forms.certification.DocumentLanguageForm": _plain(),
    "courses.forms.certification.RevokeForm": _plain(),
    "courses.forms.checklists.ChecklistTicksForm": _plain(),
    "courses.forms.enrolment.ApplyForm": _with(
        lambda: {"run": CourseRun.objects.first(), "firms": Firm.objects.all()}
    ),
    "courses.forms.enrolment.ParticipantsForm": _with(
        lambda: {"firm": Firm.objects.filter(memberships__isnull=False).first()}
    ),
    "courses.forms.leader.AttendanceForm": _plain(),
    "courses.forms.leader.RunCreateForm": _plain(),
    "courses.forms.leader.SessionForm": _plain(),
    "courses.forms.participant.LessonDoneForm": _plain(),
    "courses.forms.participant.ReflectionNoteForm": _plain(block_id="a-block"),
    "courses.forms.plan.BaseCommitmentFormSet": _formset(
        "CommitmentForm", "BaseCommitmentFormSet", "commitments"
    ),
    "courses.forms.plan.CommitmentForm": _plain(),
    "courses.forms.plan.CommitmentFormSet": _plain(prefix="commitments"),
    "courses.forms.plan.PlanReviewForm": _plain(),
    "courses.forms.plan.PlanVersionForm": _plain(),
    "courses.forms.quiz.AnswerForm": _with(_asked_question),
    "courses.forms.quiz.AttemptGrantForm": _with(_people),
    "lms.accounts.admin_viewsets.FirmCreateForm": _firm_create_form,
    "lms.accounts.two_factor.forms.AppCodeForm": _plain(),
    "lms.accounts.two_factor.forms.BackupCodeForm": _plain(),
    "lms.accounts.two_factor.forms.DisableForm": _with(
        lambda: {"user": _demo_user("deltaker")}
    ),
    "lms.uploads.DocumentForm": _wagtail_upload_form("documents"),
    "lms.uploads.ImageForm": _wagtail_upload_form("images"),
    "results.views.dashboard.RunFilterForm": _with(
        lambda: {"run_choices": [(run.pk, str(run)) for run in CourseRun.objects.all()]}
    ),
    "lms.accounts.forms.DeleteAccountForm": _with(
        lambda: {"user": _demo_user("deltaker")}
    ),
    "lms.accounts.forms.FirmForm": _plain(),
    "lms.accounts.forms.FirmRegisterForm": _with(
        lambda: {"runs": CourseRun.objects.all()}
    ),
    "lms.accounts.forms.FirmSignupForm": _with(
        lambda: {"runs": CourseRun.objects.all()}
    ),
    "lms.accounts.forms.InvitationForm": _plain(),
    "lms.accounts.forms.InvitationSignupForm": _plain(),
    "lms.accounts.forms.LoginForm": _with(
        lambda: {"request": RequestFactory().post("/accounts/login/")}
    ),
    "lms.accounts.forms.NewPasswordMixin": _plain(),
    "lms.accounts.forms.ProfileForm": _plain(),
    "lms.notifications.forms.PreferencesForm": _plain(),
    "lms.verification.forms.VerifyForm": _plain(),
    "placements.forms.evaluations.EvaluationForm": _plain(),
    "placements.forms.evaluations.GoalProgressForm": _with(
        lambda: {"goal": Goal.objects.first()}
    ),
    "placements.forms.evaluations.ResponseForm": _plain(),
    "placements.forms.introduction.BaseIntroductionFormSet": _formset(
        "IntroductionItemForm", "BaseIntroductionFormSet", "items"
    ),
    "placements.forms.introduction.IntroductionFormSet": _plain(prefix="items"),
    "placements.forms.introduction.IntroductionItemForm": _plain(),
    "placements.forms.introduction.IntroductionTemplateAdminForm": None,
    "placements.forms.introduction.IntroductionTickForm": _with(_introduction_ticks),
    "placements.forms.placements.InvitationSignupForm": _plain(),
    "placements.forms.placements.PlacementEndForm": _plain(),
    "placements.forms.placements.PlacementForm": _with(
        lambda: {"mentors": User.objects.all()[:5]}
    ),
    "placements.forms.validation.ValidationStartForm": _with(
        lambda: {"placement": Placement.objects.first()}
    ),
    "placements.forms.work_plan.BaseGoalFormSet": _formset(
        "GoalForm", "BaseGoalFormSet", "goals"
    ),
    "placements.forms.work_plan.BaseTaskFormSet": _formset(
        "TaskForm", "BaseTaskFormSet", "tasks"
    ),
    "placements.forms.work_plan.GoalForm": _with(
        lambda: _criteria_choices()["form_kwargs"]
    ),
    "placements.forms.work_plan.GoalFormSet": _plain(prefix="goals"),
    "placements.forms.work_plan.SupportForm": _plain(),
    "placements.forms.work_plan.TaskForm": _plain(),
    "placements.forms.work_plan.TaskFormSet": _plain(prefix="tasks"),
    # An abstract base (its subclasses set `too_many_message`): fuzzed as one.
    "placements.forms.work_plan._PlanFormSet": _formset(
        "TaskForm", "BaseTaskFormSet", "tasks"
    ),
    "results.forms.FollowUpFiguresForm": _plain(),
    "validation.forms.CaseTransitionForm": _plain(),
    "validation.forms.EvidenceForm": _with(_case_kinds),
    "validation.forms.EvidenceMapForm": _with(lambda: {"case": Case.objects.first()}),
    "validation.forms.UnitAdminForm": None,
    "validation.forms.UnitDecisionForm": _plain(with_note=True),
    "validation.forms_staff.AssessmentStepForm": _plain(),
    "validation.forms_staff.CasePlanForm": _with(
        lambda: {"user": _demo_user("admin"), "may_choose_assessor": True}
    ),
    "validation.forms_staff.CriterionDecisionForm": _with(_criterion_decision),
    "validation.forms_staff.SampleReportForm": _plain(),
}


def _set_admin_forms():
    from courses.models import Course, Question, Session, SessionTemplate
    from placements.models import IntroductionTemplate
    from validation.models import Unit

    for name, model in {
        "courses.admin_forms.QuestionAdminForm": Question,
        "courses.admin_viewsets.CourseForm": Course,
        "courses.admin_viewsets.CourseRunCreateForm": CourseRun,
        "courses.admin_viewsets.CourseRunForm": CourseRun,
        "courses.admin_viewsets.SessionForm": Session,
        "courses.admin_viewsets.SessionTemplateForm": SessionTemplate,
        "placements.forms.introduction.IntroductionTemplateAdminForm": (
            IntroductionTemplate
        ),
        "validation.forms.UnitAdminForm": Unit,
    }.items():
        BUILD[name] = _admin_form(model)


_set_admin_forms()


def test_discovery_finds_the_forms_of_every_app():
    assert {
        "lms.accounts.forms.LoginForm",
        "courses.forms.plan.CommitmentFormSet",
        "validation.forms.EvidenceForm",
        "results.forms.FollowUpFiguresForm",
        "placements.forms.placements.PlacementForm",
        "cms.forms.SearchForm",
    } <= set(FORMS)
    assert {name.split(".")[0] for name in FORMS} == set(APPS)


def test_every_discovered_form_has_a_way_to_build_it():
    assert sorted(set(FORMS) - set(BUILD)) == []


def _field_names(form) -> list[str]:
    if isinstance(form, forms.BaseFormSet):
        names = []
        for index in range(2):
            names += [f"{form.prefix}-{index}-{n}" for n in form.form.base_fields]
            names += [f"{form.prefix}-{index}-DELETE", f"{form.prefix}-{index}-id"]
        return names
    return [form.add_prefix(name) for name in form.fields]


def _good_values(form) -> dict[str, list[str]]:
    """Offered choices, so that some examples pass the choice check and reach
    the deeper validation."""
    if isinstance(form, forms.BaseFormSet):
        form = form.empty_form
    good = {}
    for name, field in form.fields.items():
        choices = getattr(field, "choices", None)
        if choices is not None:
            try:
                values = [str(value) for value, _label in choices][:20]
            except (TypeError, ValueError):  # grouped choices
                values = []
            good[form.add_prefix(name)] = [v for v in values if v] or ["1"]
    return good


def _errors(form) -> bool:
    """Whether the form (or formset, or a Wagtail form's child formsets) has an
    error message to show."""
    if isinstance(form, forms.BaseFormSet):
        return bool(form.non_form_errors()) or any(_errors(f) for f in form.forms)
    child_formsets = getattr(form, "formsets", {}).values()
    return bool(form.errors) or any(_errors(f) for f in child_formsets)


@pytest.mark.parametrize("name", sorted(FORMS))
@pytest.mark.django_db
def test_form_survives_hostile_input(world, name):
    form_class, kwargs = BUILD[name](FORMS[name])
    blank = form_class(**kwargs)
    names = _field_names(blank)
    data_strategy = form_data(names, _good_values(blank))
    if isinstance(blank, forms.BaseFormSet):
        management = formset_management(blank.prefix)
        data_strategy = data_strategy.flatmap(
            lambda data: management.map(lambda m: {**data, **m})
        )

    @fuzz_settings()
    @given(data=data_strategy)
    def check(data):
        from django.utils.datastructures import MultiValueDict

        posted = MultiValueDict(
            {k: v if isinstance(v, list) else [v] for k, v in data.items()}
        )
        with one_example() as writes:
            form = form_class(data=posted, **kwargs)
            try:
                valid = form.is_valid()
            except ValidationError as error:  # pragma: no cover - the failure
                raise AssertionError(f"ValidationError escaped: {error}") from error
            if not valid:
                assert _errors(form), "invalid, and no error to show"
            assert writes.outside_bookkeeping() == []

    check()

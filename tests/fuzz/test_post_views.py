"""Every URL of ours that accepts POST, fed generated form data and raw junk as
a user who may use it: never a 5xx, and a refused form writes nothing."""

import inspect
from dataclasses import dataclass, field
from http import HTTPStatus

from django import forms as django_forms
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.models import CourseCertificate
from lms.accounts.demo import demo_email
from lms.accounts.models import User
from validation.models import ModerationSample

from .conftest import FUZZ_VIEW_EXAMPLES, fuzz_settings, one_example
from .strategies import form_data, formset_management, raw_body

APPS = ("lms", "cms", "courses", "validation", "results", "placements")


def _walk(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            yield from _walk(
                entry, f"{namespace}:{inner}".strip(":") if inner else namespace
            )
        elif isinstance(entry, URLPattern) and entry.name:
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def _accepts_post(callback) -> bool:
    """A class-based view with `post`; a function view whose source (decorators
    included) reads the method or POST data."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post")
    source = inspect.getsource(inspect.unwrap(callback))
    return any(word in source for word in ("POST", "request.method", "require_POST"))


def post_patterns() -> list[str]:
    """The names of our URL patterns that accept POST, from the resolver."""
    names = set()
    for name, entry in _walk(get_resolver()):
        module = getattr(entry.callback, "__module__", "")
        if module.split(".")[0] in APPS and _accepts_post(entry.callback):
            names.add(name)
    return sorted(names)


POST_PATTERNS = post_patterns()


def person(local_part):
    return User.objects.get(email=demo_email(local_part))


@dataclass
class Target:
    """Who posts to a pattern, at which objects, with which field names."""

    user: object  # demo person's e-mail local part, a callable, or None (anonymous)
    kwargs: object = dict  # callable -> URL kwargs
    fields: list[str] = field(default_factory=list)
    formsets: list[str] = field(default_factory=list)
    prime: object = None  # callable(client) run once before the examples
    # Statuses an empty POST may get besides a form's answer, with the reason.
    may_refuse: frozenset = frozenset()


def _names(form_class, prefix=""):
    return [f"{prefix}{n}" for n in form_class.base_fields]


def _f(path, name):
    module = __import__(path, fromlist=[name])
    return _names(getattr(module, name))


def _org():
    return {"org_number": person("kontakt").memberships.get().firm.org_number}


def _run_of_leader():
    from courses.models import CourseRun

    return CourseRun.objects.filter(leaders=person("kursleder")).order_by("pk").first()


def _session():
    return {"pk": _run_of_leader().sessions.order_by("pk").first().pk}


def _enrolment(status=None, **filters):
    from courses.models import Enrolment

    enrolments = Enrolment.objects.filter(**filters)
    if status:
        enrolments = enrolments.filter(status=status)
    return enrolments.order_by("pk").first()


def _own_enrolment():
    firm = person("kontakt").memberships.get().firm
    return _enrolment(firm=firm, run__status="open") or _enrolment(firm=firm)


def _lesson_block(kind):
    from cms.models import LessonPage

    for lesson in LessonPage.objects.live().order_by("pk"):
        for block in lesson.body:
            if block.block_type == kind:
                return {"lesson_id": lesson.pk, "block_id": block.id}
    raise AssertionError(f"no {kind} block in the demo lessons")


def _attempt_of(local_part):
    from courses.models import Attempt

    return Attempt.objects.filter(user=person(local_part)).order_by("pk").first()


def _open_attempt(client):
    """A fresh attempt of the participant's first quiz (started through the view)."""
    from courses.models import Quiz

    client.post(reverse("courses:quiz_start", args=[Quiz.objects.first().key]))


def _latest_attempt():
    from courses.models import Attempt

    return Attempt.objects.filter(user=person("deltaker")).order_by("-pk").first().pk


def _certification():
    from courses.models import Certification

    return Certification.objects.filter(enrolment__firm=_own_firm()).first()


def _own_firm():
    return person("kontakt").memberships.get().firm


def _case(status, local_part):
    from validation.models import Case

    return Case.objects.filter(status=status, candidate=person(local_part)).first()


def _case_of_assessor(status):
    from validation.models import Case

    return Case.objects.filter(status=status, assessor=person("validerer")).first()


def _evidence():
    case = _case("collecting", "kandidat")
    return {"pk": case.evidence.filter(added_by=case.candidate).first().pk}


def _placement(status):
    from placements.models import Placement

    return Placement.objects.filter(status=status).order_by("pk").first()


def _invitation(client):
    from lms.accounts import services

    _invitation.token = services.invitation_create(
        firm=_own_firm(),
        email="fuzz-invitee@example.org",
        invited_by=person("kontakt"),
        base_url="http://testserver",
    )[1]


def _reset_session(client):
    """The reset view moves a valid token into the session before it shows the
    form (the redirect), as a real reset link does."""
    user = person("deltaker")
    client.get(
        reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )


def _reset_kwargs():
    user = person("deltaker")
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": "set-password",
    }


def _placement_token(client):
    from placements.services.placements import _new_token

    placement = _placement("invited")
    _placement_token.token = _new_token(placement)
    placement.save()


def _trainee():
    return _placement("active").trainee


def _report():
    """A report that can still be corrected: its certification's latest."""
    from courses.models import FollowUpReport

    return FollowUpReport.objects.order_by("-period_ends", "pk").first()


def _report_contact():
    firm = _report().certification.enrolment.firm
    contact = firm.memberships.filter(is_contact=True).first()
    return contact.user if contact else person("admin")


def _unit():
    from validation.models import Unit

    return {"pk": Unit.objects.order_by("pk").first().pk}


def _admin_pk(model_path):
    def kwargs():
        app, name = model_path.split(".")
        from django.apps import apps

        return {"pk": apps.get_model(app, name).objects.order_by("pk").first().pk}

    return kwargs


ACCOUNTS = "lms.accounts.forms"
PASSWORD = ["old_password", "new_password1", "new_password2", "password"]

TARGETS = {
    # Accounts.
    "accounts:login": Target(None, fields=["username", "password"]),
    "accounts:password_reset": Target(None, fields=["email"]),
    "accounts:password_reset_confirm": Target(
        None, _reset_kwargs, PASSWORD, prime=_reset_session
    ),
    "accounts:password_change": Target("deltaker", fields=PASSWORD),
    "accounts:profile": Target("deltaker", fields=_f(ACCOUNTS, "ProfileForm")),
    "accounts:account_delete": Target("deltaker", fields=["password", "confirm"]),
    "accounts:invitation_accept": Target(
        None,
        lambda: {"token": _invitation.token},
        _f(ACCOUNTS, "InvitationSignupForm"),
        prime=_invitation,
    ),
    "accounts:signup": Target(None, fields=_f(ACCOUNTS, "FirmSignupForm")),
    # Only a mailed link holds a live token: the view is fuzzed with a dead one.
    "accounts:signup_confirm": Target(
        None, lambda: {"token": "x" * 43}, may_refuse=frozenset({HTTPStatus.NOT_FOUND})
    ),
    "accounts:two_factor_login": Target(None, fields=["otp_token", "code"]),
    "accounts:two_factor_setup": Target("deltaker", fields=["otp_token", "code"]),
    "accounts:two_factor_disable": Target(
        "deltaker", fields=["otp_token", "code", "password"]
    ),
    "accounts:two_factor_backup_codes_new": Target("deltaker", fields=["password"]),
    "accounts:firm_edit": Target("kontakt", _org, _f(ACCOUNTS, "FirmForm")),
    "accounts:invitation_create": Target("kontakt", _org, ["email"]),
    "accounts:invitation_revoke": Target(
        "kontakt",
        lambda: {**_org(), "pk": _own_firm().invitations.first().pk},
        prime=_invitation,
    ),
    "accounts:claim_decide": Target(
        "kontakt",
        lambda: {**_org(), "pk": _own_firm().claims.first().pk},
        ["decision", "action"],
    ),
    "notifications:preferences": Target(
        "deltaker", fields=_f("lms.notifications.forms", "PreferencesForm")
    ),
    # Courses: the leader's side.
    "courses:run_create": Target(
        "kursleder", fields=_f("courses.forms.leader", "RunCreateForm") + ["course"]
    ),
    "courses:session_edit": Target(
        "kursleder", _session, _f("courses.forms.leader", "SessionForm")
    ),
    "courses:attendance": Target("kursleder", _session, ["person", "status"]),
    "courses:enrolment_accept": Target(
        "kursleder", lambda: {"pk": _enrolment("applied").pk}
    ),
    "courses:enrolment_reject": Target(
        "kursleder", lambda: {"pk": _enrolment("applied").pk}
    ),
    "courses:attempt_grant": Target(
        "kursleder",
        lambda: {
            "run_pk": _run_of_leader().pk,
            "quiz_pk": _attempt_of("deltaker").quiz_id,
        },
        ["person", "reason"],
    ),
    "courses:course_certificates": Target(
        "kursleder",
        lambda: {"run_pk": _enrolment(None, run__status="finished").run_id},
        ["participants", "language", "action"],
    ),
    "courses:course_certificate_revoke": Target(
        "kursleder",
        lambda: {"pk": CourseCertificate.objects.first().pk},
        ["reason"],
    ),
    # Courses: the firm's side.
    "courses:run_apply": Target(
        "kontakt", lambda: {"pk": _run_of_leader().pk}, ["firm", "firms"]
    ),
    "courses:enrolment_detail": Target(
        "kontakt", lambda: {"pk": _own_enrolment().pk}, ["participants"]
    ),
    "courses:plan_edit": Target(
        "kontakt",
        lambda: {"enrolment_pk": _own_enrolment().pk},
        ["version", "add", "save"],
        ["commitments"],
    ),
    "courses:plan_submit": Target(
        "kontakt", lambda: {"enrolment_pk": _own_enrolment().pk}, ["version"]
    ),
    "courses:plan_review": Target(
        "kursleder",
        lambda: {"enrolment_pk": _own_enrolment().pk},
        ["decision", "comment", "version"],
    ),
    "courses:lesson_done": Target(
        "deltaker", lambda: {"lesson_id": _lesson_block("reflection")["lesson_id"]}
    ),
    "courses:reflection_note_save": Target(
        "deltaker", lambda: _lesson_block("reflection"), ["text"]
    ),
    "courses:checklist_ticks_save": Target(
        "deltaker", lambda: _lesson_block("checklist"), ["ticks", "items"]
    ),
    "courses:quiz_start": Target(
        "deltaker",
        lambda: {"key": _attempt_of("deltaker").quiz.key},
    ),
    "courses:quiz_answer": Target(
        "deltaker",
        lambda: {"attempt_pk": _latest_attempt(), "position": 1},
        ["choices", "choice", "text", "all_on_one", "position"],
        prime=_open_attempt,
    ),
    "courses:quiz_submit": Target(
        "deltaker",
        lambda: {"attempt_pk": _latest_attempt()},
        prime=_open_attempt,
    ),
    "courses:certify": Target(
        "admin",
        lambda: {"enrolment_pk": _own_enrolment().pk},
        _f("courses.forms.certification", "CertifyForm"),
    ),
    "courses:certification_revoke": Target(
        "admin",
        lambda: {"pk": _certification().pk},
        _f("courses.forms.certification", "RevokeForm"),
    ),
    "courses:certification_renew": Target("admin", lambda: {"pk": _certification().pk}),
    # Validation.
    "validation:case_transition": Target(
        "kandidat",
        lambda: {"pk": _case("collecting", "kandidat").pk},
        ["action", "reason"],
    ),
    "validation:evidence_add": Target(
        "kandidat",
        lambda: {"pk": _case("collecting", "kandidat").pk},
        _f("validation.forms", "EvidenceForm") + ["kind", "criteria"],
    ),
    "validation:evidence_edit": Target("kandidat", _evidence, ["criteria"]),
    "validation:evidence_remove": Target("kandidat", _evidence),
    "validation:case_plan": Target(
        "admin", fields=["candidate", "unit", "assessor", "email", "name"]
    ),
    "validation:assess": Target(
        "validerer",
        lambda: {"pk": _case_of_assessor("submitted").pk},
        ["action", "reason", "outcome", "note", "evidence"],
    ),
    "validation:moderation": Target("moderator", fields=["share", "action"]),
    "validation:moderation_sample": Target(
        "moderator",
        lambda: {"pk": ModerationSample.objects.filter(reported_at=None).first().pk},
        ["report"],
    ),
    "validation_unit_approve": Target("admin", _unit, ["note"]),
    "validation_unit_new_version": Target("admin", _unit, ["note"]),
    "validation_unit_retire": Target("admin", _unit, ["note"]),
    # Results.
    "results:follow_up_file": Target(
        "kontakt",
        lambda: {"certification_pk": _certification().pk},
        _f("results.forms", "FollowUpFiguresForm"),
    ),
    "results:follow_up_edit": Target(
        _report_contact,
        lambda: {"pk": _report().pk},
        _f("results.forms", "FollowUpFiguresForm"),
    ),
    # Placements.
    "placements:create": Target(
        "kontakt", fields=_f("placements.forms.placements", "PlacementForm") + ["firm"]
    ),
    "placements:invitation": Target(
        None,
        lambda: {"token": _placement_token.token},
        _f("placements.forms.placements", "InvitationSignupForm"),
        prime=_placement_token,
    ),
    "placements:invitation_resend": Target(
        "kontakt", lambda: {"pk": _placement("invited").pk}
    ),
    "placements:cancel": Target("kontakt", lambda: {"pk": _placement("invited").pk}),
    "placements:end": Target(
        "kontakt",
        lambda: {"pk": _placement("active").pk},
        _f("placements.forms.placements", "PlacementEndForm"),
    ),
    "placements:withdraw": Target(_trainee, lambda: {"pk": _placement("active").pk}),
    "placements:introduction": Target(
        "kontakt", lambda: {"pk": _placement("active").pk}, ["items", "ticks"]
    ),
    "placements:introduction_edit": Target(
        "kontakt",
        lambda: {"pk": _placement("active").pk},
        [],
        ["items"],
    ),
    "placements:work_plan_edit": Target(
        "kontakt",
        lambda: {"pk": _placement("active").pk},
        _f("placements.forms.work_plan", "SupportForm"),
        ["goals", "tasks"],
    ),
    "placements:work_plan_agree": Target(
        _trainee, lambda: {"pk": _placement("active").pk}
    ),
    "placements:evaluation_add": Target(
        "kontakt",
        lambda: {"pk": _placement("active").pk},
        _f("placements.forms.evaluations", "EvaluationForm"),
    ),
    "placements:evaluation": Target(
        _trainee,
        lambda: {"pk": _placement("active").evaluations.first().pk},
        _f("placements.forms.evaluations", "ResponseForm"),
    ),
    "placements:validation_start": Target(
        "kontakt",
        lambda: {"pk": _placement("active").pk},
        ["unit", "assessor"],
    ),
    # Wagtail admin viewsets of ours.
    "admin_firms:add": Target("admin", fields=["name", "org_number", "municipality"]),
    "admin_firms:edit": Target(
        "admin", _admin_pk("accounts.Firm"), ["name", "org_number", "municipality"]
    ),
    "admin_firms:delete": Target("admin", _admin_pk("accounts.Firm")),
    "admin_courses:edit": Target(
        "admin", _admin_pk("courses.Course"), ["title", "slug"]
    ),
    "admin_courses:delete": Target("admin", _admin_pk("courses.Course")),
    "admin_session_templates:edit": Target(
        "admin", _admin_pk("courses.SessionTemplate"), ["title", "number"]
    ),
    "admin_session_templates:delete": Target(
        "admin", _admin_pk("courses.SessionTemplate")
    ),
    "admin_course_runs:add": Target(
        "admin", fields=["course", "starts_on", "capacity", "title", "leaders"]
    ),
    "admin_course_runs:edit": Target(
        "admin",
        _admin_pk("courses.CourseRun"),
        ["course", "starts_on", "capacity", "title", "leaders"],
    ),
    "admin_course_runs:delete": Target("admin", _admin_pk("courses.CourseRun")),
    "admin_sessions:edit": Target(
        "admin", _admin_pk("courses.Session"), ["starts_at", "ends_at", "place"]
    ),
    "admin_sessions:delete": Target("admin", _admin_pk("courses.Session")),
}


def test_post_patterns_are_found_from_the_resolver():
    assert {
        "accounts:login",
        "courses:plan_edit",
        "validation:evidence_add",
        "results:follow_up_edit",
        "placements:work_plan_edit",
    } <= set(POST_PATTERNS)
    # GET-only pages are not in the list.
    assert "healthz" not in POST_PATTERNS
    assert "results:dashboard" not in POST_PATTERNS


def test_every_post_pattern_has_a_target():
    assert sorted(set(POST_PATTERNS) - set(TARGETS)) == []


def _refused_form(response) -> bool:
    """The app's convention: an invalid form is re-rendered with 400 (a few
    pages re-render with 200 and the form's errors)."""
    if response.status_code == HTTPStatus.BAD_REQUEST:
        return True
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            if isinstance(value, django_forms.BaseForm | django_forms.BaseFormSet):
                if value.is_bound and value.errors and any(value.errors):
                    return True
    return False


@pytest.mark.parametrize("name", POST_PATTERNS)
@pytest.mark.django_db
def test_post_view_survives_hostile_input(world, client, name):
    target = TARGETS[name]
    if target.user:
        user = target.user() if callable(target.user) else person(target.user)
        client.force_login(user)
    if target.prime:
        target.prime(client)
    url = reverse(name, kwargs=target.kwargs())
    body = form_data(target.fields)
    for prefix in target.formsets:
        management = formset_management(prefix)
        extra = form_data(
            [f"{prefix}-{i}-{n}" for i in range(2) for n in target.fields or ["x"]]
        )
        body = st.builds(lambda a, m, e: {**a, **m, **e}, body, management, extra)
    posted = st.one_of(
        body.map(lambda d: ("form", d)),
        raw_body(target.fields).map(lambda r: ("raw", r)),
    )

    # The view is reached: an empty form is answered, not refused as a whole.
    with one_example():
        reached = client.post(url, {})
    assert (
        reached.status_code
        not in {
            HTTPStatus.FORBIDDEN,
            HTTPStatus.NOT_FOUND,
            HTTPStatus.METHOD_NOT_ALLOWED,
        }
        - target.may_refuse
    ), (name, reached.status_code)

    @fuzz_settings(FUZZ_VIEW_EXAMPLES)
    @given(sent=posted)
    def check(sent):
        kind, payload = sent
        with one_example() as writes:
            if kind == "form":
                response = client.post(url, payload)
            else:
                content_type, raw = payload
                response = client.generic("POST", url, raw, content_type=content_type)
            assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR
            if _refused_form(response):
                assert writes.outside_bookkeeping() == [], response.status_code

    check()

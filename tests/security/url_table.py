"""The access matrix: every URL pattern of the project, what fills its route,
and the status each actor gets for a GET.

`patterns()` enumerates the resolver, so a new view cannot escape the matrix:
`entry_for()` finds its row here or raises `MissingFromTable`, and the test
fails naming it. Our patterns are keyed by their name (the route when they
have none) and get exact statuses; the admin sites (Wagtail's `admin/`,
Django's `django-admin/`, hundreds of third-party patterns) are covered by a
prefix rule with the statuses allowed per actor.

Statuses: 200 shown, 302 redirected (to the login page for anonymous
visitors), 403 seen but refused, 404 not found (the app's choice where the
person may not know the record exists), 405 the view only takes POST.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus

from django.urls import URLResolver, get_resolver, reverse

from .conftest import ACTORS

OK = HTTPStatus.OK
FOUND = HTTPStatus.FOUND
FORBIDDEN = HTTPStatus.FORBIDDEN
NOT_FOUND = HTTPStatus.NOT_FOUND
NOT_ALLOWED = HTTPStatus.METHOD_NOT_ALLOWED
SERVER_ERROR = HTTPStatus.INTERNAL_SERVER_ERROR

SIGNED_IN = tuple(actor for actor in ACTORS if actor != "anonymous")
ADMIN_PREFIXES = ("admin/", "django-admin/")


@dataclass(frozen=True)
class Pattern:
    route: str  # the full route, every prefix joined
    name: str | None  # namespaces joined with ':'

    @property
    def key(self) -> str:
        return self.name or self.route


def _walk(resolver, prefix="", namespace=""):
    for item in resolver.url_patterns:
        if isinstance(item, URLResolver):
            inner = namespace
            if item.namespace:
                inner = f"{namespace}:{item.namespace}" if namespace else item.namespace
            yield from _walk(item, prefix + str(item.pattern), inner)
        else:
            name = item.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield Pattern(route=prefix + str(item.pattern), name=name)


def patterns() -> list[Pattern]:
    """Every pattern of the resolver once (Wagtail adds its serve pattern twice;
    the second can never match)."""
    return list(dict.fromkeys(_walk(get_resolver())))


def expect(default, **overrides) -> dict:
    """The status of every actor: `default`, except the actors named."""
    unknown = set(overrides) - set(ACTORS)
    if unknown:
        raise TypeError(f"not an actor: {sorted(unknown)}")
    return {actor: overrides.get(actor, default) for actor in ACTORS}


def login_only(status, **overrides) -> dict:
    """Anonymous visitors are sent to the login page; everyone else `status`."""
    return expect(status, anonymous=FOUND, **overrides)


@dataclass(frozen=True)
class Row:
    """One request of a pattern: the route's arguments (from the world's
    objects) and the status per actor. `label` tells variants apart."""

    expect: dict
    # o -> the route's keyword arguments (a list: positional, for regex routes)
    kwargs: Callable = lambda o: {}
    label: str = ""


@dataclass(frozen=True)
class PrefixRule:
    """Every pattern under `prefix`: asked as `actors` only, each answer one of
    the allowed statuses (None: anything but a server error)."""

    prefix: str
    allowed: dict = field(default_factory=dict)

    def wanted(self, pattern: "Pattern", actor: str):
        if pattern.name in PUBLIC_ADMIN:
            # Public to everyone; a signed-in editor may be sent on instead.
            return {OK, FOUND}
        return self.allowed[actor]


class MissingFromTable(LookupError):
    pass


def entry_for(pattern: Pattern, table=None, rules=None):
    """The table's rows (a tuple) or the prefix rule of `pattern`."""
    table = TABLE if table is None else table
    rules = PREFIX_RULES if rules is None else rules
    if pattern.key in table:
        found = table[pattern.key]
        return found if isinstance(found, tuple) else (found,)
    for rule in rules:
        if pattern.route.startswith(rule.prefix):
            return rule
    raise MissingFromTable(
        f"URL pattern {pattern.route!r} (name {pattern.name!r}) is not in "
        "tests/security/url_table.py: add a row with the status of every actor"
    )


# Admin routes are filled with sample values: the answer only has to be safe.
_SAMPLES = (
    (re.compile(r"<(?:int|id):\w+>"), "1"),
    (re.compile(r"<(?:str|slug|path):\w+>"), "x"),
    (re.compile(r"<uuid:\w+>"), "00000000-0000-0000-0000-000000000000"),
    (re.compile(r"\(\?P<\w+>\\d\+\)"), "1"),
    (re.compile(r"\(\?P<\w+>(\w+)\|[^)]*\)"), r"\1"),
    (re.compile(r"\(\?P<\w+>\.\*\)"), "x"),
    (re.compile(r"<\w+>"), "x"),
    (re.compile(r"\.\*"), "x"),
    (re.compile(r"\\\."), "."),
    (re.compile(r"[\^$]"), ""),
)


def path_of(pattern: Pattern, row: Row, objects) -> str:
    """The URL of one row of our table."""
    arguments = row.kwargs(objects)
    if pattern.name is None:
        return "/" + pattern.route
    if isinstance(arguments, list):
        return reverse(pattern.name, args=arguments)
    return reverse(pattern.name, kwargs=arguments)


def sample_path(route: str) -> str:
    for regex, value in _SAMPLES:
        route = regex.sub(value, route)
    return "/" + route


# -- The table -----------------------------------------------------------------

TABLE: dict = {
    "healthz": Row(expect(OK)),
    "home": Row(login_only(OK)),
    "notifications:preferences": Row(login_only(OK)),
    "accounts:login": Row(expect(FOUND, anonymous=OK)),
    "accounts:logout": Row(expect(NOT_ALLOWED)),
    "accounts:password_reset": Row(expect(OK)),
    "accounts:password_reset_done": Row(expect(OK)),
    "accounts:password_reset_confirm": Row(
        expect(OK), kwargs=lambda o: {"uidb64": "MQ", "token": "set-password"}
    ),
    "accounts:password_reset_complete": Row(expect(OK)),
    "accounts:password_change": Row(login_only(OK)),
    "accounts:password_change_done": Row(login_only(OK)),
    "accounts:profile": Row(login_only(OK)),
    "accounts:data_export": Row(login_only(OK)),
    "accounts:account_delete": Row(login_only(OK)),
    "accounts:language": Row(expect(FOUND)),
    "accounts:invitation_accept": Row(
        expect(NOT_FOUND), kwargs=lambda o: {"token": "not-a-valid-token"}
    ),
    "accounts:two_factor_login": Row(expect(FOUND)),
    "accounts:two_factor_setup": Row(login_only(OK)),
    "accounts:two_factor_backup_codes": Row(expect(FOUND)),
    "accounts:two_factor_backup_codes_new": Row(expect(NOT_ALLOWED)),
    "accounts:two_factor_disable": Row(expect(FOUND)),
    "privacy": Row(expect(OK)),
    "accessibility": Row(expect(OK)),
    "accounts:signup": Row(expect(OK)),
    "accounts:signup_sent": Row(expect(OK)),
    "accounts:signup_confirm": Row(
        expect(NOT_FOUND), kwargs=lambda o: {"token": "not-a-valid-token"}
    ),
    "accounts:firm_detail": Row(
        login_only(FORBIDDEN, participant=OK, administrator=OK),
        kwargs=lambda o: {"org_number": o.firm_a.org_number},
    ),
    "accounts:firm_edit": Row(
        login_only(FORBIDDEN, administrator=OK),
        kwargs=lambda o: {"org_number": o.firm_a.org_number},
    ),
    "accounts:invitation_create": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"org_number": o.firm_a.org_number}
    ),
    "accounts:invitation_revoke": Row(
        expect(NOT_ALLOWED),
        kwargs=lambda o: {"org_number": o.firm_a.org_number, "pk": o.invitation_a.pk},
    ),
    "accounts:claim_decide": Row(
        expect(NOT_ALLOWED),
        kwargs=lambda o: {"org_number": o.firm_a.org_number, "pk": o.claim_a.pk},
    ),
    "courses:run_list": Row(login_only(FORBIDDEN, leader_other=OK, administrator=OK)),
    "courses:run_create": Row(login_only(FORBIDDEN, leader_other=OK, administrator=OK)),
    "courses:run_overview": Row(
        login_only(FORBIDDEN, administrator=OK), kwargs=lambda o: {"pk": o.run.pk}
    ),
    "courses:run_overview_csv": Row(
        login_only(FORBIDDEN, administrator=OK), kwargs=lambda o: {"pk": o.run.pk}
    ),
    "courses:session_edit": Row(
        login_only(FORBIDDEN, administrator=OK), kwargs=lambda o: {"pk": o.session.pk}
    ),
    "courses:attendance": Row(
        login_only(FORBIDDEN, administrator=OK), kwargs=lambda o: {"pk": o.session.pk}
    ),
    "courses:enrolment_accept": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"pk": o.enrolment_pending.pk}
    ),
    "courses:enrolment_reject": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"pk": o.enrolment_pending.pk}
    ),
    "courses:quiz_results": Row(
        login_only(FORBIDDEN, administrator=OK),
        kwargs=lambda o: {"run_pk": o.run.pk, "quiz_pk": o.quiz.pk},
    ),
    "courses:quiz_results_csv": Row(
        login_only(FORBIDDEN, administrator=OK),
        kwargs=lambda o: {"run_pk": o.run.pk, "quiz_pk": o.quiz.pk},
    ),
    "courses:attempt_grant": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"run_pk": o.run.pk, "quiz_pk": o.quiz.pk}
    ),
    "courses:run_catalogue": Row(expect(OK)),
    "courses:run_apply": Row(
        login_only(FORBIDDEN, contact_b=FOUND), kwargs=lambda o: {"pk": o.run.pk}
    ),
    "courses:enrolment_detail": (
        Row(
            login_only(FORBIDDEN, participant=OK, administrator=OK),
            kwargs=lambda o: {"pk": o.enrolment_a.pk},
        ),
        Row(
            login_only(FORBIDDEN, contact_b=OK, administrator=OK),
            kwargs=lambda o: {"pk": o.enrolment_b.pk},
            label="firm B's",
        ),
    ),
    "courses:plan_detail": (
        Row(
            login_only(FORBIDDEN, participant=OK, administrator=OK),
            kwargs=lambda o: {"enrolment_pk": o.enrolment_a.pk},
        ),
        # Firm A's participant asks for firm B's plan.
        Row(
            login_only(FORBIDDEN, contact_b=OK, administrator=OK),
            kwargs=lambda o: {"enrolment_pk": o.enrolment_b.pk},
            label="firm B's",
        ),
    ),
    "courses:plan_edit": Row(
        login_only(FORBIDDEN, administrator=FOUND),
        kwargs=lambda o: {"enrolment_pk": o.enrolment_a.pk},
    ),
    "courses:plan_submit": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"enrolment_pk": o.enrolment_a.pk}
    ),
    "courses:plan_review": Row(
        login_only(FORBIDDEN, administrator=OK),
        kwargs=lambda o: {"enrolment_pk": o.enrolment_a.pk},
    ),
    "courses:my_course": Row(login_only(OK)),
    "courses:my_course_calendar": Row(login_only(OK)),
    "courses:lesson_done": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"lesson_id": o.lesson.pk}
    ),
    "courses:reflection_note_save": Row(
        expect(NOT_ALLOWED),
        kwargs=lambda o: {"lesson_id": o.lesson.pk, "block_id": "reflection"},
    ),
    "courses:quiz_start": Row(login_only(OK), kwargs=lambda o: {"key": o.quiz.key}),
    "courses:quiz_attempt": (
        # Submitted: its owner is sent on to the result.
        Row(
            login_only(NOT_FOUND, participant=FOUND),
            kwargs=lambda o: {"attempt_pk": o.attempt_a.pk},
        ),
        Row(
            login_only(NOT_FOUND, contact_b=OK),
            kwargs=lambda o: {"attempt_pk": o.attempt_open_b.pk},
            label="firm B's open attempt",
        ),
    ),
    "courses:quiz_answer": Row(
        expect(NOT_ALLOWED),
        kwargs=lambda o: {"attempt_pk": o.attempt_open_b.pk, "position": 1},
    ),
    "courses:quiz_submit": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"attempt_pk": o.attempt_open_b.pk}
    ),
    "courses:quiz_result": Row(
        login_only(NOT_FOUND, participant=OK),
        kwargs=lambda o: {"attempt_pk": o.attempt_a.pk},
    ),
    "courses:course_about": Row(expect(OK), kwargs=lambda o: {"slug": o.course_slug}),
    "courses:certification_firm": Row(
        login_only(FORBIDDEN, participant=OK, administrator=OK),
        kwargs=lambda o: {"enrolment_pk": o.enrolment_a.pk},
    ),
    "courses:certify": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"enrolment_pk": o.enrolment_a.pk}
    ),
    "courses:certification_revoke": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"pk": o.certification_a.pk}
    ),
    "courses:certification_renew": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"pk": o.certification_a.pk}
    ),
    "courses:certification_pdf": Row(
        login_only(FORBIDDEN, participant=OK, administrator=OK),
        kwargs=lambda o: {"pk": o.certification_a.pk},
    ),
    "courses:course_certificates": Row(
        login_only(FORBIDDEN, administrator=OK), kwargs=lambda o: {"run_pk": o.run.pk}
    ),
    # Until a ZIP is prepared (a POST on the page), the page that prepares it.
    "courses:course_certificates_zip": Row(
        login_only(FORBIDDEN, administrator=FOUND),
        kwargs=lambda o: {"run_pk": o.run.pk},
    ),
    "courses:course_certificate_pdf": Row(
        login_only(FORBIDDEN, participant=OK, administrator=OK),
        kwargs=lambda o: {"pk": o.course_certificate_a.pk},
    ),
    "courses:course_certificate_revoke": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"pk": o.course_certificate_a.pk}
    ),
    "courses:checklist_ticks_save": Row(
        expect(NOT_ALLOWED),
        kwargs=lambda o: {"lesson_id": o.lesson.pk, "block_id": "checklist"},
    ),
    "validation:my_cases": Row(login_only(OK)),
    "validation:case": Row(
        login_only(NOT_FOUND, candidate=OK, verifier=OK, administrator=OK),
        kwargs=lambda o: {"pk": o.case.pk},
    ),
    "validation:case_transition": Row(
        login_only(NOT_ALLOWED), kwargs=lambda o: {"pk": o.case.pk}
    ),
    "validation:evidence_add": Row(
        login_only(
            NOT_FOUND, candidate=FORBIDDEN, verifier=FORBIDDEN, administrator=FORBIDDEN
        ),
        kwargs=lambda o: {"pk": o.case.pk},
    ),
    "validation:evidence_edit": Row(
        login_only(
            NOT_FOUND, candidate=FOUND, verifier=FORBIDDEN, administrator=FORBIDDEN
        ),
        kwargs=lambda o: {"pk": o.evidence.pk},
    ),
    "validation:evidence_remove": Row(
        login_only(
            NOT_FOUND, candidate=FOUND, verifier=FORBIDDEN, administrator=FORBIDDEN
        ),
        kwargs=lambda o: {"pk": o.evidence.pk},
    ),
    "validation:evidence_file": (
        Row(login_only(NOT_FOUND), kwargs=lambda o: {"pk": o.evidence.pk}),
        # The candidate's own file, in a case still collecting evidence
        # (administrators see every case).
        Row(
            login_only(NOT_FOUND, candidate=OK, administrator=OK),
            kwargs=lambda o: {"pk": o.evidence_file.pk},
            label="a file",
        ),
    ),
    "validation:queue": Row(login_only(FORBIDDEN, assessor_other=OK)),
    "validation:case_plan": Row(
        login_only(FORBIDDEN, assessor_other=OK, administrator=OK)
    ),
    "validation:assess": Row(
        login_only(
            NOT_FOUND, candidate=FORBIDDEN, verifier=FORBIDDEN, administrator=FORBIDDEN
        ),
        kwargs=lambda o: {"pk": o.case.pk},
    ),
    "validation:verification": Row(
        login_only(FORBIDDEN, verifier=OK, administrator=OK)
    ),
    "validation:moderation": Row(login_only(FORBIDDEN)),
    "validation:moderation_sample": Row(
        login_only(NOT_FOUND), kwargs=lambda o: {"pk": o.sample.pk}
    ),
    "validation:certificate_pdf": Row(
        login_only(NOT_FOUND, candidate=OK, verifier=OK, administrator=OK),
        kwargs=lambda o: {"pk": o.case.pk},
    ),
    "validation:transcript": Row(login_only(OK)),
    "validation:register": Row(
        login_only(FORBIDDEN, programme_owner=OK, administrator=OK)
    ),
    "validation:register_csv": Row(
        login_only(FORBIDDEN, programme_owner=OK, administrator=OK),
        kwargs=lambda o: {"table": "pathways"},
    ),
    "results:follow_up_file": Row(
        login_only(FORBIDDEN, administrator=OK),
        kwargs=lambda o: {"certification_pk": o.certification_a.pk},
    ),
    "results:follow_up_edit": Row(
        login_only(FORBIDDEN, administrator=OK), kwargs=lambda o: {"pk": o.report_a.pk}
    ),
    "results:dashboard": Row(
        login_only(FORBIDDEN, leader_other=OK, programme_owner=OK, administrator=OK)
    ),
    "results:dashboard_workbook": Row(
        login_only(FORBIDDEN, leader_other=OK, programme_owner=OK, administrator=OK)
    ),
    "results:dashboard_export": Row(
        login_only(FORBIDDEN, leader_other=OK, programme_owner=OK, administrator=OK),
        kwargs=lambda o: {"table": "municipalities", "fmt": "csv"},
    ),
    "results:public": Row(expect(OK)),
    "results:public_export": Row(
        expect(OK), kwargs=lambda o: {"table": "municipalities", "fmt": "csv"}
    ),
    "placements:list": Row(
        login_only(
            NOT_FOUND,
            participant=OK,
            contact_b=OK,
            administrator=OK,
            trainee=OK,
            mentor_other=OK,
        )
    ),
    "placements:create": Row(
        login_only(NOT_FOUND, participant=OK, contact_b=OK, mentor_other=OK)
    ),
    "placements:invitation": Row(
        expect(NOT_FOUND), kwargs=lambda o: {"token": "not-a-valid-token"}
    ),
    "placements:detail": (
        Row(
            login_only(NOT_FOUND, administrator=OK, trainee=OK),
            kwargs=lambda o: {"pk": o.placement.pk},
        ),
        Row(
            login_only(NOT_FOUND, administrator=OK, mentor_other=OK),
            kwargs=lambda o: {"pk": o.placement_other.pk},
            label="another firm's",
        ),
    ),
    "placements:invitation_resend": Row(
        login_only(NOT_ALLOWED), kwargs=lambda o: {"pk": o.placement.pk}
    ),
    "placements:cancel": Row(
        login_only(NOT_ALLOWED), kwargs=lambda o: {"pk": o.placement.pk}
    ),
    "placements:end": Row(
        login_only(NOT_FOUND, administrator=FORBIDDEN, trainee=FORBIDDEN),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "placements:withdraw": Row(
        login_only(NOT_FOUND, administrator=FORBIDDEN, trainee=OK),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "placements:download": Row(
        login_only(NOT_FOUND, administrator=FORBIDDEN, trainee=OK),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "placements:introduction": Row(
        login_only(NOT_FOUND, administrator=OK, trainee=OK),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "placements:introduction_edit": Row(
        login_only(NOT_FOUND, administrator=FORBIDDEN, trainee=FORBIDDEN),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "placements:work_plan": Row(
        login_only(NOT_FOUND, administrator=OK, trainee=OK),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "placements:work_plan_edit": Row(
        login_only(NOT_FOUND, administrator=FORBIDDEN, trainee=FORBIDDEN),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "placements:work_plan_agree": Row(
        expect(NOT_ALLOWED), kwargs=lambda o: {"pk": o.placement.pk}
    ),
    "placements:evaluation_add": Row(
        login_only(NOT_FOUND, administrator=FORBIDDEN, trainee=FORBIDDEN),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "placements:evaluation": Row(
        login_only(NOT_FOUND, administrator=OK, trainee=OK),
        kwargs=lambda o: {"pk": o.evaluation.pk},
    ),
    "placements:validation_start": Row(
        login_only(NOT_FOUND, administrator=FORBIDDEN, trainee=FORBIDDEN),
        kwargs=lambda o: {"pk": o.placement.pk},
    ),
    "courses_api:firm_certifications": Row(
        expect(OK), kwargs=lambda o: {"org_number": o.firm_a.org_number}
    ),
    "verify:form": Row(expect(OK)),
    "verify:detail": Row(
        expect(FOUND), kwargs=lambda o: {"code": o.certification_a.code}
    ),
    "verify:badge": Row(expect(OK), kwargs=lambda o: {"code": o.certification_a.code}),
    "verify:badge_signed": Row(
        expect(OK), kwargs=lambda o: {"code": o.certification_a.code}
    ),
    "jwks": Row(expect(OK)),
    "wagtaildocs_serve": Row(
        expect(OK), kwargs=lambda o: [o.document.pk, o.document.filename]
    ),
    "wagtaildocs_authenticate_with_password": Row(
        expect(NOT_FOUND), kwargs=lambda o: {"restriction_id": 1}
    ),
    "search": Row(expect(OK)),
    "sitemap": Row(expect(OK)),
    "robots.txt": Row(expect(OK)),
    "wagtail_serve": Row(expect(OK), kwargs=lambda o: [""]),
    "wagtailcore_authenticate_with_password": Row(
        expect(NOT_FOUND),
        kwargs=lambda o: {"page_view_restriction_id": 1, "page_id": o.home_page_id},
    ),
    # Wagtail's deliberate error page ("a test of the emergency broadcast
    # system") raises for anyone allowed into the admin: a 500 by design.
    # Course leaders and programme owners work in the admin too (runs, units).
    "wagtailadmin_error_test": Row(
        login_only(
            FOUND,
            leader_other=SERVER_ERROR,
            programme_owner=SERVER_ERROR,
            editor=SERVER_ERROR,
            administrator=SERVER_ERROR,
        )
    ),
    "wagtailcore_login": Row(expect(NOT_FOUND)),
}

# Wagtail's and Django's admin pages anyone may open: sign-in, password reset,
# the icon sprite, the JavaScript translation catalogue.
PUBLIC_ADMIN = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "admin:login",
    }
)

# The admin sites, hundreds of patterns: asked as an anonymous visitor, a
# participant (signed in, no admin role) and an editor. Nobody without an admin
# role ever gets a page: the sign-in page (302) or a refusal.
PREFIX_RULES = (
    PrefixRule(
        prefix="admin/",
        allowed={
            "anonymous": {FOUND},
            "participant": {FOUND, FORBIDDEN},
            # Editors work here; their sample ids may not exist (302/404) and
            # some views only take POST (405), but none may break.
            "editor": None,
        },
    ),
    PrefixRule(
        prefix="django-admin/",
        allowed={
            "anonymous": {FOUND},
            "participant": {FOUND, FORBIDDEN},
            # Django's admin is for staff (superusers); editors are not staff.
            "editor": {FOUND, FORBIDDEN},
        },
    ),
)

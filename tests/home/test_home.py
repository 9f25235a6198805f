"""The home page after login: one part per role held, nothing of anyone else's,
the start for a fresh account, and a query count that does not grow."""

from datetime import timedelta
from http import HTTPStatus
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import pytest

from courses.models import Enrolment, EnrolmentStatus, PlanStatus
from courses.selectors.certification import enrolment_certification_check
from lms.accounts.roles import Role
from tests.accounts.factories import TEST_PASSWORD, FirmFactory, UserFactory
from tests.courses import certification_factories as cf
from tests.courses import factories
from tests.validation.factories import (
    assessed_case,
    case_new,
    person,
    step,
    submitted_case,
    unit_approved,
)
from validation.services import sampling
from validation.services.cases import CaseAction

from . import builders

pytestmark = pytest.mark.django_db

HOME = "/hjem/"
PARTS = (
    "home-participant",
    "home-firm-",
    "home-leader",
    "home-candidate",
    "home-assessor",
    "home-verifier",
    "home-moderator",
    "home-editor",
    "home-overview",
    "home-start",
)


@pytest.fixture
def client_en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def home_html(client, user) -> str:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def parts_shown(html: str) -> list[str]:
    """The parts on the page, in the page's order."""
    found = [(html.index(f'id="{p}'), p) for p in PARTS if f'id="{p}' in html]
    return [p for _, p in sorted(found)]


def english(text) -> str:
    with translation.override("en"):
        return str(text)


# --- Getting there --------------------------------------------------------------------


def test_the_home_is_at_hjem_and_asks_a_visitor_to_log_in(client):
    assert reverse("home") == HOME
    response = client.get(HOME)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("accounts:login") + "?next=/hjem/"


def log_in(client, user, **query):
    url = reverse("accounts:login")
    if query:
        url += "?" + urlencode(query)
    return client.post(url, {"username": user.email, "password": TEST_PASSWORD})


@pytest.mark.parametrize(
    "role", [None, Role.ASSESSOR, Role.COURSE_LEADER, Role.CANDIDATE, Role.EDITOR]
)
def test_logging_in_lands_on_the_home(client, role):
    user = person(*([role] if role else []))
    response = log_in(client, user)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == HOME


def test_a_next_address_wins_over_the_home(client):
    user = person(Role.ASSESSOR)
    response = log_in(client, user, next=reverse("accounts:profile"))
    assert response["Location"] == reverse("accounts:profile")


def test_a_next_address_elsewhere_is_not_followed(client):
    response = log_in(client, person(), next="https://example.com/")
    assert response["Location"] == HOME


def test_the_home_answers_only_get(client):
    client.force_login(person())
    assert client.post(HOME).status_code == HTTPStatus.METHOD_NOT_ALLOWED


# --- Participant ----------------------------------------------------------------------


def test_a_participant_sees_next_session_study_quizzes_and_progress(client_en):
    done, todo = builders.a_lesson("Holdninger"), builders.a_lesson("Målgrupper")
    run, quiz = builders.run_with_quiz(lessons=[done, todo])
    ours = builders.firm_in(run, name="Askerbakeriet AS", participants=2)
    me, colleague = ours.people
    from courses.services import progress

    progress.lesson_mark_done(user=me, lesson=done)
    builders.take_quiz(quiz, colleague)

    html = home_html(client_en, me)

    # I am also the firm's contact: the firm's part (colleagues wait on it) first.
    assert parts_shown(html) == ["home-firm-", "home-participant"]
    first = run.sessions.order_by("starts_at").first()
    assert f"{first.position}. {first.title}" in html
    assert first.place in html
    study = html[html.index('id="home-to-study"') :]
    study = study[: study.index("</ul>")]
    assert todo.title in study and done.title not in study
    quizzes = html[html.index('id="home-quizzes"') :]
    quizzes = quizzes[: quizzes.index("</ul>")]
    assert reverse("courses:quiz_start", args=[quiz.key]) in quizzes
    assert "Passed for your firm" in quizzes  # a colleague's pass counts
    assert colleague.get_full_name() in quizzes
    assert "1 of 2 lessons done (50 %)" in html


def test_a_participant_who_passed_is_told_so(client_en):
    run, quiz = builders.run_with_quiz()
    ours = builders.firm_in(run, participants=1)
    builders.take_quiz(quiz, ours.contact)
    html = home_html(client_en, ours.contact)
    assert "You passed" in html
    assert "Not passed yet" not in html


def test_a_participant_only_sees_their_own_firm(client_en):
    run, quiz = builders.run_with_quiz()
    ours = builders.firm_in(run, name="Askerbakeriet AS", participants=2)
    theirs = builders.firm_in(run, name="Lierbakeriet AS", participants=2)
    builders.take_quiz(quiz, theirs.people[1])
    builders.plan(theirs, PlanStatus.SUBMITTED)
    participant = ours.people[1]  # not the contact

    html = home_html(client_en, participant)

    assert parts_shown(html) == ["home-participant"]
    assert "Lierbakeriet AS" not in html
    for other in theirs.people:
        assert other.get_full_name() not in html
        assert other.email not in html
    assert theirs.firm.org_number not in html
    assert "Not passed yet" in html


def test_a_member_whose_firm_takes_no_course_gets_the_start(client_en):
    firm = FirmFactory(name="Hole Snekkeri AS")
    member = builders.member_of(firm)
    html = home_html(client_en, member)
    assert parts_shown(html) == ["home-start"]
    assert firm.get_absolute_url() in html


# --- Firm contact ---------------------------------------------------------------------


def test_a_contact_sees_runs_plan_whats_missing_and_people(client_en):
    run, quiz = builders.run_with_quiz()
    ours = builders.firm_in(run, name="Askerbakeriet AS", participants=1)
    builders.plan(ours, PlanStatus.CHANGES_REQUESTED)
    applied_run, _quiz = builders.run_with_quiz()
    applied = Enrolment.objects.create(
        run=applied_run, firm=ours.firm, status=EnrolmentStatus.APPLIED
    )
    builders.member_of(ours.firm)
    from lms.accounts import services as accounts

    accounts.invitation_create(
        firm=ours.firm,
        email="ny@example.no",
        invited_by=ours.contact,
        base_url="http://testserver",
    )

    html = home_html(client_en, ours.contact)

    part = html[html.index(f'id="home-firm-{ours.firm.pk}"') :]
    assert "Askerbakeriet AS" in part
    assert ours.firm.org_number_display in part
    assert reverse("courses:enrolment_detail", args=[ours.pk]) in part
    assert reverse("courses:enrolment_detail", args=[applied.pk]) in part
    assert "applied, waiting for the course leader's answer" in part
    assert "Inclusion plan: changes requested" in part
    assert reverse("courses:plan_detail", args=[ours.pk]) in part
    # Exactly the rules the leader's certification page checks, failing ones.
    with translation.override("en"):
        failing = enrolment_certification_check(enrolment=ours).failing
    missing = part[part.index('class="home-missing"') :]
    missing = missing[: missing.index("</ul>")]
    assert [rule.code for rule in failing] == ["sessions", "quiz", "plan"]
    assert missing.count("<li>") == len(failing)
    for rule in failing:
        assert f"<li>{escape(rule.text)}</li>" in missing
    assert "2 members" in part  # the contact and a colleague
    assert "1 invitation not yet accepted" in part
    assert reverse("accounts:invitation_create", args=[ours.firm.org_number]) in part


def test_a_contact_is_told_when_the_yearly_follow_up_is_due(client_en):
    today = timezone.localdate()
    due = cf.certification(
        issued_on=today - timedelta(days=300), valid_until=today + timedelta(days=60)
    )
    html = home_html(client_en, due.enrolment.contact)
    assert "The yearly follow-up report for" in html
    assert reverse("courses:certification_firm", args=[due.enrolment.pk]) in html

    not_yet = cf.certification()  # valid for another eleven months
    assert "The yearly follow-up report for" not in home_html(
        client_en, not_yet.enrolment.contact
    )
    expired = cf.expired()  # shown as expired; no follow-up of a lapsed one
    html = home_html(client_en, expired.enrolment.contact)
    assert "The yearly follow-up report for" not in html
    assert "Certification: expired" in html


def test_a_filed_follow_up_is_no_longer_due(client_en):
    from courses.services.certification import follow_up_file

    today = timezone.localdate()
    due = cf.certification(
        issued_on=today - timedelta(days=300), valid_until=today + timedelta(days=60)
    )
    follow_up_file(certification=due, by=due.enrolment.contact, narrative="Gjort.")
    assert "The yearly follow-up report for" not in home_html(
        client_en, due.enrolment.contact
    )


# --- Course leader --------------------------------------------------------------------


def test_a_leader_sees_plans_waiting_firms_ready_next_session_and_runs(client_en):
    leader = factories.leader()
    upcoming, _quiz = builders.run_with_quiz(leaders=[leader])
    waiting = builders.firm_in(upcoming, name="Venter AS")
    builders.plan(waiting, PlanStatus.SUBMITTED)
    builders.firm_in(upcoming, name="Utkast AS")  # no plan: not waiting
    started, quiz = builders.started_run(leaders=[leader])
    ready = builders.ready_firm(started, quiz, name="Klar AS")
    builders.firm_in(started, name="Ikke klar AS")
    certified = builders.ready_firm(started, quiz, name="Sertifisert AS")
    cf.certification(enrolment=certified)
    # Someone else's run: nothing of it shows.
    other_run, _ = builders.run_with_quiz()
    builders.plan(builders.firm_in(other_run, name="Fremmed AS"), PlanStatus.SUBMITTED)

    html = home_html(client_en, leader)

    assert parts_shown(html) == ["home-leader"]
    plans = html[html.index('id="home-plans-waiting"') :]
    plans = plans[: plans.index("</ul>")]
    assert "Venter AS" in plans and "Utkast AS" not in plans
    assert reverse("courses:plan_review", args=[waiting.pk]) in plans
    ready_list = html[html.index('id="home-ready"') :]
    ready_list = ready_list[: ready_list.index("</ul>")]
    assert "Klar AS" in ready_list
    assert "Ikke klar AS" not in ready_list and "Sertifisert AS" not in ready_list
    assert reverse("courses:certification_firm", args=[ready.pk]) in ready_list
    first = upcoming.sessions.order_by("starts_at").first()
    assert reverse("courses:attendance", args=[first.pk]) in html
    assert reverse("courses:run_overview", args=[upcoming.pk]) in html
    assert reverse("courses:run_overview", args=[started.pk]) in html
    assert "Fremmed AS" not in html
    assert reverse("courses:run_overview", args=[other_run.pk]) not in html


# --- Validation roles -----------------------------------------------------------------


@pytest.fixture
def unit(db):
    owner = person(Role.PROGRAMME_OWNER)
    return unit_approved(by=owner, code="AM-90", title="Følge opp en ny kollega")


def test_a_candidate_sees_their_cases_with_status(client_en, unit):
    case = submitted_case(unit=unit)
    someone_else = submitted_case(unit=unit)
    html = home_html(client_en, case.candidate)
    assert parts_shown(html) == ["home-candidate"]
    assert reverse("validation:case", args=[case.pk]) in html
    assert "AM-90 Følge opp en ny kollega</a>: submitted for assessment" in html
    assert reverse("validation:case", args=[someone_else.pk]) not in html


def test_an_assessor_sees_the_queue_count_and_the_cases_waiting(client_en, unit):
    assessor = person(Role.ASSESSOR, first_name="Ada", last_name="Assessor")
    waiting = submitted_case(unit=unit, assessor=assessor)
    planned = case_new(unit=unit, assessor=assessor)
    html = home_html(client_en, assessor)
    assert parts_shown(html) == ["home-assessor"]
    assert "2 cases in your queue; 1 waiting for your assessment." in html
    waiting_list = html[html.index('id="home-assessor-waiting"') :]
    waiting_list = waiting_list[: waiting_list.index("</ul>")]
    assert reverse("validation:case", args=[waiting.pk]) in waiting_list
    assert reverse("validation:case", args=[planned.pk]) not in waiting_list


def test_a_verifier_sees_the_cases_to_verify(client_en, unit):
    verifier = person(Role.INTERNAL_VERIFIER)
    case = assessed_case(unit=unit)  # a new assessor: every case is sampled
    assert case.verifier == verifier
    html = home_html(client_en, verifier)
    assert parts_shown(html) == ["home-verifier"]
    assert "1 case to verify:" in html
    assert reverse("validation:case", args=[case.pk]) in html


def test_a_moderator_sees_the_open_samples(client_en, unit):
    verifier = person(Role.INTERNAL_VERIFIER)
    moderator = person(Role.EXTERNAL_MODERATOR)
    step(assessed_case(unit=unit), CaseAction.VERIFY, verifier)
    sample = sampling.moderation_sample_draw(moderator=moderator)
    html = home_html(client_en, moderator)
    assert parts_shown(html) == ["home-moderator"]
    assert reverse("validation:moderation_sample", args=[sample.pk]) in html
    assert "1 case waiting for you, report not written yet" in html


# --- Editor, programme owner, administrator -------------------------------------------


def test_an_editor_gets_the_admin(client_en):
    html = home_html(client_en, person(Role.EDITOR))
    assert parts_shown(html) == ["home-editor"]
    assert reverse("wagtailadmin_home") in html


def test_a_programme_owner_sees_every_run_and_firm_without_run_links(client_en):
    run, _quiz = builders.run_with_quiz()
    builders.firm_in(run)
    html = home_html(client_en, person(Role.PROGRAMME_OWNER))
    assert parts_shown(html) == ["home-overview"]
    assert run.title in html
    assert reverse("courses:run_overview", args=[run.pk]) not in html
    assert reverse("wagtailadmin_home") in html


def test_an_administrator_sees_the_overview_with_links_and_the_editor_part(
    client_en, administrator
):
    run, _quiz = builders.run_with_quiz()
    builders.firm_in(run)
    from courses.models import CourseRun
    from lms.accounts.models import Firm

    html = home_html(client_en, administrator)
    assert parts_shown(html) == ["home-overview", "home-editor"]
    runs, firms = CourseRun.objects.count(), Firm.objects.count()
    assert f"{runs} course run{'s' if runs != 1 else ''} · {firms} firm" in html
    assert reverse("courses:run_overview", args=[run.pk]) in html


# --- Several roles, none --------------------------------------------------------------


def test_several_roles_see_several_parts_what_others_wait_on_first(client_en, unit):
    run, _quiz = builders.run_with_quiz()
    ours = builders.firm_in(run)
    someone = ours.contact
    from lms.accounts import services as accounts

    for role in (Role.COURSE_LEADER, Role.ASSESSOR, Role.CANDIDATE):
        accounts.role_grant(user=someone, role=role)
    submitted_case(unit=unit, candidate=someone)

    html = home_html(client_en, someone)

    assert parts_shown(html) == [
        "home-assessor",
        "home-leader",
        "home-firm-",
        "home-participant",
        "home-candidate",
    ]


def test_a_fresh_account_gets_a_friendly_start(client_en):
    html = home_html(client_en, UserFactory())
    assert parts_shown(html) == ["home-start"]
    start = html[html.index('id="home-start"') :]
    assert reverse("courses:run_catalogue") in start
    try:
        signup = reverse("accounts:signup")
    except Exception:  # the sign-up part is not there
        signup = None
    if signup:
        assert signup in start


def test_recent_events_are_shown(client_en):
    from lms.notifications.kinds import Kind
    from lms.notifications.services import notify

    user = UserFactory()
    notify(
        recipient=user,
        kind=Kind.APPLICATION_ACCEPTED,
        context={"firm": "Askerbakeriet AS", "run": "Vår 2026"},
        url="/kurs/",
    )
    html = home_html(client_en, user)
    recent = html[html.index('id="home-recent"') :]
    assert "Nothing new." not in recent
    assert 'href="/kurs/"' in recent


# --- Speed ----------------------------------------------------------------------------


_units = iter(range(100, 1000))


def world(n: int, *, leader, someone, assessor, unit):
    """`n` runs led by `leader`, each with `someone`'s firm in it (accepted,
    plan submitted) and `n` cases each for the assessor and for `someone` as a
    candidate."""
    firm = someone.memberships.get().firm
    for _ in range(n):
        run, _quiz = builders.run_with_quiz(leaders=[leader])
        enrolment = factories.enrolment(run_=run, firm=firm)
        enrolment.participants.add(someone)
        builders.plan(enrolment, PlanStatus.SUBMITTED)
        submitted_case(unit=unit, assessor=assessor)
        case_new(unit=unit_approved(code=f"AM-{next(_units)}"), candidate=someone)


def queries_of_home(client) -> int:
    client.get(HOME)  # the run plans and menus are cached after the first view
    with CaptureQueriesContext(connection) as queries:
        assert client.get(HOME).status_code == HTTPStatus.OK
    return len(queries)


def test_the_query_count_does_not_grow_with_runs_or_cases(client, unit):
    leader = factories.leader()
    assessor = person(Role.ASSESSOR)
    firm = FirmFactory()
    someone = person(Role.CANDIDATE, Role.PROGRAMME_OWNER)
    from lms.accounts import services as accounts

    accounts.membership_add(firm=firm, user=someone, is_contact=True)
    world(1, leader=leader, someone=someone, assessor=assessor, unit=unit)

    people = (("leader", leader), ("someone", someone), ("assessor", assessor))
    counts = {}
    for label, user in people:
        client.force_login(user)
        counts[label] = queries_of_home(client)
    world(4, leader=leader, someone=someone, assessor=assessor, unit=unit)
    for label, user in people:
        client.force_login(user)
        assert queries_of_home(client) == counts[label], label

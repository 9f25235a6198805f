"""The work plan: the firm's side writes goals (linked to work-area criteria),
tasks per week and the support; the trainee agrees; a real change asks the
trainee to agree again. Wrong people are refused; an ended placement is
read-only; the page prints on one sheet."""

from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

import pytest

from lms.accounts import services as account_services
from lms.accounts.roles import Role
from placements.forms.work_plan import CRITERION_CHOICE_MESSAGE
from placements.models import Evaluation, Goal, GoalProgress, Placement, WeeklyTask
from placements.services import work_plan as services
from placements.views import work_plan as views
from tests.accounts.factories import FirmFactory, UserFactory
from validation.models import Pathway

from ..validation.factories import criteria_of, person, unit_approved
from .factories import placement_new

pytestmark = pytest.mark.django_db


def english(text) -> str:
    with translation.override("en"):
        return str(text)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def client_en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _pathway(unit, *, for_trainees: bool, slug: str):
    pathway = Pathway(name=slug, slug=slug, credits_required=1)
    if hasattr(pathway, "for_trainees"):
        pathway.for_trainees = for_trainees
    pathway.save()
    pathway.units.add(unit)
    pathway.save()
    return pathway


@pytest.fixture
def cafe():
    """The work-area unit "Café" (criteria 1.1, 1.2, 2.1) in a trainees' pathway."""
    unit = unit_approved(code="KAFE-01", title="Café", outcomes=(("a", "b"), ("c",)))
    _pathway(unit, for_trainees=True, slug="arbeidsomrader")
    return unit


@pytest.fixture
def mentor_unit():
    """A mentor unit, in a pathway that is not for trainees."""
    unit = unit_approved(code="AM-01", title="Mentor")
    _pathway(unit, for_trainees=False, slug="mentor")
    return unit


@pytest.fixture
def placement(firm):
    return placement_new(firm=firm)


@pytest.fixture
def mentor(placement):
    return placement.mentor


@pytest.fixture
def trainee(placement):
    return placement.trainee


def plan_update(placement, *, goals=(), tasks=(), support="", by=None):
    return services.work_plan_update(
        placement=placement,
        goals=list(goals),
        tasks=list(tasks),
        support_agreed=support,
        by=by or placement.mentor,
    )


def saved_plan(placement):
    placement.refresh_from_db()
    goals = [
        (g.text, sorted(c.pk for c in g.criteria.all()))
        for g in placement.goals.order_by("position")
    ]
    tasks = list(placement.tasks.order_by("week", "pk").values_list("week", "text"))
    return goals, tasks, placement.support_agreed


def formset_data(prefix, rows, *, initial=0, total=None):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows) if total is None else total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def plan_post(goals=(), tasks=(), support="", **extra):
    return {
        **formset_data("goals", list(goals)),
        **formset_data("tasks", list(tasks)),
        "support_agreed": support,
        **extra,
    }


def edit_url(placement):
    return reverse("placements:work_plan_edit", args=[placement.pk])


def plan_url(placement):
    return reverse("placements:work_plan", args=[placement.pk])


def agree_url(placement):
    return reverse("placements:work_plan_agree", args=[placement.pk])


# The service ----------------------------------------------------------------------


def test_update_saves_goals_with_criteria_tasks_by_week_and_support(placement, cafe):
    c11, c12, c21 = criteria_of(cafe)
    changed = plan_update(
        placement,
        goals=[
            {"pk": None, "text": " Åpne kafeen alene ", "criteria": [c21, c11]},
            {"pk": None, "text": "Ta imot bestillinger", "criteria": []},
        ],
        tasks=[
            {"week": 2, "text": "Kasse"},
            {"week": 1, "text": "Oppvask"},
            {"week": 1, "text": "Kaffe"},
        ],
        support=" Mentor viser nye oppgaver først. ",
    )
    assert changed is True
    assert saved_plan(placement) == (
        [("Åpne kafeen alene", [c11.pk, c21.pk]), ("Ta imot bestillinger", [])],
        [(1, "Oppvask"), (1, "Kaffe"), (2, "Kasse")],
        "Mentor viser nye oppgaver først.",
    )
    assert placement.plan_agreed_at is None


def test_a_real_change_clears_the_agreement_and_no_change_keeps_it(placement, cafe):
    (c11, *_rest) = criteria_of(cafe)
    plan_update(placement, goals=[{"pk": None, "text": "Mål", "criteria": [c11]}])
    goal = placement.goals.get()
    agreed_at = timezone.now() - timedelta(days=1)
    Placement.objects.filter(pk=placement.pk).update(plan_agreed_at=agreed_at)

    same = [{"pk": goal.pk, "text": "Mål", "criteria": [c11.pk]}]
    assert plan_update(placement, goals=same) is False
    placement.refresh_from_db()
    assert placement.plan_agreed_at == agreed_at
    assert placement.goals.get().pk == goal.pk

    assert plan_update(placement, goals=same, support="Ny støtte") is True
    placement.refresh_from_db()
    assert placement.plan_agreed_at is None
    # The goal row is kept (evaluations point at it).
    assert placement.goals.get().pk == goal.pk


@pytest.mark.parametrize(
    "change",
    ["text", "criteria", "task", "removed"],
)
def test_each_kind_of_change_clears_the_agreement(placement, cafe, change):
    c11, c12, _c21 = criteria_of(cafe)
    plan_update(
        placement,
        goals=[{"pk": None, "text": "Mål", "criteria": [c11]}],
        tasks=[{"week": 1, "text": "Oppvask"}],
    )
    goal = placement.goals.get()
    Placement.objects.filter(pk=placement.pk).update(plan_agreed_at=timezone.now())
    goals = [{"pk": goal.pk, "text": "Mål", "criteria": [c11]}]
    tasks = [{"week": 1, "text": "Oppvask"}]
    if change == "text":
        goals[0]["text"] = "Nytt mål"
    elif change == "criteria":
        goals[0]["criteria"] = [c11, c12]
    elif change == "task":
        tasks = [{"week": 2, "text": "Oppvask"}]
    else:
        goals = []
    assert plan_update(placement, goals=goals, tasks=tasks) is True
    placement.refresh_from_db()
    assert placement.plan_agreed_at is None


def test_a_criterion_of_another_unit_is_refused_and_nothing_saved(
    placement, cafe, mentor_unit
):
    (c11, *_rest) = criteria_of(cafe)
    (other, *_rest) = criteria_of(mentor_unit)
    with pytest.raises(ValidationError) as excinfo:
        plan_update(
            placement,
            goals=[
                {"pk": None, "text": "Første", "criteria": [c11]},
                {"pk": None, "text": "Andre", "criteria": [other]},
            ],
            tasks=[{"week": 1, "text": "Oppvask"}],
            support="Støtte",
        )
    assert excinfo.value.messages == [english(services.CRITERION_NOT_WORK_AREA_MESSAGE)]
    assert saved_plan(placement) == ([], [], "")


@pytest.mark.parametrize(
    ("goals", "tasks", "message"),
    [
        ([{"text": "  "}], [], services.GOAL_TEXT_REQUIRED_MESSAGE),
        ([{"text": "x" * 301}], [], "Write at most 300 characters."),
        ([], [{"week": 0, "text": "a"}], services.WEEK_MESSAGE),
        ([], [{"week": 105, "text": "a"}], services.WEEK_MESSAGE),
        ([], [{"week": 1, "text": ""}], services.TASK_TEXT_REQUIRED_MESSAGE),
        ([{"text": "g"}] * 31, [], "A plan can have at most 30 goals."),
        ([], [{"week": 1, "text": "t"}] * 201, "A plan can have at most 200 tasks."),
    ],
)
def test_bad_plans_are_refused_whole(placement, cafe, goals, tasks, message):
    plan_update(
        placement,
        goals=[{"text": "Gammelt mål"}],
        tasks=[{"week": 3, "text": "Gammel"}],
    )
    before = saved_plan(placement)
    with pytest.raises(ValidationError) as excinfo:
        plan_update(
            placement,
            goals=[{"text": "Gyldig"}, *goals],
            tasks=[{"week": 1, "text": "Gyldig"}, *tasks],
            support="Ny",
        )
    with translation.override("en"):
        assert str(message) in excinfo.value.messages[0]
    assert saved_plan(placement) == before


def test_a_goal_used_in_an_evaluation_cannot_be_removed(placement, cafe):
    plan_update(placement, goals=[{"text": "Brukt"}, {"text": "Ubrukt"}])
    used, unused = placement.goals.order_by("position")
    evaluation = Evaluation.objects.create(
        placement=placement,
        held_on=placement.starts_on,
        went_well="a",
        to_change="b",
        written_by=placement.mentor,
    )
    GoalProgress.objects.create(evaluation=evaluation, goal=used, progress="under_way")
    with pytest.raises(ValidationError) as excinfo:
        plan_update(placement, goals=[{"pk": unused.pk, "text": "Ubrukt"}])
    assert excinfo.value.messages == [
        english(services.GOAL_IN_EVALUATION_MESSAGE) % {"goal": "Brukt"}
    ]
    assert list(placement.goals.order_by("position")) == [used, unused]
    # Its text may change.
    plan_update(placement, goals=[{"pk": used.pk, "text": "Endret"}])
    assert list(placement.goals.values_list("text", flat=True)) == ["Endret"]


def test_a_goal_of_another_placement_is_refused(placement, cafe):
    other = placement_new()
    plan_update(other, goals=[{"text": "Annen"}])
    with pytest.raises(ValidationError) as excinfo:
        plan_update(placement, goals=[{"pk": other.goals.get().pk, "text": "Stjålet"}])
    assert excinfo.value.messages == [english(services.GOAL_NOT_IN_PLAN_MESSAGE)]
    assert other.goals.get().text == "Annen"


def test_agree_needs_goals_and_the_trainee(placement, cafe):
    with pytest.raises(ValidationError) as excinfo:
        services.work_plan_agree(placement=placement, by=placement.trainee)
    assert excinfo.value.messages == [english(services.NO_GOALS_MESSAGE)]
    plan_update(placement, goals=[{"text": "Mål"}])
    with pytest.raises(ValidationError) as excinfo:
        services.work_plan_agree(placement=placement, by=placement.mentor)
    assert excinfo.value.messages == [english(services.NOT_TRAINEE_MESSAGE)]
    agreed = services.work_plan_agree(placement=placement, by=placement.trainee)
    assert agreed.plan_agreed_at is not None


# The pages ------------------------------------------------------------------------


def test_the_plan_page_shows_goals_criteria_weeks_and_the_agree_button(
    client_en, placement, trainee, cafe
):
    c11, _c12, c21 = criteria_of(cafe)
    plan_update(
        placement,
        goals=[{"text": "Åpne kafeen", "criteria": [c11, c21]}],
        tasks=[{"week": 2, "text": "Kasse"}, {"week": 1, "text": "Oppvask"}],
        support="Mentor viser først.",
    )
    client_en.force_login(trainee)
    response = client_en.get(plan_url(placement))
    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "Café 1.1: a" in text
    assert "Café 2.1: c" in text
    week_1 = date_format(placement.starts_on, "MONTH_DAY_FORMAT")
    assert f"Week 1 (from {week_1})" in text
    assert text.index("Week 1") < text.index("Oppvask") < text.index("Week 2")
    assert "Mentor viser først." in text
    assert "I agree to this plan" in text
    assert 'id="plan-edit-link"' not in text
    assert "css/print_placement.css" in text


def test_the_mentor_sees_the_edit_link_and_no_agree_button(
    client_en, placement, mentor, cafe
):
    plan_update(placement, goals=[{"text": "Mål"}])
    client_en.force_login(mentor)
    text = client_en.get(plan_url(placement)).content.decode()
    assert 'id="plan-edit-link"' in text
    assert "I agree to this plan" not in text
    assert "The trainee has not agreed to this plan yet." in text


def test_the_edit_page_offers_only_work_area_criteria_grouped_by_unit(
    client_en, placement, contact, cafe, mentor_unit
):
    client_en.force_login(contact)
    response = client_en.get(edit_url(placement))
    assert response.status_code == HTTPStatus.OK
    form = response.context["goal_formset"].forms[0]
    assert form.fields["criteria"].choices == [
        ("Café", [(c.pk, f"{c.label}: {c.text}") for c in criteria_of(cafe)])
    ]
    assert '<legend class="h6">Café</legend>' in response.content.decode()


def test_saving_the_plan_through_the_page(client_en, placement, mentor, cafe):
    c11, *_rest = criteria_of(cafe)
    plan_update(placement, goals=[{"text": "Gammelt"}])
    Placement.objects.filter(pk=placement.pk).update(plan_agreed_at=timezone.now())
    old = placement.goals.get()
    client_en.force_login(mentor)
    data = plan_post(
        goals=[
            {"goal": str(old.pk), "text": "Gammelt, endret", "criteria": [str(c11.pk)]},
            {"text": "Nytt mål"},
            {"text": ""},
        ],
        tasks=[{"week": "1", "text": "Oppvask"}, {"week": "", "text": ""}],
        support="Støtte",
    )
    data["goals-INITIAL_FORMS"] = "1"
    response = client_en.post(edit_url(placement), data, follow=True)
    assert response.redirect_chain == [(plan_url(placement), HTTPStatus.FOUND)]
    assert messages_of(response) == [english(views.SAVED_AGREE_AGAIN_MESSAGE)]
    assert saved_plan(placement) == (
        [("Gammelt, endret", [c11.pk]), ("Nytt mål", [])],
        [(1, "Oppvask")],
        "Støtte",
    )
    assert placement.plan_agreed_at is None
    assert placement.goals.order_by("position").first().pk == old.pk

    # The saved plan posted again: nothing changes.
    first, second = placement.goals.order_by("position")
    again = plan_post(
        goals=[
            {"goal": str(first.pk), "text": first.text, "criteria": [str(c11.pk)]},
            {"goal": str(second.pk), "text": second.text},
        ],
        tasks=[{"week": "1", "text": "Oppvask"}],
        support="Støtte",
    )
    again["goals-INITIAL_FORMS"] = "2"
    response = client_en.post(edit_url(placement), again, follow=True)
    assert messages_of(response) == [english(views.NOT_CHANGED_MESSAGE)]


def test_removing_a_row_and_save_and_more(client_en, placement, mentor, cafe):
    plan_update(placement, goals=[{"text": "Bort"}, {"text": "Bli"}])
    away, stay = placement.goals.order_by("position")
    client_en.force_login(mentor)
    data = plan_post(
        goals=[
            {"goal": str(away.pk), "text": "Bort", "DELETE": "on"},
            {"goal": str(stay.pk), "text": "Bli"},
        ],
        save_and_more="1",
    )
    data["goals-INITIAL_FORMS"] = "2"
    response = client_en.post(edit_url(placement), data)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == edit_url(placement)
    assert list(placement.goals.values_list("text", flat=True)) == ["Bli"]


@pytest.mark.parametrize(
    ("goals", "tasks", "error"),
    [
        (
            [{"text": "", "criteria": ["CRITERION"]}],
            [],
            services.GOAL_TEXT_REQUIRED_MESSAGE,
        ),
        ([{"text": "x" * 301}], [], "Write at most 300 characters."),
        ([], [{"week": "0", "text": "Oppvask"}], services.WEEK_MESSAGE),
        ([], [{"week": "105", "text": "Oppvask"}], services.WEEK_MESSAGE),
        ([], [{"week": "1", "text": ""}], services.TASK_TEXT_REQUIRED_MESSAGE),
        ([], [{"week": "", "text": "Oppvask"}], "Write the week number."),
        ([], [{"week": "1", "text": "y" * 301}], "Write at most 300 characters."),
    ],
)
def test_bad_rows_give_messages_and_save_nothing(
    client_en, placement, mentor, cafe, goals, tasks, error
):
    plan_update(placement, goals=[{"text": "Gammelt"}], support="Gammel")
    before = saved_plan(placement)
    (c11, *_rest) = criteria_of(cafe)
    goals = [
        {k: ([str(c11.pk)] if v == ["CRITERION"] else v) for k, v in row.items()}
        for row in goals
    ]
    client_en.force_login(mentor)
    response = client_en.post(
        edit_url(placement),
        plan_post(goals=[{"text": "Gyldig"}, *goals], tasks=tasks, support="Ny"),
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert messages_of(response) == [english(views.NOT_SAVED_MESSAGE)]
    assert english(error) in response.content.decode()
    assert saved_plan(placement) == before


def test_a_criterion_of_another_unit_is_refused_by_the_page(
    client_en, placement, mentor, cafe, mentor_unit
):
    (other, *_rest) = criteria_of(mentor_unit)
    client_en.force_login(mentor)
    response = client_en.post(
        edit_url(placement),
        plan_post(goals=[{"text": "Mål", "criteria": [str(other.pk)]}]),
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert english(CRITERION_CHOICE_MESSAGE) in response.content.decode()
    assert not Goal.objects.filter(placement=placement).exists()


@pytest.mark.parametrize(
    ("prefix", "total", "row", "message"),
    [
        ("goals", 31, {"text": "Mål"}, "A plan can have at most 30 goals."),
        (
            "tasks",
            201,
            {"week": "1", "text": "T"},
            "A plan can have at most 200 tasks.",
        ),
    ],
)
def test_too_many_rows_are_refused(
    client_en, placement, mentor, prefix, total, row, message
):
    client_en.force_login(mentor)
    data = plan_post()
    data.update(formset_data(prefix, [row] * total))
    response = client_en.post(edit_url(placement), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert not Goal.objects.filter(placement=placement).exists()
    assert not WeeklyTask.objects.filter(placement=placement).exists()


def test_a_flood_of_forms_is_not_built(client_en, placement, mentor):
    client_en.force_login(mentor)
    data = plan_post()
    data["tasks-TOTAL_FORMS"] = "100000"
    response = client_en.post(edit_url(placement), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert len(response.context["task_formset"].forms) == services.MAX_TASKS
    assert "A plan can have at most 200 tasks." in response.content.decode()


def test_the_trainee_agrees_through_the_page(client_en, placement, trainee, cafe):
    plan_update(placement, goals=[{"text": "Mål"}])
    client_en.force_login(trainee)
    response = client_en.post(agree_url(placement), follow=True)
    assert response.redirect_chain == [(plan_url(placement), HTTPStatus.FOUND)]
    assert messages_of(response) == [english(views.AGREED_MESSAGE)]
    placement.refresh_from_db()
    date = date_format(
        timezone.localtime(placement.plan_agreed_at).date(), "DATE_FORMAT"
    )
    assert f"You agreed on {date}." in response.content.decode()
    assert "I agree to this plan" not in response.content.decode()


def test_agreeing_to_a_plan_without_goals_is_refused(client_en, placement, trainee):
    client_en.force_login(trainee)
    response = client_en.post(agree_url(placement), follow=True)
    assert messages_of(response) == [english(services.NO_GOALS_MESSAGE)]
    placement.refresh_from_db()
    assert placement.plan_agreed_at is None


def test_agree_is_post_only_and_for_the_trainee_only(
    client_en, placement, mentor, contact, trainee, cafe
):
    plan_update(placement, goals=[{"text": "Mål"}])
    client_en.force_login(trainee)
    assert (
        client_en.get(agree_url(placement)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    )
    for person_ in (mentor, contact):
        client_en.force_login(person_)
        assert client_en.post(agree_url(placement)).status_code == HTTPStatus.FORBIDDEN
    placement.refresh_from_db()
    assert placement.plan_agreed_at is None


def test_the_trainee_may_not_edit(client_en, placement, trainee):
    client_en.force_login(trainee)
    assert client_en.get(edit_url(placement)).status_code == HTTPStatus.FORBIDDEN
    response = client_en.post(edit_url(placement), plan_post(goals=[{"text": "Mål"}]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Goal.objects.filter(placement=placement).exists()


def _other_firms_contact():
    person_ = UserFactory()
    account_services.membership_add(firm=FirmFactory(), user=person_, is_contact=True)
    return person_


WRONG_PEOPLE = {
    "other firm's contact": _other_firms_contact,
    "course leader": lambda: person(Role.COURSE_LEADER),
    "programme owner": lambda: person(Role.PROGRAMME_OWNER),
    "assessor": lambda: person(Role.ASSESSOR),
    "someone": UserFactory,
}


@pytest.mark.parametrize("who", WRONG_PEOPLE)
def test_wrong_people_get_not_found_on_every_plan_page(client_en, placement, who):
    client_en.force_login(WRONG_PEOPLE[who]())
    for url in (plan_url(placement), edit_url(placement)):
        assert client_en.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client_en.post(edit_url(placement), plan_post()).status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert client_en.post(agree_url(placement)).status_code == HTTPStatus.NOT_FOUND


def test_anonymous_people_are_sent_to_log_in(client_en, placement):
    response = client_en.get(plan_url(placement))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_after_sharing_is_withdrawn_the_mentor_sees_nothing(
    client_en, placement, mentor, trainee
):
    Placement.objects.filter(pk=placement.pk).update(
        sharing_withdrawn_at=timezone.now()
    )
    client_en.force_login(mentor)
    assert client_en.get(plan_url(placement)).status_code == HTTPStatus.NOT_FOUND
    client_en.force_login(trainee)
    assert client_en.get(plan_url(placement)).status_code == HTTPStatus.OK


def test_an_ended_placement_is_read_only(client_en, placement, mentor, trainee, cafe):
    plan_update(placement, goals=[{"text": "Mål"}])
    Placement.objects.filter(pk=placement.pk).update(
        status="ended", ended_on=timezone.localdate(), outcome="employed"
    )
    client_en.force_login(mentor)
    text = client_en.get(plan_url(placement)).content.decode()
    assert 'id="plan-edit-link"' not in text
    assert client_en.get(edit_url(placement)).status_code == HTTPStatus.FORBIDDEN
    client_en.force_login(trainee)
    text = client_en.get(plan_url(placement)).content.decode()
    assert "I agree to this plan" not in text
    assert client_en.post(agree_url(placement)).status_code == HTTPStatus.FORBIDDEN
    placement.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        plan_update(placement, goals=[{"text": "Nytt"}])
    assert excinfo.value.messages == [english(services.ENDED_MESSAGE)]


def test_the_summary_counts_goals_and_says_whether_agreed(
    client_en, placement, trainee
):
    from django.template.loader import render_to_string

    plan_update(placement, goals=[{"text": "En"}, {"text": "To"}])
    with translation.override("en"):
        html = render_to_string(
            "placements/includes/work_plan_summary.html",
            {"placement": placement, "user": trainee},
        )
    assert "2 goals." in html
    assert "You have not agreed to the plan yet." in html
    assert plan_url(placement) in html

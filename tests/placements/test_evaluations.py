"""Evaluations: the firm's side records a conversation with progress on every
goal; the trainee confirms it or comments, once; the next one is due an
interval after the last. Wrong people are refused; an ended placement is
read-only; the record prints on one page."""

from datetime import date, timedelta
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

import pytest

from placements.forms.evaluations import PROGRESS_REQUIRED_MESSAGE
from placements.models import Evaluation, GoalProgress, Placement
from placements.selectors.plan import EvaluationDue, evaluation_schedule
from placements.services import evaluations as services
from placements.services.work_plan import work_plan_update
from placements.views import evaluations as views

from .factories import placement_new
from .test_work_plan import (
    WRONG_PEOPLE,
    english,
    messages_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def placement(firm):
    placement = placement_new(
        firm=firm, starts_on=timezone.localdate() - timedelta(days=30)
    )
    work_plan_update(
        placement=placement,
        goals=[{"text": "Åpne kafeen"}, {"text": "Ta imot bestillinger"}],
        tasks=[],
        support_agreed="",
        by=placement.mentor,
    )
    return placement


@pytest.fixture
def goals(placement):
    return list(placement.goals.order_by("position"))


def add_url(placement):
    return reverse("placements:evaluation_add", args=[placement.pk])


def evaluation_url(evaluation):
    return reverse("placements:evaluation", args=[evaluation.pk])


def create(placement, *, held_on=None, progress=None, by=None, **fields):
    goals = placement.goals.order_by("position")
    return services.evaluation_create(
        placement=placement,
        held_on=held_on or timezone.localdate(),
        went_well=fields.get("went_well", "Kom presis hver dag."),
        to_change=fields.get("to_change", "Spør oftere."),
        progress=(
            {goal.pk: ("under_way", "") for goal in goals}
            if progress is None
            else progress
        ),
        by=by or placement.mentor,
    )


def form_post(goals, *, held_on=None, skip=(), **fields):
    data = {
        "held_on": (held_on or timezone.localdate()).isoformat(),
        "went_well": "Kom presis hver dag.",
        "to_change": "Spør oftere.",
        **fields,
    }
    for goal in goals:
        if goal not in skip:
            data[f"goal-{goal.pk}-progress"] = "nearly"
            data[f"goal-{goal.pk}-note"] = f"Notat {goal.position}"
    return data


# Writing an evaluation -------------------------------------------------------------


def test_create_records_progress_for_every_goal(placement, goals):
    evaluation = create(
        placement,
        progress={goals[0].pk: ("reached", " Bra "), goals[1].pk: ("not_started", "")},
    )
    assert evaluation.written_by == placement.mentor
    assert evaluation.trainee_response == ""
    assert list(
        GoalProgress.objects.filter(evaluation=evaluation)
        .order_by("goal__position")
        .values_list("goal", "progress", "note")
    ) == [(goals[0].pk, "reached", "Bra"), (goals[1].pk, "not_started", "")]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("future", services.IN_FUTURE_MESSAGE),
        ("before_start", services.BEFORE_START_MESSAGE),
        ("missing_progress", services.PROGRESS_MISSING_MESSAGE),
        ("unknown_goal", services.PROGRESS_UNKNOWN_GOAL_MESSAGE),
        ("bad_step", services.PROGRESS_CHOICE_MESSAGE),
        ("no_text", services.WENT_WELL_REQUIRED_MESSAGE),
    ],
)
def test_create_refuses_bad_records_and_saves_nothing(placement, goals, case, message):
    kwargs = {}
    progress = {goal.pk: ("under_way", "") for goal in goals}
    if case == "future":
        kwargs["held_on"] = timezone.localdate() + timedelta(days=1)
    elif case == "before_start":
        kwargs["held_on"] = placement.starts_on - timedelta(days=1)
    elif case == "missing_progress":
        del progress[goals[1].pk]
    elif case == "unknown_goal":
        progress[goals[1].pk + 1000] = ("under_way", "")
    elif case == "bad_step":
        progress[goals[0].pk] = ("perfect", "")
    else:
        kwargs["went_well"] = "  "
    with pytest.raises(ValidationError) as excinfo:
        create(placement, progress=progress, **kwargs)
    params = {
        "start": placement.starts_on.strftime("%d.%m.%Y"),
        "goal": goals[1].text,
    }
    assert excinfo.value.messages == [english(message) % params]
    assert not Evaluation.objects.filter(placement=placement).exists()
    assert not GoalProgress.objects.exists()


def test_the_form_has_a_fieldset_per_goal_with_progress_radios(
    client_en, placement, goals
):
    client_en.force_login(placement.mentor)
    response = client_en.get(add_url(placement))
    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    for goal in goals:
        assert f'id="progress-{goal.pk}"' in text
        assert goal.text in text
        for step in ("not_started", "under_way", "nearly", "reached"):
            assert f'name="goal-{goal.pk}-progress" value="{step}"' in text
    assert response.context["form"]["held_on"].value() == timezone.localdate()


def test_the_mentor_saves_an_evaluation(client_en, placement, goals):
    client_en.force_login(placement.mentor)
    response = client_en.post(add_url(placement), form_post(goals), follow=True)
    evaluation = Evaluation.objects.get(placement=placement)
    assert response.redirect_chain == [(evaluation_url(evaluation), HTTPStatus.FOUND)]
    assert messages_of(response) == [english(views.EVALUATION_SAVED_MESSAGE)]
    assert sorted(evaluation.progress.values_list("goal", "progress", "note")) == [
        (goals[0].pk, "nearly", "Notat 0"),
        (goals[1].pk, "nearly", "Notat 1"),
    ]
    assert "The trainee has not answered yet." in response.content.decode()


def test_the_firm_contact_may_write_one_too(client_en, placement, goals, contact):
    client_en.force_login(contact)
    response = client_en.post(add_url(placement), form_post(goals))
    assert response.status_code == HTTPStatus.FOUND
    assert Evaluation.objects.get(placement=placement).written_by == contact


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("future", services.IN_FUTURE_MESSAGE),
        ("before_start", services.BEFORE_START_MESSAGE),
        ("missing_progress", PROGRESS_REQUIRED_MESSAGE),
        ("no_date", "Write the date of the conversation."),
        ("bad_date", "Write a date, e.g. 14.04.2025."),
        ("no_went_well", services.WENT_WELL_REQUIRED_MESSAGE),
        ("long_note", "Write at most 300 characters in a note."),
    ],
)
def test_bad_input_on_the_form_gives_messages_and_saves_nothing(
    client_en, placement, goals, case, error
):
    data = form_post(goals)
    if case == "future":
        data["held_on"] = (timezone.localdate() + timedelta(days=1)).isoformat()
    elif case == "before_start":
        data["held_on"] = (placement.starts_on - timedelta(days=1)).isoformat()
    elif case == "missing_progress":
        del data[f"goal-{goals[1].pk}-progress"]
    elif case == "no_date":
        data["held_on"] = ""
    elif case == "bad_date":
        data["held_on"] = "i går"
    elif case == "no_went_well":
        data["went_well"] = ""
    else:
        data[f"goal-{goals[0].pk}-note"] = "x" * 301
    client_en.force_login(placement.mentor)
    response = client_en.post(add_url(placement), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert messages_of(response) == [english(views.EVALUATION_NOT_SAVED_MESSAGE)]
    expected = english(error) % {"start": placement.starts_on.strftime("%d.%m.%Y")}
    assert expected in response.content.decode()
    assert not Evaluation.objects.exists()


def test_no_evaluation_before_the_trainee_has_accepted(client_en, firm):
    invited = placement_new(firm=firm, accepted=False)
    client_en.force_login(invited.mentor)
    response = client_en.get(add_url(invited), follow=True)
    assert messages_of(response) == [english(views.NOT_ACTIVE_MESSAGE)]
    response = client_en.post(add_url(invited), form_post([]))
    assert response.status_code == HTTPStatus.FOUND
    assert not Evaluation.objects.exists()


# The trainee's answer ----------------------------------------------------------------


def test_the_trainee_confirms(client_en, placement, goals):
    evaluation = create(placement)
    client_en.force_login(placement.trainee)
    page = client_en.get(evaluation_url(evaluation)).content.decode()
    assert "This is right" in page
    assert "css/print_placement.css" in page
    response = client_en.post(
        evaluation_url(evaluation), {"response": "confirmed"}, follow=True
    )
    assert messages_of(response) == [english(views.CONFIRMED_MESSAGE)]
    evaluation.refresh_from_db()
    assert evaluation.trainee_response == "confirmed"
    assert evaluation.trainee_comment == ""
    day = date_format(timezone.localtime(evaluation.responded_at).date(), "DATE_FORMAT")
    text = response.content.decode()
    assert f"You said this is right, on {day}." in text
    assert "Your answer cannot be changed." in text
    assert 'id="confirm-form"' not in text

    client_en.force_login(placement.mentor)
    text = client_en.get(evaluation_url(evaluation)).content.decode()
    assert f"The trainee said this is right, on {day}." in text


def test_a_comment_needs_text(client_en, placement, goals):
    evaluation = create(placement)
    client_en.force_login(placement.trainee)
    response = client_en.post(
        evaluation_url(evaluation), {"response": "commented", "comment": "  "}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert messages_of(response) == [english(views.ANSWER_NOT_SAVED_MESSAGE)]
    assert english(services.COMMENT_REQUIRED_MESSAGE) in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.responded_at is None

    response = client_en.post(
        evaluation_url(evaluation),
        {"response": "commented", "comment": "Jeg kom for sent én dag, ikke to."},
        follow=True,
    )
    assert messages_of(response) == [english(views.COMMENTED_MESSAGE)]
    evaluation.refresh_from_db()
    assert evaluation.trainee_response == "commented"
    assert evaluation.trainee_comment == "Jeg kom for sent én dag, ikke to."

    client_en.force_login(placement.mentor)
    text = client_en.get(evaluation_url(evaluation)).content.decode()
    assert "The trainee wrote a comment on" in text
    assert "Jeg kom for sent én dag, ikke to." in text


def test_a_second_answer_is_refused(client_en, placement, goals):
    evaluation = create(placement)
    client_en.force_login(placement.trainee)
    client_en.post(evaluation_url(evaluation), {"response": "confirmed"}, follow=True)
    response = client_en.post(
        evaluation_url(evaluation),
        {"response": "commented", "comment": "Likevel ikke."},
        follow=True,
    )
    assert messages_of(response) == [english(services.ALREADY_ANSWERED_MESSAGE)]
    evaluation.refresh_from_db()
    assert (evaluation.trainee_response, evaluation.trainee_comment) == (
        "confirmed",
        "",
    )
    with pytest.raises(ValidationError) as excinfo:
        services.evaluation_respond(
            evaluation=evaluation,
            response="commented",
            comment="Likevel ikke.",
            by=placement.trainee,
        )
    assert excinfo.value.messages == [english(services.ALREADY_ANSWERED_MESSAGE)]


def test_a_bad_response_value_is_refused(client_en, placement, goals):
    evaluation = create(placement)
    client_en.force_login(placement.trainee)
    response = client_en.post(evaluation_url(evaluation), {"response": "maybe"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    evaluation.refresh_from_db()
    assert evaluation.responded_at is None


def test_only_the_trainee_answers(client_en, placement, goals, contact):
    evaluation = create(placement)
    for person_ in (placement.mentor, contact):
        client_en.force_login(person_)
        page = client_en.get(evaluation_url(evaluation)).content.decode()
        assert 'id="confirm-form"' not in page
        response = client_en.post(evaluation_url(evaluation), {"response": "confirmed"})
        assert response.status_code == HTTPStatus.FORBIDDEN
    with pytest.raises(ValidationError) as excinfo:
        services.evaluation_respond(
            evaluation=evaluation, response="confirmed", comment="", by=contact
        )
    assert excinfo.value.messages == [english(services.NOT_TRAINEE_MESSAGE)]
    evaluation.refresh_from_db()
    assert evaluation.responded_at is None


def test_the_trainee_may_not_write_an_evaluation(client_en, placement, goals):
    client_en.force_login(placement.trainee)
    assert client_en.get(add_url(placement)).status_code == HTTPStatus.FORBIDDEN
    response = client_en.post(add_url(placement), form_post(goals))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize("who", WRONG_PEOPLE)
def test_wrong_people_get_not_found(client_en, placement, goals, who):
    evaluation = create(placement)
    client_en.force_login(WRONG_PEOPLE[who]())
    assert client_en.get(add_url(placement)).status_code == HTTPStatus.NOT_FOUND
    assert client_en.post(add_url(placement), form_post(goals)).status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert client_en.get(evaluation_url(evaluation)).status_code == HTTPStatus.NOT_FOUND
    response = client_en.post(evaluation_url(evaluation), {"response": "confirmed"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Evaluation.objects.count() == 1
    missing = reverse("placements:evaluation", args=[evaluation.pk + 1000])
    assert client_en.get(missing).status_code == HTTPStatus.NOT_FOUND


def test_withdrawn_sharing_closes_evaluations_to_the_firm(client_en, placement, goals):
    evaluation = create(placement)
    Placement.objects.filter(pk=placement.pk).update(
        sharing_withdrawn_at=timezone.now()
    )
    client_en.force_login(placement.mentor)
    assert client_en.get(evaluation_url(evaluation)).status_code == HTTPStatus.NOT_FOUND
    client_en.force_login(placement.trainee)
    assert client_en.get(evaluation_url(evaluation)).status_code == HTTPStatus.OK


def test_an_ended_placement_is_read_only(client_en, placement, goals):
    evaluation = create(placement)
    Placement.objects.filter(pk=placement.pk).update(
        status="ended", ended_on=timezone.localdate(), outcome="employed"
    )
    client_en.force_login(placement.mentor)
    assert client_en.get(add_url(placement)).status_code == HTTPStatus.FORBIDDEN
    client_en.force_login(placement.trainee)
    page = client_en.get(evaluation_url(evaluation)).content.decode()
    assert 'id="confirm-form"' not in page
    assert "You did not answer." in page
    response = client_en.post(evaluation_url(evaluation), {"response": "confirmed"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    placement.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        create(placement)
    assert excinfo.value.messages == [english(services.NOT_ACTIVE_MESSAGE)]


# When the next one is due ----------------------------------------------------------


@pytest.fixture
def march_placement(firm):
    return placement_new(
        firm=firm, starts_on=date(2025, 3, 3), evaluation_interval_weeks=4
    )


def test_the_first_evaluation_is_due_an_interval_after_the_start(march_placement):
    assert evaluation_schedule(march_placement, today=date(2025, 3, 31)) == (
        EvaluationDue(due_on=date(2025, 3, 31), overdue=False)
    )
    assert evaluation_schedule(march_placement, today=date(2025, 4, 1)) == (
        EvaluationDue(due_on=date(2025, 3, 31), overdue=True)
    )


def test_the_next_is_due_an_interval_after_the_last(march_placement):
    for held_on in (date(2025, 3, 28), date(2025, 3, 14)):
        Evaluation.objects.create(
            placement=march_placement,
            held_on=held_on,
            went_well="a",
            to_change="b",
            written_by=march_placement.mentor,
        )
    assert evaluation_schedule(march_placement, today=date(2025, 4, 10)) == (
        EvaluationDue(due_on=date(2025, 4, 25), overdue=False)
    )


def test_no_schedule_unless_under_way(firm):
    assert evaluation_schedule(placement_new(firm=firm, accepted=False)) is None


def _summary(placement, user):
    with translation.override("en"):
        return render_to_string(
            "placements/includes/evaluations_summary.html",
            {"placement": placement, "user": user},
        )


def test_the_summary_lists_evaluations_and_when_the_next_is_due(march_placement):
    html = _summary(march_placement, march_placement.mentor)
    # Placed in the past: the first one is overdue.
    assert f"Overdue since {date_format(date(2025, 3, 31), 'DATE_FORMAT')}." in html
    assert "No evaluations yet." in html
    assert add_url(march_placement) in html

    answered = Evaluation.objects.create(
        placement=march_placement,
        held_on=timezone.localdate(),
        went_well="a",
        to_change="b",
        written_by=march_placement.mentor,
        trainee_response="confirmed",
        responded_at=timezone.now(),
    )
    html = _summary(march_placement, march_placement.trainee)
    due = date_format(timezone.localdate() + timedelta(weeks=4), "DATE_FORMAT")
    assert f"Next evaluation: by {due}." in html
    assert evaluation_url(answered) in html
    assert "confirmed by the trainee" in html
    assert add_url(march_placement) not in html

"""The yearly follow-up form: each rule gives its own message on its own field,
through the services' one set of rules."""

from datetime import date

import pytest

from cms.models import MeasureKind
from courses.services.certification import FOLLOW_UP_EMPTY_MESSAGE
from results.categories import (
    ARRANGEMENT_FIELDS,
    ENDED_FIELDS,
    TARGET_GROUP_FIELDS,
    TargetGroup,
)
from results.forms import FollowUpFiguresForm, report_initial
from results.services import (
    LARGEST_COUNT,
    NOT_A_COUNT_MESSAGE,
    TOO_LARGE_MESSAGE,
    group_exceeds_total_message,
)

from ..cms import factories as cms_factories
from . import factories as rf

pytestmark = pytest.mark.django_db

COUNT_NAMES = (*ARRANGEMENT_FIELDS, *TARGET_GROUP_FIELDS, *ENDED_FIELDS, "mentors")


def data(**values) -> dict:
    """A valid filing: 3 taken in (2 on work trial, 1 summer job), 1 young,
    1 mentor; `values` replace or add fields."""
    base = dict.fromkeys(COUNT_NAMES, "0")
    base.update(
        work_trial="2",
        summer_job="1",
        young="1",
        mentors="1",
        narrative="Vi tok imot to på arbeidstrening og én sommervikar.",
    )
    base.update(values)
    return base


def errors(form) -> dict:
    return {name: list(messages) for name, messages in form.errors.items()}


def test_a_valid_filing_gives_the_service_its_arguments():
    measure = cms_factories.measure()
    form = FollowUpFiguresForm(
        data(
            publish_account="on",
            measures=[str(measure.pk)],
            young=" 3 ",
            ended_education="2",
        )
    )
    assert form.is_valid(), form.errors
    arguments = form.service_arguments()
    assert arguments == {
        "narrative": "Vi tok imot to på arbeidstrening og én sommervikar.",
        "counts": {
            "work_trial": 2,
            "wage_subsidy": 0,
            "permanent_job": 0,
            "temporary_job": 0,
            "apprenticeship": 0,
            "summer_job": 1,
            "young": 3,
            "disability": 0,
            "immigrant": 0,
            "other_group": 0,
            "ended_employed": 0,
            "ended_education": 2,
            "ended_new_placement": 0,
            "ended_other": 0,
        },
        "mentors": 1,
        "measures": [measure],
        "publish_account": True,
    }


def test_the_account_is_not_published_unless_ticked():
    form = FollowUpFiguresForm(data())
    assert form.is_valid(), form.errors
    assert form.service_arguments()["publish_account"] is False


@pytest.mark.parametrize("typed", ["-1", "2.5", "abc", "1e3", "2,5", "٣", "", "  "])
def test_anything_but_a_whole_number_from_0_is_refused(typed):
    """Blank too: a browser sends "" for a number field it could not read, so
    a blank is not quietly counted as nobody (the form starts at 0)."""
    form = FollowUpFiguresForm(data(mentors=typed))
    assert not form.is_valid()
    assert errors(form) == {"mentors": [str(NOT_A_COUNT_MESSAGE)]}


@pytest.mark.parametrize("name", COUNT_NAMES)
def test_every_count_is_checked_on_its_own_field(name):
    form = FollowUpFiguresForm(data(**{name: "-1"}))
    assert not form.is_valid()
    assert errors(form) == {name: [str(NOT_A_COUNT_MESSAGE)]}


@pytest.mark.parametrize("name", COUNT_NAMES)
def test_a_count_above_the_largest_is_refused_as_too_large(name):
    # Room in the arrangements, so no target group exceeds the total.
    values = data(permanent_job=str(LARGEST_COUNT))
    values[name] = str(LARGEST_COUNT + 1)
    form = FollowUpFiguresForm(values)
    assert not form.is_valid()
    assert errors(form) == {name: [str(TOO_LARGE_MESSAGE)]}


def test_the_largest_count_itself_is_accepted():
    form = FollowUpFiguresForm(data(work_trial=str(LARGEST_COUNT), summer_job="0"))
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("group", TARGET_GROUP_FIELDS)
def test_a_target_group_above_the_people_taken_in_is_refused_on_that_group(group):
    form = FollowUpFiguresForm({**data(young="0"), group: "4"})
    assert not form.is_valid()
    assert errors(form) == {
        group: [
            group_exceeds_total_message(
                group=TargetGroup(group).label, count=4, total=3
            )
        ]
    }


def test_every_group_may_hold_everyone_taken_in():
    """A person may be in several groups: the groups need not add up."""
    form = FollowUpFiguresForm(
        data(young="3", disability="3", immigrant="3", other_group="3")
    )
    assert form.is_valid(), form.errors


def test_nobody_taken_in_leaves_no_room_in_any_group():
    form = FollowUpFiguresForm(data(work_trial="0", summer_job="0", young="1"))
    assert errors(form) == {
        "young": [
            group_exceeds_total_message(group=TargetGroup.YOUNG.label, count=1, total=0)
        ]
    }


def test_groups_are_not_compared_with_a_total_that_is_not_a_number():
    form = FollowUpFiguresForm(data(work_trial="abc", young="9"))
    assert errors(form) == {"work_trial": [str(NOT_A_COUNT_MESSAGE)]}


def test_each_wrong_field_gets_its_own_message():
    form = FollowUpFiguresForm(data(wage_subsidy="-1", mentors="x", narrative=" "))
    assert errors(form) == {
        "wage_subsidy": [str(NOT_A_COUNT_MESSAGE)],
        "mentors": [str(NOT_A_COUNT_MESSAGE)],
        "narrative": [str(FOLLOW_UP_EMPTY_MESSAGE)],
    }


def test_the_account_is_required():
    form = FollowUpFiguresForm(data(narrative=""))
    assert errors(form) == {"narrative": [str(FOLLOW_UP_EMPTY_MESSAGE)]}


def test_a_measure_not_in_the_catalogue_is_refused():
    form = FollowUpFiguresForm(data(measures=["999999"]))
    assert list(errors(form)) == ["measures"]


def test_the_count_inputs_are_whole_number_inputs_from_0_starting_at_0():
    html = str(FollowUpFiguresForm()["work_trial"])
    for attribute in (
        'type="number"',
        'min="0"',
        'step="1"',
        'inputmode="numeric"',
        'value="0"',
        f'max="{LARGEST_COUNT}"',
    ):
        assert attribute in html


def test_what_was_typed_is_shown_again_as_typed():
    form = FollowUpFiguresForm(data(work_trial="2.5"))
    form.is_valid()
    assert 'value="2.5"' in str(form["work_trial"])


def test_the_people_taken_in_are_the_arrangements_sum_as_typed():
    assert FollowUpFiguresForm().taken_in() == 0
    assert FollowUpFiguresForm(data(permanent_job="4")).taken_in() == 7
    assert FollowUpFiguresForm(data(permanent_job="x")).taken_in() is None


def test_the_people_whose_placement_ended_are_summed_as_typed():
    assert FollowUpFiguresForm().ended() == 0
    typed = data(ended_employed="2", ended_new_placement="1", ended_other="3")
    assert FollowUpFiguresForm(typed).ended() == 6
    assert FollowUpFiguresForm(data(ended_other="-1")).ended() is None


def test_the_outcomes_come_after_the_target_groups():
    names = list(FollowUpFiguresForm().fields)
    assert names.index("ended_employed") == names.index("other_group") + 1
    assert [field.name for field in FollowUpFiguresForm().ended_fields()] == list(
        ENDED_FIELDS
    )


def test_measures_are_grouped_by_kind_in_the_catalogue_order_by_name():
    mentor_b = cms_factories.measure(name="B-mentor", kind=MeasureKind.MENTOR)
    subsidy = cms_factories.measure(name="Lønnstilskudd", kind=MeasureKind.WAGE_SUBSIDY)
    mentor_a = cms_factories.measure(name="A-mentor", kind=MeasureKind.MENTOR)
    groups = [
        (str(kind), [box.data["value"].instance for box in boxes])
        for kind, boxes in FollowUpFiguresForm().measures_by_kind()
    ]
    assert groups == [
        (str(MeasureKind.WAGE_SUBSIDY.label), [subsidy]),
        (str(MeasureKind.MENTOR.label), [mentor_a, mentor_b]),
    ]


def test_the_form_is_prefilled_from_a_filed_report():
    measure = cms_factories.measure()
    run = rf.run()
    certification = rf.certification(
        run_=run, issued_on=date(2025, 10, 1), valid_until=date(2026, 10, 1)
    )
    figures = rf.figures(
        certification_=certification,
        year=2026,
        publish_account=True,
        work_trial=2,
        immigrant=1,
        ended_other=4,
        mentors=3,
    )
    figures.measures.set([measure])
    initial = report_initial(figures.report)
    assert initial == {
        "narrative": rf.NARRATIVE,
        "work_trial": 2,
        "wage_subsidy": 0,
        "permanent_job": 0,
        "temporary_job": 0,
        "apprenticeship": 0,
        "summer_job": 0,
        "young": 0,
        "disability": 0,
        "immigrant": 1,
        "other_group": 0,
        "ended_employed": 0,
        "ended_education": 0,
        "ended_new_placement": 0,
        "ended_other": 4,
        "mentors": 3,
        "measures": [measure.pk],
        "publish_account": True,
    }
    form = FollowUpFiguresForm(report=figures.report)
    assert form.taken_in() == 2

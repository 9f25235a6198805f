"""Units: the panel approves drafts, an approved unit is never edited in place,
a new version is drafted from it, and the demo has real units and pathways."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from validation.demo import seed
from validation.models import (
    EQF_LEVEL,
    AssessmentCriterion,
    LearningOutcome,
    Level,
    Pathway,
    Unit,
    UnitStatus,
)
from validation.services.units import unit_approve, unit_new_version, unit_retire

pytestmark = pytest.mark.django_db


def make_unit(code="AM-09", outcomes=((("a", "b")),), **kwargs):
    unit = Unit.objects.create(
        code=code, title="Mentor", level=Level.TWO, credits=3, **kwargs
    )
    for number, criteria in enumerate(outcomes, start=1):
        outcome = LearningOutcome.objects.create(
            unit=unit, number=number, text=f"Utfall {number}"
        )
        for n, text in enumerate(criteria, start=1):
            AssessmentCriterion.objects.create(outcome=outcome, number=n, text=text)
    return unit


def test_levels_credits_and_criterion_labels():
    unit = make_unit(outcomes=(("a",), ("b", "c")))
    assert unit.eqf_level == EQF_LEVEL[Level.TWO] == 3
    assert unit.notional_hours == 30
    labels = [
        c.label
        for c in AssessmentCriterion.objects.filter(outcome__unit=unit).order_by(
            "outcome__number", "number"
        )
    ]
    assert labels == ["1.1", "2.1", "2.2"]


def test_the_panel_approves_a_complete_draft_and_who_and_when_are_kept(
    course_leader,
):
    unit = unit_approve(unit=make_unit(), by=course_leader, note="Panelmøte 3. mars")
    unit.refresh_from_db()
    assert unit.status == UnitStatus.APPROVED
    assert unit.approved_by == course_leader
    assert unit.approved_at is not None
    assert unit.approval_note == "Panelmøte 3. mars"


@pytest.mark.parametrize("outcomes", [(), (("a",), ())])
def test_an_incomplete_draft_is_refused_and_stays_a_draft(course_leader, outcomes):
    unit = make_unit(outcomes=outcomes)
    with pytest.raises(ValidationError):
        unit_approve(unit=unit, by=course_leader)
    unit.refresh_from_db()
    assert unit.status == UnitStatus.DRAFT
    assert unit.approved_by is None


def test_only_a_draft_can_be_approved_and_only_an_approved_unit_retired(
    course_leader,
):
    unit = unit_approve(unit=make_unit(), by=course_leader)
    with pytest.raises(ValidationError):
        unit_approve(unit=unit, by=course_leader)
    unit_retire(unit=unit)
    unit.refresh_from_db()
    assert unit.status == UnitStatus.RETIRED
    with pytest.raises(ValidationError):
        unit_retire(unit=unit)


def test_a_change_is_a_new_version_and_approving_it_retires_the_old(course_leader):
    first = unit_approve(
        unit=make_unit(outcomes=(("a", "b"), ("c",))), by=course_leader
    )
    draft = unit_new_version(unit=first)
    assert (draft.code, draft.version, draft.status) == ("AM-09", 2, UnitStatus.DRAFT)
    assert draft.previous == first
    copied = [
        (c.outcome.number, c.number, c.text)
        for c in AssessmentCriterion.objects.filter(outcome__unit=draft).order_by(
            "outcome__number", "number"
        )
    ]
    assert copied == [(1, 1, "a"), (1, 2, "b"), (2, 1, "c")]
    # The approved version is untouched while the draft is edited.
    AssessmentCriterion.objects.filter(outcome__unit=draft).update(text="endret")
    assert set(
        AssessmentCriterion.objects.filter(outcome__unit=first).values_list(
            "text", flat=True
        )
    ) == {"a", "b", "c"}
    # Asking again gives the same draft, not a third version.
    assert unit_new_version(unit=first) == draft

    unit_approve(unit=draft, by=course_leader)
    first.refresh_from_db()
    assert first.status == UnitStatus.RETIRED
    assert Unit.objects.filter(code="AM-09", status=UnitStatus.APPROVED).get() == draft


def test_the_database_refuses_two_approved_versions_of_one_code(course_leader):
    unit_approve(unit=make_unit(), by=course_leader)
    other = make_unit(version=2)
    other.status = UnitStatus.APPROVED
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save()


def test_demo_units_are_real_and_approved_and_seeding_twice_adds_nothing():
    from lms.accounts.demo import seed as seed_accounts

    seed_accounts()
    assert seed()["units"] == 7  # 3 mentor units, 4 work-area units for trainees
    assert seed()["units"] == 0
    units = list(
        Unit.objects.filter(pathways__for_trainees=False)
        .distinct()
        .prefetch_related("outcomes__criteria")
    )
    assert len(units) == 3
    for unit in units:
        assert unit.status == UnitStatus.APPROVED
        assert unit.approved_by is not None
        assert 3 <= unit.outcomes.count() <= 5
        for outcome in unit.outcomes.all():
            assert 2 <= outcome.criteria.count() <= 4
    mentor = Pathway.objects.get(slug="arbeidsplassmentor")
    assert mentor.units.count() == 2
    assert sum(u.credits for u in mentor.units.all()) >= mentor.credits_required


def test_download_my_data_lists_the_units_a_person_approved(course_leader):
    from lms.accounts import personal_data

    unit_approve(unit=make_unit(), by=course_leader, note="Panelmøte")
    exported = personal_data.export(course_leader)["validation_units_approved"]
    assert [(row["unit"], row["version"], row["note"]) for row in exported] == [
        ("AM-09", 1, "Panelmøte")
    ]

"""A case's observer (a trainee's workplace mentor): never the assessor nor the
candidate (services and database), sees the case, adds observation records and
witness statements only while the candidate collects, and is removed, with an
entry in the audit trail, when the trainee withdraws sharing."""

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

import pytest

from lms.accounts.roles import Role
from validation.models import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    Evidence,
    EvidenceKind,
)
from validation.services import cases as services
from validation.services import portfolio
from validation.services.cases import CaseAction

from .factories import criteria_of, person, reflect, step

pytestmark = pytest.mark.django_db

OBSERVATION_TEXT = "Hun fylte opp hyllene og satte de eldste varene fremst."


@pytest.fixture
def client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def observer(db):
    return person(first_name="Mona", last_name="Mentor")


@pytest.fixture
def case(candidate, unit, assessor, observer):
    return services.case_create(
        candidate=candidate,
        unit=unit,
        assessor=assessor,
        observer=observer,
        by=observer,
    )


def case_url(case, name="validation:case"):
    return reverse(name, kwargs={"pk": case.pk})


def observe(case, *, by=None, kind=EvidenceKind.OBSERVATION, criteria=None, **extra):
    return portfolio.evidence_add(
        case=case,
        by=by or case.observer,
        kind=kind,
        title="Observasjon i butikken",
        text=OBSERVATION_TEXT,
        criteria=criteria_of(case.unit) if criteria is None else criteria,
        **extra,
    )


# Planning ----------------------------------------------------------------------


def test_the_observer_is_recorded_on_the_case_and_in_the_created_event(
    case, assessor, observer
):
    assert case.observer == observer
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.to_status, event.by) == (
        CaseEventKind.CREATED,
        CaseStatus.PLANNED,
        observer,
    )
    assert event.data == {
        "unit": case.unit.code,
        "version": case.unit.version,
        "assessor": assessor.pk,
        "observer": observer.pk,
    }


def test_a_case_without_an_observer_records_none(candidate, unit, assessor):
    case = services.case_create(
        candidate=candidate, unit=unit, assessor=assessor, by=assessor
    )
    assert case.observer is None
    assert "observer" not in CaseEvent.objects.get(case=case).data


def test_the_observer_cannot_be_the_assessor(candidate, unit, assessor):
    with pytest.raises(ValidationError) as refused:
        services.case_create(
            candidate=candidate,
            unit=unit,
            assessor=assessor,
            observer=assessor,
            by=assessor,
        )
    assert refused.value.messages == [str(services.OBSERVER_IS_ASSESSOR_MESSAGE)]
    assert not Case.objects.exists()


def test_the_observer_cannot_be_the_candidate(candidate, unit, assessor):
    with pytest.raises(ValidationError) as refused:
        services.case_create(
            candidate=candidate,
            unit=unit,
            assessor=assessor,
            observer=candidate,
            by=assessor,
        )
    assert refused.value.messages == [str(services.OBSERVER_IS_CANDIDATE_MESSAGE)]
    assert not Case.objects.exists()


@pytest.mark.parametrize("who", ["assessor", "candidate"])
def test_the_database_refuses_an_observer_who_is_assessor_or_candidate(case, who):
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(observer=getattr(case, who))
    case.refresh_from_db()
    assert case.observer_id not in (case.assessor_id, case.candidate_id)


# Seeing the case -----------------------------------------------------------------


def test_the_observer_sees_the_case_and_is_named_on_it(client, case, observer):
    assert observer.has_perm("validation.view_case", case)
    client.force_login(observer)
    page = client.get(case_url(case))
    assert page.status_code == HTTPStatus.OK
    assert 'id="case-observer"' in page.text
    assert "Workplace mentor (observer): Mona Mentor" in page.text


def test_the_observer_does_not_get_the_certificate_or_the_assessment(case, observer):
    assert not observer.has_perm("validation.view_certificate", case)
    assert not observer.has_perm("validation.assess_case", case)


def test_an_observer_who_is_an_internal_verifier_may_not_certify(case, observer):
    from lms.accounts.services import role_grant

    role_grant(user=observer, role=Role.INTERNAL_VERIFIER)
    case.status = CaseStatus.ASSESSED
    assert not observer.has_perm("validation.certify_case", case)


# Evidence ------------------------------------------------------------------------


def test_the_observer_may_add_observation_records_and_witness_statements_only(
    case, observer
):
    assert portfolio.evidence_kinds_for(case=case, user=observer) == [
        EvidenceKind.WITNESS,
        EvidenceKind.OBSERVATION,
    ]
    for kind in (EvidenceKind.REFLECTION, EvidenceKind.DISCUSSION):
        with pytest.raises(PermissionDenied) as refused:
            observe(case, kind=kind)
        assert str(refused.value) == str(portfolio.EVIDENCE_NOT_ALLOWED_MESSAGE)
    assert not Evidence.objects.exists()


def test_the_observers_first_observation_starts_the_case(case, observer):
    evidence = observe(case)
    witness = observe(
        case,
        kind=EvidenceKind.WITNESS,
        witness_name="Kari Kollega",
        witness_role="Butikkmedarbeider",
    )
    assert [evidence.added_by, witness.added_by] == [observer, observer]
    case.refresh_from_db()
    assert case.status == CaseStatus.COLLECTING
    started = case.events.get(kind=CaseEventKind.STARTED)
    assert started.by == observer


def test_the_observer_adds_an_observation_through_the_page(client, case, observer):
    client.force_login(observer)
    page = client.get(case_url(case, "validation:evidence_add"))
    assert page.status_code == HTTPStatus.OK
    assert [value for value, _ in page.context["form"].fields["kind"].choices] == [
        EvidenceKind.WITNESS,
        EvidenceKind.OBSERVATION,
    ]
    refused = client.post(
        case_url(case, "validation:evidence_add"),
        {"kind": EvidenceKind.REFLECTION, "title": "Tanker", "text": "Tekst"},
    )
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert "kind" in refused.context["form"].errors
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {
            "kind": EvidenceKind.OBSERVATION,
            "title": "Observasjon i butikken",
            "text": OBSERVATION_TEXT,
            "criteria": [criteria_of(case.unit)[0].pk],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    evidence = Evidence.objects.get()
    assert (evidence.kind, evidence.added_by) == (EvidenceKind.OBSERVATION, observer)


def test_the_observer_changes_and_removes_own_pieces_while_collecting(case, observer):
    mine = observe(case)
    theirs = reflect(case)
    first = criteria_of(case.unit)[:1]
    assert portfolio.evidence_changeable_by(evidence=mine, case=case, user=observer)
    assert not portfolio.evidence_changeable_by(
        evidence=theirs, case=case, user=observer
    )
    portfolio.evidence_map(evidence=mine, criteria=first, by=observer)
    assert list(mine.criteria.all()) == first
    with pytest.raises(PermissionDenied):
        portfolio.evidence_remove(evidence=theirs, by=observer)
    portfolio.evidence_remove(evidence=mine, by=observer)
    assert list(case.evidence.all()) == [theirs]


def test_nothing_is_added_or_changed_by_the_observer_after_submit(
    client, case, observer
):
    mine = observe(case)
    step(case, CaseAction.SUBMIT, case.candidate)
    case.refresh_from_db()
    assert portfolio.evidence_kinds_for(case=case, user=observer) == []
    with pytest.raises(PermissionDenied):
        observe(case)
    with pytest.raises(ValidationError) as locked:
        portfolio.evidence_map(evidence=mine, criteria=[], by=observer)
    assert locked.value.messages == [str(portfolio.EVIDENCE_LOCKED_MESSAGE)]
    client.force_login(observer)
    assert (
        client.get(case_url(case, "validation:evidence_add")).status_code
        == HTTPStatus.FORBIDDEN
    )
    assert case.evidence.count() == 1


def test_the_observer_takes_no_step_but_starting(case, observer):
    assert services.case_actions_for(case=case, user=observer) == [CaseAction.START]
    observe(case)
    case.refresh_from_db()
    assert services.case_actions_for(case=case, user=observer) == []
    with pytest.raises(PermissionDenied):
        step(case, CaseAction.SUBMIT, observer)


# Removing the observer --------------------------------------------------------------


def test_removing_the_observer_is_audited_and_does_not_move_the_workflow(
    client, case, observer, candidate
):
    evidence = observe(case)
    case.refresh_from_db()
    version, status = case.version, case.status
    services.case_observer_remove(case=case, by=candidate)
    case.refresh_from_db()
    assert case.observer is None
    assert (case.version, case.status) == (version, status)
    event = case.events.order_by("pk").last()
    assert (event.kind, event.from_status, event.to_status, event.by) == (
        CaseEventKind.OBSERVER_REMOVED,
        CaseStatus.COLLECTING,
        CaseStatus.COLLECTING,
        candidate,
    )
    assert event.data == {"observer": observer.pk}

    assert not observer.has_perm("validation.view_case", case)
    assert portfolio.evidence_kinds_for(case=case, user=observer) == []
    client.force_login(observer)
    assert client.get(case_url(case)).status_code == HTTPStatus.NOT_FOUND
    assert (
        client.get(case_url(case, "validation:evidence_add")).status_code
        == HTTPStatus.NOT_FOUND
    )
    with pytest.raises(PermissionDenied):
        observe(case, by=observer)

    # The candidate keeps the case and the mentor's evidence; the history says so.
    client.force_login(candidate)
    page = client.get(case_url(case))
    assert page.status_code == HTTPStatus.OK
    assert evidence.title in page.text
    assert 'id="case-observer"' not in page.text
    assert "Workplace mentor removed as observer" in page.text
    assert list(case.evidence.all()) == [evidence]


def test_removing_from_a_case_without_an_observer_changes_nothing(
    candidate, unit, assessor
):
    case = services.case_create(
        candidate=candidate, unit=unit, assessor=assessor, by=assessor
    )
    services.case_observer_remove(case=case, by=candidate)
    assert list(case.events.values_list("kind", flat=True)) == [CaseEventKind.CREATED]

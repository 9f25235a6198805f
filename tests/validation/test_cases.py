"""Validation cases: the state machine by role, separation of duties, no partial
credit, the sampling plans and the append-only audit trail."""

import random

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import translation

import pytest

from lms.accounts.roles import Role
from validation.models import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    CriterionDecision,
    CriterionOutcome,
    EvidenceKind,
    ModerationSample,
    ValidationCertificate,
)
from validation.services import cases as services
from validation.services import portfolio, sampling
from validation.services.cases import CASE_TRANSITIONS, CaseAction
from validation.services.sampling import SamplingReason

from .factories import (
    assessed_case,
    case_new,
    criteria_of,
    decide_all,
    person,
    reflect,
    step,
    submitted_case,
    unit_approved,
)

pytestmark = pytest.mark.django_db


# The happy path and its audit trail ------------------------------------------


def test_a_case_goes_from_planned_to_certified_and_every_step_is_recorded(
    candidate, unit, assessor, verifier
):
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    assert case.status == CaseStatus.PLANNED
    reflect(case, criteria=criteria_of(unit))
    case.refresh_from_db()
    assert case.status == CaseStatus.COLLECTING  # the first evidence starts it
    step(case, CaseAction.SUBMIT, candidate)
    decide_all(case)
    case = step(case, CaseAction.ASSESS, assessor)
    # A new assessor: every case is sampled, and a verifier is assigned.
    assert case.iv_selected is True
    assert case.iv_reason == SamplingReason.NEW_ASSESSOR
    assert case.verifier == verifier
    step(case, CaseAction.VERIFY, verifier)
    case = step(case, CaseAction.CERTIFY, verifier)
    assert case.status == CaseStatus.CERTIFIED
    certificate = ValidationCertificate.objects.get(case=case)
    assert certificate.holder_name == candidate.get_full_name()
    assert len(certificate.code) == 12
    events = list(case.events.order_by("at", "pk"))
    assert [e.kind for e in events] == [
        CaseEventKind.CREATED,
        CaseEventKind.STARTED,
        CaseEventKind.SUBMITTED,
        CaseEventKind.ASSESSED,
        CaseEventKind.VERIFIED,
        CaseEventKind.CERTIFIED,
    ]
    assert [e.by for e in events] == [
        assessor,
        candidate,
        candidate,
        assessor,
        verifier,
        verifier,
    ]
    assert events[3].data["internal_verification"]["reason"] == "new_assessor"
    assert events[3].data["internal_verification"]["verifier"] == verifier.pk
    assert events[5].data["certificate"] == certificate.code


def test_sending_back_needs_a_reason_and_marks_the_case(candidate, unit, assessor):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    with pytest.raises(ValidationError) as refused:
        step(case, CaseAction.NOT_YET, assessor, reason="  ")
    assert refused.value.messages == [str(services.REASON_REQUIRED_MESSAGE)]
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    case = step(case, CaseAction.NOT_YET, assessor, reason="Mer om 2.1, takk.")
    assert case.status == CaseStatus.COLLECTING
    assert case.sent_back is True
    event = case.events.latest("pk")
    assert (event.kind, event.reason) == (CaseEventKind.NOT_YET, "Mer om 2.1, takk.")
    case = step(case, CaseAction.SUBMIT, candidate)
    assert case.sent_back is False


# The table, by role -------------------------------------------------------------

# Who may take each step, written out independently of the services' table.
EXPECTED = {
    (CaseStatus.PLANNED, CaseAction.START): {"candidate", "assessor"},
    (CaseStatus.COLLECTING, CaseAction.SUBMIT): {"candidate"},
    (CaseStatus.SUBMITTED, CaseAction.NOT_YET): {"assessor"},
    (CaseStatus.SUBMITTED, CaseAction.ASSESS): {"assessor"},
    (CaseStatus.ASSESSED, CaseAction.VERIFY): {"verifier"},
    (CaseStatus.ASSESSED, CaseAction.VERIFIER_SEND_BACK): {"verifier"},
    (CaseStatus.ASSESSED, CaseAction.CERTIFY): {
        "verifier",
        "other_verifier",
        "administrator",
    },
    (CaseStatus.VERIFIED, CaseAction.MODERATE): {"moderator"},
    (CaseStatus.VERIFIED, CaseAction.MODERATOR_SEND_BACK): {"moderator"},
    (CaseStatus.VERIFIED, CaseAction.CERTIFY): {
        "verifier",
        "other_verifier",
        "administrator",
    },
    (CaseStatus.MODERATED, CaseAction.CERTIFY): {
        "verifier",
        "other_verifier",
        "administrator",
    },
}


@pytest.fixture
def cast(candidate, unit, assessor, verifier, moderator):
    """A case and everyone who might try a step on it."""
    people = {
        "candidate": candidate,
        "assessor": assessor,
        "verifier": verifier,
        "other_verifier": person(Role.INTERNAL_VERIFIER),
        "moderator": moderator,
        "other_moderator": person(Role.EXTERNAL_MODERATOR),
        "other_assessor": person(Role.ASSESSOR),
        "other_candidate": person(Role.CANDIDATE),
        "administrator": person(Role.ADMINISTRATOR),
        # Holds every quality role, but is the case's assessor's colleague only.
        "programme_owner": person(Role.PROGRAMME_OWNER),
    }
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    sample = ModerationSample.objects.create(moderator=moderator)
    Case.objects.filter(pk=case.pk).update(
        verifier=verifier, iv_selected=True, moderation_sample=sample
    )
    return case, people


def test_the_table_is_exactly_the_one_the_method_describes():
    table = {
        (source, action)
        for action, transition in CASE_TRANSITIONS.items()
        for source in transition.sources
    }
    assert table == set(EXPECTED)


@pytest.mark.parametrize("status", CaseStatus.values)
def test_each_role_may_take_exactly_its_steps_in_each_state(cast, status):
    case, people = cast
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    for name, who in people.items():
        expected = {
            action
            for (source, action), allowed in EXPECTED.items()
            if source == status and name in allowed
        }
        may = {
            action
            for action, transition in CASE_TRANSITIONS.items()
            if status in transition.sources and transition.actor.test(who, case)
        }
        assert may == expected, name


@pytest.mark.parametrize("status", CaseStatus.values)
def test_a_refused_step_changes_nothing(cast, status):
    case, people = cast
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    events = CaseEvent.objects.count()
    for name, who in people.items():
        for action in CASE_TRANSITIONS:
            if name in EXPECTED.get((status, action), set()):
                continue
            with pytest.raises((PermissionDenied, ValidationError)):
                services.case_transition(
                    case=case,
                    action=action,
                    by=who,
                    expected_version=case.version,
                    reason="grunn",
                )
            fresh = Case.objects.get(pk=case.pk)
            assert (fresh.status, fresh.version) == (status, case.version)
    assert CaseEvent.objects.count() == events


def test_a_step_from_the_wrong_state_says_which_state_the_case_is_in(
    candidate, unit, assessor
):
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    with pytest.raises(ValidationError) as refused:
        step(case, CaseAction.SUBMIT, candidate)
    with translation.override("en"):
        messages = refused.value.messages
    assert messages == ["This step cannot be taken now: the case is Planned."]


def test_two_people_acting_at_once_one_wins_and_the_other_is_told(
    candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    seen_by_both = case.version
    services.case_transition(
        case=case,
        action=CaseAction.NOT_YET,
        by=assessor,
        expected_version=seen_by_both,
        reason="Mer, takk.",
    )
    stale = Case.objects.get(pk=case.pk)
    stale.status = CaseStatus.SUBMITTED  # as the other person's page still shows
    with pytest.raises(ValidationError) as refused:
        services.case_transition(
            case=stale,
            action=CaseAction.NOT_YET,
            by=assessor,
            expected_version=seen_by_both,
            reason="Enda mer.",
        )
    assert refused.value.messages == [str(services.CASE_CHANGED_MESSAGE)]
    assert case.events.filter(kind=CaseEventKind.NOT_YET).count() == 1


# Separation of duties --------------------------------------------------------


def test_the_assessor_cannot_be_the_candidate(unit, assessor):
    with pytest.raises(ValidationError) as refused:
        services.case_create(
            candidate=assessor, unit=unit, assessor=assessor, by=assessor
        )
    assert refused.value.messages == [str(services.ASSESSOR_IS_CANDIDATE_MESSAGE)]
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(
            candidate=assessor, unit=unit, assessor=assessor, created_by=assessor
        )
    assert not Case.objects.exists()


def test_the_verifier_cannot_be_the_assessor_or_the_candidate(
    candidate, unit, assessor
):
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    for who in (assessor, candidate):
        with pytest.raises(IntegrityError), transaction.atomic():
            Case.objects.filter(pk=case.pk).update(verifier=who)


def test_an_assessor_who_is_also_a_verifier_never_verifies_own_cases(candidate, unit):
    both = person(Role.ASSESSOR, Role.INTERNAL_VERIFIER)
    independent = person(Role.INTERNAL_VERIFIER)
    case = assessed_case(candidate=candidate, unit=unit, assessor=both)
    assert case.verifier == independent
    with pytest.raises(PermissionDenied):
        step(case, CaseAction.CERTIFY, both)


def test_only_an_approved_unit_takes_cases(candidate, owner, assessor):
    from validation.services.units import unit_create_draft

    draft = unit_create_draft(
        code="AM-91", title="Utkast", level="1", credits=1, outcomes=[]
    )
    with pytest.raises(ValidationError) as refused:
        case_new(candidate=candidate, unit=draft, assessor=assessor)
    assert refused.value.messages == [str(services.UNIT_NOT_APPROVED_MESSAGE)]


# No partial credit -------------------------------------------------------------


def test_the_unit_is_achieved_only_when_every_criterion_is_met(
    candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    decide_all(case)
    last = criteria_of(unit)[-1]
    portfolio.criterion_decide(
        case=case,
        criterion=last,
        outcome=CriterionOutcome.NOT_YET,
        reason="Ikke vist ennå.",
        evidence=[],
        by=assessor,
    )
    with pytest.raises(ValidationError) as refused:
        step(case, CaseAction.ASSESS, assessor)
    with translation.override("en"):
        messages = refused.value.messages
    assert messages == [
        "The unit is achieved only when every criterion is met. Not met yet or not "
        "decided: 2.2."
    ]
    assert Case.objects.get(pk=case.pk).status == CaseStatus.SUBMITTED
    # The latest decision counts: a changed mind is a new row, the old one stays.
    portfolio.criterion_decide(
        case=case,
        criterion=last,
        outcome=CriterionOutcome.MET,
        reason="Vist i samtalen.",
        evidence=[case.evidence.first()],
        by=assessor,
    )
    assert CriterionDecision.objects.filter(case=case, criterion=last).count() == 3
    assert step(case, CaseAction.ASSESS, assessor).status == CaseStatus.ASSESSED


def test_a_criterion_is_met_only_on_cited_evidence_with_a_reason(
    candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    criterion = criteria_of(unit)[0]
    with pytest.raises(ValidationError) as refused:
        portfolio.criterion_decide(
            case=case,
            criterion=criterion,
            outcome=CriterionOutcome.MET,
            reason="Ok",
            evidence=[],
            by=assessor,
        )
    assert refused.value.messages == [str(portfolio.DECISION_EVIDENCE_MESSAGE)]
    with pytest.raises(ValidationError) as refused:
        portfolio.criterion_decide(
            case=case,
            criterion=criterion,
            outcome=CriterionOutcome.NOT_YET,
            reason=" ",
            evidence=[],
            by=assessor,
        )
    assert refused.value.messages == [str(portfolio.DECISION_REASON_MESSAGE)]
    with pytest.raises(PermissionDenied):
        portfolio.criterion_decide(
            case=case,
            criterion=criterion,
            outcome=CriterionOutcome.NOT_YET,
            reason="Nei",
            evidence=[],
            by=person(Role.ASSESSOR),
        )
    assert not CriterionDecision.objects.exists()


def test_submitting_needs_evidence_for_every_criterion(candidate, unit, assessor):
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    reflect(case, criteria=criteria_of(unit)[:2])
    with pytest.raises(ValidationError) as refused:
        step(case, CaseAction.SUBMIT, candidate)
    with translation.override("en"):
        messages = refused.value.messages
    assert messages == [
        "These criteria have no evidence yet: 2.1, 2.2. Add or map evidence to them "
        "before you submit."
    ]


# Evidence ----------------------------------------------------------------------


def test_who_adds_which_evidence_and_when(candidate, unit, assessor, owner):
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    other_unit = unit_approved(by=owner, code="AM-92")
    with pytest.raises(PermissionDenied):  # observations are the assessor's
        portfolio.evidence_add(
            case=case,
            by=candidate,
            kind=EvidenceKind.OBSERVATION,
            title="x",
            text="y",
        )
    with pytest.raises(PermissionDenied):  # not their case
        reflect(case, criteria=[], by=person(Role.CANDIDATE))
    with pytest.raises(ValidationError):  # a criterion of another unit
        reflect(case, criteria=criteria_of(other_unit)[:1])
    with pytest.raises(ValidationError):  # a witness needs a name and a role
        portfolio.evidence_add(
            case=case, by=candidate, kind=EvidenceKind.WITNESS, title="x", text="y"
        )
    assert not case.evidence.exists()
    assert Case.objects.get(pk=case.pk).status == CaseStatus.PLANNED
    portfolio.evidence_add(
        case=case,
        by=assessor,
        kind=EvidenceKind.OBSERVATION,
        title="Observasjon",
        text="Så introduksjonen.",
        criteria=criteria_of(unit),
    )
    step(case, CaseAction.SUBMIT, candidate)
    with pytest.raises(PermissionDenied):  # submitted: the candidate's part is done
        reflect(case, criteria=[])


def test_evidence_a_decision_cites_cannot_be_removed(candidate, unit, assessor):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    note = portfolio.evidence_add(
        case=case,
        by=assessor,
        kind=EvidenceKind.DISCUSSION,
        title="Samtale",
        text="Vi snakket om NAV.",
        criteria=criteria_of(unit)[:1],
    )
    portfolio.criterion_decide(
        case=case,
        criterion=criteria_of(unit)[0],
        outcome=CriterionOutcome.MET,
        reason="Godt forklart.",
        evidence=[note],
        by=assessor,
    )
    with pytest.raises(ValidationError) as refused:
        portfolio.evidence_remove(evidence=note, by=assessor)
    assert refused.value.messages == [str(portfolio.EVIDENCE_CITED_MESSAGE)]
    assert case.evidence.filter(pk=note.pk).exists()


# Sampling plans -----------------------------------------------------------------


def test_the_sampling_plan_takes_every_case_of_a_new_assessor_then_the_share(
    settings, owner, assessor, verifier
):
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 2
    settings.VALIDATION_IV_SHARE = 0.5
    units = [unit_approved(by=owner, code=f"AM-{n}") for n in range(10, 18)]
    candidate = person(Role.CANDIDATE)
    decisions = []
    for unit in units:
        case = assessed_case(candidate=candidate, unit=unit, assessor=assessor)
        decisions.append((case.iv_selected, case.iv_reason))
        if case.iv_selected:
            step(case, CaseAction.VERIFY, verifier)
    # The first two: a new assessor.
    assert decisions[:2] == [(True, SamplingReason.NEW_ASSESSOR)] * 2
    # Then exactly one of every two, wherever it falls in its pair.
    later = decisions[2:]
    for pair in (later[0:2], later[2:4], later[4:6]):
        assert sorted(selected for selected, _reason in pair) == [False, True]
        assert {reason for _s, reason in pair} == {
            SamplingReason.SHARE,
            SamplingReason.NOT_SELECTED,
        }
    # Each decision is recorded in the audit trail with the plan's figures.
    recorded = CaseEvent.objects.filter(kind=CaseEventKind.ASSESSED).order_by("pk")
    plans = [event.data["internal_verification"] for event in recorded]
    assert [plan["selected"] for plan in plans] == [s for s, _r in decisions]
    assert all(plan["threshold"] == 2 and plan["share"] == 0.5 for plan in plans)
    assert {plan.get("block") for plan in plans[2:]} == {2}


def test_a_case_not_sampled_is_certified_without_verification(
    settings, candidate, unit, assessor
):
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 0
    settings.VALIDATION_IV_SHARE = 0
    certifier = person(Role.INTERNAL_VERIFIER)
    case = assessed_case(candidate=candidate, unit=unit, assessor=assessor)
    assert (case.iv_selected, case.verifier) == (False, None)
    with pytest.raises(PermissionDenied):
        step(case, CaseAction.VERIFY, certifier)
    assert step(case, CaseAction.CERTIFY, certifier).status == CaseStatus.CERTIFIED


def test_a_sampled_case_waits_for_its_verifier(candidate, unit, assessor, verifier):
    case = assessed_case(candidate=candidate, unit=unit, assessor=assessor)
    with pytest.raises(ValidationError) as refused:
        step(case, CaseAction.CERTIFY, person(Role.ADMINISTRATOR))
    assert refused.value.messages == [str(services.AWAITING_VERIFICATION_MESSAGE)]


def test_the_verifier_with_fewest_open_samples_is_assigned(owner, assessor):
    busy, free = (
        person(Role.INTERNAL_VERIFIER),
        person(Role.INTERNAL_VERIFIER),
    )
    first = assessed_case(
        candidate=person(Role.CANDIDATE),
        unit=unit_approved(by=owner, code="AM-20"),
        assessor=assessor,
    )
    second = assessed_case(
        candidate=person(Role.CANDIDATE),
        unit=unit_approved(by=owner, code="AM-21"),
        assessor=assessor,
    )
    assert {first.verifier, second.verifier} == {busy, free}


def test_moderation_samples_across_verifiers_and_holds_certification(
    settings, owner, assessor, moderator
):
    settings.VALIDATION_MODERATION_SHARE = 0.2
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 100  # every case is verified
    verifiers = [person(Role.INTERNAL_VERIFIER) for _ in range(2)]
    verified = []
    for n in range(6):
        case = assessed_case(
            candidate=person(Role.CANDIDATE),
            unit=unit_approved(by=owner, code=f"AM-3{n}"),
            assessor=assessor,
        )
        verifier = verifiers[0] if n < 5 else verifiers[1]
        Case.objects.filter(pk=case.pk).update(verifier=verifier)
        verified.append(step(case, CaseAction.VERIFY, verifier))
    sample = sampling.moderation_sample_draw(moderator=moderator, rng=random.Random(7))
    chosen = list(sample.cases.all())
    # ceil(5 × 0.2) = 1 of the first verifier's, at least 1 of the second's.
    assert sorted(c.verifier_id for c in chosen) == sorted(v.pk for v in verifiers)
    assert sample.plan["share"] == 0.2
    assert sorted(sample.plan["chosen"]) == sorted(c.pk for c in chosen)
    held = chosen[0]
    with pytest.raises(ValidationError) as refused:
        step(held, CaseAction.CERTIFY, person(Role.ADMINISTRATOR))
    assert refused.value.messages == [str(services.AWAITING_MODERATION_MESSAGE)]
    with pytest.raises(PermissionDenied):  # another moderator's sample
        step(held, CaseAction.MODERATE, person(Role.EXTERNAL_MODERATOR))
    step(held, CaseAction.MODERATE, moderator)
    assert step(held, CaseAction.CERTIFY, verifiers[1]).status == CaseStatus.CERTIFIED
    sent_back = chosen[1]
    step(sent_back, CaseAction.MODERATOR_SEND_BACK, moderator, reason="Svak 1.2")
    assert Case.objects.get(pk=sent_back.pk).status == CaseStatus.SUBMITTED
    with pytest.raises(ValidationError):
        sampling.moderation_sample_report(sample=sample, report=" ", by=moderator)
    sampling.moderation_sample_report(sample=sample, report="Godt.", by=moderator)
    with pytest.raises(ValidationError) as refused:
        sampling.moderation_sample_report(sample=sample, report="Nytt", by=moderator)
    assert refused.value.messages == [str(sampling.REPORT_WRITTEN_MESSAGE)]
    assert ModerationSample.objects.get(pk=sample.pk).report == "Godt."


def test_nothing_to_moderate_is_said_plainly(moderator):
    with pytest.raises(ValidationError) as refused:
        sampling.moderation_sample_draw(moderator=moderator)
    assert refused.value.messages == [str(sampling.NOTHING_TO_SAMPLE_MESSAGE)]
    assert not ModerationSample.objects.exists()


# The audit trail is append-only ----------------------------------------------


def test_the_audit_trail_refuses_changes_through_the_orm(candidate, unit, assessor):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    decide_all(case)
    event = case.events.first()
    event.reason = "rewritten"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        CaseEvent.objects.filter(case=case).update(reason="x")
    with pytest.raises(PermissionDenied):
        CaseEvent.objects.filter(case=case).delete()
    with pytest.raises(PermissionDenied):
        CriterionDecision.objects.filter(case=case).update(reason="x")
    with pytest.raises(PermissionDenied):
        CriterionDecision.objects.filter(case=case).first().delete()
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        case.delete()
    assert CaseEvent.objects.filter(case=case).exclude(reason="rewritten").count() == 3


def test_the_django_admin_shows_the_audit_trail_but_cannot_change_it(
    admin_client, candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    event = case.events.first()
    listing = admin_client.get("/django-admin/validation/caseevent/")
    assert listing.status_code == 200
    assert f"/django-admin/validation/caseevent/{event.pk}/change/" in listing.text
    page = admin_client.get(f"/django-admin/validation/caseevent/{event.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.text  # read-only: no save button
    posted = admin_client.post(
        f"/django-admin/validation/caseevent/{event.pk}/change/", {"reason": "x"}
    )
    assert posted.status_code == 403
    deleted = admin_client.post(
        f"/django-admin/validation/caseevent/{event.pk}/delete/", {"post": "yes"}
    )
    assert deleted.status_code == 403
    assert CaseEvent.objects.get(pk=event.pk).reason == event.reason


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the SQL trigger is PostgreSQL's"
)
def test_postgresql_refuses_update_and_delete_in_sql(candidate, unit, assessor):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    decide_all(case)
    for table in (
        "validation_caseevent",
        "validation_criteriondecision",
        "validation_criteriondecision_evidence",
    ):
        for sql in (
            f"UPDATE {table} SET id = id",  # noqa: S608 - fixed table names
            f"DELETE FROM {table}",  # noqa: S608
        ):
            with pytest.raises(DatabaseError), transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(sql)
    assert CaseEvent.objects.filter(case=case).count() == 3
    assert CriterionDecision.objects.filter(case=case).count() == 4


def test_concurrent_certifications_of_one_case_make_one_certificate(
    transactional_db, candidate, unit, assessor, verifier
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: two connections cannot race")
    import threading

    case = assessed_case(candidate=candidate, unit=unit, assessor=assessor)
    case = step(case, CaseAction.VERIFY, verifier)
    certifiers = [verifier, *(person(Role.INTERNAL_VERIFIER) for _ in range(4))]
    results, errors = [], []
    barrier = threading.Barrier(len(certifiers))

    def certify(person):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=5)
            results.append(
                services.case_transition(
                    case=Case.objects.get(pk=case.pk),
                    action=CaseAction.CERTIFY,
                    by=person,
                    expected_version=case.version,
                )
            )
        except Exception as error:
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=certify, args=(p,)) for p in certifiers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 1
    assert {type(error) for error in errors} == {ValidationError}
    assert len(errors) == len(certifiers) - 1
    assert ValidationCertificate.objects.filter(case=case).count() == 1
    assert case.events.filter(kind=CaseEventKind.CERTIFIED).count() == 1


def test_an_independent_verifier_opens_and_certifies_a_case_ready_for_it(
    client, settings, candidate, unit, assessor
):
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 0
    settings.VALIDATION_IV_SHARE = 0
    certifier = person(Role.INTERNAL_VERIFIER)
    client.force_login(certifier)
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    assert client.get(case.get_absolute_url()).status_code == 404  # not theirs yet
    decide_all(case)
    case = step(case, CaseAction.ASSESS, assessor)
    assert client.get(case.get_absolute_url()).status_code == 200
    response = client.post(
        f"/validering/saker/{case.pk}/steg/",
        {"action": CaseAction.CERTIFY, "version": case.version},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).status == CaseStatus.CERTIFIED


def test_certifying_is_not_offered_before_the_quality_checks_are_done(
    candidate, unit, assessor, verifier
):
    case = assessed_case(candidate=candidate, unit=unit, assessor=assessor)
    assert case.iv_selected  # a new assessor's case waits for its verifier
    assert services.case_actions_for(case=case, user=verifier) == [
        CaseAction.VERIFY,
        CaseAction.VERIFIER_SEND_BACK,
    ]
    case = step(case, CaseAction.VERIFY, verifier)
    assert services.case_actions_for(case=case, user=verifier) == [CaseAction.CERTIFY]

"""The staff pages: the assessor's queue, planning a case, the assessment form,
the internal verifier's and the external moderator's pages, the home after
login and the header's links — each by role, with the wrong people refused."""

from http import HTTPStatus

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from lms.accounts import services as account_services
from lms.accounts.roles import Role
from tests.accounts.factories import TEST_PASSWORD
from validation.forms_staff import OUTCOME_REQUIRED_MESSAGE, UNKNOWN_CANDIDATE_MESSAGE
from validation.models import (
    AssessmentCriterion,
    Case,
    CaseStatus,
    CriterionDecision,
    CriterionOutcome,
    Evidence,
    EvidenceKind,
    ModerationSample,
)
from validation.services import cases as case_services
from validation.services import portfolio, sampling
from validation.services.cases import CaseAction

from .factories import (
    assessed_case,
    case_new,
    criteria_of,
    decide_all,
    person,
    step,
    submitted_case,
    unit_approved,
)
from .test_units import make_unit

pytestmark = pytest.mark.django_db


def english(text) -> str:
    with translation.override("en"):
        return str(text)


@pytest.fixture
def client_en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def unit(owner):
    """AM-01 "Mentor": criteria 1.1, 1.2 and 2.1."""
    return unit_approved(
        by=owner, code="AM-01", title="Mentor", outcomes=(("a", "b"), ("c",))
    )


def refreshed(case):
    return Case.objects.get(pk=case.pk)


def page_text(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# The queue --------------------------------------------------------------------


def test_the_queue_groups_the_assessors_cases_by_what_waits(client_en, assessor, unit):
    submitted = submitted_case(unit=unit, assessor=assessor)
    planned = case_new(unit=unit, assessor=assessor)
    someone_elses = submitted_case(unit=unit, assessor=person(Role.ASSESSOR))
    client_en.force_login(assessor)
    response = client_en.get(reverse("validation:queue"))
    assert response.status_code == HTTPStatus.OK
    groups = response.context["groups"]
    assert groups["submitted"] == [submitted]
    assert groups["planned"] == [planned]
    assert groups["collecting"] == groups["others"] == []
    text = page_text(response)
    assert reverse("validation:assess", args=[submitted.pk]) in text
    assert reverse("validation:case", args=[planned.pk]) in text
    assert reverse("validation:assess", args=[planned.pk]) not in text
    assert reverse("validation:case", args=[someone_elses.pk]) not in text
    assert "AM-01 v1 Mentor" in text


def test_the_queue_refuses_people_who_are_not_assessors(client, unit, assessor):
    candidate = submitted_case(unit=unit, assessor=assessor).candidate
    client.force_login(candidate)
    assert client.get(reverse("validation:queue")).status_code == HTTPStatus.FORBIDDEN
    client.logout()
    response = client.get(reverse("validation:queue"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(queries)


def test_the_queue_costs_the_same_queries_for_one_case_or_many(
    client, assessor, unit, owner
):
    submitted_case(unit=unit, assessor=assessor)
    client.force_login(assessor)
    url = reverse("validation:queue")
    client.get(url)  # warm the session and the caches
    few = queries_for(client, url)
    other_unit = unit_approved(by=owner, code="AM-02", outcomes=1)
    for _n in range(6):
        submitted_case(unit=unit, assessor=assessor)
        case_new(unit=other_unit, assessor=assessor)
    assert queries_for(client, url) == few


# Planning a case --------------------------------------------------------------


def test_an_assessor_plans_a_case_for_an_existing_user(client_en, assessor, unit):
    candidate = person(email="kari@example.no")
    client_en.force_login(assessor)
    page = client_en.get(reverse("validation:case_plan"))
    assert page.status_code == HTTPStatus.OK
    assert "AM-01 v1 Mentor" in page_text(page)
    response = client_en.post(
        reverse("validation:case_plan"),
        {
            "candidate_email": "KARI@example.no",
            "unit": unit.pk,
            "assessor": assessor.pk,
        },
    )
    case = Case.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("validation:case", args=[case.pk])
    assert (case.candidate, case.unit, case.assessor) == (candidate, unit, assessor)
    assert case.status == CaseStatus.PLANNED


def test_an_unknown_address_is_refused_with_a_message(client_en, assessor, unit):
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:case_plan"),
        {
            "candidate_email": "nobody@example.no",
            "unit": unit.pk,
            "assessor": assessor.pk,
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["candidate_email"] == [
        english(UNKNOWN_CANDIDATE_MESSAGE)
    ]
    assert english(UNKNOWN_CANDIDATE_MESSAGE) in page_text(response)
    assert not Case.objects.exists()


def test_only_approved_units_can_be_planned(client_en, assessor):
    draft = make_unit(code="AM-03")
    client_en.force_login(assessor)
    page = client_en.get(reverse("validation:case_plan"))
    assert "AM-03" not in page_text(page)
    response = client_en.post(
        reverse("validation:case_plan"),
        {"candidate_email": person().email, "unit": draft.pk, "assessor": assessor.pk},
    )
    assert "unit" in response.context["form"].errors
    assert not Case.objects.exists()


def test_a_second_case_on_the_same_unit_is_refused_on_the_candidate_field(
    client_en, assessor, unit
):
    candidate = person()
    case_new(candidate=candidate, unit=unit, assessor=assessor)
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:case_plan"),
        {"candidate_email": candidate.email, "unit": unit.pk, "assessor": assessor.pk},
    )
    expected = english(case_services.CASE_EXISTS_MESSAGE) % {
        "name": candidate.get_full_name()
    }
    assert response.context["form"].errors["candidate_email"] == [expected]
    assert Case.objects.count() == 1


def test_an_assessor_cannot_be_their_own_candidate(client_en, assessor, unit):
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:case_plan"),
        {"candidate_email": assessor.email, "unit": unit.pk, "assessor": assessor.pk},
    )
    assert response.context["form"].errors["assessor"] == [
        english(case_services.ASSESSOR_IS_CANDIDATE_MESSAGE)
    ]
    assert not Case.objects.exists()


def test_an_assessor_plans_only_their_own_cases_an_administrator_shares_them(
    client_en, assessor, administrator, unit
):
    other = person(Role.ASSESSOR)
    candidate = person()
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:case_plan"),
        {"candidate_email": candidate.email, "unit": unit.pk, "assessor": other.pk},
    )
    assert "assessor" in response.context["form"].errors
    assert not Case.objects.exists()

    client_en.force_login(administrator)
    plain = person()
    page = client_en.get(reverse("validation:case_plan"))
    choices = [c for c, _label in page.context["form"].fields["assessor"].choices]
    assert {int(str(c)) for c in choices if c} == {assessor.pk, other.pk}
    assert plain.pk not in {int(str(c)) for c in choices if c}
    client_en.post(
        reverse("validation:case_plan"),
        {"candidate_email": candidate.email, "unit": unit.pk, "assessor": other.pk},
    )
    assert Case.objects.get().assessor == other


@pytest.mark.parametrize("role", [None, Role.CANDIDATE, Role.INTERNAL_VERIFIER])
def test_planning_is_refused_to_others(client, unit, role):
    client.force_login(person(*([role] if role else [])))
    assert (
        client.get(reverse("validation:case_plan")).status_code == HTTPStatus.FORBIDDEN
    )
    response = client.post(
        reverse("validation:case_plan"),
        {"candidate_email": person().email, "unit": unit.pk},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Case.objects.exists()


# Assessing --------------------------------------------------------------------


def decision_data(case, answers):
    """POST data for the decisions form: {criterion: (outcome, reason, [evidence])}."""
    data = {}
    for criterion, (outcome, reason, evidence) in answers.items():
        prefix = f"criterion-{criterion.pk}"
        if outcome:
            data[f"{prefix}-outcome"] = outcome
        data[f"{prefix}-reason"] = reason
        data[f"{prefix}-evidence"] = [str(piece.pk) for piece in evidence]
    return data


def test_the_assess_page_is_a_form_per_criterion(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    client_en.force_login(assessor)
    response = client_en.get(reverse("validation:assess", args=[case.pk]))
    assert response.status_code == HTTPStatus.OK
    text = page_text(response)
    for criterion in criteria_of(unit):
        assert f"{criterion.label} {criterion.text}</legend>" in text
        assert f'name="criterion-{criterion.pk}-outcome" value="met"' in text
        assert f'name="criterion-{criterion.pk}-outcome" value="not_yet"' in text
    assert "Met" in text and "Not yet met" in text
    assert "Mapped to this criterion" in text
    assert "Confirm the assessment: all criteria met" in text
    assert "Send back to the candidate" in text


def test_the_evidence_mapped_to_a_criterion_is_offered_first(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    first, second, third = criteria_of(unit)
    extra = Evidence.objects.create(
        case=case,
        kind=EvidenceKind.OBSERVATION,
        title="Observasjon",
        text="Sett på arbeidsplassen.",
        added_by=assessor,
    )
    extra.criteria.set([second])
    client_en.force_login(assessor)
    response = client_en.get(reverse("validation:assess", args=[case.pk]))
    forms = {form.row.criterion: form for form in response.context["decisions"]}
    groups = forms[first].fields["evidence"].choices
    assert [label for label, _choices in groups] == [
        "Mapped to this criterion",
        "Other evidence in the case",
    ]
    assert [value for value, _l in groups[1][1]] == [str(extra.pk)]
    mapped_to_second = [
        value for value, _l in forms[second].fields["evidence"].choices[0][1]
    ]
    assert str(extra.pk) in mapped_to_second


def test_wrong_people_on_the_assess_page(client, assessor, unit, administrator):
    case = submitted_case(unit=unit, assessor=assessor)
    url = reverse("validation:assess", args=[case.pk])
    # Another assessor may not even know the case exists.
    client.force_login(person(Role.ASSESSOR))
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url, {}).status_code == HTTPStatus.NOT_FOUND
    # The candidate sees the case, but assessing is not their step.
    client.force_login(case.candidate)
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    client.force_login(administrator)
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert (
        client.get(reverse("validation:assess", args=[case.pk + 1000])).status_code
        == HTTPStatus.NOT_FOUND
    )


def test_the_assess_page_is_only_for_a_submitted_case(client, assessor, unit):
    case = case_new(unit=unit, assessor=assessor)
    client.force_login(assessor)
    response = client.get(reverse("validation:assess", args=[case.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_met_needs_cited_evidence(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    first, *_rest = criteria_of(unit)
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:assess", args=[case.pk]),
        decision_data(case, {first: (CriterionOutcome.MET, "Vist.", [])}),
    )
    assert response.status_code == HTTPStatus.OK
    assert english(portfolio.DECISION_EVIDENCE_MESSAGE) in page_text(response)
    assert not CriterionDecision.objects.exists()


def test_not_yet_needs_a_reason_and_then_nothing_is_kept(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    first, second, _third = criteria_of(unit)
    piece = case.evidence.get()
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:assess", args=[case.pk]),
        decision_data(
            case,
            {
                first: (CriterionOutcome.MET, "Vist i refleksjonen.", [piece]),
                second: (CriterionOutcome.NOT_YET, "  ", []),
            },
        ),
    )
    assert response.status_code == HTTPStatus.OK
    text = page_text(response)
    assert english(portfolio.DECISION_REASON_MESSAGE) in text
    assert f'href="#criterion-{second.pk}"' in text
    # The valid answer on the first criterion is not kept either.
    assert not CriterionDecision.objects.exists()


def test_a_reason_without_a_decision_asks_for_the_decision(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    first, *_rest = criteria_of(unit)
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:assess", args=[case.pk]),
        decision_data(case, {first: ("", "Halvveis.", [])}),
    )
    assert english(OUTCOME_REQUIRED_MESSAGE) in page_text(response).replace(
        "&ldquo;", "“"
    ).replace("&rdquo;", "”")
    assert not CriterionDecision.objects.exists()


def test_changed_answers_make_new_rows_unchanged_ones_do_not(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    first, second, third = criteria_of(unit)
    piece = case.evidence.get()
    url = reverse("validation:assess", args=[case.pk])
    client_en.force_login(assessor)
    answers = {
        first: (CriterionOutcome.MET, "Vist i refleksjonen.", [piece]),
        second: (CriterionOutcome.NOT_YET, "Mangler eksempel.", []),
    }
    response = client_en.post(url, decision_data(case, answers), follow=True)
    assert messages_of(response) == ["2 decisions recorded."]
    assert CriterionDecision.objects.count() == 2
    decision = CriterionDecision.objects.get(criterion=first)
    assert list(decision.evidence.all()) == [piece]
    assert decision.by == assessor

    # The page is prefilled from the latest decisions.
    forms = {form.row.criterion: form for form in response.context["decisions"]}
    assert forms[first].initial == {
        "outcome": "met",
        "reason": "Vist i refleksjonen.",
        "evidence": [str(piece.pk)],
    }

    # The same answers again: nothing new is recorded.
    response = client_en.post(url, decision_data(case, answers), follow=True)
    assert messages_of(response) == ["Nothing had changed: no decision recorded."]
    assert CriterionDecision.objects.count() == 2

    # One changed answer: one new row; the old one stays.
    answers[second] = (CriterionOutcome.MET, "Nytt eksempel i samtalen.", [piece])
    response = client_en.post(url, decision_data(case, answers), follow=True)
    assert messages_of(response) == ["1 decision recorded."]
    assert CriterionDecision.objects.filter(criterion=second).count() == 2
    assert CriterionDecision.objects.filter(criterion=first).count() == 1
    assert CriterionDecision.objects.filter(criterion=third).count() == 0


def test_the_assessment_is_refused_while_a_criterion_is_not_met(
    client_en, assessor, unit
):
    case = submitted_case(unit=unit, assessor=assessor)
    first, second, third = criteria_of(unit)
    piece = case.evidence.get()
    for criterion in (first, second):
        portfolio.criterion_decide(
            case=case,
            criterion=criterion,
            outcome=CriterionOutcome.MET,
            reason="Vist.",
            evidence=[piece],
            by=assessor,
        )
    portfolio.criterion_decide(
        case=case,
        criterion=third,
        outcome=CriterionOutcome.NOT_YET,
        reason="Mangler.",
        evidence=[],
        by=assessor,
    )
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:assess", args=[case.pk]),
        {"action": CaseAction.ASSESS, "version": refreshed(case).version},
    )
    assert response.status_code == HTTPStatus.OK
    expected = english(case_services.CRITERIA_NOT_MET_MESSAGE) % {"criteria": "2.1"}
    assert expected in page_text(response)
    assert refreshed(case).status == CaseStatus.SUBMITTED


def test_the_assessor_confirms_when_every_criterion_is_met(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    decide_all(case)
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:assess", args=[case.pk]),
        {"action": CaseAction.ASSESS, "version": refreshed(case).version},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("validation:case", args=[case.pk])
    assert refreshed(case).status == CaseStatus.ASSESSED


def test_a_stale_form_is_told_and_changes_nothing(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    decide_all(case)
    client_en.force_login(assessor)
    response = client_en.post(
        reverse("validation:assess", args=[case.pk]),
        {"action": CaseAction.ASSESS, "version": refreshed(case).version - 1},
    )
    assert english(case_services.CASE_CHANGED_MESSAGE) in page_text(response).replace(
        "&#x27;", "'"
    )
    assert refreshed(case).status == CaseStatus.SUBMITTED


def test_sending_back_needs_feedback(client_en, assessor, unit):
    case = submitted_case(unit=unit, assessor=assessor)
    url = reverse("validation:assess", args=[case.pk])
    client_en.force_login(assessor)
    response = client_en.post(
        url, {"action": CaseAction.NOT_YET, "version": case.version, "reason": ""}
    )
    assert response.status_code == HTTPStatus.OK
    assert english(case_services.REASON_REQUIRED_MESSAGE) in page_text(response)
    assert refreshed(case).status == CaseStatus.SUBMITTED
    response = client_en.post(
        url,
        {
            "action": CaseAction.NOT_YET,
            "version": case.version,
            "reason": "Kriterium 2.1 mangler et eksempel.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    case = refreshed(case)
    assert (case.status, case.sent_back) == (CaseStatus.COLLECTING, True)
    assert case.events.last().reason == "Kriterium 2.1 mangler et eksempel."


def big_submitted_case(owner, assessor, *, code, outcomes, pieces):
    unit = unit_approved(by=owner, code=code, outcomes=outcomes)
    case = case_new(unit=unit, assessor=assessor)
    candidate = case.candidate
    criteria = criteria_of(unit)
    evidence = Evidence.objects.bulk_create(
        [
            Evidence(
                case=case,
                kind=EvidenceKind.FILE if n % 2 else EvidenceKind.REFLECTION,
                title=f"Bevis {n}",
                text="" if n % 2 else "Tekst",
                file=f"cases/bevis-{n}.pdf" if n % 2 else "",
                content_type="application/pdf" if n % 2 else "",
                added_by=candidate,
            )
            for n in range(pieces)
        ]
    )
    through = Evidence.criteria.through
    through.objects.bulk_create(
        [
            through(evidence=piece, assessmentcriterion=criteria[n % len(criteria)])
            for n, piece in enumerate(evidence)
        ]
    )
    step(case, CaseAction.START, candidate)
    case = step(case, CaseAction.SUBMIT, candidate)
    for n, criterion in enumerate(criteria):
        portfolio.criterion_decide(
            case=case,
            criterion=criterion,
            outcome=CriterionOutcome.MET,
            reason="Vist.",
            evidence=evidence[n : n + 3],
            by=assessor,
        )
    return case


def test_the_assess_page_costs_the_same_queries_for_a_big_unit(client, owner, assessor):
    small = big_submitted_case(
        owner, assessor, code="SMALL", outcomes=(("a", "b"),), pieces=2
    )
    big = big_submitted_case(
        owner,
        assessor,
        code="BIG",
        outcomes=tuple(("a", "b", "c", "d") for _n in range(5)),
        pieces=100,
    )
    assert AssessmentCriterion.objects.filter(outcome__unit=big.unit).count() == 20
    client.force_login(assessor)
    client.get(reverse("validation:assess", args=[small.pk]))
    few = queries_for(client, reverse("validation:assess", args=[small.pk]))
    assert queries_for(client, reverse("validation:assess", args=[big.pk])) == few


# Internal verification --------------------------------------------------------


def test_the_verifier_sees_their_samples_and_the_plan(
    client_en, assessor, verifier, unit
):
    case = assessed_case(unit=unit, assessor=assessor)
    assert refreshed(case).verifier == verifier  # a new assessor: sampled
    other_verifier = person(Role.INTERNAL_VERIFIER)
    client_en.force_login(verifier)
    response = client_en.get(reverse("validation:verification"))
    assert response.status_code == HTTPStatus.OK
    assert response.context["samples"] == [case]
    text = page_text(response)
    assert reverse("validation:case", args=[case.pk]) in text
    assert "New assessor" in text
    threshold = settings.VALIDATION_IV_NEW_ASSESSOR_CASES
    assert f"fewer than {threshold} verified cases" in text
    assert f"{round(settings.VALIDATION_IV_SHARE * 100)} %" in text

    # A verifier the case was not given to does not have it in their list.
    client_en.force_login(other_verifier)
    response = client_en.get(reverse("validation:verification"))
    assert response.context["samples"] == []
    assert reverse("validation:case", args=[case.pk]) not in page_text(response)


def test_ready_to_certify_leaves_out_the_verifiers_own_cases(
    client_en, assessor, verifier, unit, settings
):
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 0
    settings.VALIDATION_IV_SHARE = 0
    case = assessed_case(unit=unit, assessor=assessor)
    assert refreshed(case).iv_selected is False
    verifier_as_assessor = person(Role.ASSESSOR)
    own = assessed_case(unit=unit, assessor=verifier_as_assessor)
    account_services.role_grant(user=verifier_as_assessor, role=Role.INTERNAL_VERIFIER)
    client_en.force_login(verifier)
    response = client_en.get(reverse("validation:verification"))
    assert set(response.context["ready"]) == {case, own}
    client_en.force_login(verifier_as_assessor)
    response = client_en.get(reverse("validation:verification"))
    assert response.context["ready"] == [case]


@pytest.mark.parametrize("role", [None, Role.CANDIDATE, Role.ASSESSOR])
def test_the_verification_page_is_refused_to_others(client, role):
    client.force_login(person(*([role] if role else [])))
    response = client.get(reverse("validation:verification"))
    assert response.status_code == HTTPStatus.FORBIDDEN


# External moderation ----------------------------------------------------------


def verified_case(unit, assessor, verifier):
    case = assessed_case(unit=unit, assessor=assessor)
    return step(case, CaseAction.VERIFY, verifier)


def test_the_moderator_draws_a_sample_and_writes_the_report_once(
    client_en, assessor, verifier, moderator, unit
):
    case = verified_case(unit, assessor, verifier)
    client_en.force_login(moderator)
    response = client_en.post(reverse("validation:moderation"), follow=True)
    sample = ModerationSample.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "validation:moderation_sample", args=[sample.pk]
    )
    assert messages_of(response) == ["A new sample of 1 case was drawn."]
    assert response.context["cases"] == [case]
    text = page_text(response)
    assert reverse("validation:case", args=[case.pk]) in text
    assert verifier.get_full_name() in text

    listing = client_en.get(reverse("validation:moderation"))
    (row,) = listing.context["samples"]
    assert (row.case_count, row.waiting_count, row.confirmed_count) == (1, 1, 0)
    assert "Not written yet" in page_text(listing)

    url = reverse("validation:moderation_sample", args=[sample.pk])
    response = client_en.post(url, {"report": "  "})
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["report"]
    sample.refresh_from_db()
    assert sample.reported_at is None

    response = client_en.post(url, {"report": "Gode vurderinger."}, follow=True)
    sample.refresh_from_db()
    assert sample.report == "Gode vurderinger."
    assert sample.reported_at is not None
    assert response.context["form"] is None
    assert "Gode vurderinger." in page_text(response)
    assert 'name="report"' not in page_text(response)
    # Once written it stays as written.
    client_en.post(url, {"report": "Endret."})
    sample.refresh_from_db()
    assert sample.report == "Gode vurderinger."


def test_the_moderation_list_counts_confirmed_and_sent_back_cases(
    client_en, assessor, verifier, moderator, unit, settings
):
    settings.VALIDATION_MODERATION_SHARE = 1
    first = verified_case(unit, assessor, verifier)
    second = verified_case(unit, assessor, verifier)
    sampling.moderation_sample_draw(moderator=moderator)
    step(first, CaseAction.MODERATE, moderator)
    step(second, CaseAction.MODERATOR_SEND_BACK, moderator, reason="Tynt grunnlag.")
    client_en.force_login(moderator)
    (row,) = client_en.get(reverse("validation:moderation")).context["samples"]
    assert (row.case_count, row.waiting_count) == (2, 0)
    assert (row.confirmed_count, row.sent_back_count) == (1, 1)


def test_nothing_to_sample_is_told(client_en, moderator):
    client_en.force_login(moderator)
    response = client_en.post(reverse("validation:moderation"), follow=True)
    assert messages_of(response) == [english(sampling.NOTHING_TO_SAMPLE_MESSAGE)]
    assert not ModerationSample.objects.exists()


def test_a_sample_is_seen_only_by_its_moderator(
    client, assessor, verifier, moderator, unit
):
    verified_case(unit, assessor, verifier)
    sample = sampling.moderation_sample_draw(moderator=moderator)
    url = reverse("validation:moderation_sample", args=[sample.pk])
    client.force_login(person(Role.EXTERNAL_MODERATOR))
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url, {"report": "Falsk."}).status_code == HTTPStatus.NOT_FOUND
    client.force_login(verifier)
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    sample.refresh_from_db()
    assert sample.report == ""


@pytest.mark.parametrize("role", [None, Role.ASSESSOR, Role.INTERNAL_VERIFIER])
def test_the_moderation_page_is_refused_to_others(client, role):
    client.force_login(person(*([role] if role else [])))
    assert client.get(reverse("validation:moderation")).status_code == (
        HTTPStatus.FORBIDDEN
    )
    assert client.post(reverse("validation:moderation")).status_code == (
        HTTPStatus.FORBIDDEN
    )
    assert not ModerationSample.objects.exists()


# Landing after login and the header -------------------------------------------


def log_in(client, user, **query):
    url = reverse("accounts:login")
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query)
    return client.post(url, {"username": user.email, "password": TEST_PASSWORD})


@pytest.mark.parametrize(
    "role",
    [
        Role.ASSESSOR,
        Role.INTERNAL_VERIFIER,
        Role.EXTERNAL_MODERATOR,
        None,
        Role.CANDIDATE,  # a candidate without cases yet
    ],
)
def test_each_role_lands_on_the_home(client, role):
    user = person(*([role] if role else []))
    response = log_in(client, user)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("home")


def test_the_home_shows_the_validation_roles_their_work_and_next_still_wins(
    client_en, assessor, unit
):
    case = submitted_case(unit=unit, assessor=assessor)
    response = log_in(client_en, case.candidate)
    assert response["Location"] == reverse("home")
    home = client_en.get(reverse("home")).content.decode()
    assert f'href="{reverse("validation:case", args=[case.pk])}"' in home
    assert "submitted for assessment" in home
    assert f'href="{reverse("validation:my_cases")}"' in home
    client_en.logout()  # the test client's logout also drops the language cookie
    client_en.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = log_in(client_en, assessor)
    home = client_en.get(reverse("home")).content.decode()
    assert "1 case in your queue; 1 waiting for your assessment." in home
    assert f'href="{reverse("validation:queue")}"' in home
    client_en.logout()

    response = log_in(client_en, assessor, next=reverse("accounts:profile"))
    assert response["Location"] == reverse("accounts:profile")


def test_the_header_links_to_the_pages_of_the_persons_roles(
    client_en, assessor, verifier, moderator
):
    links = {
        reverse("validation:queue"): assessor,
        reverse("validation:verification"): verifier,
        reverse("validation:moderation"): moderator,
    }
    plain = person()
    for user in (assessor, verifier, moderator, plain):
        client_en.force_login(user)
        text = page_text(client_en.get(reverse("accounts:profile")))
        for url, owner_of_link in links.items():
            assert (f'href="{url}"' in text) == (user == owner_of_link), (user, url)

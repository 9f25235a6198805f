"""The candidate's pages and the case page: who may see what, the grid in a fixed
number of queries, steps through the view, and adding, mapping and removing
evidence (bad input refused, nothing saved)."""

from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from lms.accounts.roles import Role
from validation.forms import CaseTransitionForm
from validation.models import (
    Case,
    CaseEvent,
    CaseStatus,
    CriterionOutcome,
    Evidence,
    EvidenceKind,
)
from validation.services import cases as services
from validation.services import portfolio
from validation.services.cases import CaseAction
from validation.views import cases as views

from .factories import (
    case_new,
    criteria_of,
    decide_all,
    person,
    png_bytes,
    reflect,
    step,
    submitted_case,
    unit_approved,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def case_url(case, name="validation:case"):
    return reverse(name, kwargs={"pk": case.pk})


@pytest.fixture
def case(candidate, unit, assessor):
    return case_new(candidate=candidate, unit=unit, assessor=assessor)


# Who sees the case page ---------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("candidate", HTTPStatus.OK),
        ("assessor", HTTPStatus.OK),
        ("administrator", HTTPStatus.OK),
        ("other_assessor", HTTPStatus.NOT_FOUND),
        ("other_candidate", HTTPStatus.NOT_FOUND),
        ("unassigned_verifier", HTTPStatus.NOT_FOUND),
        ("moderator", HTTPStatus.NOT_FOUND),
    ],
)
def test_the_case_page_is_shown_only_to_the_people_of_the_case(
    client, case, administrator, moderator, who, status
):
    people = {
        "candidate": case.candidate,
        "assessor": case.assessor,
        "administrator": administrator,
        "other_assessor": person(Role.ASSESSOR),
        "other_candidate": case_new(
            candidate=person(Role.CANDIDATE),
            unit=case.unit,
            assessor=case.assessor,
        ).candidate,
        "unassigned_verifier": person(Role.INTERNAL_VERIFIER),
        "moderator": moderator,
    }
    client.force_login(people[who])
    for url in (case_url(case), case_url(case, "validation:evidence_add")):
        response = client.get(url)
        if who == "administrator" and url.endswith("/ny/"):
            # Sees the case, but adds no evidence to it.
            assert response.status_code == HTTPStatus.FORBIDDEN
        else:
            assert response.status_code == status, (who, url)


def test_the_verifier_sees_the_case_only_once_it_is_sampled_for_them(
    client, candidate, unit, assessor, verifier
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    client.force_login(verifier)
    assert client.get(case_url(case)).status_code == HTTPStatus.NOT_FOUND
    decide_all(case)
    step(case, CaseAction.ASSESS, assessor)
    case.refresh_from_db()
    assert case.verifier == verifier
    response = client.get(case_url(case))
    assert response.status_code == HTTPStatus.OK
    assert [a.name for a in response.context["actions"]][:2] == [
        CaseAction.VERIFY,
        CaseAction.VERIFIER_SEND_BACK,
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, case):
    for url in (
        reverse("validation:my_cases"),
        case_url(case),
        case_url(case, "validation:evidence_add"),
        case_url(case, "validation:case_transition"),
    ):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("accounts:login"))


def test_an_unknown_case_is_not_found(client, administrator):
    client.force_login(administrator)
    assert client.get("/validering/saker/999999/").status_code == 404
    assert client.get("/validering/saker/99999999999999999999/").status_code == 404


# My cases -----------------------------------------------------------------------


def test_a_person_without_cases_gets_a_kind_empty_state(client, user):
    client.force_login(user)
    response = client.get(reverse("validation:my_cases"))
    assert response.status_code == HTTPStatus.OK
    assert 'id="no-cases"' in response.text
    assert "You have no validation cases yet." in response.text


def test_my_cases_show_progress_and_never_credit_for_a_part_of_a_unit(
    client, candidate, unit, assessor, owner
):
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    criteria = criteria_of(unit)
    reflect(case, criteria=criteria[:3])
    other_unit = unit_approved(by=owner, code="AM-91")
    case_new(candidate=candidate, unit=other_unit, assessor=assessor)
    # Someone else's case is not listed.
    case_new(candidate=person(), unit=unit, assessor=assessor)
    client.force_login(candidate)
    response = client.get(reverse("validation:my_cases"))
    assert [c.pk for c, _ in response.context["rows"]] == [
        c.pk for c in Case.objects.filter(candidate=candidate)
    ]
    assert len(response.context["rows"]) == 2
    text = response.text
    assert "3 of 4 criteria covered by evidence, 0 of 4 met" in text
    assert "0 of 4 criteria covered by evidence, 0 of 4 met" in text
    assert "Collecting evidence" in text and "Planned" in text
    assert "Add evidence for the criterion that has none yet, then submit." in text
    assert "Add your first piece of evidence to start." in text
    assert "Credits achieved: 0 credits, from certified units only." in text
    assert response.context["credits_achieved"] == 0
    assert f"AM-90 {unit.title}" in text


def test_my_cases_count_credits_of_certified_units_only(
    client, candidate, unit, assessor, verifier
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    decide_all(case)
    step(case, CaseAction.ASSESS, assessor)
    step(case, CaseAction.VERIFY, verifier)
    step(case, CaseAction.CERTIFY, verifier)
    client.force_login(candidate)
    response = client.get(reverse("validation:my_cases"))
    assert response.context["credits_achieved"] == unit.credits == 3
    assert "Credits achieved: 3 credits, from certified units only." in response.text
    assert "Achieved: every criterion met" in response.text
    page = client.get(case_url(case))
    assert reverse("validation:certificate_pdf", kwargs={"pk": case.pk}) in page.text
    assert page.context["actions"] == []
    assert page.context["certificate"].code == case.certificate.code


# The grid -----------------------------------------------------------------------


def test_the_grid_is_a_table_with_headers_and_says_what_is_missing(client, case):
    criteria = criteria_of(case.unit)
    piece = reflect(case, criteria=criteria[:1], title="Min første refleksjon")
    client.force_login(case.candidate)
    response = client.get(case_url(case))
    text = response.text
    assert (
        '<table class="table table-bordered align-top case-grid" id="case-grid">'
        in (text)
    )
    assert "<caption" in text
    assert text.count('<th scope="col">') == 3
    assert text.count('<th scope="rowgroup"') == 2
    assert text.count('<th scope="row"') == 4
    assert "1 of 4 criteria covered by evidence, 0 of 4 met" in text
    assert text.count("Missing: no evidence yet") == 3
    assert f'<a href="#evidence-{piece.pk}">Min første refleksjon</a>' in text
    assert "3 criteria have no evidence yet." in text
    # The candidate's next steps: add evidence, submit (with the version).
    assert [a.name for a in response.context["actions"]] == [CaseAction.SUBMIT]
    assert f'name="version" value="{case.version + 1}"' in text  # started: +1
    assert case_url(case, "validation:evidence_add") in text
    assert reverse("validation:evidence_edit", kwargs={"pk": piece.pk}) in text


def _big_case(candidate, assessor, owner):
    unit = unit_approved(by=owner, code="AM-99", outcomes=5, criteria=4)
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    criteria = criteria_of(unit)
    assert len(criteria) == 20
    for n in range(100):
        reflect(case, criteria=criteria[n % 20 : n % 20 + 3], title=f"Bevis {n}")
    return case


def _small_case(candidate, assessor, owner):
    unit = unit_approved(by=owner, code="AM-98", outcomes=1, criteria=1)
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    reflect(case, criteria=criteria_of(unit))
    return case


# Session, user, the case, the portfolio's seven reads, the menu's pages, the
# person's roles, the header's own links (my course, my firm, the plan: one).
GRID_QUERIES = 13


@pytest.mark.parametrize("make", [_small_case, _big_case])
def test_the_case_page_costs_the_same_queries_for_a_big_and_a_small_case(
    client, candidate, assessor, owner, make, django_assert_num_queries
):
    case = make(candidate, assessor, owner)
    step(case, CaseAction.SUBMIT, candidate)
    decide_all(case)
    client.force_login(assessor)
    # Warm what every running process keeps (Django's content-type cache), then
    # measure with the shared cache empty.
    client.get(case_url(case))
    cache.clear()
    with django_assert_num_queries(GRID_QUERIES):
        response = client.get(case_url(case))
    assert response.status_code == HTTPStatus.OK
    portfolio = response.context["portfolio"]
    assert portfolio.met_count == portfolio.criteria_count


# Steps through the view ---------------------------------------------------------


def post_step(client, case, action, *, version=None, reason=""):
    return client.post(
        case_url(case, "validation:case_transition"),
        {
            "action": action,
            "version": case.version if version is None else version,
            "reason": reason,
        },
    )


def test_the_candidate_submits_through_the_page(client, case):
    reflect(case, criteria=criteria_of(case.unit))
    case.refresh_from_db()
    client.force_login(case.candidate)
    response = post_step(client, case, CaseAction.SUBMIT)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == case_url(case)
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    assert case.events.latest("at", "pk").by == case.candidate
    page = client.get(response.url)
    assert "Done: Submit for assessment." in page.text


def test_a_step_by_the_wrong_role_is_forbidden_and_changes_nothing(client, case):
    reflect(case, criteria=criteria_of(case.unit))
    case.refresh_from_db()
    events = CaseEvent.objects.count()
    client.force_login(case.assessor)
    response = post_step(client, case, CaseAction.SUBMIT)
    assert response.status_code == HTTPStatus.FORBIDDEN
    response = post_step(client, case, "no_such_step")
    assert response.status_code == HTTPStatus.FORBIDDEN
    before = case.version
    case.refresh_from_db()
    assert (case.status, case.version) == (CaseStatus.COLLECTING, before)
    assert CaseEvent.objects.count() == events


def test_a_step_on_a_case_someone_cannot_see_is_not_found(client, case):
    client.force_login(person(Role.ASSESSOR))
    response = post_step(client, case, CaseAction.START)
    assert response.status_code == HTTPStatus.NOT_FOUND
    case.refresh_from_db()
    assert case.status == CaseStatus.PLANNED


def test_a_stale_page_is_told_that_someone_else_changed_the_case(
    client, candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    case.refresh_from_db()
    stale = case.version
    # Someone moves the case while the page was open, and it comes back to the
    # same state: only the version tells.
    step(case, CaseAction.NOT_YET, assessor, reason="Mer om 2.1.")
    step(case, CaseAction.SUBMIT, candidate)
    case.refresh_from_db()
    events = CaseEvent.objects.count()
    client.force_login(assessor)
    response = post_step(
        client, case, CaseAction.NOT_YET, version=stale, reason="Skriv mer om 1.2."
    )
    assert response.status_code == HTTPStatus.CONFLICT
    assert str(services.CASE_CHANGED_MESSAGE) in response.text
    # The reason typed is kept, and the form now carries the current version.
    assert "Skriv mer om 1.2." in response.text
    assert f'name="version" value="{case.version}"' in response.text
    fresh = Case.objects.get(pk=case.pk)
    assert (fresh.status, fresh.version) == (CaseStatus.SUBMITTED, case.version)
    assert CaseEvent.objects.count() == events


def test_sending_back_without_a_reason_is_refused_with_a_message(
    client, candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    case.refresh_from_db()
    client.force_login(assessor)
    response = post_step(client, case, CaseAction.NOT_YET, reason="   ")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert str(services.REASON_REQUIRED_MESSAGE) in response.text
    assert 'aria-invalid="true"' in response.text
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED


def test_sending_back_with_a_reason_shows_it_to_the_candidate(
    client, candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    case.refresh_from_db()
    client.force_login(assessor)
    page = client.get(case_url(case))
    assert 'id="assess-link"' in page.text
    assert reverse("validation:assess", kwargs={"pk": case.pk}) in page.text
    assert 'name="reason"' in page.text
    response = post_step(client, case, CaseAction.NOT_YET, reason="Mer om 2.1.")
    assert response.status_code == HTTPStatus.FOUND
    client.force_login(candidate)
    page = client.get(case_url(case))
    assert 'id="sent-back"' in page.text
    assert "Mer om 2.1." in page.text
    assert page.context["sent_back_event"].reason == "Mer om 2.1."


def test_a_guard_refusal_is_shown_and_nothing_changes(client, case):
    reflect(case, criteria=criteria_of(case.unit)[:1])
    case.refresh_from_db()
    client.force_login(case.candidate)
    response = post_step(client, case, CaseAction.SUBMIT)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "These criteria have no evidence yet: 1.2, 2.1, 2.2." in response.text
    case.refresh_from_db()
    assert case.status == CaseStatus.COLLECTING


def test_an_incomplete_step_form_changes_nothing(client, case):
    client.force_login(case.candidate)
    response = client.post(
        case_url(case, "validation:case_transition"), {"action": CaseAction.START}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert str(views.FORM_INCOMPLETE_MESSAGE) in client.get(response.url).text
    case.refresh_from_db()
    assert case.status == CaseStatus.PLANNED
    assert client.get(case_url(case, "validation:case_transition")).status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )


def test_the_step_form_carries_the_action_and_version_hidden():
    form = CaseTransitionForm(initial={"action": "submit", "version": 3})
    assert 'type="hidden" name="version" value="3"' in str(form["version"])


# Adding evidence ----------------------------------------------------------------


def test_the_candidate_adds_a_reflective_account_mapped_to_criteria(client, case):
    criteria = criteria_of(case.unit)
    client.force_login(case.candidate)
    page = client.get(case_url(case, "validation:evidence_add"))
    assert page.status_code == HTTPStatus.OK
    assert [value for value, _ in page.context["form"].fields["kind"].choices] == [
        EvidenceKind.FILE,
        EvidenceKind.REFLECTION,
        EvidenceKind.WITNESS,
    ]
    # Criteria as checkboxes labelled "1.2 text", grouped by outcome.
    assert f"1.2 {criteria[1].text}" in page.text
    assert page.text.count('type="checkbox" name="criteria"') == 4
    assert 'accept="image/*,application/pdf' in page.text
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {
            "kind": EvidenceKind.REFLECTION,
            "title": "Første dag",
            "text": "Jeg viste ham rundt.",
            "criteria": [criteria[0].pk, criteria[2].pk],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    evidence = Evidence.objects.get()
    assert response.url == f"{case_url(case)}#evidence-{evidence.pk}"
    assert (evidence.kind, evidence.title, evidence.added_by) == (
        EvidenceKind.REFLECTION,
        "Første dag",
        case.candidate,
    )
    assert set(evidence.criteria.all()) == {criteria[0], criteria[2]}
    case.refresh_from_db()
    assert case.status == CaseStatus.COLLECTING  # the first evidence starts it


def test_the_candidate_uploads_a_photo(client, case):
    criteria = criteria_of(case.unit)
    client.force_login(case.candidate)
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {
            "kind": EvidenceKind.FILE,
            "title": "Opplæringsplan",
            "file": SimpleUploadedFile("plan.png", png_bytes(), "image/png"),
            "criteria": [criteria[1].pk],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    evidence = Evidence.objects.get()
    assert evidence.content_type == "image/png"
    assert evidence.original_name == "plan.png"
    assert evidence.size > 0
    assert evidence.file.name.endswith(".png")
    assert list(evidence.criteria.all()) == [criteria[1]]


def test_a_witness_statement_needs_the_witness(client, case):
    client.force_login(case.candidate)
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {"kind": EvidenceKind.WITNESS, "title": "Uttalelse", "text": "Hun er god."},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    form = response.context["form"]
    assert form.errors["witness_name"] == [str(portfolio.WITNESS_REQUIRED_MESSAGE)]
    assert form.errors["witness_role"] == [str(portfolio.WITNESS_REQUIRED_MESSAGE)]
    assert not Evidence.objects.exists()
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {
            "kind": EvidenceKind.WITNESS,
            "title": "Uttalelse",
            "text": "Hun er god.",
            "witness_name": "Kari Nordmann",
            "witness_role": "Avdelingsleder",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    evidence = Evidence.objects.get()
    assert (evidence.witness_name, evidence.witness_role) == (
        "Kari Nordmann",
        "Avdelingsleder",
    )


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"kind": "file", "title": "Plan"},
            "file",
            portfolio.EVIDENCE_FILE_REQUIRED_MESSAGE,
        ),
        (
            {"kind": "reflection", "title": "Tanker", "text": "  "},
            "text",
            portfolio.EVIDENCE_TEXT_REQUIRED_MESSAGE,
        ),
        ({"kind": "reflection", "text": "Tekst"}, "title", "This field is required."),
        ({"title": "Tekst", "text": "Tekst"}, "kind", "This field is required."),
    ],
)
def test_bad_evidence_is_refused_by_field_and_nothing_is_stored(
    client, case, evidence_in_tmp, data, field, message
):
    client.force_login(case.candidate)
    response = client.post(case_url(case, "validation:evidence_add"), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors[field] == [str(message)]
    assert 'id="error-summary"' in response.text
    assert not Evidence.objects.exists()
    assert not evidence_in_tmp.exists() or not any(evidence_in_tmp.rglob("*.*"))
    case.refresh_from_db()
    assert case.status == CaseStatus.PLANNED


def test_a_file_that_lies_about_its_type_is_refused_and_not_stored(
    client, case, evidence_in_tmp
):
    client.force_login(case.candidate)
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {
            "kind": EvidenceKind.FILE,
            "title": "Plan",
            "file": SimpleUploadedFile("plan.pdf", b"MZ\x90\x00" + b"\x00" * 64),
        },
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors["file"]
    assert not Evidence.objects.exists()
    assert not evidence_in_tmp.exists() or not any(evidence_in_tmp.rglob("*.*"))


def test_criteria_of_another_unit_are_refused_and_nothing_is_saved(client, case, owner):
    foreign = criteria_of(unit_approved(by=owner, code="AM-97"))[0]
    client.force_login(case.candidate)
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {
            "kind": EvidenceKind.REFLECTION,
            "title": "Tanker",
            "text": "Tekst",
            "criteria": [criteria_of(case.unit)[0].pk, foreign.pk],
        },
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors["criteria"] == [
        str(portfolio.CRITERION_NOT_IN_UNIT_MESSAGE)
    ]
    assert not Evidence.objects.exists()


def test_the_assessor_adds_observations_but_not_the_candidates_kinds(client, case):
    client.force_login(case.assessor)
    page = client.get(case_url(case, "validation:evidence_add"))
    assert [value for value, _ in page.context["form"].fields["kind"].choices] == [
        EvidenceKind.WITNESS,
        EvidenceKind.OBSERVATION,
        EvidenceKind.DISCUSSION,
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
            "title": "Observasjon på arbeidsplassen",
            "text": "Kandidaten forklarte rutinene tydelig.",
            "criteria": [criteria_of(case.unit)[0].pk],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert Evidence.objects.get().added_by == case.assessor


def test_no_evidence_is_added_once_the_case_is_submitted(
    client, candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    client.force_login(candidate)
    assert client.get(case_url(case, "validation:evidence_add")).status_code == 403
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {"kind": EvidenceKind.REFLECTION, "title": "Sent", "text": "Tekst"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert case.evidence.count() == 1


# Changing and removing evidence ---------------------------------------------------


def test_the_author_changes_the_criteria_a_piece_shows(client, case, owner):
    criteria = criteria_of(case.unit)
    piece = reflect(case, criteria=criteria[:1])
    url = reverse("validation:evidence_edit", kwargs={"pk": piece.pk})
    client.force_login(case.candidate)
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    assert f'value="{criteria[0].pk}"' in page.text
    assert "checked" in page.text
    foreign = criteria_of(unit_approved(by=owner, code="AM-96"))[0]
    refused = client.post(url, {"criteria": [criteria[1].pk, foreign.pk]})
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert list(piece.criteria.all()) == [criteria[0]]
    response = client.post(url, {"criteria": [criteria[1].pk, criteria[3].pk]})
    assert response.status_code == HTTPStatus.FOUND
    assert set(piece.criteria.all()) == {criteria[1], criteria[3]}


def test_someone_elses_evidence_cannot_be_changed_or_removed(client, case):
    piece = reflect(case, criteria=criteria_of(case.unit)[:1])
    client.force_login(case.assessor)  # sees the case, did not write the piece
    for name in ("validation:evidence_edit", "validation:evidence_remove"):
        url = reverse(name, kwargs={"pk": piece.pk})
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN
        assert client.post(url, {"criteria": []}).status_code == HTTPStatus.FORBIDDEN
    client.force_login(person(Role.ASSESSOR))  # does not see it
    url = reverse("validation:evidence_edit", kwargs={"pk": piece.pk})
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert list(piece.criteria.all()) == criteria_of(case.unit)[:1]
    assert Evidence.objects.filter(pk=piece.pk).exists()


def test_submitted_evidence_is_locked_for_the_candidate(
    client, candidate, unit, assessor
):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    piece = case.evidence.get()
    client.force_login(candidate)
    response = client.post(
        reverse("validation:evidence_remove", kwargs={"pk": piece.pk})
    )
    assert response.status_code == HTTPStatus.FOUND
    assert str(portfolio.EVIDENCE_LOCKED_MESSAGE) in client.get(response.url).text
    assert Evidence.objects.filter(pk=piece.pk).exists()


def test_the_author_removes_a_piece_after_confirming(client, case):
    piece = reflect(case, criteria=criteria_of(case.unit)[:1])
    url = reverse("validation:evidence_remove", kwargs={"pk": piece.pk})
    client.force_login(case.candidate)
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    assert Evidence.objects.filter(pk=piece.pk).exists()  # GET only asks
    response = client.post(url)
    assert response.status_code == HTTPStatus.FOUND
    assert not Evidence.objects.filter(pk=piece.pk).exists()
    assert str(views.EVIDENCE_REMOVED_MESSAGE) in client.get(response.url).text


def test_evidence_cited_in_a_decision_is_not_removed(client, candidate, unit, assessor):
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    observation = portfolio.evidence_add(
        case=case,
        by=assessor,
        kind=EvidenceKind.OBSERVATION,
        title="Observasjon",
        text="Sett på arbeidsplassen.",
        criteria=criteria_of(unit)[:1],
    )
    portfolio.criterion_decide(
        case=case,
        criterion=criteria_of(unit)[0],
        outcome=CriterionOutcome.MET,
        reason="Sett.",
        evidence=[observation],
        by=assessor,
    )
    client.force_login(assessor)
    response = client.post(
        reverse("validation:evidence_remove", kwargs={"pk": observation.pk})
    )
    assert response.status_code == HTTPStatus.FOUND
    assert str(portfolio.EVIDENCE_CITED_MESSAGE) in client.get(response.url).text
    assert Evidence.objects.filter(pk=observation.pk).exists()

"""A trainee's validation on a work-area unit, through the validation engine:
the firm starts it from the placement (mentor as observer, an assessor who is
not the mentor), the case runs the same state machine to a certificate that
verifies publicly, the mentor stops being the observer when the trainee
withdraws sharing, and a mentor is "validated" only by a mentor unit."""

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

import pytest

from courses.services.certification import certificate_revoke
from lms.accounts import demo as accounts_demo
from lms.accounts import services as account_services
from lms.accounts.roles import Role
from placements.forms.validation import (
    ASSESSOR_CHOICE_MESSAGE,
    ASSESSOR_REQUIRED_MESSAGE,
    UNIT_REQUIRED_MESSAGE,
)
from placements.selectors.validation import is_validated_mentor, work_area_units
from placements.services.placements import placement_end, placement_sharing_withdraw
from placements.services.validation import (
    ASSESSOR_IS_MENTOR_MESSAGE,
    ASSESSOR_IS_TRAINEE_MESSAGE,
    NOT_WORK_AREA_MESSAGE,
    PLACEMENT_NOT_ACTIVE_MESSAGE,
    placement_validation_start,
    validation_sharing_withdraw,
)
from tests.accounts.factories import UserFactory
from tests.validation.factories import (
    certified_case,
    criteria_of,
    person,
    reflect,
    step,
    unit_approved,
)
from validation import demo as validation_demo
from validation.demo_content.units import TRAINEE_PATHWAYS, WORK_AREA_UNITS
from validation.models import (
    Case,
    CaseEventKind,
    CaseStatus,
    CriterionOutcome,
    Evidence,
    EvidenceKind,
    Level,
    Pathway,
    Unit,
    UnitStatus,
)
from validation.services import cases as case_services
from validation.services import portfolio
from validation.services.cases import CaseAction

from .factories import past, placement_new

pytestmark = pytest.mark.django_db

OBSERVATION = "Hun fylte opp melkekjøleren og satte de eldste varene fremst."


@pytest.fixture
def client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture(autouse=True)
def evidence_in_tmp(settings, tmp_path, monkeypatch):
    """Evidence files go to a folder of the test's own (as in tests/validation)."""
    from django.core.files.storage import storages

    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "evidence", "base_url": None},
        },
    }
    monkeypatch.setattr(
        Evidence._meta.get_field("file"), "storage", storages["evidence"]
    )


@pytest.fixture
def owner(db):
    return person(Role.PROGRAMME_OWNER)


def unit_in_pathway(*, code, owner, for_trainees, title="Arbeid i butikk"):
    """An approved unit (two outcomes of two criteria) in a pathway for trainees
    or not."""
    unit = unit_approved(code=code, title=title, level=Level.ONE, credits=2, by=owner)
    slug = "arbeidsomrader-test" if for_trainees else "mentor-test"
    pathway, _ = Pathway.objects.get_or_create(
        slug=slug,
        defaults={
            "name": slug,
            "credits_required": 2,
            "for_trainees": for_trainees,
        },
    )
    pathway.units.add(unit)
    pathway.save()
    return unit


@pytest.fixture
def work_unit(owner):
    return unit_in_pathway(code="ARB-T1", owner=owner, for_trainees=True)


@pytest.fixture
def mentor_unit(owner):
    return unit_in_pathway(
        code="AM-T1", owner=owner, for_trainees=False, title="Ta imot en ny kollega"
    )


@pytest.fixture
def placement(db):
    return placement_new()


@pytest.fixture
def assessor(db):
    return person(Role.ASSESSOR, first_name="Ada", last_name="Assessor")


@pytest.fixture
def verifier(db):
    return person(Role.INTERNAL_VERIFIER, first_name="Vera", last_name="Verifier")


def start_url(placement):
    return reverse("placements:validation_start", kwargs={"pk": placement.pk})


def case_url(case, name="validation:case"):
    return reverse(name, kwargs={"pk": case.pk})


def start(placement, unit, assessor, by=None):
    return placement_validation_start(
        placement=placement, unit=unit, assessor=assessor, by=by or placement.mentor
    )


def refused_messages(call) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.messages


# The start page ------------------------------------------------------------------


def test_the_page_explains_validation_and_offers_work_areas_and_assessors(
    client, placement, work_unit, mentor_unit, assessor
):
    # Both hold the assessor role, yet neither may assess this trainee.
    account_services.role_grant(user=placement.mentor, role=Role.ASSESSOR)
    account_services.role_grant(user=placement.trainee, role=Role.ASSESSOR)
    client.force_login(placement.mentor)
    page = client.get(start_url(placement))
    assert page.status_code == HTTPStatus.OK
    form = page.context["form"]
    assert list(form.fields["unit"].queryset) == [work_unit]
    assert list(form.fields["assessor"].queryset) == [assessor]
    assert "What is validation?" in page.text
    assert "competence certificate and a transcript" in page.text
    assert "/verify/" in page.text
    assert work_unit.title in page.text
    assert "Level 1 · 2 credits" in page.text
    assert f"Kandidaten kan {work_unit.code} utfall 2" in page.text
    assert mentor_unit.title not in page.text
    # Each choice is described by its facts; the choices sit in a fieldset.
    radio_id = page.context["form"]["unit"][0].id_for_label
    assert f'aria-describedby="{radio_id}-facts"' in page.text
    assert f'id="{radio_id}-facts"' in page.text
    assert "<legend" in page.text


def test_the_firm_contact_may_start_a_validation_too(
    client, placement, work_unit, assessor
):
    contact = UserFactory()
    account_services.membership_add(firm=placement.firm, user=contact, is_contact=True)
    client.force_login(contact)
    response = client.post(
        start_url(placement), {"unit": work_unit.pk, "assessor": assessor.pk}
    )
    assert response.status_code == HTTPStatus.FOUND
    case = placement.cases.get()
    assert (case.observer, case.created_by) == (placement.mentor, contact)


def test_the_mentor_starts_a_validation_with_the_trainee_as_candidate(
    client, placement, work_unit, assessor
):
    client.force_login(placement.mentor)
    response = client.post(
        start_url(placement), {"unit": work_unit.pk, "assessor": assessor.pk}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == (
        reverse("placements:detail", kwargs={"pk": placement.pk}) + "#validation"
    )
    case = Case.objects.get()
    assert list(placement.cases.all()) == [case]
    assert (case.candidate, case.unit, case.assessor, case.observer) == (
        placement.trainee,
        work_unit,
        assessor,
        placement.mentor,
    )
    assert case.status == CaseStatus.PLANNED
    created = case.events.get()
    assert (created.kind, created.by) == (CaseEventKind.CREATED, placement.mentor)
    assert created.data["observer"] == placement.mentor.pk
    assert placement.trainee.groups.filter(name=Role.CANDIDATE.value).exists()


def test_empty_input_is_refused_per_field_and_nothing_is_saved(
    client, placement, work_unit, assessor
):
    client.force_login(placement.mentor)
    response = client.post(start_url(placement), {})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    errors = response.context["form"].errors
    assert errors["unit"] == [str(UNIT_REQUIRED_MESSAGE)]
    assert errors["assessor"] == [str(ASSESSOR_REQUIRED_MESSAGE)]
    assert 'id="error-summary"' in response.text
    assert not Case.objects.exists()


def test_a_unit_that_is_not_a_work_area_is_refused(
    client, placement, work_unit, mentor_unit, assessor
):
    client.force_login(placement.mentor)
    response = client.post(
        start_url(placement), {"unit": mentor_unit.pk, "assessor": assessor.pk}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors["unit"] == [str(NOT_WORK_AREA_MESSAGE)]
    assert refused_messages(lambda: start(placement, mentor_unit, assessor)) == [
        str(NOT_WORK_AREA_MESSAGE)
    ]
    assert not Case.objects.exists()


def test_a_draft_unit_in_a_trainee_pathway_is_not_a_work_area(
    placement, work_unit, assessor, owner
):
    draft = Unit.objects.create(
        code="ARB-D1", title="Utkast", level=Level.ONE, credits=1
    )
    pathway = Pathway.objects.get(slug="arbeidsomrader-test")
    pathway.units.add(draft)
    pathway.save()
    assert draft.status == UnitStatus.DRAFT
    assert list(work_area_units()) == [work_unit]
    assert refused_messages(lambda: start(placement, draft, assessor)) == [
        str(NOT_WORK_AREA_MESSAGE)
    ]


def test_the_mentor_cannot_be_the_assessor(client, placement, work_unit):
    mentor = placement.mentor
    account_services.role_grant(user=mentor, role=Role.ASSESSOR)
    assert refused_messages(lambda: start(placement, work_unit, mentor)) == [
        str(ASSESSOR_IS_MENTOR_MESSAGE)
    ]
    # The page never offers the mentor, and refuses a forged choice.
    client.force_login(mentor)
    response = client.post(
        start_url(placement), {"unit": work_unit.pk, "assessor": mentor.pk}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors["assessor"] == [str(ASSESSOR_CHOICE_MESSAGE)]
    assert not Case.objects.exists()


def test_the_database_refuses_the_mentor_as_observer_and_assessor(
    placement, work_unit, assessor
):
    case = start(placement, work_unit, assessor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(assessor=placement.mentor)
    case.refresh_from_db()
    assert case.assessor == assessor


def test_the_trainee_cannot_be_the_assessor(placement, work_unit):
    account_services.role_grant(user=placement.trainee, role=Role.ASSESSOR)
    assert refused_messages(lambda: start(placement, work_unit, placement.trainee)) == [
        str(ASSESSOR_IS_TRAINEE_MESSAGE)
    ]
    assert not Case.objects.exists()


def test_the_assessor_must_hold_the_assessor_role(placement, work_unit):
    someone = UserFactory(first_name="Nils", last_name="Nabo")
    assert refused_messages(lambda: start(placement, work_unit, someone)) == [
        str(case_services.NOT_AN_ASSESSOR_MESSAGE % {"name": "Nils Nabo"})
    ]


def test_the_same_work_area_twice_is_refused_on_the_unit(
    client, placement, work_unit, assessor
):
    start(placement, work_unit, assessor)
    client.force_login(placement.mentor)
    response = client.post(
        start_url(placement), {"unit": work_unit.pk, "assessor": assessor.pk}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    name = placement.trainee.get_full_name()
    assert response.context["form"].errors["unit"] == [
        str(case_services.CASE_EXISTS_MESSAGE % {"name": name})
    ]
    assert Case.objects.count() == 1


def test_a_placement_waiting_for_the_trainee_cannot_start_a_validation(
    client, work_unit, assessor
):
    placement = placement_new(accepted=False)
    assert refused_messages(lambda: start(placement, work_unit, assessor)) == [
        str(PLACEMENT_NOT_ACTIVE_MESSAGE)
    ]
    client.force_login(placement.mentor)
    page = client.get(start_url(placement))
    assert page.status_code == HTTPStatus.OK
    assert 'id="not-active"' in page.text
    assert 'id="validation-start-form"' not in page.text


# Wrong users ---------------------------------------------------------------------


def test_the_trainee_may_see_the_placement_but_not_start_a_validation(
    client, placement, work_unit, assessor
):
    client.force_login(placement.trainee)
    assert client.get(start_url(placement)).status_code == HTTPStatus.FORBIDDEN
    response = client.post(
        start_url(placement), {"unit": work_unit.pk, "assessor": assessor.pk}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    with pytest.raises(PermissionDenied):
        start(placement, work_unit, assessor, by=placement.trainee)
    assert not Case.objects.exists()


@pytest.mark.parametrize("who", ["other_firm", "course_leader", "assessor"])
def test_people_outside_the_placement_get_not_found(
    client, placement, work_unit, assessor, course_leader, who
):
    other_firm = placement_new().mentor  # a member of another firm
    person_ = {
        "other_firm": other_firm,
        "course_leader": course_leader,
        "assessor": assessor,
    }[who]
    client.force_login(person_)
    assert client.get(start_url(placement)).status_code == HTTPStatus.NOT_FOUND
    response = client.post(
        start_url(placement), {"unit": work_unit.pk, "assessor": assessor.pk}
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Case.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, placement):
    response = client.get(start_url(placement))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("accounts:login"))


def test_an_ended_placement_starts_no_validation(
    client, placement, work_unit, assessor
):
    placement_end(
        placement=placement, ended_on=past(1), outcome="employed", by=placement.mentor
    )
    client.force_login(placement.mentor)
    assert client.get(start_url(placement)).status_code == HTTPStatus.FORBIDDEN


# The whole journey -----------------------------------------------------------------


def test_a_trainees_case_runs_the_whole_state_machine_to_a_verifiable_certificate(
    client, placement, work_unit, assessor, verifier
):
    mentor, trainee = placement.mentor, placement.trainee
    criteria = criteria_of(work_unit)
    client.force_login(mentor)
    client.post(start_url(placement), {"unit": work_unit.pk, "assessor": assessor.pk})
    case = placement.cases.get()

    # The mentor records what they saw: the first evidence starts the case.
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {
            "kind": EvidenceKind.OBSERVATION,
            "title": "Observasjon ved melkekjøleren",
            "text": OBSERVATION,
            "criteria": [criterion.pk for criterion in criteria],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    observation = Evidence.objects.get(kind=EvidenceKind.OBSERVATION)
    assert observation.added_by == mentor

    # The trainee writes a reflective account and submits.
    client.force_login(trainee)
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {
            "kind": EvidenceKind.REFLECTION,
            "title": "Det jeg lærte i butikken",
            "text": "Jeg lærte å sjekke datoen på varene.",
            "criteria": [criteria[0].pk],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    case.refresh_from_db()
    response = client.post(
        case_url(case, "validation:case_transition"),
        {"action": CaseAction.SUBMIT, "version": case.version, "reason": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED

    # The assessor decides every criterion on the evidence and assesses.
    for criterion in criteria:
        portfolio.criterion_decide(
            case=case,
            criterion=criterion,
            outcome=CriterionOutcome.MET,
            reason="Vist i observasjonen fra mentoren.",
            evidence=[observation],
            by=assessor,
        )
    case = step(case, CaseAction.ASSESS, assessor)
    # A new assessor's cases are always sampled: the verifier agrees, certifies.
    assert (case.iv_selected, case.verifier) == (True, verifier)
    step(case, CaseAction.VERIFY, verifier)
    case = step(case, CaseAction.CERTIFY, verifier)
    assert case.status == CaseStatus.CERTIFIED
    assert list(case.events.values_list("kind", flat=True)) == [
        CaseEventKind.CREATED,
        CaseEventKind.STARTED,
        CaseEventKind.SUBMITTED,
        CaseEventKind.ASSESSED,
        CaseEventKind.VERIFIED,
        CaseEventKind.CERTIFIED,
    ]

    certificate = case.certificate
    assert certificate.holder_name == trainee.get_full_name()
    client.logout()
    verified = client.get(f"/verify/{certificate.formatted_code}/")
    assert verified.status_code == HTTPStatus.OK
    assert work_unit.title in verified.text

    client.force_login(trainee)
    pdf = client.get(case_url(case, "validation:certificate_pdf"))
    assert pdf.status_code == HTTPStatus.OK
    assert pdf["Content-Type"] == "application/pdf"
    transcript = client.get(reverse("validation:transcript"))
    assert transcript.status_code == HTTPStatus.OK
    # A work-area certificate does not make the trainee a validated mentor.
    assert not is_validated_mentor(trainee)


def test_the_mentor_adds_observations_and_witness_statements_only_while_collecting(
    client, placement, work_unit, assessor
):
    case = start(placement, work_unit, assessor)
    mentor = placement.mentor
    assert portfolio.evidence_kinds_for(case=case, user=mentor) == [
        EvidenceKind.WITNESS,
        EvidenceKind.OBSERVATION,
    ]
    with pytest.raises(PermissionDenied):
        portfolio.evidence_add(
            case=case,
            by=mentor,
            kind=EvidenceKind.REFLECTION,
            title="Refleksjon",
            text="Ikke min å skrive.",
        )
    reflect(case)
    step(case, CaseAction.SUBMIT, case.candidate)
    case.refresh_from_db()
    assert portfolio.evidence_kinds_for(case=case, user=mentor) == []
    client.force_login(mentor)
    response = client.post(
        case_url(case, "validation:evidence_add"),
        {"kind": EvidenceKind.OBSERVATION, "title": "Sent", "text": OBSERVATION},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert case.evidence.count() == 1


# Withdrawn sharing ---------------------------------------------------------------


def test_withdrawn_sharing_removes_the_mentor_from_the_case_and_the_trainee_keeps_it(
    client, placement, work_unit, assessor
):
    mentor, trainee = placement.mentor, placement.trainee
    case = start(placement, work_unit, assessor)
    observation = portfolio.evidence_add(
        case=case,
        by=mentor,
        kind=EvidenceKind.OBSERVATION,
        title="Observasjon ved kassen",
        text=OBSERVATION,
        criteria=criteria_of(work_unit),
    )
    case.refresh_from_db()
    version = case.version

    placement_sharing_withdraw(placement=placement, by=trainee)

    case.refresh_from_db()
    assert case.observer is None
    assert (case.status, case.version) == (CaseStatus.COLLECTING, version)
    removed = case.events.get(kind=CaseEventKind.OBSERVER_REMOVED)
    assert (removed.from_status, removed.to_status, removed.by) == (
        CaseStatus.COLLECTING,
        CaseStatus.COLLECTING,
        trainee,
    )
    assert removed.data == {"observer": mentor.pk}

    # The mentor no longer sees the case nor adds to it.
    client.force_login(mentor)
    assert client.get(case_url(case)).status_code == HTTPStatus.NOT_FOUND
    assert (
        client.get(case_url(case, "validation:evidence_add")).status_code
        == HTTPStatus.NOT_FOUND
    )
    with pytest.raises(PermissionDenied):
        portfolio.evidence_add(
            case=case,
            by=mentor,
            kind=EvidenceKind.OBSERVATION,
            title="Etterpå",
            text=OBSERVATION,
        )

    # The trainee keeps the case and every piece, and sees the removal.
    client.force_login(trainee)
    page = client.get(case_url(case))
    assert page.status_code == HTTPStatus.OK
    assert observation.title in page.text
    assert "Workplace mentor removed as observer" in page.text
    assert list(case.evidence.all()) == [observation]

    # The assessor goes on as before.
    step(case, CaseAction.SUBMIT, trainee)
    portfolio.criterion_decide(
        case=case,
        criterion=criteria_of(work_unit)[0],
        outcome=CriterionOutcome.MET,
        reason="Vist i observasjonen.",
        evidence=[observation],
        by=assessor,
    )
    client.force_login(assessor)
    assert client.get(case_url(case)).status_code == HTTPStatus.OK


def test_withdrawing_touches_only_the_cases_the_mentor_observes(
    placement, work_unit, assessor, owner
):
    observed = start(placement, work_unit, assessor)
    other_unit = unit_in_pathway(code="ARB-T2", owner=owner, for_trainees=True)
    elsewhere = case_services.case_create(
        candidate=placement.trainee, unit=other_unit, assessor=assessor, by=assessor
    )
    placement.cases.add(elsewhere)
    validation_sharing_withdraw(placement=placement, by=placement.trainee)
    kinds = {
        case.pk: list(case.events.values_list("kind", flat=True))
        for case in (observed, elsewhere)
    }
    assert kinds == {
        observed.pk: [CaseEventKind.CREATED, CaseEventKind.OBSERVER_REMOVED],
        elsewhere.pk: [CaseEventKind.CREATED],
    }


# The summary on the placement page ---------------------------------------------------


def summary(placement, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "placements/includes/validation_summary.html",
        {"placement": placement, "user": user},
        request=request,
    )


def test_the_summary_invites_the_firm_to_start_and_tells_the_trainee_what_it_is(
    placement, work_unit
):
    for_mentor = summary(placement, placement.mentor)
    assert 'id="no-validation"' in for_mentor
    assert start_url(placement) in for_mentor
    for_trainee = summary(placement, placement.trainee)
    assert "you get a competence certificate" in for_trainee
    assert start_url(placement) not in for_trainee


def test_the_summary_links_the_case_for_those_who_may_see_it(
    placement, work_unit, assessor
):
    case = start(placement, work_unit, assessor)
    contact = UserFactory()
    account_services.membership_add(firm=placement.firm, user=contact, is_contact=True)
    link = f'href="{case_url(case)}"'
    for_trainee = summary(placement, placement.trainee)
    assert work_unit.title in for_trainee
    assert "Collecting evidence. Add what you have done." in for_trainee
    assert link in for_trainee
    assert link in summary(placement, placement.mentor)
    # The firm contact is not the observer: the case is not theirs to open.
    for_contact = summary(placement, contact)
    assert work_unit.title in for_contact
    assert link not in for_contact


def test_the_summary_gives_the_trainee_the_certificate_when_certified(
    placement, work_unit, assessor, verifier
):
    case = certified_case(candidate=placement.trainee, unit=work_unit)
    placement.cases.add(case)
    for_trainee = summary(placement, placement.trainee)
    assert "Done. The certificate is ready." in for_trainee
    assert case_url(case, "validation:certificate_pdf") in for_trainee
    assert reverse("validation:transcript") in for_trainee
    assert case_url(case, "validation:certificate_pdf") not in summary(
        placement, placement.mentor
    )


# Validated mentors -------------------------------------------------------------------


def test_a_certified_mentor_unit_makes_a_validated_mentor(mentor_unit):
    mentor = person()
    certified_case(candidate=mentor, unit=mentor_unit)
    assert is_validated_mentor(mentor)


def test_a_work_area_certificate_alone_does_not(work_unit):
    trainee = person()
    certified_case(candidate=trainee, unit=work_unit)
    assert not is_validated_mentor(trainee)


def test_a_revoked_certificate_does_not(mentor_unit, administrator):
    mentor = person()
    case = certified_case(candidate=mentor, unit=mentor_unit)
    certificate_revoke(certificate=case.certificate, by=administrator, reason="Feil")
    assert not is_validated_mentor(mentor)


def test_a_case_not_yet_certified_or_a_unit_in_no_pathway_does_not(mentor_unit, owner):
    collecting = person()
    case = case_services.case_create(
        candidate=collecting,
        unit=mentor_unit,
        assessor=person(Role.ASSESSOR),
        by=owner,
    )
    reflect(case)
    assert not is_validated_mentor(collecting)
    loose = person()
    certified_case(candidate=loose, unit=unit_approved(code="LOS-1", by=owner))
    assert not is_validated_mentor(loose)


def test_nobody_signed_in_is_not_a_validated_mentor():
    from django.contrib.auth.models import AnonymousUser

    assert not is_validated_mentor(AnonymousUser())
    assert not is_validated_mentor(None)


def test_work_area_units_come_with_outcomes_and_criteria_in_three_queries(
    work_unit, mentor_unit, owner, django_assert_num_queries
):
    second = unit_in_pathway(code="ARB-T0", owner=owner, for_trainees=True)
    with django_assert_num_queries(3):
        units = list(work_area_units())
        labels = [
            [
                criterion.label
                for outcome in unit.outcomes.all()
                for criterion in outcome.criteria.all()
            ]
            for unit in units
        ]
    assert units == [second, work_unit]
    assert labels == [["1.1", "1.2", "2.1", "2.2"]] * 2


# The demo -----------------------------------------------------------------------------


def test_the_demo_makes_the_four_work_areas_and_their_pathway_once():
    accounts_demo.seed()
    validation_demo.seed()
    codes = ["ARB-B1", "ARB-G1", "ARB-K1", "ARB-R1"]
    assert sorted(code for code, *_ in WORK_AREA_UNITS) == codes
    units = list(work_area_units())
    assert [unit.code for unit in units] == codes
    for unit in units:
        assert unit.status == UnitStatus.APPROVED
        assert unit.level in (Level.ENTRY, Level.ONE)
        assert 1 <= unit.credits <= 3
        outcomes = list(unit.outcomes.all())
        assert 2 <= len(outcomes) <= 3
        for outcome in outcomes:
            assert 2 <= len(outcome.criteria.all()) <= 3
    pathway = Pathway.objects.get(slug="arbeidsomrader")
    assert (pathway.name, pathway.for_trainees) == ("Arbeidsområder", True)
    assert sorted(pathway.units.values_list("code", flat=True)) == codes
    assert [name for name, *_ in TRAINEE_PATHWAYS] == ["Arbeidsområder"]
    # The mentor pathways stay mentor pathways.
    assert not Pathway.objects.filter(
        slug__in=["arbeidsplassmentor", "arbeidslivsveileder"], for_trainees=True
    ).exists()

    before = (Unit.objects.count(), Pathway.objects.count())
    assert validation_demo.seed()["units"] == 0
    assert (Unit.objects.count(), Pathway.objects.count()) == before


def test_the_placement_page_lists_the_case_and_the_assessor_sees_only_the_case(
    client, placement, work_unit, assessor
):
    case = start(placement, work_unit, assessor)
    detail = reverse("placements:detail", kwargs={"pk": placement.pk})
    client.force_login(placement.trainee)
    page = client.get(detail)
    assert page.status_code == HTTPStatus.OK
    assert 'id="validation-cases"' in page.text
    assert f'href="{case_url(case)}"' in page.text
    client.force_login(assessor)
    assert client.get(detail).status_code == HTTPStatus.NOT_FOUND
    assert client.get(case_url(case)).status_code == HTTPStatus.OK

"""`seed_demo` gives every validation role real work, made through the services."""

from http import HTTPStatus

from django.core.management import call_command
from django.urls import reverse

import pytest

from lms.accounts import demo as accounts_demo
from lms.accounts.demo import demo_email
from lms.accounts.models import User
from validation import demo
from validation.demo_content.cases import CASES, PEOPLE, Stage
from validation.models import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    CriterionDecision,
    CriterionOutcome,
    Evidence,
    EvidenceKind,
    ModerationSample,
    ValidationCertificate,
)
from validation.selectors import (
    assessor_queue,
    case_portfolio,
    cases_of_candidate,
    moderation_cases,
    ready_to_certify,
    verifier_samples,
)
from validation.services.sampling import SamplingReason

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    """The people of lms.accounts.demo, then the validation demo."""
    accounts_demo.seed()
    demo.seed()


def person(local_part):
    return User.objects.get(email=demo_email(local_part))


def snapshot():
    return {
        "users": sorted(User.objects.values_list("email", flat=True)),
        "cases": sorted(
            Case.objects.values_list(
                "candidate__email", "unit__code", "status", "sent_back", "version"
            )
        ),
        "evidence": Evidence.objects.count(),
        "events": CaseEvent.objects.count(),
        "decisions": CriterionDecision.objects.count(),
        "samples": ModerationSample.objects.count(),
        "certificates": sorted(
            ValidationCertificate.objects.values_list("code", flat=True)
        ),
    }


def test_seed_demo_twice_makes_the_cases_once():
    call_command("seed_demo", verbosity=0)
    first = snapshot()
    # The validation demo's cases, and the placements demo's trainee case on a
    # work-area unit.
    mentor_cases = [row for row in first["cases"] if not row[1].startswith("ARB-")]
    assert len(mentor_cases) == len(CASES) == 11
    call_command("seed_demo", verbosity=0)
    assert snapshot() == first
    assert demo.seed() == {"units": 0, "cases": 0}


def test_every_case_status_appears(seeded):
    statuses = sorted(Case.objects.values_list("status", flat=True))
    assert set(statuses) == set(CaseStatus.values)
    expected = {Stage.CERTIFIED: CaseStatus.CERTIFIED, Stage.PLANNED: "planned"}
    for stage, status in expected.items():
        assert statuses.count(status) == [s.stage for s in CASES].count(stage)
    assert Case.objects.get(status=CaseStatus.PLANNED).evidence.count() == 0
    # Every step is in the audit trail: the last event led to today's status.
    for case in Case.objects.all():
        assert case.events.order_by("at", "pk").last().to_status == case.status


def test_the_people_exist_with_their_roles_and_the_demo_password(seeded):
    for role, local_part, _first, _last in PEOPLE:
        user = person(local_part)
        assert user.check_password(accounts_demo.DEMO_PASSWORD)
        assert user.groups.filter(name=role.value).exists()


def test_the_demo_candidate_has_a_certified_a_collecting_and_a_sent_back_case(
    seeded, client
):
    ali = person("kandidat")
    cases = {case.unit.code: case for case in cases_of_candidate(user=ali)}
    assert {code: case.status for code, case in cases.items()} == {
        "AM-01": CaseStatus.CERTIFIED,
        "AM-02": CaseStatus.COLLECTING,
        "AM-03": CaseStatus.COLLECTING,
    }
    # Sent back with feedback: two criteria not yet met, each with its reason.
    sent_back = cases["AM-02"]
    assert sent_back.sent_back
    event = sent_back.events.order_by("at", "pk").last()
    assert event.kind == CaseEventKind.NOT_YET and "2.2 og 3.2" in event.reason
    not_yet = sent_back.decisions.filter(outcome=CriterionOutcome.NOT_YET)
    assert sorted(d.criterion.label for d in not_yet) == ["2.2", "3.2"]
    # Collecting: some criteria covered, some still missing.
    portfolio = case_portfolio(case=cases["AM-03"])
    assert not cases["AM-03"].sent_back
    assert 0 < portfolio.covered_count < portfolio.criteria_count
    assert [row.criterion.label for row in portfolio.missing] == ["3.1", "3.2"]
    # Certified after the verifier agreed; the certificate verifies publicly.
    certified = cases["AM-01"]
    assert certified.iv_selected and certified.iv_reason == SamplingReason.NEW_ASSESSOR
    assert certified.verifier == person("kvalitetssikrer")
    certificate = certified.certificate
    assert certificate.holder_name == "Ali Hassan"
    response = client.get(
        reverse("verify:detail", args=[certificate.code]), follow=True
    )
    assert response.status_code == HTTPStatus.OK
    assert "Ali Hassan" in response.content.decode()


def test_the_assessor_has_submitted_cases_waiting(seeded):
    marit = person("validerer")
    queue = list(assessor_queue(user=marit))
    submitted = [case for case in queue if case.status == CaseStatus.SUBMITTED]
    assert {case.candidate.first_name for case in submitted} == {"Lene", "Sofie"}
    # One of them came back from the verifier with action points.
    back = next(case for case in submitted if case.sent_back)
    event = back.events.order_by("at", "pk").last()
    assert event.kind == CaseEventKind.VERIFIER_SENT_BACK
    assert event.by == person("kvalitetssikrer")
    assert event.reason.startswith("Handlingspunkter")


def test_the_verifier_has_samples_and_cases_ready_to_certify(seeded):
    jonas = person("kvalitetssikrer")
    samples = list(verifier_samples(user=jonas))
    assert [(case.candidate.first_name, case.unit.code) for case in samples] == [
        ("Ole", "AM-01")
    ]
    assert samples[0].iv_reason == SamplingReason.NEW_ASSESSOR
    ready = list(ready_to_certify(user=jonas))
    assert [case.status for case in ready] == [CaseStatus.MODERATED]


def test_the_moderator_has_a_sample_waiting_and_one_reported(seeded):
    eva = person("moderator")
    cases = {case.status: case for case in moderation_cases(user=eva)}
    assert set(cases) == {CaseStatus.VERIFIED, CaseStatus.MODERATED}
    waiting = cases[CaseStatus.VERIFIED].moderation_sample
    assert waiting.moderator == eva and not waiting.report
    assert waiting.plan["chosen"] == [cases[CaseStatus.VERIFIED].pk]
    reported = cases[CaseStatus.MODERATED].moderation_sample
    assert reported.reported_at is not None and "AM-03" in reported.report


def test_met_decisions_cite_the_evidence_mapped_to_the_criterion(seeded):
    case = Case.objects.get(candidate=person("kandidat"), unit__code="AM-01")
    decisions = case.decisions.prefetch_related("evidence", "criterion__evidence")
    assert decisions.count() == 10
    for decision in decisions:
        assert decision.outcome == CriterionOutcome.MET
        mapped = set(decision.criterion.evidence.filter(case=case))
        assert mapped and set(decision.evidence.all()) == mapped


def test_evidence_files_are_real_and_in_the_private_storage(
    evidence_in_tmp, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    accounts_demo.seed()
    demo.seed()
    files = Evidence.objects.filter(kind=EvidenceKind.FILE)
    assert files.filter(content_type="application/pdf").exists()
    assert files.filter(content_type__startswith="image/").exists()
    for evidence in files:
        assert evidence.file.storage.exists(evidence.file.name)
        path = evidence_in_tmp / evidence.file.name
        assert path.is_file() and path.stat().st_size == evidence.size
        if evidence.content_type == "application/pdf":
            assert path.read_bytes().startswith(b"%PDF")
        else:
            assert evidence.content_type.startswith("image/")
        assert evidence.original_name
    # Nothing under MEDIA_ROOT, the folder with a public URL.
    assert not [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


def test_witness_statements_name_the_witness_and_role(seeded):
    witnesses = Evidence.objects.filter(kind=EvidenceKind.WITNESS)
    assert witnesses.exists()
    for evidence in witnesses:
        assert evidence.witness_name and evidence.witness_role
        assert "{" not in evidence.text + evidence.title + evidence.witness_role


@pytest.mark.parametrize(
    ("local_part", "url_name", "shown"),
    [
        ("kandidat", "validation:my_cases", ["AM-01", "AM-02", "AM-03"]),
        ("validerer", "validation:queue", ["Lene Johansen", "Sofie Lund"]),
        ("kvalitetssikrer", "validation:verification", ["Ole Kristiansen"]),
    ],
)
def test_each_demo_role_finds_its_work_on_its_page(
    seeded, client, local_part, url_name, shown
):
    client.force_login(person(local_part))
    response = client.get(reverse(url_name))
    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    for item in shown:
        assert item in text


def test_the_demo_moderator_finds_the_waiting_sample_and_its_case(seeded, client):
    eva = person("moderator")
    waiting = ModerationSample.objects.get(moderator=eva, reported_at=None)
    client.force_login(eva)
    response = client.get(reverse("validation:moderation"))
    assert response.status_code == HTTPStatus.OK
    url = reverse("validation:moderation_sample", args=[waiting.pk])
    assert url in response.content.decode()
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert "Sofie Lund" in response.content.decode()


def test_the_seed_commits_and_tells_people_as_the_product_does(
    django_capture_on_commit_callbacks, mailoutbox
):
    accounts_demo.seed()
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed()
    # The e-mails the steps send after commit go to the demo people only.
    assert mailoutbox
    recipients = {address for message in mailoutbox for address in message.to}
    assert all(address.endswith("@demo.sosialprofil.no") for address in recipients)
    assert demo_email("validerer") in recipients

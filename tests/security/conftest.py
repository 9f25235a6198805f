"""The people and the records of the access matrix, built through the services.

Most records belong to someone other than the actor who asks for them, so the
matrix covers IDOR: the participant of firm A asks for firm B's plan, the course
leader of another run for this run's overview, the assessor of another case for
this case, the mentor of another firm's placement for this placement.
"""

from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Site

import pytest

from courses.models import PlanStatus
from courses.services import quizzes
from lms.accounts import services as accounts
from lms.accounts.roles import Role
from lms.accounts.signup.services import claim_create
from placements.services.evaluations import evaluation_create
from placements.services.work_plan import work_plan_update
from tests.accounts.factories import FirmFactory, UserFactory
from tests.cms import factories as cms
from tests.courses import certification_factories as certifications
from tests.courses import factories as courses
from tests.home import builders
from tests.placements.factories import placement_new
from tests.results import factories as results
from tests.validation import factories as validation
from validation.files import evidence_file_check
from validation.models import EvidenceKind, ModerationSample
from validation.services import portfolio, sampling
from validation.services.cases import CaseAction

# Every actor of the matrix, in the order the report lists them.
ACTORS = (
    "anonymous",
    "participant",
    "contact_b",
    "leader_other",
    "candidate",
    "assessor_other",
    "verifier",
    "programme_owner",
    "editor",
    "administrator",
    "trainee",
    "mentor_other",
)


@dataclass
class World:
    actors: dict  # name -> User (None for anonymous)
    objects: SimpleNamespace


@pytest.fixture
def private_files(settings, tmp_path, monkeypatch):
    """Evidence and documents of the matrix go to a folder of its own."""
    from django.core.files.storage import storages

    from validation.models import Evidence

    settings.MEDIA_ROOT = tmp_path / "media"
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
    return tmp_path


def _person(*roles):
    return validation.person(*roles)


@pytest.fixture
def world(db, private_files) -> World:
    o = SimpleNamespace()
    today = timezone.localdate()

    # Course: run R1 (led by someone who is not an actor) with firms A and B,
    # and run R2 led by the "leader of another run".
    leader_r1 = courses.leader()
    leader_other = courses.leader()
    o.lesson = builders.a_lesson()
    o.run, o.quiz = builders.run_with_quiz(leaders=[leader_r1], lessons=[o.lesson])
    o.run_other, _ = builders.run_with_quiz(leaders=[leader_other])
    o.session = o.run.sessions.order_by("position").first()
    o.enrolment_a = builders.firm_in(o.run, participants=1)
    o.firm_a = o.enrolment_a.firm
    participant = builders.member_of(o.firm_a)
    accounts.role_grant(user=participant, role=Role.PARTICIPANT)
    o.enrolment_a.participants.add(participant)
    o.plan_a = builders.plan(o.enrolment_a, PlanStatus.SUBMITTED)
    o.enrolment_b = builders.firm_in(o.run, participants=1)
    o.firm_b = o.enrolment_b.firm
    contact_b = o.enrolment_b.contact
    o.plan_b = builders.plan(o.enrolment_b, PlanStatus.DRAFT)
    o.enrolment_pending = courses.enrolment(run_=o.run, status="applied")
    o.attempt_a = builders.take_quiz(o.quiz, participant)
    o.attempt_open_b = quizzes.attempt_start(quiz=o.quiz, user=contact_b)
    o.certification_a = certifications.certification(enrolment=o.enrolment_a)
    o.course_certificate_a = results.completed(
        run_=o.run, user=participant, issued_on=today - timedelta(days=3)
    )
    o.report_a = results.figures(
        certification_=o.certification_a, year=today.year - 1, work_trial=1
    ).report
    o.invitation_a, _ = accounts.invitation_create(
        firm=o.firm_a,
        email="new.colleague@example.no",
        invited_by=o.enrolment_a.contact,
        base_url="http://testserver",
    )
    o.claim_a = claim_create(firm=o.firm_a, person=UserFactory(), message="Hei")
    o.firm_other = FirmFactory()

    # Validation: the candidate's certified case (with evidence and a
    # certificate), and another assessor's verified case drawn for moderation.
    programme_owner = _person(Role.PROGRAMME_OWNER)
    verifier = _person(Role.INTERNAL_VERIFIER)
    candidate = _person(Role.CANDIDATE)
    assessor = _person(Role.ASSESSOR)
    assessor_other = _person(Role.ASSESSOR)
    o.unit = validation.unit_approved(by=programme_owner)
    o.case = validation.certified_case(
        candidate=candidate, unit=o.unit, assessor=assessor, verifier=verifier
    )
    o.evidence = o.case.evidence.order_by("pk").first()
    # A file, in the candidate's case still collecting evidence.
    other_unit = validation.unit_approved(code="AM-02", by=programme_owner)
    open_case = validation.open_case(candidate=candidate, unit=other_unit)
    o.evidence_file = portfolio.evidence_add(
        case=open_case,
        by=candidate,
        kind=EvidenceKind.FILE,
        title="Bilde",
        checked_file=evidence_file_check(
            upload=SimpleUploadedFile("bilde.png", validation.png_bytes())
        ),
        criteria=validation.criteria_of(other_unit)[:1],
    )
    other_case = validation.assessed_case(unit=o.unit, assessor=assessor_other)
    validation.step(other_case, CaseAction.VERIFY, other_case.verifier)
    o.sample = sampling.moderation_sample_draw(
        moderator=_person(Role.EXTERNAL_MODERATOR)
    )
    assert ModerationSample.objects.filter(pk=o.sample.pk).exists()

    # Placements: firm A's placement (mentor in firm A) with its trainee, a
    # work plan and an evaluation; another firm's placement has its own mentor.
    mentor_a = builders.member_of(o.firm_a)
    o.placement = placement_new(firm=o.firm_a, mentor=mentor_a)
    trainee = o.placement.trainee
    work_plan_update(
        placement=o.placement,
        goals=[{"pk": None, "text": "Møte presis", "criteria": []}],
        tasks=[{"week": 1, "text": "Bli kjent med verkstedet"}],
        support_agreed="Fadder første uke.",
        by=mentor_a,
    )
    goal = o.placement.goals.get()
    o.evaluation = evaluation_create(
        placement=o.placement,
        held_on=today,
        went_well="Kom presis hver dag.",
        to_change="Spør oftere.",
        progress={goal.pk: ("under_way", "")},
        by=mentor_a,
    )
    o.placement_other = placement_new()
    mentor_other = o.placement_other.mentor

    # Content.
    o.document = get_document_model().objects.create(
        title="Opplæringsplan", file=ContentFile(b"%PDF-1.4 demo", name="plan.pdf")
    )
    o.course_slug = o.run.course.slug
    o.home_page_id = Site.objects.get(is_default_site=True).root_page_id
    cms.toolbox()

    editor = _person(Role.EDITOR)
    administrator = _person(Role.ADMINISTRATOR)
    actors = {
        "anonymous": None,
        "participant": participant,
        "contact_b": contact_b,
        "leader_other": leader_other,
        "candidate": candidate,
        "assessor_other": assessor_other,
        "verifier": verifier,
        "programme_owner": programme_owner,
        "editor": editor,
        "administrator": administrator,
        "trainee": trainee,
        "mentor_other": mentor_other,
    }
    assert tuple(actors) == ACTORS
    return World(actors=actors, objects=o)

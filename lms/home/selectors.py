"""The home page after login: one part per role the person holds.

Each part is composed from the selectors of the app that owns the data (courses,
validation, accounts, notifications); nothing here decides a rule again. A part
is None when the person does not hold its role. The number of queries does not
grow with the number of runs, sessions, lessons, cases or samples; it grows only
with the firms the person is the contact of (a few queries each) and with the
course leader's runs under way that still have firms to certify (the run
overview's queries each, see `leader_firms_ready_to_certify`).
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Exists, OuterRef
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from courses.models import CertificateStatus, EnrolmentStatus, FollowUpReport
from courses.selectors import enrolment as enrolment_reads
from courses.selectors import participant as participant_reads
from courses.selectors import plans as plan_reads
from courses.selectors import runs as run_reads
from courses.selectors.certification import enrolment_certification_check
from courses.services.certification import renewal_opens_on
from lms.accounts import rules as predicates
from lms.accounts import selectors as account_reads

# How many items a list on the home page shows before "see all".
LIST_LIMIT = 5


# --- Participant ------------------------------------------------------------


@dataclass
class ParticipantPart:
    course: participant_reads.MyCourse
    to_study: list  # LessonStatus of the next session's lessons not yet done

    @property
    def quizzes(self) -> list:
        """The required quizzes (courses' `RequiredQuiz`): the firm's rule, who
        in the firm passed it, and the person's own result."""
        return self.course.quizzes

    @property
    def quizzes_to_pass(self) -> list:
        return [quiz for quiz in self.quizzes if not quiz.mine.passed]


# --- Firm contact -------------------------------------------------------------


@dataclass
class FirmPart:
    firm: object  # lms.accounts.models.Firm
    enrolments: list  # the firm's enrolments, latest run first
    member_count: int
    invitations_pending: int
    # None when the sign-up part (requests to join a firm) is not installed.
    join_requests_pending: int | None
    # The accepted, not yet certified enrolment of the latest run, and its rules.
    current: object = None
    check: object = None  # courses.selectors.certification.CertificationCheck
    # Certifications whose yearly follow-up report is due now.
    follow_ups_due: list = field(default_factory=list)


@dataclass(frozen=True)
class FollowUpDue:
    enrolment: object
    certification: object
    opened_on: date


# --- Course leader, overview, editor, start -------------------------------------


@dataclass
class LeaderPart:
    runs: list
    run_count: int
    next_session: object  # courses.models.Session or None
    plans_waiting: list
    ready_to_certify: list  # courses.selectors.runs.FirmRow


@dataclass
class OverviewPart:
    summary: run_reads.RunsSummary
    may_open_runs: bool  # administrators open every run; programme owners none


@dataclass
class EditorPart:
    drafts: int
    in_moderation: int


@dataclass
class StartPart:
    """For a person with no role yet: where to begin."""

    signup_url: str  # "" when sign-up is not available
    memberships: list
    catalogue_url: str
    toolbox_url: str


# --- Validation -----------------------------------------------------------------


@dataclass
class CandidatePart:
    cases: list


@dataclass
class AssessorPart:
    total: int
    waiting: list  # cases submitted for assessment


@dataclass
class VerifierPart:
    samples: list


@dataclass
class ModeratorPart:
    samples: list  # open samples: a case still waiting, or no report yet


# --- Placements (the trainee's journey) -------------------------------------------


@dataclass
class TraineePart:
    total: int
    active: int
    latest_pk: int  # the newest placement, linked straight from the home page


@dataclass
class MentorPart:
    total: int
    invited: int
    active: int
    ended: int


@dataclass
class Home:
    participant: ParticipantPart | None = None
    firms: list[FirmPart] = field(default_factory=list)
    leader: LeaderPart | None = None
    candidate: CandidatePart | None = None
    assessor: AssessorPart | None = None
    verifier: VerifierPart | None = None
    moderator: ModeratorPart | None = None
    editor: EditorPart | None = None
    overview: OverviewPart | None = None
    start: StartPart | None = None
    trainee: TraineePart | None = None
    mentor: MentorPart | None = None
    notifications: list = field(default_factory=list)

    @property
    def has_role_parts(self) -> bool:
        return any(
            (
                self.participant,
                self.firms,
                self.leader,
                self.candidate,
                self.assessor,
                self.verifier,
                self.moderator,
                self.editor,
                self.overview,
                self.trainee,
                self.mentor,
            )
        )


# --- Building the parts ----------------------------------------------------------


def _firm_enrolments(*, user) -> list:
    """The enrolments of every firm the person belongs to, latest run first,
    with run, course, plan, certification and whether the current period's
    follow-up is filed; one query."""
    filed = FollowUpReport.objects.filter(
        certification__enrolment=OuterRef("pk"),
        period_ends=OuterRef("certification__valid_until"),
    )
    return list(
        enrolment_reads.enrolments_for_user(user=user)
        .select_related("run__course", "plan", "certification")
        .annotate(follow_up_filed=Exists(filed))
    )


def _one_to_one(instance, name):
    """A reverse one-to-one loaded with select_related, or None if there is none
    (Django raises an AttributeError subclass for a missing one)."""
    return getattr(instance, name, None)


def participant_part(*, user, request, now) -> ParticipantPart | None:
    """The participant's current run (`my_course`: sessions, progress and the
    required quizzes with who in the firm passed them) and what to study before
    the next session."""
    course = participant_reads.my_course(user=user, request=request, now=now)
    if course is None:
        return None
    return ParticipantPart(
        course=course,
        to_study=[item for item in course.next_session_lessons if not item.done],
    )


def _join_requests_pending(firm) -> int | None:
    """Requests to join the firm waiting for its contact; None where sign-up
    (lms.accounts.signup) is not part of the site."""
    try:
        from lms.accounts.signup.selectors import firm_pending_claims
    except ImportError:
        return None
    return firm_pending_claims(firm=firm).count()


def firm_parts(*, user, today) -> list[FirmPart]:
    """One part per firm the person is the contact of."""
    firms = list(enrolment_reads.contact_firms(user=user))
    enrolments = _firm_enrolments(user=user) if firms else []
    parts = []
    for firm in firms:
        own = [e for e in enrolments if e.firm_id == firm.pk]
        part = FirmPart(
            firm=firm,
            enrolments=own,
            member_count=firm.memberships.count(),
            invitations_pending=account_reads.firm_pending_invitations(
                firm=firm
            ).count(),
            join_requests_pending=_join_requests_pending(firm),
        )
        for enrolment in own:
            certification = _one_to_one(enrolment, "certification")
            if certification is None:
                if part.current is None and enrolment.status == (
                    EnrolmentStatus.ACCEPTED
                ):
                    part.current = enrolment
                continue
            opens = renewal_opens_on(certification)
            if (
                # An expired one shows as expired in the runs list; a revoked
                # one is never followed up.
                certification.status_on(today) == CertificateStatus.ACTIVE
                and today >= opens
                and not enrolment.follow_up_filed
            ):
                part.follow_ups_due.append(
                    FollowUpDue(
                        enrolment=enrolment,
                        certification=certification,
                        opened_on=opens,
                    )
                )
        if part.current is not None:
            part.check = enrolment_certification_check(enrolment=part.current)
        parts.append(part)
    return parts


def leader_part(*, user, now) -> LeaderPart:
    runs = run_reads.runs_for_leader(user=user)
    return LeaderPart(
        runs=list(runs[:LIST_LIMIT]),
        run_count=runs.count(),
        next_session=run_reads.leader_next_session(user=user, now=now),
        plans_waiting=plan_reads.plans_waiting_for_review(user=user),
        ready_to_certify=run_reads.leader_firms_ready_to_certify(user=user, now=now),
    )


def editor_part() -> EditorPart:
    """Pages with unpublished changes, and pages in a moderation workflow."""
    from wagtail.models import Page, WorkflowState

    return EditorPart(
        drafts=Page.objects.filter(has_unpublished_changes=True).count(),
        in_moderation=WorkflowState.objects.active().count(),
    )


def _url_or_blank(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def start_part(*, user) -> StartPart:
    from cms.selectors import top_sections

    toolbox = top_sections().get("toolbox") or {}
    return StartPart(
        signup_url=_url_or_blank("accounts:signup"),
        memberships=list(
            account_reads.memberships_for_user(user=user).order_by("firm__name")
        ),
        catalogue_url=reverse("courses:run_catalogue"),
        toolbox_url=toolbox.get("url", ""),
    )


def placement_parts(*, user) -> tuple[TraineePart | None, MentorPart | None]:
    """The person's placements as trainee and on the firm's side (one query)."""
    from placements.selectors.core import home_counts

    counts = home_counts(user=user)
    trainee = mentor = None
    if counts.get("trainee_total"):
        trainee = TraineePart(
            total=counts["trainee_total"],
            active=counts["trainee_active"],
            latest_pk=counts["trainee_latest"],
        )
    if counts.get("firm_total"):
        mentor = MentorPart(
            total=counts["firm_total"],
            invited=counts["firm_invited"],
            active=counts["firm_active"],
            ended=counts["firm_ended"],
        )
    return trainee, mentor


def recent_notifications(*, user) -> list:
    """The person's latest events (lms.notifications), newest first."""
    from lms.notifications.selectors import notifications_recent

    return list(notifications_recent(user=user, limit=LIST_LIMIT))


def home_for(*, user, request=None, now: datetime | None = None) -> Home:
    """The parts of the person's home, one for each role they hold."""
    from validation import selectors as validation_reads
    from validation.models import CaseStatus

    now = now or timezone.now()
    today = timezone.localdate(now)
    home = Home()

    if participant_reads.is_participant(user=user):
        home.participant = participant_part(user=user, request=request, now=now)
    home.firms = firm_parts(user=user, today=today)
    if predicates.is_course_leader(user):
        home.leader = leader_part(user=user, now=now)
    if predicates.is_candidate(user):
        home.candidate = CandidatePart(
            cases=list(validation_reads.cases_of_candidate(user=user))
        )
    if predicates.is_assessor(user):
        queue = list(validation_reads.assessor_queue(user=user))
        home.assessor = AssessorPart(
            total=len(queue),
            waiting=[case for case in queue if case.status == CaseStatus.SUBMITTED],
        )
    if predicates.is_internal_verifier(user):
        home.verifier = VerifierPart(
            samples=list(validation_reads.verifier_samples(user=user))
        )
    if predicates.is_external_moderator(user):
        home.moderator = ModeratorPart(
            samples=[
                sample
                for sample in validation_reads.moderation_samples_of(user=user)
                if sample.waiting_count or sample.reported_at is None
            ]
        )
    is_administrator = predicates.is_administrator(user)
    if predicates.is_editor(user) or is_administrator:
        home.editor = editor_part()
    if predicates.is_programme_owner(user) or is_administrator:
        home.overview = OverviewPart(
            summary=run_reads.runs_summary(limit=LIST_LIMIT),
            may_open_runs=is_administrator,
        )
    home.trainee, home.mentor = placement_parts(user=user)
    if not home.has_role_parts:
        home.start = start_part(user=user)
    home.notifications = recent_notifications(user=user)
    return home

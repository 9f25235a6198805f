"""What the course side holds about a person, for "download my data" and erasure.

Imported from courses/apps.py at start-up. Every relation from a course model to
the person is named in an exporter's `covers`, and in an eraser's `covers` or a
`keep` (lms/accounts/personal_data.py checks that none is forgotten).
"""

from django.db.models import Prefetch, Q

from lms.accounts import personal_data

from .models import (
    Attempt,
    AttemptGrant,
    AttemptQuestion,
    Attendance,
    CertificateArchive,
    Certification,
    CertificationEvent,
    ChecklistTick,
    CourseCertificate,
    CourseRun,
    Enrolment,
    FollowUpReport,
    InclusionPlan,
    LessonProgress,
    PlanEvent,
    ReflectionNote,
    SessionReminder,
)


def _iso(value):
    return value.isoformat() if value else None


def _number(value):
    return None if value is None else str(value)


# --- Study: lessons, reflections, quizzes -----------------------------------------


@personal_data.exporter("lesson_progress", covers=["courses.LessonProgress.user"])
def _export_lesson_progress(user):
    rows = LessonProgress.objects.filter(user=user).select_related("lesson")
    return [
        {
            "lesson": row.lesson.title,
            "first_opened_at": _iso(row.first_opened_at),
            "completed_at": _iso(row.completed_at),
        }
        for row in rows.order_by("first_opened_at", "pk")
    ]


@personal_data.exporter("reflection_notes", covers=["courses.ReflectionNote.user"])
def _export_reflection_notes(user):
    rows = ReflectionNote.objects.filter(user=user).select_related("lesson")
    return [
        {
            "lesson": row.lesson.title,
            "question": _question(row),
            "answer": row.text,
            "updated_at": _iso(row.updated_at),
        }
        for row in rows.order_by("lesson__path", "pk")
    ]


@personal_data.exporter("checklist_ticks", covers=["courses.ChecklistTick.user"])
def _export_checklist_ticks(user):
    rows = ChecklistTick.objects.filter(user=user).select_related("lesson")
    exported = []
    for row in rows.order_by("lesson__path", "block_id", "item_index"):
        checklist = next(
            (c.value for c in row.lesson.body if c.id == row.block_id), None
        )
        items = list(checklist["items"]) if checklist else []
        exported.append(
            {
                "lesson": row.lesson.title,
                "checklist": checklist["title"] if checklist else "",
                "item": items[row.item_index] if row.item_index < len(items) else "",
                "ticked_at": _iso(row.ticked_at),
            }
        )
    return exported


def _question(note) -> str:
    for child in note.lesson.body:
        if child.id == note.block_id:
            return child.value.get("question", "")
    return ""


@personal_data.exporter("quiz_attempts", covers=["courses.Attempt.user"])
def _export_quiz_attempts(user):
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz")
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=AttemptQuestion.objects.select_related("answer").order_by(
                    "position"
                ),
            )
        )
        .order_by("started_at", "pk")
    )
    return [
        {
            "quiz": attempt.quiz.title,
            "attempt": attempt.number,
            "started_at": _iso(attempt.started_at),
            "deadline": _iso(attempt.deadline),
            "submitted_at": _iso(attempt.submitted_at),
            "score": _number(attempt.score),
            "passed": attempt.passed,
            "answers": [_answer(question) for question in attempt.questions.all()],
        }
        for attempt in attempts
    ]


@personal_data.exporter(
    "quiz_attempt_grants",
    covers=["courses.AttemptGrant.user", "courses.AttemptGrant.granted_by"],
)
def _export_attempt_grants(user):
    rows = AttemptGrant.objects.filter(Q(user=user) | Q(granted_by=user))
    return [
        {
            "quiz": grant.quiz.title,
            "course_run": grant.run.title,
            "extra_attempts": grant.extra,
            "granted_to_me": grant.user_id == user.pk,
            "granted_by_me": grant.granted_by_id == user.pk,
            "reason": grant.reason,
            "created_at": _iso(grant.created_at),
        }
        for grant in rows.select_related("quiz", "run").order_by("created_at", "pk")
    ]


def _answer(asked: AttemptQuestion) -> dict:
    """One question as it was shown, and what the person chose (by the choice texts)."""
    choices = asked.snapshot.get("choices", [])
    answer = getattr(asked, "answer", None)
    selected = set(answer.selected) if answer else set()
    return {
        "position": asked.position,
        "question": asked.snapshot.get("text", ""),
        "chosen": [c["text"] for c in choices if c.get("id") in selected],
        "correct": [c["text"] for c in choices if c.get("is_correct")],
        "score": _number(answer.score) if answer else None,
        "answered_at": _iso(answer.answered_at) if answer else None,
    }


# --- Taking part: enrolments, attendance, reminders -------------------------------


@personal_data.exporter(
    "enrolments",
    covers=["courses.Enrolment.participants", "courses.Enrolment.applied_by"],
)
def _export_enrolments(user):
    rows = (
        Enrolment.objects.filter(Q(participants=user) | Q(applied_by=user))
        .distinct()
        .select_related("run__course", "firm")
        .order_by("applied_at", "pk")
    )
    participating = set(
        Enrolment.objects.filter(participants=user).values_list("pk", flat=True)
    )
    return [
        {
            "course": row.run.course.title,
            "run": row.run.title,
            "firm": row.firm.name,
            "status": row.status,
            "applied_at": _iso(row.applied_at),
            "decided_at": _iso(row.decided_at),
            "applied_by_you": row.applied_by_id == user.pk,
            "you_take_part": row.pk in participating,
        }
        for row in rows
    ]


@personal_data.exporter(
    "attendance",
    covers=["courses.Attendance.user", "courses.Attendance.recorded_by"],
)
def _export_attendance(user):
    own = Attendance.objects.filter(user=user).select_related("session__run")
    recorded = Attendance.objects.filter(recorded_by=user).select_related(
        "session__run"
    )
    return {
        "yours": [
            {
                "run": row.session.run.title,
                "session": str(row.session),
                "starts_at": _iso(row.session.starts_at),
                "status": row.status,
                "recorded_at": _iso(row.recorded_at),
            }
            for row in own.order_by("session__starts_at", "pk")
        ],
        # Attendance the person took as course leader: when, not about whom
        # (that is the participants' data).
        "recorded_by_you": [
            {
                "run": row.session.run.title,
                "session": str(row.session),
                "recorded_at": _iso(row.recorded_at),
            }
            for row in recorded.order_by("recorded_at", "pk")
        ],
    }


@personal_data.exporter("session_reminders", covers=["courses.SessionReminder.user"])
def _export_session_reminders(user):
    rows = SessionReminder.objects.filter(user=user).select_related("session__run")
    return [
        {"session": str(row.session), "sent_at": _iso(row.sent_at)}
        for row in rows.order_by("sent_at", "pk")
    ]


@personal_data.exporter("course_runs_led", covers=["courses.CourseRun.leaders"])
def _export_runs_led(user):
    rows = CourseRun.objects.filter(leaders=user).select_related("course")
    return [
        {
            "course": row.course.title,
            "run": row.title,
            "municipality": row.municipality,
            "status": row.status,
            "created_at": _iso(row.created_at),
        }
        for row in rows.order_by("created_at", "pk")
    ]


# --- Writing for the firm: plans and follow-up reports ----------------------------


@personal_data.exporter(
    "plans",
    covers=["courses.InclusionPlan.updated_by", "courses.PlanEvent.by"],
)
def _export_plans(user):
    plans = (
        InclusionPlan.objects.filter(updated_by=user)
        .select_related("enrolment__firm", "enrolment__run")
        .prefetch_related("commitments")
        .order_by("updated_at", "pk")
    )
    events = (
        PlanEvent.objects.filter(by=user)
        .select_related("plan__enrolment__firm")
        .order_by("at", "pk")
    )
    return {
        "last_saved_by_you": [
            {
                "firm": plan.enrolment.firm.name,
                "run": plan.enrolment.run.title,
                "status": plan.status,
                "version": plan.version,
                "updated_at": _iso(plan.updated_at),
                "commitments": [
                    {
                        "area": c.area,
                        "what": c.what,
                        "responsible": c.responsible,
                        "due_date": _iso(c.due_date),
                        "is_public": c.is_public,
                    }
                    for c in sorted(
                        plan.commitments.all(), key=lambda c: (c.position, c.pk)
                    )
                ],
            }
            for plan in plans
        ],
        "your_steps": [
            {
                "firm": event.plan.enrolment.firm.name,
                "what": event.kind,
                "version": event.version,
                "at": _iso(event.at),
                "comment": event.comment,
                "plan_as_sent": event.snapshot,
            }
            for event in events
        ],
    }


@personal_data.exporter("follow_up_reports", covers=["courses.FollowUpReport.filed_by"])
def _export_follow_ups(user):
    rows = FollowUpReport.objects.filter(filed_by=user).select_related(
        "certification__enrolment__firm"
    )
    return [
        {
            "firm": row.certification.enrolment.firm.name,
            "certificate": row.certification.formatted_code,
            "period_ends": _iso(row.period_ends),
            "narrative": row.narrative,
            "filed_at": _iso(row.filed_at),
        }
        for row in rows.order_by("filed_at", "pk")
    ]


# --- Certificates: the person's own, and decisions they made ----------------------


@personal_data.exporter(
    "course_certificates", covers=["courses.CourseCertificate.user"]
)
def _export_course_certificates(user):
    rows = CourseCertificate.objects.filter(user=user).select_related("run__course")
    return [
        {
            "course": row.run.course.title,
            "run": row.run.title,
            "name_on_certificate": row.holder_name,
            "verification_code": row.formatted_code,
            "issued_on": _iso(row.issued_on),
            "revoked_at": _iso(row.revoked_at),
        }
        for row in rows.order_by("issued_on", "pk")
    ]


@personal_data.exporter(
    "certification_decisions",
    covers=[
        "courses.Certification.issued_by",
        "courses.Certification.revoked_by",
        "courses.CertificationEvent.by",
        "courses.CourseCertificate.issued_by",
        "courses.CourseCertificate.revoked_by",
    ],
)
def _export_certification_decisions(user):
    def certificates(model, kind):
        issued = model.objects.filter(issued_by=user).order_by("issued_on", "pk")
        revoked = model.objects.filter(revoked_by=user).order_by("revoked_at", "pk")
        return [
            *(
                {
                    "certificate": r.formatted_code,
                    "kind": kind,
                    "issued_on": _iso(r.issued_on),
                }
                for r in issued
            ),
            *(
                {
                    "certificate": r.formatted_code,
                    "kind": kind,
                    "revoked_at": _iso(r.revoked_at),
                    "reason": r.revoked_reason,
                }
                for r in revoked
            ),
        ]

    issued_firm = certificates(Certification, "firm")
    issued_course = certificates(CourseCertificate, "course")
    events = CertificationEvent.objects.filter(by=user).select_related("certification")
    return {
        "certificates": [*issued_firm, *issued_course],
        "certification_steps": [
            {
                "certificate": event.certification.formatted_code,
                "what": event.kind,
                "at": _iso(event.at),
                "reason": event.reason,
                "valid_until": _iso(event.valid_until),
            }
            for event in events.order_by("at", "pk")
        ],
    }


# --- Erasure ----------------------------------------------------------------------


@personal_data.eraser
def _erase_course_certificates(user):
    CourseCertificate.objects.filter(user=user).update(holder_name="")


@personal_data.eraser
def _erase_certificate_archives(user):
    # A run's ZIP prints the person's name: it goes (the leader may prepare
    # a new one, without it).
    from .services.archives import certificate_archives_delete

    certificate_archives_delete(
        archives=CertificateArchive.objects.filter(
            run__in=CourseCertificate.objects.filter(user=user).values("run_id")
        )
    )


personal_data.keep(
    "courses.CourseCertificate.user",
    reason=(
        "A course certificate stays verifiable (the paper copy exists), but the "
        "name on it is erased."
    ),
)


@personal_data.eraser(
    covers=[
        "courses.ReflectionNote.user",
        "courses.LessonProgress.user",
        "courses.SessionReminder.user",
        "courses.ChecklistTick.user",
    ]
)
def _erase_course_study(user):
    # Private answers and study traces go.
    ReflectionNote.objects.filter(user=user).delete()
    ChecklistTick.objects.filter(user=user).delete()
    LessonProgress.objects.filter(user=user).delete()
    SessionReminder.objects.filter(user=user).delete()


personal_data.keep(
    "courses.Attendance.user",
    "courses.Enrolment.participants",
    "courses.Attempt.user",
    reason=(
        "The firm's certification rests on who attended and who passed the "
        "required quizzes; the rows stay under the anonymised account."
    ),
)
personal_data.keep(
    "courses.AttemptGrant.user",
    "courses.AttemptGrant.granted_by",
    reason=(
        "Extra quiz attempts are a record the course leader keeps: they explain "
        "the attempts that count; they stay under the anonymised account."
    ),
)
personal_data.keep(
    "courses.Enrolment.applied_by",
    "courses.Attendance.recorded_by",
    "courses.CourseRun.leaders",
    "courses.InclusionPlan.updated_by",
    "courses.PlanEvent.by",
    "courses.FollowUpReport.filed_by",
    "courses.Certification.issued_by",
    "courses.Certification.revoked_by",
    "courses.CertificationEvent.by",
    "courses.CourseCertificate.issued_by",
    "courses.CourseCertificate.revoked_by",
    reason=(
        "The firm's plan, reports and certificates, and the audit trail of who "
        "decided what, belong to the firm and the course; the account that did it "
        "is anonymised."
    ),
)

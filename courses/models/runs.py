"""Courses, runs (cohorts), sessions, enrolment, attendance, progress and plans."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.areas import Area


class Course(models.Model):
    """A course template: its sessions, certification rules and certificate validity."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    # Certification rules, checked per run by the certification issue.
    sessions_required = models.PositiveSmallIntegerField(
        _("sessions a firm must attend"),
        null=True,
        blank=True,
        help_text=_("Leave empty to require every session."),
    )
    plan_approval_required = models.BooleanField(
        _("inclusion plan must be approved"), default=True
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"), default=12
    )
    required_quizzes = models.ManyToManyField(
        "courses.Quiz",
        blank=True,
        related_name="courses",
        verbose_name=_("quizzes a firm representative must pass"),
    )

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title"]

    def __str__(self):
        return self.title


class SessionTemplate(models.Model):
    """One gathering (samling) of a course, copied into every new run."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="session_templates"
    )
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("length (minutes)"), default=180
    )
    days_after_previous = models.PositiveSmallIntegerField(
        _("days after the previous session"), default=14
    )
    preparation_lessons = models.ManyToManyField(
        "cms.LessonPage",
        blank=True,
        related_name="+",
        verbose_name=_("study before this session"),
    )

    class Meta:
        verbose_name = _("session template")
        verbose_name_plural = _("session templates")
        ordering = ["course", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "position"], name="session_template_position_unique"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class RunStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open for enrolment")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class CourseRun(models.Model):
    """A cohort: one course given to a group of firms, with concrete sessions."""

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="runs", verbose_name=_("course")
    )
    title = models.CharField(_("title"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=80)
    leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="led_runs",
        verbose_name=_("course leaders"),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity (firms)"), default=12, help_text=_("How many firms can take part.")
    )
    enrolment_deadline = models.DateField(_("enrolment deadline"))
    status = models.CharField(
        _("status"), max_length=12, choices=RunStatus.choices, default=RunStatus.OPEN
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        ordering = ["-enrolment_deadline", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gt=0), name="run_capacity_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("courses:run_overview", kwargs={"pk": self.pk})


class Session(models.Model):
    """One gathering of a run: when, where and what."""

    run = models.ForeignKey(
        CourseRun, on_delete=models.CASCADE, related_name="sessions"
    )
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True)
    preparation_lessons = models.ManyToManyField(
        "cms.LessonPage",
        blank=True,
        related_name="+",
        verbose_name=_("study before this session"),
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["run", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "position"], name="session_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.run}: {self.position}. {self.title}"


class EnrolmentStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    ACCEPTED = "accepted", _("Accepted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Enrolment(models.Model):
    """A firm's place in a run, and the firm's people who take part."""

    run = models.ForeignKey(
        CourseRun, on_delete=models.CASCADE, related_name="enrolments"
    )
    firm = models.ForeignKey(
        "accounts.Firm", on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.APPLIED,
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    applied_at = models.DateTimeField(_("applied"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="enrolments",
        verbose_name=_("participants"),
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["run", "firm__name"]
        constraints = [
            models.UniqueConstraint(fields=["run", "firm"], name="enrolment_unique"),
        ]

    def __str__(self):
        return f"{self.firm} – {self.run}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Attendance(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AttendanceStatus.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="attendance_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.session}: {self.get_status_display()}"


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    lesson = models.ForeignKey(
        "cms.LessonPage", on_delete=models.CASCADE, related_name="+"
    )
    first_opened_at = models.DateTimeField(_("first opened"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="lesson_progress_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson_id}"


class ReflectionNote(models.Model):
    """A participant's private answer to a reflection question in a lesson."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reflection_notes",
    )
    lesson = models.ForeignKey(
        "cms.LessonPage", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    text = models.TextField(_("your answer"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reflection note")
        verbose_name_plural = _("reflection notes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id"], name="reflection_note_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson_id}/{self.block_id}"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


class InclusionPlan(models.Model):
    """The firm's commitments per toolbox area; reviewed by the course leader."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="plan"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    # Optimistic locking: every save increments it; a save based on an older
    # version is refused so nobody silently overwrites a colleague's work.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("inclusion plan")
        verbose_name_plural = _("inclusion plans")

    def __str__(self):
        return str(self.enrolment)


class Commitment(models.Model):
    plan = models.ForeignKey(
        InclusionPlan, on_delete=models.CASCADE, related_name="commitments"
    )
    area = models.CharField(_("toolbox area"), max_length=20, choices=Area.choices)
    what = models.TextField(_("what we will do"))
    measure = models.ForeignKey(
        "cms.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("measure used"),
    )
    responsible = models.CharField(_("who is responsible"), max_length=150)
    due_date = models.DateField(_("by when"))
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Shown in the registry of certified firms."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["plan", "area", "position", "pk"]

    def __str__(self):
        return self.what[:60]


class PlanEventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


class PlanEvent(models.Model):
    """Every submission and review decision, with a snapshot; never rewritten."""

    plan = models.ForeignKey(
        InclusionPlan, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(
        _("what happened"), max_length=20, choices=PlanEventKind.choices
    )
    version = models.PositiveIntegerField(_("plan version"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)
    snapshot = models.JSONField(_("the plan as submitted"), default=list, blank=True)

    class Meta:
        verbose_name = _("plan event")
        verbose_name_plural = _("plan events")
        ordering = ["plan", "at", "pk"]

    def __str__(self):
        return f"{self.plan} v{self.version}: {self.get_kind_display()}"


class SessionReminder(models.Model):
    """A reminder e-mail sent to one participant about one session (only once)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="reminders"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="session_reminder_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.session}"

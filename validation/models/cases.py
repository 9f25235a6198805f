"""Cases: one candidate against one unit version, and everything decided on it.

The workflow (planned → collecting evidence → submitted → assessed → verified →
moderated → certified, and the ways back) is one table in
`validation.services.cases`; every applied transition writes a `CaseEvent` in
the same transaction. Case events and criterion decisions are append-only: the
models refuse updates and deletes, and on PostgreSQL a trigger refuses them in
SQL too (migration 0002).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from courses.models.certification import IssuedCertificate, revocation_has_reason

from .units import AssessmentCriterion, Unit

APPEND_ONLY_MESSAGE = "%s rows are append-only: they are never changed or deleted."


def evidence_storage():
    """Private storage for evidence files: never under MEDIA_URL (see settings)."""
    return storages["evidence"]


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied(APPEND_ONLY_MESSAGE % self.model.__name__)

    def delete(self):
        raise PermissionDenied(APPEND_ONLY_MESSAGE % self.model.__name__)


class AppendOnlyModel(models.Model):
    """Rows that are only ever created (the database refuses the rest too)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied(APPEND_ONLY_MESSAGE % type(self).__name__)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(APPEND_ONLY_MESSAGE % type(self).__name__)


class CaseStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    COLLECTING = "collecting", _("Collecting evidence")
    SUBMITTED = "submitted", _("Submitted for assessment")
    ASSESSED = "assessed", _("Assessed")
    VERIFIED = "verified", _("Verified")
    MODERATED = "moderated", _("Moderated")
    CERTIFIED = "certified", _("Certified")


class Case(models.Model):
    """One candidate against one unit version, with an assessor (and later a
    verifier)."""

    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="validation_cases",
        verbose_name=_("candidate"),
    )
    # The exact version the case started on; a new version never moves it.
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("unit"),
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assessed_cases",
        verbose_name=_("assessor"),
    )
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verified_cases",
        verbose_name=_("internal verifier"),
    )
    # A trainee's workplace mentor gathers observation evidence; never the
    # assessor (separation of duties). Cleared when the trainee withdraws
    # sharing with the firm.
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observed_cases",
        verbose_name=_("workplace mentor (observer)"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CaseStatus.choices,
        default=CaseStatus.PLANNED,
    )
    # Set when a case was sent back; cleared by the next step forward.
    sent_back = models.BooleanField(_("sent back"), default=False)
    # Optimistic concurrency: every transition bumps it; a stale form is refused.
    version = models.PositiveIntegerField(default=1)
    # The internal-verification sampling decision (also in the audit trail).
    iv_selected = models.BooleanField(
        _("sampled for internal verification"), null=True, blank=True
    )
    iv_reason = models.CharField(_("why (sampling)"), max_length=20, blank=True)
    moderation_sample = models.ForeignKey(
        "ModerationSample",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("moderation sample"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("validation case")
        verbose_name_plural = _("validation cases")
        ordering = ["-updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "unit"], name="validation_case_once_per_unit"
            ),
            models.CheckConstraint(
                condition=~Q(assessor=F("candidate")),
                name="validation_case_assessor_not_candidate",
            ),
            models.CheckConstraint(
                condition=Q(verifier__isnull=True)
                | (~Q(verifier=F("assessor")) & ~Q(verifier=F("candidate"))),
                name="validation_case_verifier_independent",
            ),
            models.CheckConstraint(
                condition=Q(observer__isnull=True) | ~Q(observer=F("assessor")),
                name="validation_case_observer_not_assessor",
            ),
            models.CheckConstraint(
                condition=Q(observer__isnull=True) | ~Q(observer=F("candidate")),
                name="validation_case_observer_not_candidate",
            ),
        ]
        indexes = [
            models.Index(fields=["assessor", "status"]),
            models.Index(fields=["verifier", "status"]),
            models.Index(fields=["candidate", "status"]),
        ]

    def __str__(self):
        return f"{self.unit.code} – {self.candidate.get_full_name()}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("validation:case", kwargs={"pk": self.pk})


class CaseEventKind(models.TextChoices):
    CREATED = "created", _("Case planned")
    STARTED = "started", _("Evidence collection started")
    SUBMITTED = "submitted", _("Submitted for assessment")
    NOT_YET = "not_yet", _("Sent back to the candidate")
    ASSESSED = "assessed", _("Assessed: all criteria met")
    VERIFIED = "verified", _("Verified")
    VERIFIER_SENT_BACK = "verifier_sent_back", _("Sent back by the verifier")
    MODERATED = "moderated", _("Confirmed by the moderator")
    MODERATOR_SENT_BACK = "moderator_sent_back", _("Sent back by the moderator")
    CERTIFIED = "certified", _("Certified")
    OBSERVER_REMOVED = "observer_removed", _("Workplace mentor removed as observer")


class CaseEvent(AppendOnlyModel):
    """Who moved the case, when, from where to where, and why. Never rewritten."""

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="events", verbose_name=_("case")
    )
    kind = models.CharField(
        _("what happened"), max_length=24, choices=CaseEventKind.choices
    )
    from_status = models.CharField(
        _("from"), max_length=12, choices=CaseStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=12, choices=CaseStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("why"), blank=True)
    # Facts behind the decision, e.g. the sampling plan's figures.
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["case", "at", "pk"]

    def __str__(self):
        return f"{self.case_id}: {self.get_kind_display()}"


class EvidenceKind(models.TextChoices):
    FILE = "file", _("File")
    REFLECTION = "reflection", _("Reflective account")
    WITNESS = "witness", _("Witness statement")
    OBSERVATION = "observation", _("Observation record")
    DISCUSSION = "discussion", _("Professional discussion notes")


# Who may add each kind: the candidate adds their own; the assessor observes
# and discusses; a witness statement is entered by either.
CANDIDATE_EVIDENCE_KINDS = frozenset(
    {EvidenceKind.FILE, EvidenceKind.REFLECTION, EvidenceKind.WITNESS}
)
ASSESSOR_EVIDENCE_KINDS = frozenset(
    {EvidenceKind.OBSERVATION, EvidenceKind.DISCUSSION, EvidenceKind.WITNESS}
)


class Evidence(models.Model):
    """One piece of evidence in a case's portfolio, mapped to criteria."""

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="evidence", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(
        _("file"),
        storage=evidence_storage,
        upload_to="cases/%Y/%m/",
        max_length=200,
        blank=True,
    )
    # Decided from the content when uploaded, never from the name.
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    original_name = models.CharField(_("file name"), max_length=120, blank=True)
    witness_name = models.CharField(_("witness's name"), max_length=200, blank=True)
    witness_role = models.CharField(_("witness's role"), max_length=200, blank=True)
    criteria = models.ManyToManyField(
        AssessmentCriterion,
        blank=True,
        related_name="evidence",
        verbose_name=_("criteria it shows"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["case", "added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="file") | ~Q(file=""),
                name="validation_evidence_file_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(kind="witness") | ~Q(witness_name=""),
                name="validation_evidence_witness_named",
            ),
        ]

    def __str__(self):
        return self.title


class CriterionOutcome(models.TextChoices):
    MET = "met", _("Met")
    NOT_YET = "not_yet", _("Not yet met")


class CriterionDecision(AppendOnlyModel):
    """The assessor's judgement of one criterion, with the reason and the
    evidence cited. A changed mind is a new row; the latest one counts."""

    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("case"),
    )
    criterion = models.ForeignKey(
        AssessmentCriterion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("criterion"),
    )
    outcome = models.CharField(
        _("decision"), max_length=8, choices=CriterionOutcome.choices
    )
    reason = models.TextField(_("reason"))
    evidence = models.ManyToManyField(
        Evidence, blank=True, related_name="+", verbose_name=_("evidence cited")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assessor"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("criterion decision")
        verbose_name_plural = _("criterion decisions")
        ordering = ["case", "criterion", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""), name="validation_decision_has_reason"
            )
        ]

    def __str__(self):
        return f"{self.case_id} {self.criterion_id}: {self.outcome}"


class ModerationSample(models.Model):
    """Cases an external moderator drew across verifiers, and their report."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="moderation_samples",
        verbose_name=_("external moderator"),
    )
    drawn_at = models.DateTimeField(_("drawn"), auto_now_add=True)
    # How the sample was drawn (share, per verifier, the pool), as recorded.
    plan = models.JSONField(_("sampling plan"), default=dict, blank=True)
    report = models.TextField(_("report"), blank=True)
    reported_at = models.DateTimeField(_("report written"), null=True, blank=True)

    class Meta:
        verbose_name = _("moderation sample")
        verbose_name_plural = _("moderation samples")
        ordering = ["-drawn_at", "pk"]

    def __str__(self):
        return f"{self.moderator} {self.drawn_at:%Y-%m-%d}"


class ValidationCertificate(IssuedCertificate):
    """The certificate for one achieved unit (a certified case)."""

    case = models.OneToOneField(
        Case,
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("case"),
    )
    # The name as printed; kept if the person later changes it.
    holder_name = models.CharField(
        _("name on the certificate"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("validation certificate")
        verbose_name_plural = _("validation certificates")
        ordering = ["-issued_on", "pk"]
        constraints = [revocation_has_reason("validation_certificate")]

    def __str__(self):
        return f"{self.holder_name} – {self.case.unit.code} ({self.formatted_code})"

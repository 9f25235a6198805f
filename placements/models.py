"""A trainee's placement in a firm, and what the journey through it holds.

A placement is one person taken in by a firm through an arrangement (work trial,
wage subsidy, apprenticeship, …), followed by a workplace mentor. It holds the
introduction checklist, the work plan (goals, tasks per week, agreed support),
the evaluations and, at the end, the outcome, which the firm's yearly follow-up
counts. Nothing here records a person's diagnosis, health or origin.

The trainee owns the record: they may withdraw consent to sharing it with the
firm at any time (`sharing_withdrawn_at`); from then on the firm's people no
longer see it, and the trainee keeps it and their validation evidence.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from results.categories import Arrangement, EndOutcome


class PlacementStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Under way")
    ENDED = "ended", _("Ended")


# Where the trainee went when the placement ended: the follow-up counts them by
# the same categories.
Outcome = EndOutcome


# The arrangements a placement can be (a job without a placement arrangement is
# counted in the follow-up directly, not followed here).
PLACEMENT_ARRANGEMENTS = (
    Arrangement.WORK_TRIAL,
    Arrangement.WAGE_SUBSIDY,
    Arrangement.APPRENTICESHIP,
    Arrangement.TEMPORARY,
    Arrangement.SUMMER_JOB,
)


class Placement(models.Model):
    firm = models.ForeignKey(
        "accounts.Firm",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("firm"),
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mentored_placements",
        verbose_name=_("workplace mentor"),
    )
    # Set when the mentor has no validated mentor unit yet.
    mentor_in_training = models.BooleanField(_("mentor in training"), default=False)
    # Empty until the trainee accepts the invitation with an account of their own.
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements_as_trainee",
        verbose_name=_("trainee"),
    )
    # What the mentor typed when inviting; the account's name replaces it.
    invited_name = models.CharField(_("trainee's first name"), max_length=150)
    invited_email = models.EmailField(_("trainee's e-mail address"))
    invitation_token_hash = models.CharField(
        max_length=64, blank=True, db_index=True, editable=False
    )
    invitation_expires_at = models.DateTimeField(
        _("invitation expires"), null=True, blank=True
    )
    arrangement = models.CharField(
        _("arrangement"),
        max_length=20,
        choices=[(a.value, a.label) for a in PLACEMENT_ARRANGEMENTS],
    )
    starts_on = models.DateField(_("start"))
    planned_end_on = models.DateField(_("planned end"))
    supporting_organisation = models.CharField(
        _("supporting organisation"),
        max_length=200,
        blank=True,
        help_text=_("The NAV office or work-inclusion enterprise that follows up."),
    )
    evaluation_interval_weeks = models.PositiveSmallIntegerField(
        _("weeks between evaluations"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
    )
    # The work plan's agreed support (goals and tasks are their own rows).
    support_agreed = models.TextField(_("support agreed"), blank=True)
    # The trainee agreed to the plan as it stood then; a change clears it.
    plan_agreed_at = models.DateTimeField(
        _("work plan agreed by the trainee"), null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PlacementStatus.choices,
        default=PlacementStatus.INVITED,
    )
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, blank=True
    )
    sharing_withdrawn_at = models.DateTimeField(
        _("sharing with the firm withdrawn"), null=True, blank=True
    )
    # Validation cases taken on work-area units during the placement.
    cases = models.ManyToManyField(
        "validation.Case",
        blank=True,
        related_name="placements",
        verbose_name=_("validation cases"),
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
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end_on__gte=F("starts_on")),
                name="placements_planned_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(trainee__isnull=True) | ~Q(trainee=F("mentor")),
                name="placements_mentor_not_trainee",
            ),
            # Ended exactly when it has an end date and an outcome.
            models.CheckConstraint(
                condition=(
                    Q(status="ended", ended_on__isnull=False)
                    & ~Q(outcome="")
                    & Q(ended_on__gte=F("starts_on"))
                )
                | (~Q(status="ended") & Q(ended_on__isnull=True, outcome="")),
                name="placements_ended_has_outcome",
            ),
            models.CheckConstraint(
                condition=Q(status="invited") | Q(trainee__isnull=False),
                name="placements_active_has_trainee",
            ),
        ]
        indexes = [
            models.Index(fields=["firm", "status"]),
            models.Index(fields=["mentor", "status"]),
            models.Index(fields=["firm", "ended_on"]),
        ]

    def __str__(self):
        return f"{self.trainee_name} – {self.firm}"

    def get_absolute_url(self):
        return reverse("placements:detail", kwargs={"pk": self.pk})

    @property
    def trainee_name(self) -> str:
        if self.trainee_id is not None:
            return self.trainee.get_full_name() or self.invited_name
        return self.invited_name

    @property
    def shared_with_firm(self) -> bool:
        return self.sharing_withdrawn_at is None


# The introduction ---------------------------------------------------------------


class IntroductionTopic(models.TextChoices):
    FIRST_DAY = "first_day", _("The first day")
    WORKPLACE = "workplace", _("The workplace")
    SAFETY = "safety", _("Safety")
    WHO_TO_ASK = "who_to_ask", _("Who to ask")
    ADJUSTMENTS = "adjustments", _("Adjustments agreed")


class IntroductionTemplate(ClusterableModel):
    """A checklist editors keep in the admin; a new placement starts from the
    default one and the firm adapts its copy."""

    name = models.CharField(_("name"), max_length=120)
    is_default = models.BooleanField(
        _("default"),
        default=False,
        help_text=_("New placements start from the default checklist."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("is_default"),
        InlinePanel("items", heading=_("Items"), min_num=1),
    ]

    class Meta:
        verbose_name = _("introduction checklist")
        verbose_name_plural = _("introduction checklists")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="placements_one_default_introduction",
            )
        ]

    def __str__(self):
        return self.name


class IntroductionTemplateItem(Orderable):
    template = ParentalKey(
        IntroductionTemplate,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("checklist"),
    )
    topic = models.CharField(
        _("topic"), max_length=20, choices=IntroductionTopic.choices
    )
    text = models.CharField(_("what to do"), max_length=300)

    panels = [FieldPanel("topic"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")


class IntroductionItem(models.Model):
    """One line of a placement's own checklist; the trainee and the mentor each
    tick it when it was done."""

    placement = models.ForeignKey(
        Placement,
        on_delete=models.CASCADE,
        related_name="introduction_items",
        verbose_name=_("placement"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    topic = models.CharField(
        _("topic"), max_length=20, choices=IntroductionTopic.choices
    )
    text = models.CharField(_("what to do"), max_length=300)
    trainee_done_at = models.DateTimeField(
        _("ticked by the trainee"), null=True, blank=True
    )
    mentor_done_at = models.DateTimeField(
        _("ticked by the mentor"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("introduction item")
        verbose_name_plural = _("introduction items")
        ordering = ["placement", "position", "pk"]

    def __str__(self):
        return self.text


# The work plan ------------------------------------------------------------------


class Goal(models.Model):
    """A goal the trainee and the mentor agree on, linked where it fits to
    assessment criteria of a work-area unit."""

    placement = models.ForeignKey(
        Placement,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("placement"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("goal"), max_length=300)
    criteria = models.ManyToManyField(
        "validation.AssessmentCriterion",
        blank=True,
        related_name="+",
        verbose_name=_("assessment criteria"),
    )

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["placement", "position", "pk"]

    def __str__(self):
        return self.text


class WeeklyTask(models.Model):
    """What the trainee does in one week of the placement (week 1, 2, …)."""

    placement = models.ForeignKey(
        Placement,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("placement"),
    )
    week = models.PositiveSmallIntegerField(
        _("week"), validators=[MinValueValidator(1), MaxValueValidator(104)]
    )
    text = models.CharField(_("task"), max_length=300)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["placement", "week", "pk"]

    def __str__(self):
        return self.text


# Evaluations --------------------------------------------------------------------


class TraineeResponse(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    COMMENTED = "commented", _("Commented")


class Evaluation(models.Model):
    """A short record of an evaluation conversation, written by the mentor and
    confirmed or commented on by the trainee."""

    placement = models.ForeignKey(
        Placement,
        on_delete=models.CASCADE,
        related_name="evaluations",
        verbose_name=_("placement"),
    )
    held_on = models.DateField(_("date of the conversation"))
    went_well = models.TextField(_("what went well"))
    to_change = models.TextField(_("what to change"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    written_at = models.DateTimeField(_("written"), auto_now_add=True)
    trainee_response = models.CharField(
        _("trainee's answer"),
        max_length=10,
        choices=TraineeResponse.choices,
        blank=True,
    )
    trainee_comment = models.TextField(_("trainee's comment"), blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["placement", "held_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(trainee_response="commented") | ~Q(trainee_comment=""),
                name="placements_comment_has_text",
            )
        ]

    def __str__(self):
        return f"{self.placement_id} {self.held_on}"


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    UNDER_WAY = "under_way", _("Under way")
    NEARLY = "nearly", _("Nearly there")
    REACHED = "reached", _("Reached")


class GoalProgress(models.Model):
    evaluation = models.ForeignKey(
        Evaluation,
        on_delete=models.CASCADE,
        related_name="progress",
        verbose_name=_("evaluation"),
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="+", verbose_name=_("goal")
    )
    progress = models.CharField(_("progress"), max_length=12, choices=Progress.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("progress on a goal")
        verbose_name_plural = _("progress on goals")
        ordering = ["evaluation", "goal__position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "goal"], name="placements_progress_once"
            )
        ]

    def __str__(self):
        return f"{self.goal_id}: {self.progress}"

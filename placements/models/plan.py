"""The work plan (goals, tasks per week) and the evaluations of a placement."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .placement import Placement


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

"""A placement: one person taken in by a firm, followed by a mentor."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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

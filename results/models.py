"""The firm's figures in its yearly follow-up: counts of people, never persons.

Nothing here can name a person: no name, birth date, diagnosis or origin of
anyone, only how many. The database refuses figures that do not add up.
"""

from functools import reduce
from operator import add

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .categories import (
    ARRANGEMENT_FIELDS,
    TARGET_GROUP_FIELDS,
    Arrangement,
    EndOutcome,
    TargetGroup,
)


def _count(label):
    return models.PositiveIntegerField(label, default=0)


class FollowUpFigures(models.Model):
    """How many people a certified firm took in during one reporting year, by
    arrangement and by target group, where people went when a placement ended,
    its workplace mentors and the measures it used. Filed with (and attached
    to) the certification's follow-up report."""

    report = models.OneToOneField(
        "courses.FollowUpReport",
        on_delete=models.PROTECT,
        related_name="figures",
        verbose_name=_("follow-up report"),
    )
    # The calendar year holding most of the twelve months the report covers
    # (see services.reporting_year); what the dashboard groups by.
    year = models.PositiveSmallIntegerField(_("reporting year"), db_index=True)
    # Always the sum of the arrangements (each person counted once).
    taken_in = models.PositiveIntegerField(_("people taken in"), default=0)

    work_trial = _count(Arrangement.WORK_TRIAL.label)
    wage_subsidy = _count(Arrangement.WAGE_SUBSIDY.label)
    permanent_job = _count(Arrangement.PERMANENT.label)
    temporary_job = _count(Arrangement.TEMPORARY.label)
    apprenticeship = _count(Arrangement.APPRENTICESHIP.label)
    summer_job = _count(Arrangement.SUMMER_JOB.label)

    young = _count(TargetGroup.YOUNG.label)
    disability = _count(TargetGroup.DISABILITY.label)
    immigrant = _count(TargetGroup.IMMIGRANT.label)
    other_group = _count(TargetGroup.OTHER.label)

    # Of the people whose placement ended in the period, how many went on to
    # work, education, a new placement or something else (each person once, by
    # their last placement's outcome). No sum rule: a placement that ends may
    # have started in an earlier year, so these need not stay within taken_in.
    ended_employed = _count(EndOutcome.EMPLOYED.label)
    ended_education = _count(EndOutcome.EDUCATION.label)
    ended_new_placement = _count(EndOutcome.NEW_PLACEMENT.label)
    ended_other = _count(EndOutcome.OTHER.label)

    mentors = models.PositiveIntegerField(_("workplace mentors"), default=0)
    measures = models.ManyToManyField(
        "cms.Measure",
        blank=True,
        related_name="+",
        verbose_name=_("measures used"),
    )
    # The report's narrative is shown to the public only when this is set.
    publish_account = models.BooleanField(_("publish the account"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("follow-up figures")
        verbose_name_plural = _("follow-up figures")
        ordering = ["-year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    taken_in=reduce(add, (F(name) for name in ARRANGEMENT_FIELDS))
                ),
                name="follow_up_arrangements_add_up",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__lte": F("taken_in")}),
                    name=f"follow_up_{name}_within_total",
                )
                for name in TARGET_GROUP_FIELDS
            ),
        ]

    def __str__(self):
        return f"{self.report} ({self.year})"

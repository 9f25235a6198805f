"""The categories the yearly follow-up counts people by.

Each category is one column of `FollowUpFigures` (the value is the column's
name), so the dashboard sums them in one grouped query. The trainee's journey
reuses `Arrangement` for a placement's kind of arrangement, and `EndOutcome`
for where the trainee went when a placement ended (`placements.models.Outcome`
is meant to be this same enum, so a placement's outcome is a column here).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Arrangement(models.TextChoices):
    # The value is a column name of FollowUpFigures: never rename one.
    WORK_TRIAL = "work_trial", _("Work trial (arbeidstrening)")
    WAGE_SUBSIDY = "wage_subsidy", _("Wage subsidy")
    PERMANENT = "permanent_job", _("Permanent employment")
    TEMPORARY = "temporary_job", _("Temporary employment")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    SUMMER_JOB = "summer_job", _("Summer job")


class TargetGroup(models.TextChoices):
    # The value is a column name of FollowUpFigures: never rename one.
    YOUNG = "young", _("Young people outside work or school")
    DISABILITY = "disability", _("People with disabilities or health problems")
    IMMIGRANT = "immigrant", _("Immigrants")
    OTHER = "other_group", _("Others outside working life")


class EndOutcome(models.TextChoices):
    """Where a person went when their placement ended. `ended_<value>` is a
    column name of FollowUpFigures: never rename one."""

    EMPLOYED = "employed", _("Employed")
    EDUCATION = "education", pgettext_lazy("where a person went", "Education")
    NEW_PLACEMENT = "new_placement", _("New placement")
    OTHER = "other", _("Other")


ARRANGEMENT_FIELDS = tuple(Arrangement.values)
TARGET_GROUP_FIELDS = tuple(TargetGroup.values)
ENDED_FIELDS = tuple(f"ended_{value}" for value in EndOutcome.values)


def ended_field(outcome: str) -> str:
    """The FollowUpFigures column counting people whose placement ended with
    `outcome`."""
    return f"ended_{EndOutcome(outcome).value}"

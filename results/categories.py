"""The categories the yearly follow-up counts people by.

Each category is one column of `FollowUpFigures` (the value is the column's
name), so the dashboard sums them in one grouped query. The trainee's journey
reuses `Arrangement` for a placement's kind of arrangement.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


ARRANGEMENT_FIELDS = tuple(Arrangement.values)
TARGET_GROUP_FIELDS = tuple(TargetGroup.values)

"""The five areas of the inclusion toolbox (verktøykassen)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    ATTITUDES = "attitudes", _("Attitudes")
    MEASURES = "measures", _("Measures and instruments")
    TARGET_GROUPS = "target_groups", _("Target groups")
    TRAINING = "training", _("Training")
    SUPPORT = "support", _("Support and relationships")

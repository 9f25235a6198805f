"""Units (what a candidate should be able to do, and how that shows) and pathways.

A unit states its learning outcomes (numbered 1, 2, …) and, under each, the
assessment criteria (numbered 1.1, 1.2, 2.1, …) a candidate's evidence is judged
against. A unit is drafted, approved by a panel (who and when is recorded) and
later retired. An approved unit is never edited in place: a change is a new
version (same code, next version number) drafted from it, so a case keeps the
exact version it started on.
"""

from django import forms
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

# OCN: one credit is ten hours of notional learning.
HOURS_PER_CREDIT = 10


class Level(models.TextChoices):
    """OCN levels."""

    ENTRY = "entry", _("Entry level")
    ONE = "1", _("Level 1")
    TWO = "2", _("Level 2")
    THREE = "3", _("Level 3")


# The European Qualifications Framework level each OCN level corresponds to.
EQF_LEVEL = {Level.ENTRY: 1, Level.ONE: 2, Level.TWO: 3, Level.THREE: 4}


class UnitStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    RETIRED = "retired", _("Retired")


class Unit(ClusterableModel):
    """One version of a unit."""

    code = models.CharField(
        _("code"),
        max_length=30,
        help_text=_("The unit's code, the same for all its versions, e.g. AM-01."),
    )
    version = models.PositiveSmallIntegerField(
        _("version"), default=1, validators=[MinValueValidator(1)]
    )
    title = models.CharField(_("title"), max_length=200)
    level = models.CharField(_("level"), max_length=5, choices=Level.choices)
    credits = models.PositiveSmallIntegerField(
        _("credits"),
        validators=[MinValueValidator(1)],
        help_text=_("One credit is ten hours of notional learning."),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    suggested_evidence = models.TextField(
        _("suggested evidence"),
        blank=True,
        help_text=_("Kinds of evidence that usually show the criteria, one per line."),
    )
    review_date = models.DateField(
        _("next relevance review"),
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=UnitStatus.choices,
        default=UnitStatus.DRAFT,
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approval_note = models.CharField(
        _("approval note"),
        max_length=300,
        blank=True,
        help_text=_("The panel and its decision, e.g. the meeting where it approved."),
    )
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_version",
        verbose_name=_("previous version"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"], name="validation_unit_code_version"
            ),
            # At most one approved version of a code at a time.
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(status="approved"),
                name="validation_unit_one_approved_version",
            ),
        ]

    def __str__(self):
        return f"{self.code} v{self.version} {self.title}"

    @property
    def eqf_level(self) -> int:
        return EQF_LEVEL[Level(self.level)]

    @property
    def notional_hours(self) -> int:
        return self.credits * HOURS_PER_CREDIT

    @property
    def is_editable(self) -> bool:
        return self.status == UnitStatus.DRAFT


class LearningOutcome(ClusterableModel):
    """What the candidate can do: "1. The candidate can …"."""

    unit = ParentalKey(
        Unit,
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("unit"),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1)]
    )
    text = models.CharField(_("learning outcome"), max_length=400)

    panels = [
        FieldPanel("number"),
        FieldPanel("text"),
        InlinePanel("criteria", heading=_("Assessment criteria"), min_num=1),
    ]

    class Meta:
        verbose_name = _("learning outcome")
        verbose_name_plural = _("learning outcomes")
        ordering = ["unit", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "number"], name="validation_outcome_number"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.text}"


class AssessmentCriterion(models.Model):
    """How the outcome shows: "1.2 The candidate has …"."""

    outcome = ParentalKey(
        LearningOutcome,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("learning outcome"),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1)]
    )
    text = models.CharField(_("assessment criterion"), max_length=400)

    panels = [FieldPanel("number"), FieldPanel("text")]

    class Meta:
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")
        ordering = ["outcome", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "number"], name="validation_criterion_number"
            )
        ]

    def __str__(self):
        return f"{self.label} {self.text}"

    @property
    def label(self) -> str:
        """ "1.2": the outcome's number, then the criterion's."""
        return f"{self.outcome.number}.{self.number}"


class Pathway(ClusterableModel):
    """A named set of units, e.g. "Arbeidsplassmentor", and the credits it needs."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    credits_required = models.PositiveSmallIntegerField(
        _("credits required"), validators=[MinValueValidator(1)]
    )
    units = ParentalManyToManyField(
        Unit, blank=True, related_name="pathways", verbose_name=_("units")
    )
    # Work-area units (shop, café, cleaning, …) that trainees in a placement are
    # validated on; a certificate on them does not make anyone a validated mentor.
    for_trainees = models.BooleanField(
        _("for trainees"),
        default=False,
        help_text=_(
            "Work-area units for trainees in a placement (for example shop, café "
            "or cleaning). Certificates on these units do not count as validated "
            "mentors."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("credits_required"),
        FieldPanel("for_trainees"),
        FieldPanel("description"),
        FieldPanel("units", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("pathway")
        verbose_name_plural = _("pathways")
        ordering = ["name"]

    def __str__(self):
        return self.name

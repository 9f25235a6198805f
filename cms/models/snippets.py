"""Snippets: the target groups, the providers and the measure catalogue."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from ..areas import Area


class TargetGroup(index.Indexed, models.Model):
    """A group the course is about, e.g. young people with gaps in their CV.

    A category of content, never a label on a person: the platform records no
    health, disability or origin about anyone.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProviderKind(models.TextChoices):
    NAV = "nav", _("NAV")
    MUNICIPALITY = "municipality", _("Municipality")
    WORK_INCLUSION_ENTERPRISE = (
        "work_inclusion_enterprise",
        _("Work-inclusion enterprise"),
    )
    OTHER = "other", _("Other")


class Provider(index.Indexed, models.Model):
    """Who offers a measure: NAV, the municipality, a work-inclusion enterprise…"""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=ProviderKind.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
            ],
            heading=_("Contact details"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MeasureKind(models.TextChoices):
    WAGE_SUBSIDY = "wage_subsidy", _("Wage subsidy")
    WORK_TRIAL = "work_trial", _("Work trial")
    MENTOR = "mentor", _("Mentor")
    TRAINING = "training", _("Training")
    ADAPTATION = "adaptation", _("Adaptation")
    FOLLOW_UP = "follow_up", _("Follow-up")


class Measure(index.Indexed, ClusterableModel):
    """An inclusion measure (tiltak) a firm can use, with who offers it and how."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        help_text=_("Part of the measure's address; keep it stable once published."),
    )
    provider = models.ForeignKey(
        Provider,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("provider"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeasureKind.choices)
    area = models.CharField(_("toolbox area"), max_length=20, choices=Area.choices)
    target_groups = ParentalManyToManyField(
        TargetGroup,
        blank=True,
        related_name="measures",
        verbose_name=_("target groups"),
    )
    summary = models.CharField(_("summary"), max_length=300)
    who_may_use = models.TextField(_("who may use it"))
    how_to_apply = RichTextField(
        _("how to apply"), features=["bold", "italic", "ol", "ul", "link"]
    )
    link = models.URLField(_("link"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("provider"),
        FieldPanel("kind"),
        FieldPanel("area"),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("who_may_use"),
        FieldPanel("how_to_apply"),
        FieldPanel("link"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary", boost=2),
        index.SearchField("who_may_use"),
        index.SearchField("how_to_apply"),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("area"),
        index.FilterField("provider"),
    ]

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["name"]

    def __str__(self):
        return self.name

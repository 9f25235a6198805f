"""The introduction: the checklist editors keep, and each placement's own copy."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .placement import Placement


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

"""Content pages. Content lives here; course state lives in `courses/`."""

from django import forms
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from ..areas import Area
from ..blocks import LessonStreamBlock
from ..page_cache import SharedCachePage
from .snippets import Measure

INTRO_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class HomePage(SharedCachePage, Page):
    """The front page: what the certification is, the five areas, where to go next."""

    lead = models.CharField(
        _("lead"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the title."),
    )
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ToolboxIndexPage",
        "cms.MeasureCatalogPage",
        "cms.FirmRegistryPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors
        from ..cache import fragment_context

        context = super().get_context(request, *args, **kwargs)
        context.update(fragment_context(request))
        # Lazy, so a cached front page runs none of its queries.
        context["home"] = SimpleLazyObject(lambda: selectors.home_page_context(request))
        return context


class ToolboxIndexPage(SharedCachePage, Page):
    """The toolbox (verktøykassen): the five areas in order."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ToolboxAreaPage"]
    max_count = 1

    class Meta:
        verbose_name = _("toolbox")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        context["areas"] = selectors.readable_children(
            selectors.toolbox_areas(index=self), request
        )
        return context


class ToolboxAreaPage(SharedCachePage, Page):
    """One of the five areas, with its lessons in order and related measures."""

    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("area"), FieldPanel("intro")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.FilterField("area"),
    ]

    parent_page_types = ["cms.ToolboxIndexPage"]
    subpage_types = ["cms.LessonPage"]

    class Meta:
        verbose_name = _("toolbox area")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = selectors.readable_children(
            selectors.area_lessons(area_page=self), request
        )
        context["measures"] = selectors.measures_for_area(area=self.area)
        return context


class LessonPage(SharedCachePage, Page):
    """A lesson: goals, study time, and a body of text, cases, checklists and more."""

    learning_goals = RichTextField(
        _("learning goals"),
        features=["ul", "bold", "italic"],
        help_text=_("What the participant can do after the lesson, as a list."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=20,
        help_text=_("How long the lesson takes to study."),
    )
    target_groups = ParentalManyToManyField(
        "cms.TargetGroup",
        blank=True,
        related_name="lessons",
        verbose_name=_("target groups"),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("learning_goals"),
                FieldPanel("estimated_minutes"),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the lesson"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("learning_goals"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.ToolboxAreaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors
        from ..cache import fragment_context

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.lesson_context(lesson=self, request=request))
        context.update(fragment_context(request))
        context["body_segments"] = selectors.lesson_body_segments(lesson=self)
        return context


class MeasureCatalogPage(SharedCachePage, RoutablePageMixin, Page):
    """Every measure, filterable; each measure has its own stable address below."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("measure catalogue")

    def shared_cache_allowed(self, request) -> bool:
        """Also the catalogue filtered by known values: a bounded set of pages."""
        if not request.GET:
            return True
        from ..forms import MeasureFilterForm

        form = MeasureFilterForm(request.GET)
        return (
            set(request.GET) <= set(form.fields)
            and all(len(request.GET.getlist(name)) == 1 for name in request.GET)
            and form.cache_key() is not None
        )

    def frontend_cache_allowed(self, request) -> bool:
        """The catalogue and each measure's page: `get_cached_paths` names both."""
        return not request.GET

    def get_cached_paths(self):
        """What a purge of the catalogue covers (wagtail.contrib.frontend_cache)."""
        slugs = Measure.objects.order_by("slug").values_list("slug", flat=True)
        return ["/", *(f"/{slug}/" for slug in slugs)]

    @path("")
    def catalogue(self, request):
        from .. import selectors
        from ..cache import fragment_context
        from ..forms import MeasureFilterForm

        form = MeasureFilterForm(request.GET or None)
        context = fragment_context(request)
        # The filters and list are cached per validated filter, never per raw
        # query string; an unknown filter value is answered but not cached.
        filter_key = form.cache_key()
        if filter_key is None:
            context["use_fragment_cache"] = False
        # Lazy, so a warm fragment runs neither the filter nor its queries.
        measures = SimpleLazyObject(
            lambda: list(selectors.measures_filtered(form=form))
        )
        return self.render(
            request,
            context_overrides={
                **context,
                "form": form,
                "filter_key": filter_key,
                "measures": measures,
            },
        )

    @path("<slug:slug>/")
    def measure(self, request, slug):
        from .. import selectors

        measure = get_object_or_404(selectors.measures(), slug=slug)
        return self.render(
            request,
            context_overrides={
                "measure": measure,
                "lessons": selectors.lessons_for_measure(measure=measure),
            },
            template="cms/measure_detail.html",
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls += [
            {"location": f"{base}{measure.slug}/"}
            for measure in Measure.objects.only("slug").order_by("slug")
        ]
        return urls

    def measure_url(self, measure) -> str:
        return self.url + self.reverse_subpage("measure", kwargs={"slug": measure.slug})

"""Reads for the course material, with the joins done here, not in templates."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from .cache import cached
from .models.pages import (
    LessonPage,
    MeasureCatalogPage,
    ToolboxAreaPage,
    ToolboxIndexPage,
)
from .models.registry import FirmRegistryPage
from .models.snippets import Measure, TargetGroup


def measures() -> QuerySet[Measure]:
    """All measures with provider and target groups (two queries in all)."""
    return Measure.objects.select_related("provider").prefetch_related(
        Prefetch("target_groups", queryset=TargetGroup.objects.order_by("name"))
    )


def measures_filtered(*, form) -> QuerySet[Measure] | list:
    """Measures matching the catalogue filters; an invalid filter matches nothing."""
    if form is None or not form.is_bound:
        return measures()
    if not form.is_valid():
        return []
    data = form.cleaned_data
    result = measures()
    if data.get("target_group"):
        result = result.filter(target_groups=data["target_group"])
    if data.get("kind"):
        result = result.filter(kind=data["kind"])
    if data.get("area"):
        result = result.filter(area=data["area"])
    if data.get("provider"):
        result = result.filter(provider=data["provider"])
    return result.distinct()


def measures_for_area(*, area: str) -> QuerySet[Measure]:
    return measures().filter(area=area)


def measure_catalogue() -> MeasureCatalogPage | None:
    return MeasureCatalogPage.objects.live().first()


def measure_catalogue_url() -> str:
    """The catalogue page's address (cached per content version)."""

    def build():
        page = measure_catalogue()
        return page.url if page else ""

    return cached("catalogue-url", build)


def toolbox_areas(*, index: ToolboxIndexPage | None = None) -> QuerySet:
    """The live area pages in the editor's order."""
    areas = ToolboxAreaPage.objects.live()
    if index is not None:
        areas = areas.child_of(index)
    return areas.order_by("path")


def area_lessons(*, area_page: ToolboxAreaPage) -> QuerySet[LessonPage]:
    return LessonPage.objects.live().child_of(area_page).order_by("path")


def _link(page) -> dict | None:
    return {"title": page.title, "url": page.url} if page is not None else None


def lesson_context(*, lesson: LessonPage) -> dict:
    """Area, breadcrumbs, previous/next lesson and target groups for a lesson page.

    Plain values, cached per content version: no query when warm, and a fixed
    number when cold, whatever the lesson holds.
    """

    def build():
        ancestors = list(
            Page.objects.ancestor_of(lesson)
            .filter(depth__gt=1)
            .order_by("depth")
            .only("id", "title", "url_path", "path", "depth")
        )
        area_page = ToolboxAreaPage.objects.filter(
            path=lesson.path[: -Page.steplen]
        ).first()
        siblings = (
            list(
                Page.objects.live()
                .child_of(area_page)
                .type(LessonPage)
                .order_by("path")
                .only("id", "title", "url_path", "path", "depth")
            )
            if area_page
            else []
        )
        position = next((i for i, p in enumerate(siblings) if p.pk == lesson.pk), None)
        previous_lesson = next_lesson = None
        if position is not None:
            previous_lesson = siblings[position - 1] if position > 0 else None
            if position + 1 < len(siblings):
                next_lesson = siblings[position + 1]
        area = None
        if area_page is not None:
            area = {
                **_link(area_page),
                "area": area_page.area,
                "label": str(area_page.get_area_display()),
            }
        return {
            "breadcrumbs": [_link(p) for p in ancestors],
            "area_page": area,
            "previous_lesson": _link(previous_lesson),
            "next_lesson": _link(next_lesson),
            "lesson_number": (position + 1) if position is not None else None,
            "lesson_count": len(siblings),
            "target_groups": [g.name for g in lesson.target_groups.all()],
        }

    return cached(f"lesson:{lesson.pk}", build)


def lessons_for_measure(*, measure: Measure) -> list[LessonPage]:
    """Live lessons whose body refers to the measure (Wagtail's reference index)."""
    page_ids = (
        ReferenceIndex.get_references_to(measure)
        .filter(base_content_type__app_label="wagtailcore")
        .values_list("object_id", flat=True)
    )
    return list(
        LessonPage.objects.live()
        .public()
        .filter(pk__in=list(page_ids))
        .order_by("path")
    )


def home_page_context() -> dict:
    """The five areas, the catalogue and the figures the front page shows."""

    def build():
        toolbox = ToolboxIndexPage.objects.live().first()
        catalogue = measure_catalogue()
        return {
            "areas": [
                {
                    **_link(area),
                    "area": area.area,
                    "description": area.search_description
                    or str(area.get_area_display()),
                }
                for area in toolbox_areas()
            ],
            "toolbox": _link(toolbox),
            "catalogue": _link(catalogue),
            "figures": {
                "lessons": LessonPage.objects.live().count(),
                "measures": Measure.objects.count(),
            },
        }

    return {**cached("home", build), "upcoming_runs": _upcoming_runs()}


def _upcoming_runs():
    from courses.selectors.runs import upcoming_runs

    return upcoming_runs()


def _areas_by_path(pages: Iterable[Page]) -> dict[str, ToolboxAreaPage]:
    parent_paths = {p.path[: -Page.steplen] for p in pages}
    return {a.path: a for a in ToolboxAreaPage.objects.filter(path__in=parent_paths)}


def search(*, query: str, limit: int = 30) -> dict:
    """Lessons and measures matching `query`, each lesson with its area."""
    if not query:
        return {"lessons": [], "measures": []}
    lessons = list(LessonPage.objects.live().public().search(query)[:limit])
    areas = _areas_by_path(lessons)
    for lesson in lessons:
        lesson.area_page = areas.get(lesson.path[: -Page.steplen])
    found_measures = list(
        get_search_backend().search(query, Measure.objects.select_related("provider"))[
            :limit
        ]
    )
    return {"lessons": lessons, "measures": found_measures}


def main_menu() -> list[tuple[str, str]]:
    """(title, url) of the top-level sections, cached per content version."""

    models = (ToolboxIndexPage, MeasureCatalogPage, FirmRegistryPage)

    def build():
        # One query for all sections; then the first live page of each kind.
        pages = list(
            Page.objects.live()
            .type(*models)
            .order_by("path")
            .only("id", "title", "url_path", "path", "depth", "content_type_id")
        )
        sections = [
            page
            for model in models
            for page in [p for p in pages if issubclass(p.specific_class, model)][:1]
        ]
        return [(page.title, page.url) for page in sections]

    return cached("main-menu", build)


def routed_page(*, content_type_id: int, page_id: int) -> Page | None:
    """The specific page (any type) with this id, cached per content version like
    the route to it: publishing, unpublishing, moving or deleting a page bumps it."""

    def build():
        from django.contrib.contenttypes.models import ContentType

        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return model.objects.filter(pk=page_id).first()

    return cached(f"page:{page_id}", build)


def view_restrictions_by_path() -> dict[str, list]:
    """Every page view restriction, keyed by the restricted page's tree path."""
    from wagtail.models import PageViewRestriction

    def build():
        restrictions: dict[str, list] = {}
        for restriction in PageViewRestriction.objects.select_related("page"):
            restrictions.setdefault(restriction.page.path, []).append(restriction)
        return restrictions

    return cached("view-restrictions", build)


def route_target(url_path: str) -> tuple[int, int] | None:
    """(content type id, page id) of the page at `url_path`, cached."""
    return cached(
        f"route:{url_path}",
        lambda: (
            Page.objects.filter(url_path=url_path)
            .values_list("content_type_id", "pk")
            .first()
        ),
    )

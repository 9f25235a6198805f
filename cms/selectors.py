"""Reads for the course material, with the joins done here, not in templates."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

from . import course_state
from .cache import cached, fragment_cache_allowed
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


def measure_catalogue_url() -> str:
    """The catalogue page's address (from the cached top-level sections)."""
    section = top_sections().get("catalogue")
    return section["url"] if section else ""


def hidden_sections(request) -> list[str]:
    """Tree paths of the private sections `request` may not open, by Wagtail's own
    test (`accept_request`); with no request, every private section. One query
    when there are no group restrictions."""
    return sorted(
        restriction.page.path
        for restriction in PageViewRestriction.objects.select_related(
            "page"
        ).prefetch_related("groups")
        if request is None or not restriction.accept_request(request)
    )


def without_sections(pages: QuerySet, hidden: Iterable[str]) -> QuerySet:
    """`pages` less those at or below any of the `hidden` tree paths."""
    excluded = Q()
    for path in hidden:
        excluded |= Q(path__startswith=path)
    return pages.exclude(excluded) if excluded else pages


def readable_children(pages: QuerySet, request) -> list:
    """`pages` — children of the page `request` is being served, so their
    ancestors' restrictions are passed — less those whose own restriction refuses
    the request (Wagtail's `accept_request` decides). One query; a second only
    when one of them is restricted."""
    pages = list(
        pages.annotate(
            restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
        )
    )
    restricted = [page.pk for page in pages if page.restricted]
    if not restricted:
        return pages
    refused = {
        restriction.page_id
        for restriction in PageViewRestriction.objects.filter(
            page_id__in=restricted
        ).prefetch_related("groups")
        if not restriction.accept_request(request)
    }
    return [page for page in pages if page.pk not in refused]


def toolbox_areas(*, index: ToolboxIndexPage | None = None, hidden=()) -> QuerySet:
    """The live area pages in the editor's order, less the `hidden` sections."""
    areas = ToolboxAreaPage.objects.live()
    if index is not None:
        areas = areas.child_of(index)
    return without_sections(areas, hidden).order_by("path")


def area_lessons(*, area_page: ToolboxAreaPage) -> QuerySet[LessonPage]:
    """The area's live lessons in order (pass through `readable_children`)."""
    return LessonPage.objects.live().child_of(area_page).order_by("path")


def _link(page, request=None) -> dict | None:
    """Title and address; with the request, Wagtail reads the sites' root paths
    once for the whole request."""
    if page is None:
        return None
    return {"title": page.title, "url": page.get_url(request)}


def lesson_context(*, lesson: LessonPage, request) -> dict:
    """Area, breadcrumbs, target groups and the previous/next lesson of a lesson
    page; previous, next and the count leave out lessons the reader may not open.

    The lesson's own facts are cached per content version; the neighbours are
    read for each request (one query), so privacy is never taken from a cache.
    """

    def build():
        # Wagtail's routing has already loaded the parents of a served page.
        ancestors = []
        page = lesson
        for _level in range(lesson.depth - 2):  # up to the home page (depth 2)
            page = page.get_parent()
            ancestors.insert(0, page)
        area_page = ancestors[-1].specific if ancestors else None
        area = None
        if isinstance(area_page, ToolboxAreaPage):
            area = {
                **_link(area_page, request),
                "area": area_page.area,
                "label": str(area_page.get_area_display()),
            }
        return {
            "breadcrumbs": [_link(p, request) for p in ancestors],
            "area_page": area,
            "target_groups": [g.name for g in lesson.target_groups.all()],
        }

    # A preview shows a draft: built for it alone, never cached.
    if fragment_cache_allowed(request):
        facts = cached(f"lesson:{lesson.pk}", build)
    else:
        facts = build()
    siblings = []
    if facts["area_page"] is not None:
        siblings = readable_children(
            Page.objects.live()
            .filter(path__startswith=lesson.path[: -Page.steplen], depth=lesson.depth)
            .type(LessonPage)
            .order_by("path")
            .only("id", "title", "url_path", "path", "depth"),
            request,
        )
    position = next((i for i, p in enumerate(siblings) if p.pk == lesson.pk), None)
    previous_lesson = next_lesson = None
    if position is not None:
        previous_lesson = siblings[position - 1] if position > 0 else None
        if position + 1 < len(siblings):
            next_lesson = siblings[position + 1]
    return {
        **facts,
        "previous_lesson": _link(previous_lesson, request),
        "next_lesson": _link(next_lesson, request),
        "lesson_number": (position + 1) if position is not None else None,
        "lesson_count": len(siblings),
    }


# Blocks whose rendering holds something of the reader (the reflection note,
# the ticks in a checklist).
PERSONAL_BLOCK_TYPES = frozenset({"reflection", "checklist"})


@dataclass(frozen=True)
class BodySegment:
    """A run of a lesson's blocks, rendered together. A `personal` run (one
    reflection question, with the reader's own note) is never cached; the others
    are the same for every reader."""

    body: object  # the lesson's StreamValue
    start: int
    stop: int
    personal: bool

    def blocks(self) -> list:
        # Read only when the fragment is built: a warm page converts no block.
        return [self.body[i] for i in range(self.start, self.stop)]


def lesson_body_segments(*, lesson: LessonPage) -> list[BodySegment]:
    """The lesson's body cut into shared runs and personal blocks, from the raw
    block types (no query, no block converted)."""
    segments: list[BodySegment] = []
    start = 0
    raw = lesson.body.raw_data
    for i in range(len(raw)):
        if raw[i]["type"] in PERSONAL_BLOCK_TYPES:
            if start < i:
                segments.append(BodySegment(lesson.body, start, i, personal=False))
            segments.append(BodySegment(lesson.body, i, i + 1, personal=True))
            start = i + 1
    if start < len(raw):
        segments.append(BodySegment(lesson.body, start, len(raw), personal=False))
    return segments


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


def home_page_context(request=None) -> dict:
    """The five areas, the sections, upcoming runs and the figures the front page
    shows: the same for every visitor, so only public pages are shown or counted.
    (The request only saves reading the sites' root paths for each address.)"""
    private = hidden_sections(None)
    sections = top_sections()
    return {
        "areas": [
            {
                **_link(area, request),
                "area": area.area,
                "description": area.search_description or str(area.get_area_display()),
            }
            for area in toolbox_areas(hidden=private)
        ],
        **{name: sections.get(name) for name in SECTION_MODELS},
        "upcoming_runs": list(course_state.provider().upcoming_runs()),
        "figures": {
            "lessons": without_sections(LessonPage.objects.live(), private).count(),
            "measures": Measure.objects.count(),
        },
    }


def _areas_by_path(pages: Iterable[Page]) -> dict[str, ToolboxAreaPage]:
    parent_paths = {p.path[: -Page.steplen] for p in pages}
    return {a.path: a for a in ToolboxAreaPage.objects.filter(path__in=parent_paths)}


def search(*, query: str, limit: int = 30) -> dict:
    """Lessons and measures matching `query`, each lesson with its area."""
    if not query:
        return {"lessons": [], "measures": []}
    # Wagtail's parser reads quotes as phrases and ignores an unbalanced one,
    # which the SQLite full-text index would otherwise refuse.
    _filters, query = parse_query_string(query)
    # A result shows a title, an address and a description: not the body.
    lessons = list(
        LessonPage.objects.live()
        .public()
        .defer_streamfields()
        .defer("learning_goals")
        .search(query)[:limit]
    )
    areas = _areas_by_path(lessons)
    for lesson in lessons:
        lesson.area_page = areas.get(lesson.path[: -Page.steplen])
    found_measures = list(
        get_search_backend().search(query, Measure.objects.select_related("provider"))[
            :limit
        ]
    )
    return {"lessons": lessons, "measures": found_measures}


SECTION_MODELS = {
    "toolbox": ToolboxIndexPage,
    "catalogue": MeasureCatalogPage,
    "registry": FirmRegistryPage,
}


def top_sections() -> dict[str, dict]:
    """{"toolbox"|"catalogue"|"registry": {"title", "url"}} of the first live page
    of each kind: one query, cached per content version. (Addresses are built
    without the request: on a page Wagtail did not serve, asking it for the
    request's site would cost a query.)"""

    def build():
        pages = list(
            Page.objects.live()
            .type(*SECTION_MODELS.values())
            .order_by("path")
            .only("id", "title", "url_path", "path", "depth", "content_type_id")
        )
        sections = {}
        for name, model in SECTION_MODELS.items():
            page = next((p for p in pages if issubclass(p.specific_class, model)), None)
            if page is not None:
                sections[name] = _link(page)
        return sections

    return cached("sections", build)


def main_menu() -> list[tuple[str, str]]:
    """(title, url) of the top-level sections, in the menu's order."""
    return [(section["title"], section["url"]) for section in top_sections().values()]

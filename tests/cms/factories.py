"""Builders for the course material: snippets and a small page tree."""

import io
import itertools

from django.core.files.images import ImageFile

from PIL import Image as PILImage

from cms.areas import Area
from cms.models import (
    CustomImage,
    LessonPage,
    Measure,
    MeasureCatalogPage,
    MeasureKind,
    Provider,
    ProviderKind,
    TargetGroup,
    ToolboxAreaPage,
    ToolboxIndexPage,
)
from cms.site import ensure_home_page

_counter = itertools.count(1)


def target_group(**kwargs) -> TargetGroup:
    n = next(_counter)
    defaults = {"name": f"Målgruppe {n}", "slug": f"malgruppe-{n}"}
    return TargetGroup.objects.create(**{**defaults, **kwargs})


def provider(**kwargs) -> Provider:
    n = next(_counter)
    defaults = {
        "name": f"Tilbyder {n}",
        "slug": f"tilbyder-{n}",
        "kind": ProviderKind.NAV,
    }
    return Provider.objects.create(**{**defaults, **kwargs})


def measure(*, target_groups=(), **kwargs) -> Measure:
    n = next(_counter)
    defaults = {
        "name": f"Tiltak {n}",
        "slug": f"tiltak-{n}",
        "kind": MeasureKind.WAGE_SUBSIDY,
        "area": Area.MEASURES,
        "summary": "Et tiltak for arbeidsgivere.",
        "who_may_use": "Arbeidsgivere.",
        "how_to_apply": "<p>Kontakt NAV.</p>",
    }
    values = {**defaults, **kwargs}
    if "provider" not in values:
        values["provider"] = provider()
    item = Measure.objects.create(**values)
    item.target_groups.set(target_groups)
    item.save()
    return item


def image(**kwargs) -> CustomImage:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "green").save(buffer, format="PNG")
    defaults = {
        "title": "Verksted",
        "description": "To kolleger monterer en sykkel i et verksted",
        "file": ImageFile(buffer, name="verksted.png"),
    }
    return CustomImage.objects.create(**{**defaults, **kwargs})


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def toolbox() -> ToolboxIndexPage:
    home = ensure_home_page()
    existing = ToolboxIndexPage.objects.first()
    return existing or publish(
        home, ToolboxIndexPage(title="Verktøykassen", slug="verktoykasse")
    )


def catalogue() -> MeasureCatalogPage:
    home = ensure_home_page()
    existing = MeasureCatalogPage.objects.first()
    return existing or publish(
        home, MeasureCatalogPage(title="Inkluderingstiltak", slug="tiltak")
    )


def area(*, area=Area.ATTITUDES, **kwargs) -> ToolboxAreaPage:
    n = next(_counter)
    defaults = {"title": f"Område {n}", "slug": f"omrade-{n}", "area": area}
    return publish(toolbox(), ToolboxAreaPage(**{**defaults, **kwargs}))


def lesson(*, parent=None, body=None, **kwargs) -> LessonPage:
    n = next(_counter)
    defaults = {
        "title": f"Leksjon {n}",
        "slug": f"leksjon-{n}",
        "learning_goals": "<ul><li>Du kan forklare inkludering.</li></ul>",
        "estimated_minutes": 20,
        "body": body
        if body is not None
        else [{"type": "paragraph", "value": "<p>Om inkludering i arbeidslivet.</p>"}],
    }
    return publish(parent or area(), LessonPage(**{**defaults, **kwargs}))

"""Demo course material for `seed_demo`: the toolbox, lessons, the measure catalogue.

Creates what is missing and never touches what exists, so an editor's later
changes survive every run. Lessons link to each other and to the toolbox as an
editor's would: `<a href="page:<slug>">` in the demo content becomes a Wagtail page
link (`<a linktype="page" id="…">`) once every page exists.
"""

import re

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page

from .areas import Area
from .demo_content import catalogue
from .demo_content.lessons_attitudes_measures import LESSONS as LESSONS_A
from .demo_content.lessons_support import LESSONS as LESSONS_C
from .demo_content.lessons_targetgroups_training import LESSONS as LESSONS_B
from .models import (
    FirmRegistryPage,
    LessonPage,
    Measure,
    MeasureCatalogPage,
    Provider,
    TargetGroup,
    ToolboxAreaPage,
    ToolboxIndexPage,
)
from .site import ensure_home_page

LESSONS = {**LESSONS_A, **LESSONS_B, **LESSONS_C}

HOME_BODY = (
    "<p>Sosial Profil er et kurs for bedrifter som vil ta samfunnsansvar ved å gi "
    "folk som står utenfor arbeidslivet en vei inn. Kurset består av tre samlinger "
    "på tre timer med selvstudium mellom samlingene. Bedriften lager en "
    "inkluderingsplan og blir sertifisert når kravene er oppfylt.</p>"
    "<p>Kurset er laget av næringsforeningen, kommunen, NAV og "
    "arbeidsinkluderingsbedriftene sammen, og sertifiseringen skal kunne brukes "
    "som et kvalitetsstempel i offentlige anskaffelser.</p>"
)

TOOLBOX = {
    "slug": "verktoykasse",
    "title": "Verktøykassen",
    "intro": (
        "<p>Verktøykassen samler det en bedrift trenger å vite for å lykkes med "
        "inkludering, i fem områder. Les leksjonene i eget tempo mellom samlingene."
        "</p>"
    ),
}

# Area key -> (slug, title, short description shown on cards)
AREAS = {
    Area.ATTITUDES: (
        "holdninger",
        "Holdninger",
        "Hvorfor inkludere, og hvordan gode erfaringer smitter.",
    ),
    Area.MEASURES: (
        "tiltak-og-virkemidler",
        "Tiltak og virkemidler",
        "Hvem som kan hjelpe, og hvilke tiltak og tilskudd som finnes.",
    ),
    Area.TARGET_GROUPS: (
        "malgrupper",
        "Målgrupper",
        "Hvem som står utenfor arbeidslivet, og hva som hjelper dem inn.",
    ),
    Area.TRAINING: (
        "opplaering",
        "Opplæring",
        "Opplæringsplan, veileder og veier til formell kompetanse.",
    ),
    Area.SUPPORT: (
        "stotte-og-samarbeid",
        "Støtte og samarbeid",
        "Samarbeid med NAV, kommunen og tiltaksbedriftene, og nettverk mellom "
        "bedrifter.",
    ),
}

CATALOGUE = {
    "slug": "tiltak",
    "title": "Inkluderingstiltak",
    "intro": (
        "<p>Alle tiltak og virkemidler bedriften kan bruke, samlet på ett sted. "
        "Filtrer på målgruppe, type tiltak, område eller tilbyder. Sjekk alltid "
        "gjeldende regler hos tilbyderen før dere søker.</p>"
    ),
}

REGISTRY = {
    "slug": "sertifiserte-bedrifter",
    "title": "Sertifiserte bedrifter",
    "intro": (
        "<p>Bedriftene her har fullført sertifiseringskurset i sosial bærekraft og "
        "har en gyldig sertifisering. Søk på navn eller organisasjonsnummer, eller "
        "filtrer på kommune og bransje, og se hva hver bedrift har forpliktet seg "
        "til.</p>"
    ),
}


def _publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _child(parent: Page, slug: str):
    return parent.get_children().filter(slug=slug).specific().first()


def _seed_catalogue_snippets() -> dict[str, int]:
    created = {"target_groups": 0, "providers": 0, "measures": 0}
    groups = {}
    for data in catalogue.TARGET_GROUPS:
        group, was_created = TargetGroup.objects.get_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "description": data["description"]},
        )
        groups[group.slug] = group
        created["target_groups"] += was_created
    providers = {}
    for data in catalogue.PROVIDERS:
        fields = {k: v for k, v in data.items() if k != "slug"}
        provider, was_created = Provider.objects.get_or_create(
            slug=data["slug"], defaults=fields
        )
        providers[provider.slug] = provider
        created["providers"] += was_created
    for data in catalogue.MEASURES:
        if Measure.objects.filter(slug=data["slug"]).exists():
            continue
        measure = Measure(
            slug=data["slug"],
            name=data["name"],
            provider=providers[data["provider"]],
            kind=data["kind"],
            area=data["area"],
            summary=data["summary"],
            who_may_use=data["who_may_use"],
            how_to_apply=data["how_to_apply"],
            link=data["link"],
        )
        measure.full_clean()
        measure.save()
        measure.target_groups.set([groups[s] for s in data["target_groups"]])
        measure.save()
        created["measures"] += 1
    return created


PAGE_LINK = re.compile(r'<a href="page:([a-z0-9-]+)">(.*?)</a>', re.DOTALL)


def _page_links(html: str, page_ids: dict[str, int]) -> str:
    """`<a href="page:slug">` as Wagtail's page link; the bare text if the page is
    gone (an editor may have deleted it)."""

    def link(match):
        page_id = page_ids.get(match[1])
        if page_id is None:
            return match[2]
        return f'<a linktype="page" id="{page_id}">{match[2]}</a>'

    return PAGE_LINK.sub(link, html)


def _link_targets() -> dict[str, int]:
    """The pages demo lessons may link to, by slug."""
    ids = {}
    for model in (ToolboxIndexPage, ToolboxAreaPage, MeasureCatalogPage, LessonPage):
        ids.update(model.objects.live().values_list("slug", "pk"))
    return ids


def _stream(body, measures_by_slug, page_ids) -> list[dict]:
    """The spec's (type, value) pairs as StreamField data."""
    stream = []
    for kind, value in body:
        if kind == "paragraph":
            stream.append({"type": kind, "value": _page_links(value, page_ids)})
        elif kind == "heading":
            stream.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        elif kind == "measure":
            measure = measures_by_slug[value["measure"]]
            stream.append(
                {
                    "type": "measure",
                    "value": {"measure": measure.pk, "note": value.get("note", "")},
                }
            )
        else:
            stream.append({"type": kind, "value": value})
    return stream


def _goals_html(goals) -> str:
    from django.utils.html import escape

    return "<ul>" + "".join(f"<li>{escape(g)}</li>" for g in goals) + "</ul>"


def _add_lessons(area_page, lessons, groups, quiz_key) -> list[tuple]:
    """The area's missing lessons, added to the tree but not yet published: each
    with the body it will get once every page it links to exists."""
    added = []
    for number, data in enumerate(lessons, start=1):
        if _child(area_page, data["slug"]) is not None:
            continue
        body = list(data["body"])
        if number == len(lessons):
            body.append(
                (
                    "quiz",
                    {
                        "title": f"Test deg selv: {area_page.title.lower()}",
                        "quiz": quiz_key,
                        "introduction": (
                            "Noen korte spørsmål om området. Svarene lagres "
                            "underveis. Hvor mange forsøk du har, står på "
                            "quizsiden; har du brukt dem opp, kan kurslederen gi "
                            "deg flere."
                        ),
                    },
                )
            )
        lesson = LessonPage(
            title=data["title"],
            slug=data["slug"],
            search_description=data["intro"],
            learning_goals=_goals_html(data["learning_goals"]),
            estimated_minutes=data["minutes"],
        )
        lesson.target_groups = [groups[s] for s in data.get("target_groups", [])]
        area_page.add_child(instance=lesson)
        added.append((lesson, body))
    return added


@transaction.atomic
def seed(stdout=None) -> dict[str, int]:
    """Create the demo toolbox, lessons and catalogue where they are missing."""
    created = _seed_catalogue_snippets()
    home = ensure_home_page()
    if not home.body:
        home.body = HOME_BODY
        home.save_revision().publish()

    toolbox = _child(home, TOOLBOX["slug"])
    if toolbox is None:
        toolbox = _publish_child(
            home,
            ToolboxIndexPage(
                title=TOOLBOX["title"], slug=TOOLBOX["slug"], intro=TOOLBOX["intro"]
            ),
        )
    if _child(home, CATALOGUE["slug"]) is None:
        _publish_child(
            home,
            MeasureCatalogPage(
                title=CATALOGUE["title"],
                slug=CATALOGUE["slug"],
                intro=CATALOGUE["intro"],
            ),
        )
    # One registry per site: an editor may have moved or renamed it.
    if not FirmRegistryPage.objects.exists():
        _publish_child(
            home,
            FirmRegistryPage(
                title=REGISTRY["title"],
                slug=REGISTRY["slug"],
                intro=REGISTRY["intro"],
            ),
        )

    groups = {g.slug: g for g in TargetGroup.objects.all()}
    measures_by_slug = {m.slug: m for m in Measure.objects.all()}
    added = []
    for area, (slug, title, description) in AREAS.items():
        area_page = _child(toolbox, slug)
        if area_page is None:
            area_page = _publish_child(
                toolbox,
                ToolboxAreaPage(
                    title=title,
                    slug=slug,
                    area=area,
                    search_description=description,
                    intro=f"<p>{description}</p>",
                ),
            )
        added += _add_lessons(
            area_page,
            LESSONS.get(area.value, []),
            groups,
            quiz_key=f"quiz-{slugify(slug)}",
        )
    page_ids = _link_targets()
    for lesson, body in added:
        lesson.body = _stream(body, measures_by_slug, page_ids)
        lesson.save_revision().publish()
    created["lessons"] = len(added)
    if stdout is not None:
        stdout.write(
            "cms: {target_groups} new target groups, {providers} new providers, "
            "{measures} new measures, {lessons} new lessons".format(**created)
        )
    return created

"""What every page's header needs beyond its template: the person's roles and
where they are among the site's sections. The links themselves are written in
templates/includes/header.html."""

from dataclasses import dataclass

from django.utils.functional import SimpleLazyObject


@dataclass(frozen=True)
class Section:
    """A top-level section of the site in the header's menu."""

    title: str
    url: str
    # The value of aria-current ("page" or "true"), or "" for none.
    current: str = ""


def section_current(path: str, url: str) -> str:
    """aria-current for a section link: "page" on the section's own page, "true"
    on a page under it (its path starts with the section's), "" elsewhere."""
    if path == url:
        return "page"
    # A whole path segment: "/tools/" is not the section of "/toolsmith/".
    prefix = url if url.endswith("/") else url + "/"
    if url != "/" and path.startswith(prefix):
        return "true"
    return ""


def _roles(user) -> dict[str, bool]:
    from lms.accounts import rules as predicates

    return {
        "course_leader": predicates.is_course_leader(user)
        or predicates.is_administrator(user),
        "editor": predicates.is_editor(user) or predicates.is_administrator(user),
        "assessor": predicates.is_assessor(user),
        "internal_verifier": predicates.is_internal_verifier(user)
        or predicates.is_administrator(user),
        "external_moderator": predicates.is_external_moderator(user),
        "candidate": predicates.is_candidate(user),
        "programme_owner": predicates.is_programme_owner(user)
        or predicates.is_administrator(user),
    }


def _sections(request) -> list[Section]:
    from cms.selectors import main_menu

    return [
        Section(title, url, section_current(request.path, url))
        for title, url in main_menu()
    ]


def navigation_roles(request):
    """The person's roles (`nav_roles`) and the site's sections with the one the
    page is in marked (`nav_sections`), both worked out only when the header
    is rendered."""
    return {
        "nav_roles": SimpleLazyObject(lambda: _roles(request.user)),
        "nav_sections": SimpleLazyObject(lambda: _sections(request)),
    }

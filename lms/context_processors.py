"""What every page's header needs, worked out in Python once per request.

The header is on every page, so its links are built here rather than with a
`{% url %}`, `{% translate %}` and comparison per link in the template: the same
markup for a fraction of the cost.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, gettext

# The named routes the header links to (none takes arguments).
_HEADER_ROUTES = {
    "run_catalogue": "courses:run_catalogue",
    "search": "search",
    "my_course": "courses:my_course",
    "run_list": "courses:run_list",
    "editing": "wagtailadmin_home",
    "profile": "accounts:profile",
    "login": "accounts:login",
    "logout": "accounts:logout",
    "language": "accounts:language",
}


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str
    # The value of aria-current ("page" or "true"), or "" for none.
    current: str = ""


@dataclass(frozen=True)
class SiteNavigation:
    """The header's links for one request, in the order they are shown."""

    sections: list[NavLink]
    personal: list[NavLink]
    logout_url: str
    language_url: str
    # (code, name in that language) of every language but the current one.
    other_languages: tuple[tuple[str, str], ...]


@lru_cache(maxsize=16)
def _route_urls(script_prefix: str, urlconf) -> dict[str, str]:
    """The header's addresses: the same for every request under one URL map and
    script prefix (both are the key)."""
    return {key: reverse(name, urlconf=urlconf) for key, name in _HEADER_ROUTES.items()}


@lru_cache(maxsize=16)
def _other_languages(current: str, codes: tuple[str, ...]) -> tuple:
    return tuple(
        (code, capfirst(get_language_info(code)["name_local"]))
        for code in codes
        if code != current
    )


def _roles(user) -> dict[str, bool]:
    from lms.accounts import rules as predicates

    return {
        "course_leader": predicates.is_course_leader(user)
        or predicates.is_administrator(user),
        "editor": predicates.is_editor(user) or predicates.is_administrator(user),
    }


def site_navigation(request, *, roles) -> SiteNavigation:
    """The header's links, with `aria-current` where the template used to put it."""
    from cms.selectors import main_menu

    urls = _route_urls(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    path = request.path
    url_name = getattr(request.resolver_match, "url_name", None)

    def here(name):
        return "page" if url_name == name else ""

    sections = [NavLink(gettext("Home"), "/", "page" if path == "/" else "")]
    for title, url in main_menu():
        if path == url:
            current = "page"
        elif url != "/" and url in path:
            current = "true"
        else:
            current = ""
        sections.append(NavLink(title, url, current))
    sections += [
        NavLink(gettext("Course runs"), urls["run_catalogue"], here("run_catalogue")),
        NavLink(gettext("Search"), urls["search"], here("search")),
    ]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        personal = [NavLink(gettext("My course"), urls["my_course"], here("my_course"))]
        if roles["course_leader"]:
            personal.append(NavLink(gettext("Course leading"), urls["run_list"]))
        if roles["editor"]:
            personal.append(NavLink(gettext("Editing"), urls["editing"]))
        personal.append(
            NavLink(gettext("My profile"), urls["profile"], here("profile"))
        )
    else:
        personal = [NavLink(gettext("Log in"), urls["login"])]
    return SiteNavigation(
        sections=sections,
        personal=personal,
        logout_url=urls["logout"],
        language_url=urls["language"],
        other_languages=_other_languages(
            get_language(), tuple(code for code, _name in settings.LANGUAGES)
        ),
    )


def navigation_roles(request):
    """What the header offers this person (`site_nav`), and their roles
    (`nav_roles`, from one cached query), both worked out only when used."""
    roles = SimpleLazyObject(lambda: _roles(request.user))
    return {
        "nav_roles": roles,
        "site_nav": SimpleLazyObject(lambda: site_navigation(request, roles=roles)),
    }

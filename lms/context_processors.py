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


@dataclass(frozen=True)
class PersonLinks:
    """The header's links to the person's own course and firm, for those who
    have them."""

    takes_course: bool = False
    firm_org_number: str = ""  # the firm page to link ("My firm"), or ""
    plan_enrolment_pk: int | None = None  # the contact's inclusion plan


def _person_links(user) -> PersonLinks:
    """One query (each link a subquery of the owning app's selector), none for
    a visitor."""
    if not user.is_authenticated:
        return PersonLinks()
    from django.db.models import Exists, Subquery

    from courses.selectors.participant import participant_enrolments
    from courses.selectors.plans import contact_plan_enrolments
    from lms.accounts.selectors import memberships_for_user

    # The firm the person answers for first, then by name.
    firms = memberships_for_user(user=user).order_by("-is_contact", "firm__name")
    from django.contrib.auth import get_user_model

    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(
            takes_course=Exists(participant_enrolments(user=user)),
            firm_org_number=Subquery(firms.values("firm__org_number")[:1]),
            plan_enrolment_pk=Subquery(
                contact_plan_enrolments(user=user).values("pk")[:1]
            ),
        )
        .first()
    )
    if row is None:
        return PersonLinks()
    return PersonLinks(
        takes_course=row["takes_course"],
        firm_org_number=row["firm_org_number"] or "",
        plan_enrolment_pk=row["plan_enrolment_pk"],
    )


def _sections(request) -> list[Section]:
    from cms.selectors import main_menu

    return [
        Section(title, url, section_current(request.path, url))
        for title, url in main_menu()
    ]


def navigation_roles(request):
    """The person's roles (`nav_roles`), their course and firm links
    (`nav_person`) and the site's sections with the one the page is in marked
    (`nav_sections`), all worked out only when the header uses them (never the
    person's for a visitor)."""
    return {
        "nav_roles": SimpleLazyObject(lambda: _roles(request.user)),
        "nav_person": SimpleLazyObject(lambda: _person_links(request.user)),
        "nav_sections": SimpleLazyObject(lambda: _sections(request)),
    }

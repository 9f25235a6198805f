"""The register of validated mentors: exact counts on a known set, a fixed
number of queries, counts only, and only for programme owners and
administrators."""

import csv
import io
from datetime import date
from http import HTTPStatus

from django.urls import reverse

import pytest

from courses.services.certification import certificate_revoke
from lms.accounts import services as account_services
from lms.accounts.roles import Role
from tests.accounts.factories import FirmFactory
from validation.models import CaseStatus, Pathway, ValidationCertificate
from validation.selectors_register import (
    MunicipalityCount,
    PathwayCount,
    YearCount,
    validated_mentor_counts,
)
from validation.services.units import unit_approve, unit_new_version

from .factories import certified_case, open_case, person, unit_approved

pytestmark = pytest.mark.django_db

# The selector's queries: totals, pathways, their unit codes, credits per
# person and code, municipalities, years.
REGISTER_QUERIES = 6


def pathway(name, slug, credits_required, units):
    created = Pathway.objects.create(
        name=name, slug=slug, credits_required=credits_required
    )
    created.units.set(units)
    created.save()  # a ParentalManyToManyField writes when its parent is saved
    return created


def in_firm(user, municipality):
    account_services.membership_add(
        firm=FirmFactory(municipality=municipality), user=user
    )
    return user


def issued_in(case, year):
    ValidationCertificate.objects.filter(case=case).update(issued_on=date(year, 6, 1))


@pytest.fixture
def known_set(settings):
    """Ada: AM-01 + AM-02 (Asker), achieves the mentor pathway (5 credits).
    Bo: AM-01 only (Bodø, and a later firm in Asker), part of the pathway.
    Cai: AM-03 (no firm), achieves the NAV pathway.
    Dag: AM-01 submitted, not certified: not counted.
    Eli: AM-02 certified, then revoked: not counted."""
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 0
    settings.VALIDATION_IV_SHARE = 0
    am01 = unit_approved(code="AM-01", credits=3)
    am02 = unit_approved(code="AM-02", credits=2)
    am03 = unit_approved(code="AM-03", credits=4)
    pathway("Arbeidsplassmentor", "mentor", 5, [am01, am02])
    pathway("NAV-samarbeid", "nav", 4, [am03])
    pathway("Tom", "tom", 1, [])
    ada = in_firm(person(first_name="Ada", last_name="Aasen"), "Asker")
    bo = in_firm(person(first_name="Bo", last_name="Berg"), "Bodø")
    in_firm(bo, "Asker")  # joined later: Bodø counts
    cai = person(first_name="Cai", last_name="Carlsen")
    dag = in_firm(person(first_name="Dag", last_name="Dahl"), "Asker")
    eli = in_firm(person(first_name="Eli", last_name="Eide"), "Asker")
    issued_in(certified_case(candidate=ada, unit=am01), 2025)
    certified_case(candidate=ada, unit=am02)
    certified_case(candidate=bo, unit=am01)
    certified_case(candidate=cai, unit=am03)
    open_case(candidate=dag, unit=am01, status=CaseStatus.SUBMITTED)
    revoked = certified_case(candidate=eli, unit=am02)
    certificate_revoke(
        certificate=revoked.certificate, by=person(Role.ADMINISTRATOR), reason="Feil."
    )
    return {"ada": ada, "bo": bo, "cai": cai, "dag": dag, "eli": eli}


def test_counts_on_a_known_set(known_set):
    counts = validated_mentor_counts()
    this_year = date.today().year

    assert (counts.people, counts.units) == (3, 4)
    assert counts.by_pathway == (
        PathwayCount(
            name="Arbeidsplassmentor", credits_required=5, achieved=1, started=2
        ),
        PathwayCount(name="NAV-samarbeid", credits_required=4, achieved=1, started=1),
        PathwayCount(name="Tom", credits_required=1, achieved=0, started=0),
    )
    assert counts.by_municipality == (
        MunicipalityCount(municipality="Asker", people=1),
        MunicipalityCount(municipality="Bodø", people=1),
        MunicipalityCount(municipality="", people=1),
    )
    assert counts.by_year == (
        YearCount(year=2025, people=1, units=1),
        YearCount(year=this_year, people=3, units=3),
    )


def test_a_new_version_of_a_unit_still_counts_for_the_pathway_once(known_set):
    am01 = ValidationCertificate.objects.get(case__candidate=known_set["bo"]).case.unit
    owner = person(Role.PROGRAMME_OWNER)
    second = unit_approve(unit=unit_new_version(unit=am01), by=owner)
    # The pathway lists version 1; Bo is certified on version 2 as well.
    certified_case(candidate=known_set["bo"], unit=second)
    am02 = ValidationCertificate.objects.get(
        case__candidate=known_set["ada"], case__unit__code="AM-02"
    ).case.unit
    certified_case(candidate=known_set["bo"], unit=am02)

    counts = validated_mentor_counts()

    # Bo now has AM-01 (3, counted once) + AM-02 (2) = 5: achieved.
    mentor = counts.by_pathway[0]
    assert (mentor.achieved, mentor.started) == (2, 2)
    assert counts.people == 3


def test_the_query_count_does_not_grow_with_the_people(
    known_set, django_assert_num_queries
):
    with django_assert_num_queries(REGISTER_QUERIES):
        validated_mentor_counts()
    unit = ValidationCertificate.objects.filter(case__unit__code="AM-03").first()
    for _ in range(3):
        certified_case(candidate=in_firm(person(), "Tromsø"), unit=unit.case.unit)
    with django_assert_num_queries(REGISTER_QUERIES):
        counts = validated_mentor_counts()
    assert counts.people == 6


def test_nobody_certified_gives_zeros(db):
    counts = validated_mentor_counts()
    assert (counts.people, counts.units) == (0, 0)
    assert counts.by_municipality == () and counts.by_year == ()


# The page -----------------------------------------------------------------------


def register_page(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client.get(reverse("validation:register"))


@pytest.mark.parametrize("role", [Role.PROGRAMME_OWNER, Role.ADMINISTRATOR])
def test_programme_owners_and_administrators_see_counts_and_no_names(
    client, known_set, role
):
    response = register_page(client, person(role))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Register of validated mentors" in content
    assert "3 people hold at least one validation certificate." in content
    assert response.context["counts"] == validated_mentor_counts()
    for name in ("Ada", "Aasen", "Berg", "Carlsen", "Dahl", "Eide"):
        assert name not in content
    assert "Bodø" in content and "Unknown" in content and "2025" in content


@pytest.mark.parametrize(
    "role",
    [
        Role.CANDIDATE,
        Role.ASSESSOR,
        Role.INTERNAL_VERIFIER,
        Role.EXTERNAL_MODERATOR,
        Role.COURSE_LEADER,
    ],
)
def test_other_roles_are_refused(client, db, role):
    response = register_page(client, person(role))
    assert response.status_code == HTTPStatus.FORBIDDEN
    csv_response = client.get(
        reverse("validation:register_csv", kwargs={"table": "pathways"})
    )
    assert csv_response.status_code == HTTPStatus.FORBIDDEN


def test_anonymous_is_sent_to_log_in(client, db):
    for url in (
        reverse("validation:register"),
        reverse("validation:register_csv", kwargs={"table": "years"}),
    ):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("accounts:login"))


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_tables_hold_the_counts_with_formulas_neutralised(client, known_set):
    Pathway.objects.filter(slug="tom").update(name="=HYPERLINK(1)")
    client.force_login(person(Role.PROGRAMME_OWNER))
    client.cookies["django_language"] = "en"

    def table(name):
        response = client.get(
            reverse("validation:register_csv", kwargs={"table": name})
        )
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"].startswith("text/csv")
        return read_csv(response)

    assert table("pathways") == [
        [
            "Pathway",
            "Credits required",
            "People who have achieved it",
            "People with at least one unit of it",
        ],
        ["'=HYPERLINK(1)", "1", "0", "0"],
        ["Arbeidsplassmentor", "5", "1", "2"],
        ["NAV-samarbeid", "4", "1", "1"],
    ]
    assert table("municipalities") == [
        ["Municipality", "People"],
        ["Asker", "1"],
        ["Bodø", "1"],
        ["Unknown", "1"],
    ]
    assert table("years")[1] == ["2025", "1", "1"]
    missing = client.get(reverse("validation:register_csv", kwargs={"table": "names"}))
    assert missing.status_code == HTTPStatus.NOT_FOUND

"""Who sees what on a placement's pages, for every role, before and after the
trainee withdraws sharing with the firm; GET never changes anything."""

from http import HTTPStatus

from django.urls import reverse

import pytest

from lms.accounts import services as account_services
from lms.accounts.models import Membership
from lms.accounts.roles import Role
from placements.models import Placement, PlacementStatus

from ..accounts.factories import FirmFactory, UserFactory
from ..validation.factories import person
from .factories import placement_new

pytestmark = pytest.mark.django_db

OK = HTTPStatus.OK
FORBIDDEN = HTTPStatus.FORBIDDEN
NOT_FOUND = HTTPStatus.NOT_FOUND

ROLES = (
    "trainee",
    "mentor",
    "contact",
    "member",
    "other_contact",
    "course_leader",
    "programme_owner",
    "assessor",
    "administrator",
)
PAGES = ("detail", "end", "withdraw", "download")

# What each role gets on each page (GET) of an active, shared placement.
SHARED = {
    "trainee": {"detail": OK, "end": FORBIDDEN, "withdraw": OK, "download": OK},
    "mentor": {"detail": OK, "end": OK, "withdraw": FORBIDDEN, "download": FORBIDDEN},
    "contact": {"detail": OK, "end": OK, "withdraw": FORBIDDEN, "download": FORBIDDEN},
    "administrator": {
        "detail": OK,
        "end": FORBIDDEN,
        "withdraw": FORBIDDEN,
        "download": FORBIDDEN,
    },
}
# After the trainee withdrew sharing: the firm's side sees nothing at all.
WITHDRAWN = {
    "trainee": {"detail": OK, "end": FORBIDDEN, "withdraw": FORBIDDEN, "download": OK},
    "administrator": SHARED["administrator"],
}
EVERYWHERE_NOT_FOUND = dict.fromkeys(PAGES, NOT_FOUND)


@pytest.fixture
def world(firm, member, contact):
    """An active placement in `firm` (mentor: `member`) and one person per role."""
    placement = placement_new(firm=firm, mentor=member)
    other_firm = FirmFactory()
    other_contact = UserFactory()
    account_services.membership_add(
        firm=other_firm, user=other_contact, is_contact=True
    )
    colleague = UserFactory()  # same firm, neither mentor nor contact
    account_services.membership_add(firm=firm, user=colleague)
    return {
        "placement": placement,
        "trainee": placement.trainee,
        "mentor": member,
        "contact": contact,
        "member": colleague,
        "other_contact": other_contact,
        "course_leader": person(Role.COURSE_LEADER),
        "programme_owner": person(Role.PROGRAMME_OWNER),
        "assessor": person(Role.ASSESSOR),
        "administrator": person(Role.ADMINISTRATOR),
    }


def url(page, placement):
    return reverse(f"placements:{page}", kwargs={"pk": placement.pk})


def statuses(client, who, placement) -> dict:
    client.force_login(who)
    return {page: client.get(url(page, placement)).status_code for page in PAGES}


def snapshot(placement) -> tuple:
    row = Placement.objects.get(pk=placement.pk)
    return (
        row.status,
        row.trainee_id,
        row.ended_on,
        row.outcome,
        row.sharing_withdrawn_at,
        row.invitation_token_hash,
    )


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_a_shared_placement(client, world, role):
    placement = world["placement"]
    before = snapshot(placement)
    assert statuses(client, world[role], placement) == SHARED.get(
        role, EVERYWHERE_NOT_FOUND
    )
    assert snapshot(placement) == before  # no GET changes anything


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_it_after_the_trainee_withdrew_sharing(client, world, role):
    placement = world["placement"]
    client.force_login(world["trainee"])
    client.post(url("withdraw", placement))
    placement.refresh_from_db()
    assert placement.sharing_withdrawn_at is not None
    assert statuses(client, world[role], placement) == WITHDRAWN.get(
        role, EVERYWHERE_NOT_FOUND
    )


def test_after_withdrawal_the_trainee_still_sees_everything(client, world):
    placement = world["placement"]
    client.force_login(world["trainee"])
    client.post(url("withdraw", placement))
    response = client.get(url("detail", placement))
    assert response.status_code == OK
    assert response.context["may_download"] is True
    response = client.get(url("download", placement))
    assert response.status_code == OK
    assert response.json()["sharing_withdrawn_at"] is not None


def test_the_firm_side_cannot_change_it_after_withdrawal(client, world):
    placement = world["placement"]
    client.force_login(world["trainee"])
    client.post(url("withdraw", placement))
    for role in ("mentor", "contact"):
        client.force_login(world[role])
        response = client.post(
            url("end", placement), {"ended_on": "2020-01-01", "outcome": "employed"}
        )
        assert response.status_code == NOT_FOUND
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE


def test_an_administrator_cannot_change_anything(client, world):
    placement = world["placement"]
    client.force_login(world["administrator"])
    response = client.post(
        url("end", placement), {"ended_on": "2020-01-01", "outcome": "employed"}
    )
    assert response.status_code == FORBIDDEN
    assert client.post(url("withdraw", placement)).status_code == FORBIDDEN
    waiting = placement_new(firm=placement.firm, mentor=world["mentor"], accepted=False)
    for page in ("invitation_resend", "cancel"):
        assert client.post(url(page, waiting)).status_code == FORBIDDEN
    assert Placement.objects.filter(pk=waiting.pk).exists()
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE
    assert placement.sharing_withdrawn_at is None


def test_a_colleague_cannot_resend_or_cancel_an_invitation(client, world):
    waiting = placement_new(
        firm=world["placement"].firm, mentor=world["mentor"], accepted=False
    )
    before = snapshot(waiting)
    for role in ("member", "other_contact", "course_leader", "trainee"):
        client.force_login(world[role])
        for page in ("invitation_resend", "cancel"):
            assert client.post(url(page, waiting)).status_code == NOT_FOUND
    assert snapshot(waiting) == before


def test_an_assessor_who_is_the_mentor_sees_it_as_mentor(client, firm):
    mentor = person(Role.ASSESSOR)
    placement = placement_new(firm=firm, mentor=mentor)
    assert statuses(client, mentor, placement) == SHARED["mentor"]


def test_a_mentor_who_leaves_the_firm_no_longer_sees_its_placements(client, world):
    placement, mentor = world["placement"], world["mentor"]
    Membership.objects.filter(firm=placement.firm, user=mentor).delete()
    assert statuses(client, mentor, placement) == EVERYWHERE_NOT_FOUND
    client.force_login(mentor)
    response = client.get(reverse("placements:list"))
    assert placement.trainee_name not in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    placement = world["placement"]
    for page in PAGES:
        response = client.get(url(page, placement))
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("accounts:login"))
    response = client.get(reverse("placements:list"))
    assert response.status_code == HTTPStatus.FOUND


# The list page -----------------------------------------------------------------


def listed(client, who) -> tuple[int, set]:
    client.force_login(who)
    response = client.get(reverse("placements:list"))
    if response.status_code != OK:
        return response.status_code, set()
    ids = {p.pk for p in response.context["own"]}
    for group in response.context["groups"]:
        ids |= {p.pk for p in group["placements"]}
    return OK, ids


def test_the_list_shows_each_person_what_they_may_see(client, world):
    pk = world["placement"].pk
    assert listed(client, world["trainee"]) == (OK, {pk})
    assert listed(client, world["mentor"]) == (OK, {pk})
    assert listed(client, world["contact"]) == (OK, {pk})
    assert listed(client, world["member"]) == (OK, set())
    assert listed(client, world["other_contact"]) == (OK, set())
    assert listed(client, world["administrator"]) == (OK, {pk})
    for role in ("course_leader", "programme_owner", "assessor"):
        assert listed(client, world[role]) == (NOT_FOUND, set())


def test_the_list_groups_by_status_and_offers_a_new_placement(client, world):
    placement = world["placement"]
    waiting = placement_new(firm=placement.firm, mentor=world["mentor"], accepted=False)
    client.force_login(world["contact"])
    response = client.get(reverse("placements:list"))
    assert [
        (group["status"], [p.pk for p in group["placements"]])
        for group in response.context["groups"]
    ] == [("invited", [waiting.pk]), ("active", [placement.pk])]
    assert response.context["may_add"] is True
    assert reverse("placements:create") in response.content.decode()

    client.force_login(world["trainee"])
    response = client.get(reverse("placements:list"))
    assert response.context["may_add"] is False
    assert reverse("placements:create") not in response.content.decode()


def test_the_list_forgets_a_withdrawn_placement_for_the_firm(client, world):
    placement = world["placement"]
    client.force_login(world["trainee"])
    client.post(url("withdraw", placement))
    assert listed(client, world["mentor"]) == (OK, set())
    assert listed(client, world["contact"]) == (OK, set())
    assert listed(client, world["trainee"]) == (OK, {placement.pk})


# The placement's page ------------------------------------------------------------


def test_the_page_shows_the_facts_and_the_actions_of_each_side(client, world):
    placement = world["placement"]
    client.force_login(world["mentor"])
    response = client.get(url("detail", placement))
    body = response.content.decode()
    assert placement.firm.name in body
    assert 'id="mentor-in-training"' in body
    assert url("end", placement) in body
    assert url("withdraw", placement) not in body
    assert url("download", placement) not in body

    client.force_login(world["trainee"])
    body = client.get(url("detail", placement)).content.decode()
    assert url("end", placement) not in body
    assert url("withdraw", placement) in body
    assert url("download", placement) in body

    client.force_login(world["administrator"])
    body = client.get(url("detail", placement)).content.decode()
    assert 'id="placement-actions"' not in body


def test_the_page_of_an_invited_placement_offers_resend_and_cancel(client, world):
    waiting = placement_new(
        firm=world["placement"].firm, mentor=world["mentor"], accepted=False
    )
    client.force_login(world["contact"])
    body = client.get(url("detail", waiting)).content.decode()
    assert url("invitation_resend", waiting) in body
    assert url("cancel", waiting) in body
    assert url("end", waiting) not in body


# The home page -------------------------------------------------------------------


def test_the_home_page_has_a_part_for_the_trainee_and_for_the_mentor(client, world):
    placement = world["placement"]
    client.force_login(world["trainee"])
    response = client.get(reverse("home"))
    assert response.context["home"].trainee.latest_pk == placement.pk
    assert url("detail", placement) in response.content.decode()
    assert response.context["home"].mentor is None

    client.force_login(world["mentor"])
    home = client.get(reverse("home")).context["home"]
    assert home.trainee is None
    assert (home.mentor.total, home.mentor.active) == (1, 1)

    client.force_login(world["member"])
    home = client.get(reverse("home")).context["home"]
    assert home.trainee is None
    assert home.mentor is None

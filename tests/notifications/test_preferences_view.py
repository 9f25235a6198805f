"""The preferences page: one's own choices only; required kinds stay on."""

from http import HTTPStatus

from django.urls import reverse

import pytest

from lms.notifications.kinds import OPTIONAL_KINDS, REQUIRED_KINDS, Kind
from lms.notifications.models import NotificationPreference

from ..accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/accounts/notifications/"


def off(user):
    return set(
        NotificationPreference.objects.filter(user=user).values_list("kind", flat=True)
    )


def all_on_except(*kinds):
    return {"on": [k.value for k in OPTIONAL_KINDS if k not in kinds]}


def test_the_url_is_named():
    assert reverse("notifications:preferences") == URL


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"{reverse('accounts:login')}?next={URL}"
    response = client.post(URL, {"on": []})
    assert response.status_code == HTTPStatus.FOUND
    assert not NotificationPreference.objects.exists()


def test_the_page_shows_optional_checkboxes_and_required_ones_always_on(client):
    person = UserFactory()
    client.force_login(person)
    client.cookies["django_language"] = "en"
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for kind in OPTIONAL_KINDS:
        assert f'value="{kind.value}"' in html
        assert str(kind.label) in html
    for kind in REQUIRED_KINDS:
        assert f'value="{kind.value}"' not in html
        assert f'id="required-{kind.value}" checked disabled' in html
    assert html.count("always on") == len(REQUIRED_KINDS)


def test_a_person_turns_kinds_off_and_on_again(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        URL, all_on_except(Kind.SESSION_REMINDER, Kind.PLAN_SUBMITTED)
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == URL
    assert off(person) == {Kind.SESSION_REMINDER, Kind.PLAN_SUBMITTED}
    # The page shows the choice.
    shown = client.get(URL).context["form"].initial["on"]
    assert Kind.SESSION_REMINDER.value not in shown
    assert Kind.PLAN_APPROVED.value in shown
    client.post(URL, all_on_except())
    assert off(person) == set()


@pytest.mark.parametrize("kind", sorted(REQUIRED_KINDS))
def test_a_post_naming_a_required_kind_changes_nothing(client, kind):
    person = UserFactory()
    NotificationPreference.objects.create(user=person, kind=Kind.FIRM_CERTIFIED)
    client.force_login(person)
    client.cookies["django_language"] = "en"
    response = client.post(URL, {"on": [kind]})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Nothing was saved" in response.content.decode()
    assert off(person) == {Kind.FIRM_CERTIFIED}


def test_nobody_sees_or_changes_another_persons_choices(client):
    owner = UserFactory()
    NotificationPreference.objects.create(user=owner, kind=Kind.SESSION_REMINDER)
    other = UserFactory()
    client.force_login(other)
    response = client.get(URL)
    # The other person's page shows their own (all on), whatever is asked.
    assert response.context["form"].initial["on"] == [k.value for k in OPTIONAL_KINDS]
    response = client.get(URL, {"user": owner.pk})
    assert response.context["form"].initial["on"] == [k.value for k in OPTIONAL_KINDS]
    client.post(URL, {**all_on_except(Kind.PLAN_APPROVED), "user": owner.pk})
    assert off(owner) == {Kind.SESSION_REMINDER}
    assert off(other) == {Kind.PLAN_APPROVED}


def test_the_profile_page_links_to_the_choices(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:profile"))
    assert f'href="{URL}"' in response.content.decode()

from http import HTTPStatus

from django.urls import reverse

import pytest

from ..accounts.factories import UserFactory
from . import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["course", "courserun", "enrolment", "attendance", "inclusionplan"]
)
def test_administrator_manages_the_course_side_in_the_admin(client, model):
    run = factories.run()
    factories.enrolment(run_=run)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse(f"admin:courses_{model}_changelist"))
    assert response.status_code == HTTPStatus.OK
    if model == "course":
        change = client.get(
            reverse("admin:courses_course_change", args=[run.course.pk])
        )
        assert "Samling 1" in change.content.decode()


def test_participant_has_no_admin(client, member):
    client.force_login(member)
    response = client.get(reverse("admin:courses_course_changelist"))
    assert response.status_code == HTTPStatus.FOUND

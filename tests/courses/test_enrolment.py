from datetime import timedelta
from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import CourseRun, Enrolment, EnrolmentStatus
from courses.services import enrolment as services
from lms.accounts import services as accounts

from ..accounts.factories import FirmFactory, UserFactory
from ..helpers import assert_shows_message
from . import factories

pytestmark = pytest.mark.django_db


def test_contact_applies_for_an_open_run(client, firm, contact):
    run = factories.run()
    client.force_login(contact)
    response = client.post(
        reverse("courses:run_apply", args=[run.pk]), {f"run-{run.pk}-firm": firm.pk}
    )
    assert response.status_code == HTTPStatus.FOUND
    enrolment = Enrolment.objects.get(run=run, firm=firm)
    assert enrolment.status == EnrolmentStatus.APPLIED
    assert list(enrolment.participants.all()) == [contact]


def test_application_after_the_deadline_is_refused(firm, contact):
    run = factories.run()
    CourseRun.objects.filter(pk=run.pk).update(
        enrolment_deadline=timezone.localdate() - timedelta(days=1)
    )
    run.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        services.enrolment_apply(run=run, firm=firm, by=contact)
    assert excinfo.value.messages == [str(services.DEADLINE_PASSED_MESSAGE)]
    assert not Enrolment.objects.exists()


def test_applying_twice_is_refused(client, firm, contact):
    run = factories.run()
    services.enrolment_apply(run=run, firm=firm, by=contact)
    client.force_login(contact)
    response = client.post(
        reverse("courses:run_apply", args=[run.pk]),
        {f"run-{run.pk}-firm": firm.pk},
        follow=True,
    )
    assert_shows_message(response, services.ALREADY_ENROLLED_MESSAGE, firm=firm.name)
    assert Enrolment.objects.count() == 1


def test_participant_who_is_not_contact_cannot_apply(client, firm, member):
    run = factories.run()
    client.force_login(member)
    response = client.post(
        reverse("courses:run_apply", args=[run.pk]), {f"run-{run.pk}-firm": firm.pk}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Enrolment.objects.exists()


def test_contact_cannot_apply_for_another_firm(client, contact):
    run = factories.run()
    other = FirmFactory()
    client.force_login(contact)
    client.post(
        reverse("courses:run_apply", args=[run.pk]), {f"run-{run.pk}-firm": other.pk}
    )
    assert not Enrolment.objects.filter(firm=other).exists()


def test_leader_accepts_up_to_capacity_and_no_further(client):
    run = factories.run(capacity=2)
    applications = [
        factories.enrolment(run_=run, status=EnrolmentStatus.APPLIED) for _ in range(3)
    ]
    client.force_login(run.leaders.get())
    for enrolment in applications[:2]:
        client.post(reverse("courses:enrolment_accept", args=[enrolment.pk]))
    response = client.post(
        reverse("courses:enrolment_accept", args=[applications[2].pk]), follow=True
    )
    assert_shows_message(response, services.RUN_FULL_MESSAGE, capacity=2)
    statuses = [Enrolment.objects.get(pk=e.pk).status for e in applications]
    assert statuses == [
        EnrolmentStatus.ACCEPTED,
        EnrolmentStatus.ACCEPTED,
        EnrolmentStatus.APPLIED,
    ]


def test_leader_of_another_run_cannot_accept(client):
    run = factories.run()
    enrolment = factories.enrolment(run_=run, status=EnrolmentStatus.APPLIED)
    client.force_login(factories.leader())
    response = client.post(reverse("courses:enrolment_accept", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.APPLIED


def test_contact_chooses_participants_among_members(client):
    run = factories.run()
    enrolment = factories.enrolment(run_=run, participants=1)
    colleague = UserFactory()
    accounts.membership_add(firm=enrolment.firm, user=colleague)
    client.force_login(enrolment.contact)
    response = client.post(
        reverse("courses:enrolment_detail", args=[enrolment.pk]),
        {"participants": [enrolment.contact.pk, colleague.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert set(enrolment.participants.all()) == {enrolment.contact, colleague}


def test_someone_outside_the_firm_cannot_be_a_participant(client):
    run = factories.run()
    enrolment = factories.enrolment(run_=run, participants=1)
    outsider = UserFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.enrolment_set_participants(
            enrolment=enrolment, users=[enrolment.contact, outsider]
        )
    assert excinfo.value.code == "not_member"
    client.force_login(enrolment.contact)
    response = client.post(
        reverse("courses:enrolment_detail", args=[enrolment.pk]),
        {"participants": [outsider.pk]},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(enrolment.participants.all()) == [enrolment.contact]


def test_another_firms_contact_sees_nothing(client):
    run = factories.run()
    enrolment = factories.enrolment(run_=run)
    stranger = factories.enrolment(run_=run).contact
    client.force_login(stranger)
    response = client.get(reverse("courses:enrolment_detail", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert enrolment.firm.name not in response.content.decode()


def test_firm_page_says_what_is_missing(client):
    run = factories.run()
    enrolment = factories.enrolment(run_=run)
    client.force_login(enrolment.contact)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("courses:enrolment_detail", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.OK
    failing = response.context["check"].failing
    assert [rule.code for rule in failing] == ["sessions", "plan"]
    assert (failing[0].present, failing[0].required, failing[0].total) == (0, 3, 3)
    page = response.content.decode()
    assert "The firm was represented at 0 of 3 sessions (3 required)." in page
    assert "The firm has not written an inclusion plan yet." in page


def test_open_runs_are_listed_for_visitors(client):
    run = factories.run()
    response = client.get(reverse("courses:run_catalogue"))
    assert response.status_code == HTTPStatus.OK
    assert run.title in response.content.decode()
    home = client.get("/").content.decode()
    assert run.title in home


# --- Declining (defect 13) ---------------------------------------------------------


def test_leader_declines_an_application(client):
    run = factories.run()
    enrolment = factories.enrolment(run_=run, status=EnrolmentStatus.APPLIED)
    client.force_login(run.leaders.get())
    response = client.post(
        reverse("courses:enrolment_reject", args=[enrolment.pk]), follow=True
    )
    assert response.status_code == HTTPStatus.OK
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert enrolment.decided_at is not None


@pytest.mark.parametrize(
    "status", [EnrolmentStatus.ACCEPTED, EnrolmentStatus.WITHDRAWN]
)
def test_declining_is_refused_unless_the_enrolment_is_an_application(status):
    run = factories.run()
    enrolment = factories.enrolment(run_=run, status=status)
    with pytest.raises(ValidationError) as excinfo:
        services.enrolment_decline(enrolment=enrolment, by=run.leaders.get())
    assert excinfo.value.code == "not_applied"
    enrolment.refresh_from_db()
    assert enrolment.status == status
    assert enrolment.decided_at is None


def test_declining_a_certified_firm_is_refused_and_the_certification_stays(client):
    from courses.models import CertificateStatus

    from . import certification_factories as cf

    certification = cf.certification()
    enrolment = certification.enrolment
    client.force_login(enrolment.run.leaders.get())
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("courses:enrolment_reject", args=[enrolment.pk]), follow=True
    )
    assert_shows_message(
        response,
        services.CANNOT_DECLINE_MESSAGE,
        firm=enrolment.firm.name,
        status="accepted",
    )
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACCEPTED
    certification.refresh_from_db()
    assert certification.status == CertificateStatus.ACTIVE


def test_leader_of_another_run_cannot_decline(client):
    enrolment = factories.enrolment(
        run_=factories.run(), status=EnrolmentStatus.APPLIED
    )
    client.force_login(factories.leader())
    response = client.post(reverse("courses:enrolment_reject", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.APPLIED

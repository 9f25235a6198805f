"""Each event on the platform tells exactly the people it concerns."""

from datetime import timedelta
from http import HTTPStatus

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import AttendanceStatus, Commitment, EnrolmentStatus
from courses.services import attendance, enrolment, plans
from courses.services import certification as certification_services
from lms.accounts import services as accounts
from lms.notifications.kinds import Kind
from lms.notifications.models import Notification
from validation.services.cases import CaseAction

from ..accounts.factories import UserFactory
from ..courses import factories
from ..validation import factories as vf

pytestmark = pytest.mark.django_db


def told(kind):
    """Who was told of `kind`, as a set of people."""
    return {n.recipient for n in Notification.objects.filter(kind=kind)}


def mailed():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def run():
    """A run with two course leaders."""
    return factories.run(leaders=[factories.leader(), factories.leader()])


@pytest.fixture
def applied(run):
    """An application from a firm with two contacts and one plain member."""
    item = factories.enrolment(run_=run, status=EnrolmentStatus.APPLIED, participants=2)
    item.second_contact = UserFactory()
    accounts.membership_add(firm=item.firm, user=item.second_contact, is_contact=True)
    item.member = item.participants.exclude(pk=item.contact.pk).get()
    return item


def contacts_of(item):
    return {item.contact, item.second_contact}


def test_an_application_tells_the_runs_leaders(run, django_capture_on_commit_callbacks):
    firm_contact = factories.enrolment(run_=factories.run()).contact  # elsewhere
    other_run_leader = factories.leader()
    firm = firm_contact.memberships.get().firm
    with django_capture_on_commit_callbacks(execute=True):
        item = enrolment.enrolment_apply(run=run, firm=firm, by=firm_contact)
    assert told(Kind.APPLICATION_RECEIVED) == set(run.leaders.all())
    assert other_run_leader not in told(Kind.APPLICATION_RECEIVED)
    assert mailed() == sorted(leader.email for leader in run.leaders.all())
    notification = Notification.objects.filter(kind=Kind.APPLICATION_RECEIVED).first()
    assert notification.url == run.get_absolute_url()
    assert notification.context["firm_name"] == item.firm.name
    assert notification.context["org_number"] == item.firm.org_number_display


def test_accepting_tells_the_firms_contacts_only(
    applied, django_capture_on_commit_callbacks
):
    leader = applied.run.leaders.first()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment.enrolment_accept(enrolment=applied, by=leader)
    assert told(Kind.APPLICATION_ACCEPTED) == contacts_of(applied)
    assert mailed() == sorted(p.email for p in contacts_of(applied))
    assert applied.member.email not in mailed()


def test_declining_tells_the_firms_contacts(
    applied, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment.enrolment_decline(enrolment=applied, by=applied.run.leaders.first())
    assert told(Kind.APPLICATION_DECLINED) == contacts_of(applied)
    assert told(Kind.APPLICATION_ACCEPTED) == set()
    assert len(mail.outbox) == 2


def test_a_refused_accept_tells_nobody(applied, run):
    enrolment.enrolment_decline(enrolment=applied, by=run.leaders.first())
    Notification.objects.all().delete()
    with pytest.raises(enrolment.ValidationError):
        enrolment.enrolment_accept(enrolment=applied, by=run.leaders.first())
    assert not Notification.objects.exists()


def test_a_failing_mail_server_does_not_break_the_leaders_page(
    client, applied, monkeypatch, django_capture_on_commit_callbacks
):
    def broken_send(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    client.force_login(applied.run.leaders.first())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("courses:enrolment_accept", kwargs={"pk": applied.pk})
        )
    assert response.status_code == HTTPStatus.FOUND
    applied.refresh_from_db()
    assert applied.status == EnrolmentStatus.ACCEPTED
    # Recorded for the home page, not mailed.
    rows = Notification.objects.filter(kind=Kind.APPLICATION_ACCEPTED)
    assert {n.recipient for n in rows} == contacts_of(applied)
    assert all(n.emailed_at is None for n in rows)


def test_the_plan_workflow_tells_leaders_then_contacts(
    applied, django_capture_on_commit_callbacks
):
    run = applied.run
    leader = run.leaders.first()
    enrolment.enrolment_accept(enrolment=applied, by=leader)
    plan = plans.plan_get_or_create(enrolment=applied)
    Commitment.objects.create(
        plan=plan,
        area="attitudes",
        what="Vi tar inn to lærlinger.",
        responsible="Daglig leder",
        due_date=timezone.localdate() + timedelta(days=60),
        position=1,
    )
    Notification.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        plans.plan_submit(plan=plan, by=applied.contact)
    assert told(Kind.PLAN_SUBMITTED) == set(run.leaders.all())
    assert mailed() == sorted(p.email for p in run.leaders.all())

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        plans.plan_request_changes(plan=plan, by=leader, comment="Skriv mer.")
    assert told(Kind.PLAN_SENT_BACK) == contacts_of(applied)
    assert mailed() == sorted(p.email for p in contacts_of(applied))
    assert all(
        n.context["comment"] == "Skriv mer."
        for n in Notification.objects.filter(kind=Kind.PLAN_SENT_BACK)
    )
    assert "Skriv mer." in mail.outbox[0].body

    plans.plan_submit(plan=plan, by=applied.contact)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        plans.plan_approve(plan=plan, by=leader)
    assert told(Kind.PLAN_APPROVED) == contacts_of(applied)
    assert mailed() == sorted(p.email for p in contacts_of(applied))


def test_certifying_tells_the_firms_contacts(
    applied, django_capture_on_commit_callbacks
):
    leader = applied.run.leaders.first()
    enrolment.enrolment_accept(enrolment=applied, by=leader)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        certification = certification_services.certification_create(
            enrolment=applied, by=leader, override_reason="Godkjent av styret."
        )
    assert told(Kind.FIRM_CERTIFIED) == contacts_of(applied)
    assert mailed() == sorted(p.email for p in contacts_of(applied))
    notification = Notification.objects.filter(kind=Kind.FIRM_CERTIFIED).first()
    assert notification.context["valid_until"] == certification.valid_until.isoformat()


def test_course_certificates_tell_each_new_holder(
    run, django_capture_on_commit_callbacks
):
    item = factories.enrolment(run_=run, participants=3)
    everyone = list(item.participants.order_by("pk"))
    attended, absent = everyone[:2], everyone[2]
    for person in attended:
        for session in run.sessions.all():
            attendance.attendance_record(
                session=session,
                user=person,
                status=AttendanceStatus.PRESENT,
                by=run.leaders.first(),
            )
    with django_capture_on_commit_callbacks(execute=True):
        created = certification_services.course_certificates_issue(
            run=run, by=run.leaders.first()
        )
    assert told(Kind.COURSE_CERTIFICATE_READY) == set(attended)
    assert absent not in told(Kind.COURSE_CERTIFICATE_READY)
    assert mailed() == sorted(p.email for p in attended)
    urls = {n.url for n in Notification.objects.all()}
    assert urls == {
        reverse("courses:course_certificate_pdf", kwargs={"pk": c.pk}) for c in created
    }
    # Issuing again makes none, and tells nobody again.
    with django_capture_on_commit_callbacks(execute=True):
        certification_services.course_certificates_issue(
            run=run, by=run.leaders.first()
        )
    assert Notification.objects.count() == 2


def test_an_accepted_invitation_tells_the_inviter(
    firm, contact, django_capture_on_commit_callbacks
):
    other_contact = UserFactory()
    accounts.membership_add(firm=firm, user=other_contact, is_contact=True)
    _invitation, token = accounts.invitation_create(
        firm=firm,
        email="ny@example.no",
        invited_by=contact,
        base_url="http://testserver",
    )
    newcomer = UserFactory(email="ny@example.no", first_name="Nils")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accounts.invitation_accept(token=token, user=newcomer)
    assert told(Kind.INVITATION_ACCEPTED) == {contact}
    assert mailed() == [contact.email]
    assert "ny@example.no" in mail.outbox[0].body


def test_a_validation_case_tells_the_person_it_waits_for(
    django_capture_on_commit_callbacks,
):
    case = vf.open_case()
    with django_capture_on_commit_callbacks(execute=True):
        vf.step(case, CaseAction.SUBMIT, case.candidate)
    assert told(Kind.VALIDATION_CASE) == {case.assessor}
    assert mailed() == [case.assessor.email]
    notification = Notification.objects.get()
    assert notification.url == reverse("validation:case", kwargs={"pk": case.pk})
    assert notification.context["unit_code"] == case.unit.code

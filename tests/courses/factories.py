"""Builders for courses, runs, enrolments and participants."""

import itertools
from datetime import timedelta

from django.utils import timezone

from courses.models import Course, Enrolment, EnrolmentStatus, SessionTemplate
from courses.services import runs
from lms.accounts import services as accounts
from lms.accounts.roles import Role

from ..accounts.factories import FirmFactory, UserFactory

_n = itertools.count(1)


def course(*, sessions=3, lessons=()) -> Course:
    n = next(_n)
    item = Course.objects.create(
        title=f"Sosial Profil {n}",
        slug=f"sosial-profil-{n}",
        certificate_validity_months=12,
    )
    for position in range(1, sessions + 1):
        template = SessionTemplate.objects.create(
            course=item,
            position=position,
            title=f"Samling {position}",
            agenda=f"Agenda for samling {position}",
            duration_minutes=180,
            days_after_previous=14,
        )
        template.preparation_lessons.set(lessons)
    return item


def leader():
    person = UserFactory()
    accounts.role_grant(user=person, role=Role.COURSE_LEADER)
    return person


def run(*, course_=None, leaders=None, capacity=12, starts_in_days=10, lessons=()):
    course_ = course_ or course(lessons=lessons)
    leaders = leaders if leaders is not None else [leader()]
    start = (timezone.now() + timedelta(days=starts_in_days)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return runs.run_create_from_course(
        course=course_,
        title=f"{course_.title} – Asker",
        municipality="Asker",
        capacity=capacity,
        enrolment_deadline=(timezone.localdate() + timedelta(days=5)),
        first_session_starts_at=start,
        place="Asker rådhus",
        leaders=leaders,
    )


def enrolment(*, run_, firm=None, participants=1, status=EnrolmentStatus.ACCEPTED):
    """An enrolled firm with a contact and `participants` people taking part."""
    firm = firm or FirmFactory()
    contact = UserFactory()
    accounts.membership_add(firm=firm, user=contact, is_contact=True)
    people = [contact]
    for _ in range(participants - 1):
        person = UserFactory()
        accounts.membership_add(firm=firm, user=person)
        people.append(person)
    item = Enrolment.objects.create(
        run=run_, firm=firm, status=status, applied_by=contact
    )
    item.participants.set(people)
    item.contact = contact
    return item

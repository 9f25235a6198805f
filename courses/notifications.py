"""Who hears of what on the course side, and what the message says.

Called by the course services inside the transaction that made the change:
the notification rows roll back with it, and the mails go out only after it
commits (lms.notifications.services.notify). Contexts hold plain values only.
"""

from django.urls import reverse

from lms.accounts.models import User
from lms.notifications.kinds import Kind
from lms.notifications.services import notify, notify_all

from .models import Certification, CourseCertificate, Enrolment, PlanStatus


def firm_contacts(firm_id: int):
    """The firm's contacts who can still be told (active, not anonymised)."""
    return User.objects.filter(
        memberships__firm=firm_id,
        memberships__is_contact=True,
        is_active=True,
        anonymised_at__isnull=True,
    ).order_by("pk")


def run_leaders(run_id: int):
    return User.objects.filter(
        led_runs=run_id, is_active=True, anonymised_at__isnull=True
    ).order_by("pk")


def _enrolment_context(enrolment: Enrolment) -> dict:
    return {
        "firm_name": enrolment.firm.name,
        "org_number": enrolment.firm.org_number_display,
        "run_title": enrolment.run.title,
    }


def application_received(*, enrolment: Enrolment) -> None:
    """A firm applied: the run's course leaders are told."""
    notify_all(
        recipients=run_leaders(enrolment.run_id),
        kind=Kind.APPLICATION_RECEIVED,
        context=_enrolment_context(enrolment),
        url=enrolment.run.get_absolute_url(),
    )


def application_decided(*, enrolment: Enrolment, accepted: bool) -> None:
    """The leader accepted or declined: the firm's contacts are told."""
    notify_all(
        recipients=firm_contacts(enrolment.firm_id),
        kind=Kind.APPLICATION_ACCEPTED if accepted else Kind.APPLICATION_DECLINED,
        context=_enrolment_context(enrolment),
        url=reverse("courses:enrolment_detail", kwargs={"pk": enrolment.pk})
        if accepted
        else reverse("courses:run_catalogue"),
    )


PLAN_KINDS = {
    PlanStatus.SUBMITTED: Kind.PLAN_SUBMITTED,
    PlanStatus.CHANGES_REQUESTED: Kind.PLAN_SENT_BACK,
    PlanStatus.APPROVED: Kind.PLAN_APPROVED,
}


def plan_moved(*, enrolment: Enrolment, to: str, comment: str = "") -> None:
    """Submitted: the run's leaders review it. Sent back or approved: the firm's
    contacts are told, with the leader's comment."""
    kind = PLAN_KINDS.get(to)
    if kind is None:
        return
    context = {**_enrolment_context(enrolment), "comment": comment}
    if kind == Kind.PLAN_SUBMITTED:
        recipients = run_leaders(enrolment.run_id)
        url = reverse("courses:plan_review", kwargs={"enrolment_pk": enrolment.pk})
    else:
        recipients = firm_contacts(enrolment.firm_id)
        url = reverse("courses:plan_detail", kwargs={"enrolment_pk": enrolment.pk})
    notify_all(recipients=recipients, kind=kind, context=context, url=url)


def _certification_context(certification: Certification) -> dict:
    enrolment = certification.enrolment
    return {
        "firm_name": enrolment.firm.name,
        "course_title": enrolment.run.course.title,
        "valid_until": certification.valid_until,
    }


def _certification_url(certification: Certification) -> str:
    return reverse(
        "courses:certification_firm",
        kwargs={"enrolment_pk": certification.enrolment_id},
    )


def firm_certified(*, certification: Certification) -> None:
    """The firm's contacts hear that the firm is certified."""
    notify_all(
        recipients=firm_contacts(certification.enrolment.firm_id),
        kind=Kind.FIRM_CERTIFIED,
        context=_certification_context(certification),
        url=_certification_url(certification),
    )


def certification_expiring(
    *, certification: Certification, contacts, days_left: int
) -> None:
    """Each contact is reminded, now (the caller runs in the background and
    rolls back if the mail server fails)."""
    context = {**_certification_context(certification), "days_left": days_left}
    for contact in contacts:
        notify(
            recipient=contact,
            kind=Kind.CERTIFICATION_EXPIRING,
            context=context,
            url=_certification_url(certification),
            send_now=True,
        )


def course_certificates_ready(*, certificates: list[CourseCertificate]) -> None:
    """Each participant with a new course certificate is told."""
    for certificate in certificates:
        notify(
            recipient=certificate.user,
            kind=Kind.COURSE_CERTIFICATE_READY,
            context={
                "run_title": certificate.run.title,
                "course_title": certificate.run.course.title,
            },
            url=reverse(
                "courses:course_certificate_pdf", kwargs={"pk": certificate.pk}
            ),
        )

"""What the platform tells people about, and which of those a person may turn off.

Every kind has three templates in templates/notifications/email/:
`<kind>_subject.txt`, `<kind>.txt` and `<kind>.html` (the subject is also the
one line shown in the list of recent events on the home page).

Required kinds cannot be turned off. A kind is required when missing it costs
the person something the home page would not make up for:

- FIRM_CLAIM_REQUESTED: someone asks for access to the firm's data; the firm's
  contact must be able to say no before anything is shown.
- FIRM_CLAIM_DECIDED: the answer to the person's own request for access; they
  have nothing else to look at until it comes.
- INVITATION_ACCEPTED: a new person now sees the firm's data; whoever invited
  them is always told who it was.
- CERTIFICATION_EXPIRING: the certification (and the firm's place in the public
  registry) lapses unless renewed in time; the reminder is the only warning.

Mails to an address with no account yet (the invitation itself, the sign-up
confirmation; `MailTemplate`) are always sent: there is nobody to ask.
Everything else is news the person also finds on their home page and on the
course pages, so it may be turned off.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    APPLICATION_RECEIVED = "application_received", _("A firm applied for my run")
    APPLICATION_ACCEPTED = "application_accepted", _("Our application was accepted")
    APPLICATION_DECLINED = "application_declined", _("Our application was declined")
    PLAN_SUBMITTED = "plan_submitted", _("A firm submitted its inclusion plan")
    PLAN_SENT_BACK = "plan_sent_back", _("Our inclusion plan was sent back")
    PLAN_APPROVED = "plan_approved", _("Our inclusion plan was approved")
    FIRM_CERTIFIED = "firm_certified", _("Our firm was certified")
    CERTIFICATION_EXPIRING = (
        "certification_expiring",
        _("Our certification is about to expire"),
    )
    COURSE_CERTIFICATE_READY = (
        "course_certificate_ready",
        _("My course certificate is ready"),
    )
    SESSION_REMINDER = "session_reminder", _("Reminder before a course session")
    INVITATION_ACCEPTED = "invitation_accepted", _("A colleague accepted my invitation")
    FIRM_CLAIM_REQUESTED = (
        "firm_claim_requested",
        _("Someone asks to join our firm"),
    )
    FIRM_CLAIM_DECIDED = (
        "firm_claim_decided",
        _("My request to join a firm was decided"),
    )
    VALIDATION_CASE = "validation_case", _("A validation case moved")


REQUIRED_KINDS = frozenset(
    {
        Kind.FIRM_CLAIM_REQUESTED,
        Kind.FIRM_CLAIM_DECIDED,
        Kind.INVITATION_ACCEPTED,
        Kind.CERTIFICATION_EXPIRING,
    }
)
OPTIONAL_KINDS = tuple(kind for kind in Kind if kind not in REQUIRED_KINDS)


class MailTemplate(models.TextChoices):
    """Mails to an address without an account (`services.mail_send`); always sent."""

    INVITATION = "invitation", _("Invitation to join a firm")
    SIGNUP_CONFIRM = "signup_confirm", _("Confirm your e-mail address")
    SIGNUP_ACCOUNT_EXISTS = "signup_account_exists", _("You already have an account")
    PLACEMENT_INVITATION = (
        "placement_invitation",
        _("Invitation to a placement"),
    )

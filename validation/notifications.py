"""E-mails that tell people a case waits for them.

Called after the transaction that moved the case has committed. A message that
cannot be sent is logged, never undoes the step (the case page shows the same).
"""

import logging

from django.conf import settings
from django.core.mail import BadHeaderError, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from lms.accounts.services import email_subject
from lms.links import absolute_url

logger = logging.getLogger(__name__)

# Who hears of each step: the person the case now waits for, and the candidate
# when the case reaches them or their certificate.
RECIPIENTS = {
    "submit": ("assessor",),
    "not_yet": ("candidate",),
    "assess": ("verifier",),
    "verifier_send_back": ("assessor",),
    "moderator_send_back": ("assessor",),
    "verify": ("candidate",),
    "certify": ("candidate",),
}


def case_moved(*, case_id: int, action: str) -> None:
    """Tell whoever the case waits for after `action` (see RECIPIENTS)."""
    from .models import Case

    roles = RECIPIENTS.get(action)
    if not roles:
        return
    case = Case.objects.select_related("candidate", "assessor", "verifier", "unit").get(
        pk=case_id
    )
    url = absolute_url(reverse("validation:case", kwargs={"pk": case.pk}))
    for role in roles:
        person = getattr(case, role)
        if person is None or not person.email or not person.is_active:
            continue
        context = {"case": case, "action": action, "role": role, "url": url}
        with translation.override(person.language or settings.LANGUAGE_CODE):
            subject = email_subject(
                render_to_string("validation/email/case_subject.txt", context)
            )
            body = render_to_string("validation/email/case_body.txt", context)
        try:
            send_mail(subject, body, None, [person.email], fail_silently=False)
        except (OSError, BadHeaderError):
            logger.exception("Case e-mail (%s) for case %s not sent", action, case_id)

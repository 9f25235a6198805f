"""Telling people a case waits for them (lms.notifications, kind VALIDATION_CASE).

Called after the transaction that moved the case has committed. The mail is
sent by a task; one that cannot be sent is logged and never undoes the step
(the case page and the person's home page show the same).
"""

from django.urls import reverse

from lms.notifications.kinds import Kind
from lms.notifications.services import notify

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
    context = {
        "action": action,
        "candidate_name": case.candidate.get_full_name(),
        "unit_code": case.unit.code,
        "unit_title": case.unit.title,
    }
    url = reverse("validation:case", kwargs={"pk": case.pk})
    for role in roles:
        person = getattr(case, role)
        if person is None:
            continue
        notify(
            recipient=person,
            kind=Kind.VALIDATION_CASE,
            context={**context, "role": role},
            url=url,
        )

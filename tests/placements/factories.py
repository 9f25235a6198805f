"""Build placements for tests through the real services (placements-core).

`placement_new()` gives an active placement with an accepted trainee; pass
`accepted=False` for one still waiting for the trainee (status invited)."""

import itertools
from datetime import date, timedelta

from django.utils import timezone

from lms.accounts import services as account_services
from placements.models import Placement
from placements.services.placements import (
    placement_create,
    placement_invitation_accept,
)
from results.categories import Arrangement

from ..accounts.factories import FirmFactory, UserFactory

BASE_URL = "http://testserver"
_numbers = itertools.count(1)


def placement_new(
    firm=None, mentor=None, trainee=None, accepted=True, **fields
) -> Placement:
    """A placement in `firm` (new if None) with `mentor` (a new member if None).

    With `accepted` (default) the trainee (a new person if None, else the given
    one) has accepted the invitation, so the placement is active. Other keyword
    arguments go to `placement_create` (arrangement, starts_on, planned_end_on,
    supporting_organisation, evaluation_interval_weeks, mentor_in_training,
    invited_name, invited_email, by). The token is on `placement.token`.
    """
    firm = firm or FirmFactory()
    if mentor is None:
        mentor = UserFactory()
    if not firm.memberships.filter(user=mentor).exists():
        account_services.membership_add(firm=firm, user=mentor)
    if trainee is None and accepted:
        trainee = UserFactory(email=f"trainee{next(_numbers)}@example.no")
    starts_on = fields.pop("starts_on", timezone.localdate() - timedelta(days=14))
    values = {
        "mentor_in_training": True,
        "invited_name": trainee.first_name if trainee else "Ola",
        "invited_email": (
            trainee.email if trainee else f"invited{next(_numbers)}@example.no"
        ),
        "arrangement": Arrangement.WORK_TRIAL,
        "starts_on": starts_on,
        "planned_end_on": starts_on + timedelta(weeks=12),
        "by": mentor,
        "base_url": BASE_URL,
    }
    values.update(fields)
    placement, token = placement_create(firm=firm, mentor=mentor, **values)
    if accepted:
        placement = placement_invitation_accept(token=token, user=trainee)
    placement.token = token
    return placement


def past(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)

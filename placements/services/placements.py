"""A placement's life cycle: created with an invitation to the trainee,
accepted (the trainee's own account), ended with an outcome; the trainee may
withdraw sharing with the firm at any time. Views call only these."""

import logging
import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import Membership, User
from lms.accounts.services import hash_token, user_create
from lms.notifications.kinds import MailTemplate
from lms.notifications.mail import MAIL_ERRORS
from lms.notifications.services import mail_send

from ..models import PLACEMENT_ARRANGEMENTS, Outcome, Placement, PlacementStatus
from ..selectors import validation as validation_reads
from .introduction import introduction_start
from .validation import validation_sharing_withdraw

logger = logging.getLogger(__name__)

# Creating ---------------------------------------------------------------------

NOT_FIRM_MEMBER_MESSAGE = _("You can only add placements for a firm you belong to.")
MENTOR_NOT_MEMBER_MESSAGE = _("The mentor must be a member of the firm.")
MENTOR_IN_TRAINING_MESSAGE = _(
    "This mentor has no validated mentor unit yet. Tick “Mentor in training” to go on."
)
PLANNED_END_BEFORE_START_MESSAGE = _("The planned end cannot be before the start.")
EMAIL_IS_MENTOR_MESSAGE = _(
    "This is the mentor's own e-mail address. Write the trainee's address."
)
ARRANGEMENT_MESSAGE = _("Choose one of the arrangements in the list.")
INVITATION_NOT_SENT_MESSAGE = _(
    "The invitation e-mail could not be sent, so the placement was not saved. "
    "Try again in a few minutes."
)

# The invitation -----------------------------------------------------------------

INVITATION_NOT_FOUND_MESSAGE = _(
    "This link does not work any more. The invitation may have been withdrawn, "
    "or a newer link was sent. Ask your mentor."
)
INVITATION_USED_MESSAGE = _(
    "This link has already been used. Log in to see your placement."
)
INVITATION_EXPIRED_MESSAGE = _(
    "This link is too old. Ask your mentor to send you a new one."
)
INVITATION_WRONG_USER_MESSAGE = _(
    "This invitation was sent to another e-mail address. Log out and open the "
    "link again, or ask your mentor to send it to your own address."
)
INVITATION_IS_MENTOR_MESSAGE = _(
    "You are the mentor in this placement, so you cannot be its trainee."
)
INVITATION_ACCOUNT_EXISTS_MESSAGE = _(
    "There is already an account for this e-mail address. Log in to accept "
    "the invitation."
)
NOT_INVITED_MESSAGE = _("The trainee has already accepted the invitation.")

# The end and the trainee's withdrawal --------------------------------------------

NOT_ACTIVE_MESSAGE = _("Only a placement that is under way can be ended.")
ENDED_BEFORE_START_MESSAGE = _("The placement cannot end before it started.")
ENDED_IN_FUTURE_MESSAGE = _("The end date cannot be in the future.")
OUTCOME_REQUIRED_MESSAGE = _("Choose where the trainee went.")
ENDED_ON_REQUIRED_MESSAGE = _("Write the date the placement ended.")
ALREADY_WITHDRAWN_MESSAGE = _("You have already stopped sharing this placement.")


class PlacementInvitationError(ValidationError):
    """A placement invitation link cannot be used; the message says why."""


def _is_validated_mentor(user) -> bool:
    return bool(validation_reads.is_validated_mentor(user))


def _invitation_send(*, placement: Placement, token: str, by, base_url: str) -> None:
    """E-mail the link now (never through the task queue, which would store it);
    a mail server's error becomes a ValidationError so the caller's transaction
    rolls back."""
    url = base_url.rstrip("/") + reverse(
        "placements:invitation", kwargs={"token": token}
    )
    try:
        mail_send(
            to_email=placement.invited_email,
            language=by.language,
            template=MailTemplate.PLACEMENT_INVITATION,
            context={
                "invited_name": placement.invited_name,
                "inviter": str(by),
                "mentor": str(placement.mentor),
                "firm_name": placement.firm.name,
                "starts_on": placement.starts_on,
                "expires_at": placement.invitation_expires_at,
            },
            url=url,
            immediately=True,
        )
    except MAIL_ERRORS as error:
        logger.exception("Placement invitation for firm %s not sent", placement.firm_id)
        raise ValidationError(INVITATION_NOT_SENT_MESSAGE, code="not_sent") from error


def _new_token(placement: Placement) -> str:
    token = secrets.token_urlsafe(32)
    placement.invitation_token_hash = hash_token(token)
    placement.invitation_expires_at = timezone.now() + timedelta(
        days=settings.INVITATION_VALID_DAYS
    )
    return token


def placement_create(
    *,
    firm,
    mentor,
    mentor_in_training: bool,
    invited_name: str,
    invited_email: str,
    arrangement: str,
    starts_on: date,
    planned_end_on: date,
    supporting_organisation: str = "",
    evaluation_interval_weeks: int = 4,
    by,
    base_url: str,
) -> tuple[Placement, str]:
    """Create a placement and e-mail the trainee a one-time link; returns the
    placement and the token. Nothing is saved when the e-mail cannot be sent."""
    if not by.has_perm("placements.add_placement", firm):
        raise PermissionDenied(NOT_FIRM_MEMBER_MESSAGE)
    invited_email = User.objects.normalize_email(invited_email or "").lower()
    errors: dict[str, list] = {}
    if not Membership.objects.filter(firm=firm, user=mentor).exists():
        errors.setdefault("mentor", []).append(
            ValidationError(MENTOR_NOT_MEMBER_MESSAGE, code="mentor_not_member")
        )
    elif not mentor_in_training and not _is_validated_mentor(mentor):
        errors.setdefault("mentor_in_training", []).append(
            ValidationError(MENTOR_IN_TRAINING_MESSAGE, code="mentor_in_training")
        )
    if starts_on and planned_end_on and planned_end_on < starts_on:
        errors.setdefault("planned_end_on", []).append(
            ValidationError(PLANNED_END_BEFORE_START_MESSAGE, code="end_before_start")
        )
    if invited_email and invited_email == (mentor.email or "").lower():
        errors.setdefault("invited_email", []).append(
            ValidationError(EMAIL_IS_MENTOR_MESSAGE, code="email_is_mentor")
        )
    if arrangement not in {a.value for a in PLACEMENT_ARRANGEMENTS}:
        errors.setdefault("arrangement", []).append(
            ValidationError(ARRANGEMENT_MESSAGE, code="arrangement")
        )
    if errors:
        raise ValidationError(errors)
    placement = Placement(
        firm=firm,
        mentor=mentor,
        mentor_in_training=bool(mentor_in_training),
        invited_name=invited_name.strip(),
        invited_email=invited_email,
        arrangement=arrangement,
        starts_on=starts_on,
        planned_end_on=planned_end_on,
        supporting_organisation=supporting_organisation.strip(),
        evaluation_interval_weeks=evaluation_interval_weeks,
        status=PlacementStatus.INVITED,
        created_by=by,
    )
    token = _new_token(placement)
    with transaction.atomic():
        placement.full_clean()
        placement.save()
        introduction_start(placement=placement)
        _invitation_send(placement=placement, token=token, by=by, base_url=base_url)
    return placement, token


def placement_invitation_resend(*, placement: Placement, by, base_url: str) -> str:
    """A new link for a placement not yet accepted; the old link stops working."""
    if not by.has_perm("placements.change_placement", placement):
        raise PermissionDenied
    if placement.status != PlacementStatus.INVITED:
        raise ValidationError(NOT_INVITED_MESSAGE, code="not_invited")
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        token = _new_token(placement)
        placement.save(
            update_fields=[
                "invitation_token_hash",
                "invitation_expires_at",
                "updated_at",
            ]
        )
        _invitation_send(placement=placement, token=token, by=by, base_url=base_url)
    return token


def placement_cancel(*, placement: Placement, by) -> None:
    """Delete a placement whose trainee never accepted (the link stops working)."""
    if not by.has_perm("placements.change_placement", placement):
        raise PermissionDenied
    if placement.status != PlacementStatus.INVITED or placement.trainee_id is not None:
        raise ValidationError(NOT_INVITED_MESSAGE, code="not_invited")
    placement.delete()


def placement_invitation_check(*, token: str) -> Placement:
    """The placement behind a link if the link can still be used, else
    PlacementInvitationError."""
    placement = (
        Placement.objects.select_related("firm", "mentor")
        .filter(invitation_token_hash=hash_token(token or ""))
        .first()
    )
    if placement is None or not token:
        raise PlacementInvitationError(INVITATION_NOT_FOUND_MESSAGE, code="not_found")
    if placement.status != PlacementStatus.INVITED or placement.trainee_id:
        raise PlacementInvitationError(INVITATION_USED_MESSAGE, code="used")
    if (
        placement.invitation_expires_at is None
        or placement.invitation_expires_at <= timezone.now()
    ):
        raise PlacementInvitationError(INVITATION_EXPIRED_MESSAGE, code="expired")
    return placement


@transaction.atomic
def placement_invitation_accept(*, token: str, user) -> Placement:
    """The logged-in person the link was sent to becomes the trainee; once."""
    placement = placement_invitation_check(token=token)
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.status != PlacementStatus.INVITED or placement.trainee_id:
        raise PlacementInvitationError(INVITATION_USED_MESSAGE, code="used")
    if placement.mentor_id == user.pk:
        raise PlacementInvitationError(INVITATION_IS_MENTOR_MESSAGE, code="is_mentor")
    if placement.invited_email.lower() != (user.email or "").lower():
        raise PlacementInvitationError(INVITATION_WRONG_USER_MESSAGE, code="wrong_user")
    placement.trainee = user
    placement.status = PlacementStatus.ACTIVE
    placement.save(update_fields=["trainee", "status", "updated_at"])
    return placement


@transaction.atomic
def placement_invitation_accept_new_user(
    *, token: str, first_name: str, last_name: str, password: str, language: str
):
    """Create the invited trainee's own account and accept, in one step."""
    placement = placement_invitation_check(token=token)
    if User.objects.filter(email__iexact=placement.invited_email).exists():
        raise PlacementInvitationError(
            INVITATION_ACCOUNT_EXISTS_MESSAGE, code="account_exists"
        )
    user = user_create(
        email=placement.invited_email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language=language,
    )
    placement_invitation_accept(token=token, user=user)
    return user


def placement_end(
    *, placement: Placement, ended_on: date, outcome: str, by
) -> Placement:
    """The firm records the end and where the trainee went."""
    if not by.has_perm("placements.change_placement", placement):
        raise PermissionDenied
    if placement.status != PlacementStatus.ACTIVE:
        raise ValidationError(NOT_ACTIVE_MESSAGE, code="not_active")
    errors: dict[str, list] = {}
    if ended_on is None:
        pass  # the form says the field is required
    elif ended_on < placement.starts_on:
        errors["ended_on"] = [
            ValidationError(ENDED_BEFORE_START_MESSAGE, code="before_start")
        ]
    elif ended_on > timezone.localdate():
        errors["ended_on"] = [
            ValidationError(ENDED_IN_FUTURE_MESSAGE, code="in_future")
        ]
    if outcome not in Outcome.values:
        errors["outcome"] = [
            ValidationError(OUTCOME_REQUIRED_MESSAGE, code="outcome_required")
        ]
    if ended_on is None:
        errors.setdefault("ended_on", []).append(
            ValidationError(ENDED_ON_REQUIRED_MESSAGE, code="required")
        )
    if errors:
        raise ValidationError(errors)
    placement.status = PlacementStatus.ENDED
    placement.ended_on = ended_on
    placement.outcome = outcome
    placement.full_clean()
    placement.save(update_fields=["status", "ended_on", "outcome", "updated_at"])
    return placement


@transaction.atomic
def placement_sharing_withdraw(*, placement: Placement, by) -> Placement:
    """The trainee closes the record to the firm; they keep it all."""
    if not by.has_perm("placements.withdraw_sharing", placement):
        if placement.trainee_id == by.pk and placement.sharing_withdrawn_at:
            raise ValidationError(ALREADY_WITHDRAWN_MESSAGE, code="already")
        raise PermissionDenied
    placement.sharing_withdrawn_at = timezone.now()
    placement.save(update_fields=["sharing_withdrawn_at", "updated_at"])
    validation_sharing_withdraw(placement=placement, by=by)
    return placement

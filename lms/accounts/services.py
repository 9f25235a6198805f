"""Writes for people, firms, memberships and invitations; views call only these."""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.notifications.kinds import Kind, MailTemplate
from lms.notifications.mail import MAIL_ERRORS
from lms.notifications.services import mail_send, notify

from . import personal_data
from .models import Firm, Invitation, Membership, User
from .roles import Role
from .sessions import user_sessions_end

logger = logging.getLogger(__name__)

INVITATION_USED_MESSAGE = _(
    "This invitation has already been used. Log in, or ask the firm's contact "
    "to send a new one."
)
INVITATION_EXPIRED_MESSAGE = _(
    "This invitation has expired. Ask the firm's contact to send a new one."
)
INVITATION_REVOKED_MESSAGE = _(
    "This invitation has been withdrawn. Ask the firm's contact if you think "
    "this is a mistake."
)
INVITATION_NOT_FOUND_MESSAGE = _(
    "We could not find this invitation. Check that you used the whole link."
)
INVITATION_WRONG_USER_MESSAGE = _(
    "This invitation was sent to another e-mail address. Log out and open the "
    "link again, or ask for an invitation to your own address."
)
INVITATION_ALREADY_MEMBER_MESSAGE = _("%(email)s is already a member of %(firm)s.")
INVITATION_ACCOUNT_EXISTS_MESSAGE = _(
    "There is already an account for this e-mail address. Log in to accept "
    "the invitation."
)
ALREADY_ANONYMISED_MESSAGE = _("This account has already been deleted.")
INVITATION_NOT_SENT_MESSAGE = _(
    "The invitation e-mail could not be sent, so no invitation was made. "
    "Try again in a few minutes."
)


class InvitationError(ValidationError):
    """An invitation cannot be used; the message says why, in the user's language."""


def hash_token(token: str) -> str:
    """What is stored of a one-time link's token (never the token itself)."""
    return hashlib.sha256(token.encode()).hexdigest()


def user_create(
    *,
    email: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    language: str = settings.LANGUAGE_CODE,
) -> User:
    """Create an active person; the e-mail is stored lower-case and must be unique."""
    user = User(
        email=User.objects.normalize_email(email).lower(),
        first_name=first_name,
        last_name=last_name,
        language=language,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def user_update_profile(
    *, user: User, first_name: str, last_name: str, language: str
) -> User:
    """Save the person's own editable details."""
    user.first_name = first_name
    user.last_name = last_name
    user.language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["first_name", "last_name", "language"])
    return user


def user_set_language(*, user: User, language: str) -> None:
    """Remember the language a logged-in person chose (used for their e-mails)."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def role_grant(*, user: User, role: Role) -> None:
    """Give the person a role (idempotent)."""
    group, _created = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    user.__dict__.pop("_role_names", None)


def role_revoke(*, user: User, role: Role) -> None:
    """Take a role away (idempotent)."""
    user.groups.remove(*Group.objects.filter(name=role.value))
    user.__dict__.pop("_role_names", None)


def _sync_firm_roles(user: User) -> None:
    """Keep the participant and firm-contact groups in step with the memberships."""
    memberships = list(user.memberships.values_list("is_contact", flat=True))
    for role, holds in (
        (Role.PARTICIPANT, bool(memberships)),
        (Role.FIRM_CONTACT, any(memberships)),
    ):
        (role_grant if holds else role_revoke)(user=user, role=role)
    user.__dict__.pop("_membership_cache", None)


def firm_create(
    *,
    name: str,
    org_number: str,
    municipality: str,
    industry: str,
    size_band: str,
    public_description: str = "",
    website: str = "",
    contact: User | None = None,
) -> Firm:
    """Register a firm with a valid organisation number, optionally with a contact."""
    with transaction.atomic():
        firm = Firm(
            name=name,
            org_number=org_number,
            municipality=municipality,
            industry=industry,
            size_band=size_band,
            public_description=public_description,
            website=website,
        )
        firm.full_clean()
        firm.save()
        if contact is not None:
            membership_add(firm=firm, user=contact, is_contact=True)
    return firm


FIRM_EDITABLE_FIELDS = (
    "name",
    "municipality",
    "industry",
    "size_band",
    "public_description",
    "website",
)


def firm_update(*, firm: Firm, **changes) -> Firm:
    """Change a firm's profile. The organisation number never changes here."""
    unknown = set(changes) - set(FIRM_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    for field, value in changes.items():
        setattr(firm, field, value)
    firm.full_clean()
    firm.save()
    return firm


@transaction.atomic
def membership_add(*, firm: Firm, user: User, is_contact: bool = False) -> Membership:
    """Make the person a member (idempotent); `is_contact` only ever promotes."""
    membership, created = Membership.objects.get_or_create(
        firm=firm, user=user, defaults={"is_contact": is_contact}
    )
    if not created and is_contact and not membership.is_contact:
        membership.is_contact = True
        membership.save(update_fields=["is_contact"])
    _sync_firm_roles(user)
    return membership


@transaction.atomic
def membership_set_contact(*, membership: Membership, is_contact: bool) -> Membership:
    """Make a member the firm's contact, or not."""
    membership.is_contact = is_contact
    membership.save(update_fields=["is_contact"])
    _sync_firm_roles(membership.user)
    return membership


def invitation_create(
    *, firm: Firm, email: str, invited_by: User, base_url: str
) -> tuple[Invitation, str]:
    """Invite a colleague by e-mail; returns the invitation and the one-time token.

    The link is valid for settings.INVITATION_VALID_DAYS and can be used once.
    Earlier pending invitations of the same address to the same firm are withdrawn,
    so only the newest link works.
    """
    email = User.objects.normalize_email(email).lower()
    if Membership.objects.filter(firm=firm, user__email__iexact=email).exists():
        raise ValidationError(
            INVITATION_ALREADY_MEMBER_MESSAGE,
            code="already_member",
            params={"email": email, "firm": firm.name},
        )
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        Invitation.objects.filter(
            firm=firm, email=email, accepted_at=None, revoked_at=None
        ).update(revoked_at=now)
        invitation = Invitation(
            firm=firm,
            email=email,
            invited_by=invited_by,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        invitation.full_clean()
        invitation.save()
        url = base_url.rstrip("/") + reverse(
            "accounts:invitation_accept", kwargs={"token": token}
        )
        # Sent now, before the commit, and never through the task queue (which
        # would store the link): if the e-mail cannot go out, nothing is saved
        # (an invitation nobody received would only block the next one). The
        # invitee has no language yet; it is written in the inviter's.
        try:
            mail_send(
                to_email=email,
                language=invited_by.language,
                template=MailTemplate.INVITATION,
                context={
                    "inviter": str(invited_by),
                    "firm_name": firm.name,
                    "expires_at": invitation.expires_at,
                },
                url=url,
                immediately=True,
            )
        except MAIL_ERRORS as error:
            logger.exception("Invitation e-mail to firm %s not sent", firm.pk)
            raise ValidationError(
                INVITATION_NOT_SENT_MESSAGE, code="not_sent"
            ) from error
    return invitation, token


def email_subject(text: str) -> str:
    """`text` as one line, fit for an e-mail's Subject header.

    Names people typed end up in subjects; a line break in a header is refused by
    Django (BadHeaderError), so every run of whitespace becomes one space.
    """
    return " ".join(text.split())


def invitation_check(*, token: str) -> Invitation:
    """The invitation behind a token if it can still be used, else InvitationError."""
    invitation = (
        Invitation.objects.select_related("firm", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise InvitationError(INVITATION_NOT_FOUND_MESSAGE, code="not_found")
    if invitation.accepted_at is not None:
        raise InvitationError(INVITATION_USED_MESSAGE, code="used")
    if invitation.revoked_at is not None:
        raise InvitationError(INVITATION_REVOKED_MESSAGE, code="revoked")
    if invitation.expires_at <= timezone.now():
        raise InvitationError(INVITATION_EXPIRED_MESSAGE, code="expired")
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership:
    """Use an invitation for the logged-in person it was sent to; exactly once."""
    invitation = invitation_check(token=token)
    # Lock the row so two clicks on the link cannot both succeed.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationError(INVITATION_USED_MESSAGE, code="used")
    if invitation.email.lower() != user.email.lower():
        raise InvitationError(INVITATION_WRONG_USER_MESSAGE, code="wrong_user")
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership = membership_add(firm=invitation.firm, user=user)
    notify(
        recipient=invitation.invited_by,
        kind=Kind.INVITATION_ACCEPTED,
        context={
            "person_name": str(user),
            "person_email": user.email,
            "firm_name": invitation.firm.name,
        },
        url=invitation.firm.get_absolute_url(),
    )
    return membership


@transaction.atomic
def invitation_accept_new_user(
    *, token: str, first_name: str, last_name: str, password: str, language: str
) -> User:
    """Create the invited person's account and make them a member, in one step."""
    invitation = invitation_check(token=token)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError(INVITATION_ACCOUNT_EXISTS_MESSAGE, code="account_exists")
    user = user_create(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language=language,
    )
    invitation_accept(token=token, user=user)
    return user


def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """Withdraw a pending invitation so its link stops working."""
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def user_anonymise(*, user: User) -> User:
    """Delete the person's account: erase what identifies them, keep the records.

    The row stays, so attendance, certificates and other aggregate records that
    point at it still add up; everything personal is blanked, every app's own
    personal data is erased through `personal_data`, and the account can never
    log in again.
    """
    if user.is_anonymised:
        raise ValidationError(ALREADY_ANONYMISED_MESSAGE, code="already_anonymised")
    personal_data.erase(user)
    user.email = f"deleted-{user.pk}@anonymised.invalid"
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.anonymised_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    user.memberships.update(is_contact=False)
    # Logged out everywhere, on every app server, at once.
    user_sessions_end(user=user)
    return user

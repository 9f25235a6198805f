"""Reads for people and firms, with the joins done here rather than in templates."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from .models import Firm, Invitation, Membership, User


def memberships_for_user(*, user: User) -> QuerySet[Membership]:
    """The person's memberships with their firms, for the profile page."""
    return Membership.objects.filter(user=user).select_related("firm")


def firm_with_members(*, org_number: str) -> Firm | None:
    """The firm and its members (people loaded in the same two queries)."""
    members = Membership.objects.select_related("user").order_by(
        "-is_contact", "user__first_name", "user__last_name", "user__email"
    )
    return (
        Firm.objects.prefetch_related(Prefetch("memberships", queryset=members))
        .filter(org_number=org_number)
        .first()
    )


def firm_pending_invitations(*, firm: Firm) -> QuerySet[Invitation]:
    """Invitations whose link still works, newest first."""
    return firm.invitations.filter(
        accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def user_exists(*, email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()

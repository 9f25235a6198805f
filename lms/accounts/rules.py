"""Who may do what: the object-level predicates every view of the platform uses.

Later apps import these (and add their own `rules.py`) instead of checking groups
or memberships by hand. Autodiscovered by `rules.apps.AutodiscoverRulesConfig`.
"""

import rules

from .roles import Role

ROLE_NAMES_ATTRIBUTE = "_role_names"


def role_names(user) -> frozenset[str]:
    """The person's group names, read from the database once per request.

    Remembered only on this user object, which lives for one request, and never
    in a cache: a role granted or removed holds on the very next request, on
    every app server."""
    names = user.__dict__.get(ROLE_NAMES_ATTRIBUTE)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user.__dict__[ROLE_NAMES_ATTRIBUTE] = names
    return names


def forget_role_names(user) -> None:
    """Drop the memo on this user object (after its groups changed)."""
    user.__dict__.pop(ROLE_NAMES_ATTRIBUTE, None)


def _has_role(role: Role):
    @rules.predicate(name=f"has_role:{role.value}")
    def predicate(user):
        if not user.is_authenticated or not user.is_active:
            return False
        return role.value in role_names(user)

    return predicate


@rules.predicate
def is_superuser(user):
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


is_administrator = is_superuser | _has_role(Role.ADMINISTRATOR)
is_course_leader = _has_role(Role.COURSE_LEADER)
is_candidate = _has_role(Role.CANDIDATE)
is_assessor = _has_role(Role.ASSESSOR)
is_internal_verifier = _has_role(Role.INTERNAL_VERIFIER)
is_external_moderator = _has_role(Role.EXTERNAL_MODERATOR)
is_editor = _has_role(Role.EDITOR)
is_programme_owner = _has_role(Role.PROGRAMME_OWNER)


def _membership(user, firm):
    if not user.is_authenticated or not user.is_active or firm is None:
        return None
    cache = user.__dict__.setdefault("_membership_cache", {})
    if firm.pk not in cache:
        cache[firm.pk] = (
            user.memberships.filter(firm_id=firm.pk).values("is_contact").first()
        )
    return cache[firm.pk]


@rules.predicate
def is_firm_member(user, firm):
    """The person belongs to this firm (participant or contact)."""
    return _membership(user, firm) is not None


@rules.predicate
def is_firm_contact(user, firm):
    """The person is this firm's contact (kontaktperson)."""
    membership = _membership(user, firm)
    return bool(membership and membership["is_contact"])


@rules.predicate
def is_participant(user):
    """The person belongs to at least one firm."""
    return bool(user.is_authenticated and user.is_active and user.memberships.exists())


@rules.predicate
def is_self(user, other):
    return bool(user.is_authenticated and other is not None and user.pk == other.pk)


# Enrolment statuses (courses.EnrolmentStatus) in which a firm is in a run.
ACTIVE_ENROLMENT_STATUSES = ("applied", "accepted")


@rules.predicate
def is_firm_run_leader(user, firm):
    """The person leads a run the firm has applied for or takes part in."""
    if not user.is_authenticated or not user.is_active or firm is None:
        return False
    cache = user.__dict__.setdefault("_firm_run_leader_cache", {})
    if firm.pk not in cache:
        cache[firm.pk] = user.led_runs.filter(
            enrolments__firm_id=firm.pk,
            enrolments__status__in=ACTIVE_ENROLMENT_STATUSES,
        ).exists()
    return cache[firm.pk]


@rules.predicate
def can_decide_claim(user, claim):
    """The person may approve or decline this request to join a firm: a contact
    of the firm, a leader of a run it is in, or an administrator, but never the
    person who asked."""
    if claim is None or not user.is_authenticated or claim.person_id == user.pk:
        return False
    return bool(
        is_firm_contact(user, claim.firm)
        or is_firm_run_leader(user, claim.firm)
        or is_administrator(user)
    )


rules.add_perm(
    "accounts.view_firm", is_firm_member | is_firm_run_leader | is_administrator
)
rules.add_perm(
    "accounts.view_firm_claims", is_firm_contact | is_firm_run_leader | is_administrator
)
rules.add_perm("accounts.decide_claim", can_decide_claim)
rules.add_perm("accounts.change_firm", is_firm_contact | is_administrator)
rules.add_perm("accounts.invite_to_firm", is_firm_contact | is_administrator)
rules.add_perm(
    "accounts.view_firm_members", is_firm_member | is_firm_run_leader | is_administrator
)
rules.add_perm("accounts.change_user", is_self | is_administrator)

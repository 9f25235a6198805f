"""Writes for firm sign-up and requests to join a firm; views call only these."""

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CourseRun, Enrolment
from courses.services.enrolment import enrolment_apply
from lms.links import absolute_url
from lms.notifications.kinds import Kind, MailTemplate
from lms.notifications.mail import MAIL_ERRORS
from lms.notifications.services import mail_send, notify

from .. import services
from ..models import ClaimStatus, Firm, FirmClaim, FirmSignup, Membership, User
from ..validators import format_org_number
from .selectors import claim_deciders

SIGNUP_NOT_FOUND_MESSAGE = _(
    "We could not find this sign-up. Check that you used the whole link."
)
SIGNUP_USED_MESSAGE = _(
    "This link has already been used. Log in with the e-mail address and the "
    "password you chose."
)
SIGNUP_EXPIRED_MESSAGE = _(
    "This link has expired. Register the firm again to get a new link."
)
SIGNUP_ACCOUNT_EXISTS_MESSAGE = _(
    "There is already an account for this e-mail address. Log in, or reset "
    "your password if you have forgotten it."
)
RUN_NOT_AVAILABLE_MESSAGE = _(
    "The course run you chose is no longer open for applications. Choose "
    "another run on the course page."
)
CLAIM_ALREADY_CONTACT_MESSAGE = _("You are already a contact of %(firm)s.")
CLAIM_ALREADY_DECIDED_MESSAGE = _(
    "This request has already been decided by someone else."
)
SIGNUP_NOT_SENT_MESSAGE = _(
    "The e-mail with the confirmation link could not be sent, so nothing was "
    "registered. Try again in a few minutes."
)


class SignupError(ValidationError):
    """A sign-up link cannot be used; the message says why."""


@dataclass(frozen=True)
class FirmDetails:
    """What a person tells about the firm they register (org number normalised)."""

    org_number: str
    name: str
    municipality: str
    industry: str
    size_band: str


@dataclass
class SignupOutcome:
    """What registering a firm led to: a new firm (and perhaps its application),
    or a request to join a firm that was already registered."""

    user: User
    firm: Firm | None = None
    enrolment: Enrolment | None = None
    claim: FirmClaim | None = None
    problems: list[str] = field(default_factory=list)


def signup_start(
    *,
    email: str,
    first_name: str,
    last_name: str,
    language: str,
    password: str,
    firm: FirmDetails,
    run_id: int | None,
    message: str = "",
) -> FirmSignup | None:
    """Keep the sign-up and e-mail the link that confirms it; nothing else is made.

    When the address already has an account, nothing is stored and the mail says
    so instead (with the way to log in or reset the password): the answer on the
    page is the same either way, so it tells nobody whether the address is known.
    """
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        _mail(
            to_email=email,
            language=language,
            template=MailTemplate.SIGNUP_ACCOUNT_EXISTS,
            context={
                "firm_name": firm.name,
                "login_url": absolute_url(reverse("accounts:login")),
                "password_reset_url": absolute_url(reverse("accounts:password_reset")),
            },
            url=reverse("accounts:login"),
        )
        return None
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        # Only the newest link of an address works; older ones hold nothing else.
        FirmSignup.objects.filter(email__iexact=email, confirmed_at=None).delete()
        signup = FirmSignup(
            email=email,
            first_name=first_name,
            last_name=last_name,
            language=language,
            password_hash=make_password(password),
            org_number=firm.org_number,
            firm_name=firm.name,
            municipality=firm.municipality,
            industry=firm.industry,
            size_band=firm.size_band,
            message=message,
            run_id=run_id,
            token_hash=services.hash_token(token),
            created_at=now,
            expires_at=now + timedelta(hours=settings.SIGNUP_VALID_HOURS),
        )
        signup.full_clean()
        signup.save()
        # Sent before the commit: if it cannot go out, nothing is kept.
        _mail(
            to_email=email,
            language=language,
            template=MailTemplate.SIGNUP_CONFIRM,
            context={
                "first_name": first_name,
                "firm_name": firm.name,
                "org_number": format_org_number(firm.org_number),
                "valid_hours": settings.SIGNUP_VALID_HOURS,
            },
            url=reverse("accounts:signup_confirm", kwargs={"token": token}),
        )
    return signup


def _mail(*, to_email, language, template, context, url) -> None:
    # Sent at once, never queued: a queued task's arguments are stored, and
    # the confirmation link must exist only in the mail.
    try:
        mail_send(
            to_email=to_email,
            language=language,
            template=str(template),
            context=context,
            url=url,
            immediately=True,
        )
    except MAIL_ERRORS as error:
        raise ValidationError(SIGNUP_NOT_SENT_MESSAGE, code="not_sent") from error


def signup_check(*, token: str) -> FirmSignup:
    """The sign-up behind a token if its link still works, else SignupError."""
    signup = FirmSignup.objects.filter(token_hash=services.hash_token(token)).first()
    if signup is None:
        raise SignupError(SIGNUP_NOT_FOUND_MESSAGE, code="not_found")
    if signup.confirmed_at is not None:
        raise SignupError(SIGNUP_USED_MESSAGE, code="used")
    if signup.expires_at <= timezone.now():
        raise SignupError(SIGNUP_EXPIRED_MESSAGE, code="expired")
    return signup


def signups_purge_expired(*, now=None) -> int:
    """Delete every sign-up whose link has expired, confirmed or not: what a
    visitor typed is kept no longer than the link lives. Returns how many."""
    deleted, _by_model = FirmSignup.objects.filter(
        expires_at__lte=now or timezone.now()
    ).delete()
    return deleted


@transaction.atomic
def signup_confirm(*, token: str) -> SignupOutcome:
    """Use a sign-up link, exactly once: the person (active, with the password
    they chose), then the firm with them as its contact and its application for
    the chosen run, or, if the organisation number is taken by now, a request to
    join that firm. All of it or nothing."""
    signup = signup_check(token=token)
    # Lock the row so two clicks on the link cannot both succeed.
    signup = FirmSignup.objects.select_for_update().get(pk=signup.pk)
    if signup.confirmed_at is not None:
        raise SignupError(SIGNUP_USED_MESSAGE, code="used")
    if User.objects.filter(email__iexact=signup.email).exists():
        raise SignupError(SIGNUP_ACCOUNT_EXISTS_MESSAGE, code="account_exists")
    user = services.user_create(
        email=signup.email,
        password=None,
        first_name=signup.first_name,
        last_name=signup.last_name,
        language=signup.language,
    )
    # The password was hashed when the form was sent; the plain text is long gone.
    user.password = signup.password_hash
    user.save(update_fields=["password"])
    signup.confirmed_at = timezone.now()
    signup.password_hash = ""
    signup.save(update_fields=["confirmed_at", "password_hash"])
    return _register_or_claim(
        user=user,
        firm=FirmDetails(
            org_number=signup.org_number,
            name=signup.firm_name,
            municipality=signup.municipality,
            industry=signup.industry,
            size_band=signup.size_band,
        ),
        run_id=signup.run_id,
        message=signup.message,
    )


@transaction.atomic
def firm_register(
    *, user: User, firm: FirmDetails, run_id: int | None, message: str = ""
) -> SignupOutcome:
    """A logged-in person registers a firm (becoming its contact and applying for
    the run), or asks to join it when its organisation number is registered."""
    return _register_or_claim(user=user, firm=firm, run_id=run_id, message=message)


def _register_or_claim(
    *, user: User, firm: FirmDetails, run_id: int | None, message: str
) -> SignupOutcome:
    existing = Firm.objects.filter(org_number=firm.org_number).first()
    if existing is None:
        try:
            with transaction.atomic():
                created = services.firm_create(
                    name=firm.name,
                    org_number=firm.org_number,
                    municipality=firm.municipality,
                    industry=firm.industry,
                    size_band=firm.size_band,
                    contact=user,
                )
        except (IntegrityError, ValidationError):
            # Registered by someone else a moment ago: then it is theirs to share.
            existing = Firm.objects.filter(org_number=firm.org_number).first()
            if existing is None:
                raise
        else:
            outcome = SignupOutcome(user=user, firm=created)
            if run_id is not None:
                _apply(outcome, run_id=run_id)
            return outcome
    claim = claim_create(firm=existing, person=user, message=message)
    return SignupOutcome(user=user, claim=claim)


def _apply(outcome: SignupOutcome, *, run_id: int) -> None:
    """Apply for the run; a run that has closed meanwhile is reported, and the
    firm and account stay (the person chooses another run)."""
    run = CourseRun.objects.filter(pk=run_id).first()
    if run is None:
        outcome.problems.append(str(RUN_NOT_AVAILABLE_MESSAGE))
        return
    try:
        with transaction.atomic():
            outcome.enrolment = enrolment_apply(
                run=run, firm=outcome.firm, by=outcome.user
            )
    except ValidationError as error:
        outcome.problems.extend(error.messages)


def claim_create(*, firm: Firm, person: User, message: str = "") -> FirmClaim:
    """Ask to become a contact of a registered firm (one pending request per
    person and firm); the firm's contacts, or its run's leaders, are told."""
    if Membership.objects.filter(firm=firm, user=person, is_contact=True).exists():
        raise ValidationError(
            CLAIM_ALREADY_CONTACT_MESSAGE,
            code="already_contact",
            params={"firm": firm.name},
        )
    pending = FirmClaim.objects.filter(
        firm=firm, person=person, status=ClaimStatus.PENDING
    ).first()
    if pending is not None:
        return pending
    claim = FirmClaim(firm=firm, person=person, message=message)
    claim.full_clean()
    claim.save()
    context = {
        "firm_name": firm.name,
        "org_number": firm.org_number_display,
        "claimant_name": person.get_full_name(),
        "claimant_email": person.email,
        "message": message,
    }
    for recipient in claim_deciders(firm=firm):
        if recipient.pk != person.pk:
            notify(
                recipient=recipient,
                kind=Kind.FIRM_CLAIM_REQUESTED,
                context=context,
                url=firm.get_absolute_url(),
            )
    return claim


@transaction.atomic
def claim_decide(*, claim: FirmClaim, by: User, approve: bool) -> FirmClaim:
    """Approve (the person becomes a contact of the firm) or decline a pending
    request, once; the person is told either way."""
    claim = (
        FirmClaim.objects.select_for_update()
        .select_related("firm", "person")
        .get(pk=claim.pk)
    )
    if not claim.is_pending:
        raise ValidationError(CLAIM_ALREADY_DECIDED_MESSAGE, code="decided")
    claim.status = ClaimStatus.APPROVED if approve else ClaimStatus.DECLINED
    claim.decided_by = by
    claim.decided_at = timezone.now()
    claim.full_clean()
    claim.save(update_fields=["status", "decided_by", "decided_at"])
    if approve:
        services.membership_add(firm=claim.firm, user=claim.person, is_contact=True)
    notify(
        recipient=claim.person,
        kind=Kind.FIRM_CLAIM_DECIDED,
        context={
            "firm_name": claim.firm.name,
            "org_number": claim.firm.org_number_display,
            "approved": approve,
            "decision": claim.status,
        },
        # A declined person may not see the firm; their own home says what next.
        url=claim.firm.get_absolute_url() if approve else reverse("home"),
    )
    return claim

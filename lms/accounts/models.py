"""People, firms and how they belong together."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .validators import (
    format_org_number,
    validate_org_number,
    validate_single_line,
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person. Logs in with the e-mail address; there is no separate user name."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Used for e-mails the platform sends you."),
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None


class Industry(models.TextChoices):
    """Main industry groups of the Norwegian standard (SN2007 / NACE sections)."""

    AGRICULTURE = "A", _("Agriculture, forestry and fishing")
    MINING = "B", _("Mining and quarrying")
    MANUFACTURING = "C", _("Manufacturing")
    ENERGY = "D", _("Electricity, gas and heating supply")
    WATER = "E", _("Water supply, sewerage and waste")
    CONSTRUCTION = "F", _("Construction")
    TRADE = "G", _("Wholesale and retail trade, repair of motor vehicles")
    TRANSPORT = "H", _("Transport and storage")
    HOSPITALITY = "I", _("Accommodation and food service")
    INFORMATION = "J", _("Information and communication")
    FINANCE = "K", _("Finance and insurance")
    REAL_ESTATE = "L", _("Real estate")
    PROFESSIONAL = "M", _("Professional, scientific and technical services")
    SUPPORT = "N", _("Administrative and support services")
    PUBLIC = "O", _("Public administration and defence")
    EDUCATION = "P", _("Education")
    HEALTH = "Q", _("Health and social work")
    CULTURE = "R", _("Arts, entertainment and recreation")
    OTHER = "S", _("Other service activities")


class SizeBand(models.TextChoices):
    """Number of employees, in the bands Statistics Norway uses."""

    S1_4 = "1-4", _("1–4 employees")
    S5_9 = "5-9", _("5–9 employees")
    S10_19 = "10-19", _("10–19 employees")
    S20_49 = "20-49", _("20–49 employees")
    S50_99 = "50-99", _("50–99 employees")
    S100_249 = "100-249", _("100–249 employees")
    S250 = "250+", _("250 or more employees")


class Firm(models.Model):
    """A firm (bedrift) that takes part in the course or seeks certification."""

    name = models.CharField(
        _("name"), max_length=200, validators=[validate_single_line]
    )
    org_number = models.CharField(
        _("organisation number"),
        max_length=9,
        unique=True,
        validators=[validate_org_number],
        help_text=_("Nine digits, as registered in the Brønnøysund Register Centre."),
    )
    municipality = models.CharField(_("municipality"), max_length=80)
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices)
    size_band = models.CharField(_("size"), max_length=8, choices=SizeBand.choices)
    public_description = models.TextField(
        _("public description"),
        blank=True,
        help_text=_("Shown to the public, e.g. in the registry of certified firms."),
    )
    website = models.URLField(_("website"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="firms",
        verbose_name=_("members"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("firm")
        verbose_name_plural = _("firms")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(org_number__regex=r"^[0-9]{9}$"),
                name="firm_org_number_nine_digits",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("accounts:firm_detail", kwargs={"org_number": self.org_number})

    @property
    def org_number_display(self) -> str:
        return format_org_number(self.org_number)


class Membership(models.Model):
    """A person belongs to a firm; a member may be its contact (kontaktperson)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    firm = models.ForeignKey(
        Firm,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("firm"),
    )
    is_contact = models.BooleanField(_("firm contact"), default=False)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["firm__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "firm"], name="membership_unique"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.firm}"


class Invitation(models.Model):
    """A single-use e-mail link that makes the invited person a member of a firm.

    Only a hash of the token is stored, so a database leak does not leak live links.
    """

    firm = models.ForeignKey(
        Firm,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("firm"),
    )
    email = models.EmailField(_("e-mail address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="invitation_expires_after_created",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.firm}"

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class UserSession(AbstractBaseSession):
    """A session, with the person it belongs to (lms.accounts.sessions), so that
    all of a person's sessions can be ended at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )

    class Meta:
        # Not "session": that is a course's meeting (samling) in this project.
        verbose_name = _("login session")
        verbose_name_plural = _("login sessions")

    @classmethod
    def get_session_store_class(cls):
        from .sessions.db import SessionStore

        return SessionStore


class FirmSignup(models.Model):
    """A firm's sign-up waiting for its contact to confirm the e-mail address.

    Nothing else exists until the link in the e-mail is used: no person, no firm.
    Only hashes of the token and of the password are stored."""

    email = models.EmailField(_("e-mail address"))
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    password_hash = models.CharField(max_length=128, editable=False)
    org_number = models.CharField(
        _("organisation number"), max_length=9, validators=[validate_org_number]
    )
    firm_name = models.CharField(
        _("firm name"), max_length=200, validators=[validate_single_line]
    )
    municipality = models.CharField(_("municipality"), max_length=80)
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices)
    size_band = models.CharField(_("size"), max_length=8, choices=SizeBand.choices)
    message = models.TextField(_("message to the firm's contact"), blank=True)
    # The course run to apply for; a plain id, so that accounts does not depend
    # on courses (the run may also be gone or closed by the time of confirmation).
    run_id = models.PositiveIntegerField(_("course run"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("firm sign-up")
        verbose_name_plural = _("firm sign-ups")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="firmsignup_expires_after_created",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.firm_name}"

    @property
    def org_number_display(self) -> str:
        return format_org_number(self.org_number)


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class FirmClaim(models.Model):
    """A person asks to join a firm that is already registered, as its contact.

    The firm's contacts (or a leader of a run the firm is in) decide; until then
    the person sees nothing of the firm."""

    firm = models.ForeignKey(
        Firm, on_delete=models.CASCADE, related_name="claims", verbose_name=_("firm")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="firm_claims",
        verbose_name=_("person"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ClaimStatus.choices,
        default=ClaimStatus.PENDING,
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="firm_claims_decided",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("request to join a firm")
        verbose_name_plural = _("requests to join a firm")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["firm", "person"],
                condition=models.Q(status="pending"),
                name="firmclaim_one_pending_per_person",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="pending", decided_at__isnull=True)
                    | (
                        models.Q(status__in=["approved", "declined"])
                        & models.Q(decided_at__isnull=False)
                    )
                ),
                name="firmclaim_decided_when_not_pending",
            ),
        ]

    def __str__(self):
        return f"{self.person} → {self.firm}"

    @property
    def is_pending(self) -> bool:
        return self.status == ClaimStatus.PENDING

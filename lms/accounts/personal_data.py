"""Everything the platform holds about a person, for "download my data" and erasure.

Each app registers what it stores (an exporter) and how to erase it (an eraser),
so export and deletion stay complete as apps are added. Register in the app's
`AppConfig.ready()` (or a module it imports).

Completeness is checked, not hoped for: every database relation to the person
(`user_relations()`, read from the models' `_meta`) must be named by an exporter's
`covers`, and by an eraser's `covers` or a `keep(...)` that says why the rows stay
under the anonymised account. A new model with a foreign key to the user and no
exporter fails `tests/accounts/test_personal_data.py`.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Q

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

_exporters: dict[str, Callable[[Any], Any]] = {}
_erasers: list[Callable[[Any], None]] = []
_exported: dict[str, str] = {}
_erased: set[str] = set()
_kept: dict[str, str] = {}


def exporter(key: str, *, covers: Iterable[str] = ()):
    """Register `func(user) -> JSON-able` under `key` in the export.

    `covers` names the relations to the user it exports, as
    ``"app_label.Model.field"`` (see `user_relations()`).
    """

    def register(func):
        _exporters[key] = func
        _exported.update(dict.fromkeys(covers, key))
        return func

    return register


def eraser(func=None, *, covers: Iterable[str] = ()):
    """Register `func(user)`, called when the person deletes their account.

    `covers` names the relations whose rows it deletes; rows that stay (emptied
    of what is personal, or as they are) are declared with `keep`.
    """

    def register(func):
        _erasers.append(func)
        _erased.update(covers)
        return func

    return register(func) if func is not None else register


def keep(*relations: str, reason: str) -> None:
    """Declare rows that stay after erasure, pointing at the anonymised account.

    The account row loses name, e-mail and password, so these rows no longer say
    who the person was; `reason` says why they must stay.
    """
    for relation in relations:
        _kept[relation] = reason


def export(user) -> dict[str, Any]:
    """All registered sections for this person, keyed by section name."""
    return {key: func(user) for key, func in sorted(_exporters.items())}


def erase(user) -> None:
    for func in _erasers:
        func(user)


def user_relations() -> dict[str, tuple[type, str]]:
    """Every foreign key, one-to-one and many-to-many to the user model, by label.

    Labels are ``"app_label.Model.field"`` on the model that holds the column
    (a field inherited from a Wagtail `Page` is ``wagtailcore.Page.owner``).
    """
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                field.concrete
                and field.is_relation
                and field.related_model is user_model
                and field.model is model
            ):
                found[f"{model._meta.label}.{field.name}"] = (model, field.name)
    return found


def coverage_gaps() -> dict[str, list[str]]:
    """Relations to the user that no exporter, or no eraser or `keep`, names."""
    relations = set(user_relations())
    return {
        "not_exported": sorted(relations - set(_exported)),
        "not_erased_or_kept": sorted(relations - _erased - set(_kept)),
        "unknown": sorted((set(_exported) | _erased | set(_kept)) - relations),
    }


def section_for(relation: str) -> str | None:
    """The export section that holds the rows of `relation`."""
    return _exported.get(relation)


def erased_relations() -> frozenset[str]:
    """Relations whose rows about the person are gone after erasure."""
    return frozenset(_erased)


def kept_relations() -> dict[str, str]:
    """Relations whose rows stay under the anonymised account, and why."""
    return dict(_kept)


def _iso(value):
    return value.isoformat() if value else None


@exporter("profile")
def _export_profile(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


@exporter("memberships", covers=["accounts.Membership.user", "accounts.Firm.members"])
def _export_memberships(user):
    return [
        {
            "firm": m.firm.name,
            "org_number": m.firm.org_number,
            "firm_contact": m.is_contact,
            "joined_at": _iso(m.joined_at),
        }
        for m in user.memberships.select_related("firm")
    ]


@exporter(
    "invitations",
    covers=["accounts.Invitation.invited_by", "accounts.Invitation.accepted_by"],
)
def _export_invitations(user):
    from .models import Invitation

    received = Invitation.objects.filter(
        Q(email__iexact=user.email) | Q(accepted_by=user)
    ).select_related("firm")
    sent = user.invitations_sent.select_related("firm")
    return {
        "received": [
            {
                "firm": i.firm.name,
                "sent_at": _iso(i.created_at),
                "accepted_at": _iso(i.accepted_at),
            }
            for i in received
        ],
        "sent": [
            {
                "firm": i.firm.name,
                "email": i.email,
                "sent_at": _iso(i.created_at),
                "accepted_at": _iso(i.accepted_at),
            }
            for i in sent
        ],
    }


@exporter("login_history")
def _export_logins(user):
    def rows(model, *extra):
        return [
            {
                "time": _iso(row.attempt_time),
                "ip_address": row.ip_address,
                "user_agent": row.user_agent,
                **{name: getattr(row, name) for name in extra},
            }
            for row in model.objects.filter(username__iexact=user.email)
        ]

    return {
        "logins": rows(AccessLog),
        "failed_logins": rows(AccessFailureLog, "locked_out"),
    }


@exporter("sessions", covers=["accounts.UserSession.user"])
def _export_sessions(user):
    from .models import UserSession

    # The session contents are technical (a login marker, a CSRF secret); when
    # and until when the person is logged in is what concerns them.
    return [
        {"expires_at": _iso(row.expire_date)}
        for row in UserSession.objects.filter(user=user).order_by("expire_date")
    ]


# Sessions are ended, on every app server, by `services.user_anonymise`.
eraser(lambda user: None, covers=["accounts.UserSession.user"])

keep(
    "accounts.Membership.user",
    "accounts.Firm.members",
    reason=(
        "A firm's head count and its certification rest on who took part; the "
        "membership stays (no longer as firm contact) under the anonymised account."
    ),
)
keep(
    "accounts.Invitation.invited_by",
    "accounts.Invitation.accepted_by",
    reason="The firm's record of who joined when; the address is anonymised.",
)


@eraser
def _erase_accounts_data(user):
    from .models import Invitation

    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        model.objects.filter(username__iexact=user.email).delete()
    Invitation.objects.filter(email__iexact=user.email).update(
        email=f"deleted-{user.pk}@anonymised.invalid"
    )


# --- Firm sign-ups and requests to join a firm (lms/accounts/signup/) ---------------


@exporter(
    "firm_requests",
    covers=["accounts.FirmClaim.person", "accounts.FirmClaim.decided_by"],
)
def _export_firm_requests(user):
    from .models import FirmSignup

    return {
        "sign_ups": [
            {
                "firm": s.firm_name,
                "org_number": s.org_number,
                "signed_up_at": _iso(s.created_at),
                "confirmed_at": _iso(s.confirmed_at),
            }
            for s in FirmSignup.objects.filter(email__iexact=user.email)
        ],
        "requests_to_join": [
            {
                "firm": c.firm.name,
                "message": c.message,
                "status": c.status,
                "asked_at": _iso(c.created_at),
                "decided_at": _iso(c.decided_at),
            }
            for c in user.firm_claims.select_related("firm")
        ],
        "requests_decided": [
            {"firm": c.firm.name, "status": c.status, "decided_at": _iso(c.decided_at)}
            for c in user.firm_claims_decided.select_related("firm")
        ],
    }


keep(
    "accounts.FirmClaim.person",
    "accounts.FirmClaim.decided_by",
    reason=(
        "The firm's record of who was let in, and by whom; the person's message "
        "is erased."
    ),
)


@eraser
def _erase_firm_requests(user):
    from .models import FirmSignup

    FirmSignup.objects.filter(email__iexact=user.email).delete()
    user.firm_claims.update(message="")


# --- Work in the editor (Wagtail admin) and Django's admin ---------------------------

# Pages, revisions, comments, uploads and log entries an editor made: the site's
# editorial history. They are exported as what they are and when; after erasure
# they stay, pointing at the anonymised account.
EDITORIAL_RECORDS = {
    "wagtailcore.Page.owner": "pages_owned",
    "wagtailcore.Page.locked_by": "pages_locked",
    "wagtailcore.Revision.user": "revisions",
    "wagtailcore.PageLogEntry.user": "page_history",
    "wagtailcore.ModelLogEntry.user": "snippet_history",
    "wagtailcore.Comment.user": "comments",
    "wagtailcore.Comment.resolved_by": "comments_resolved",
    "wagtailcore.CommentReply.user": "comment_replies",
    "wagtailcore.WorkflowState.requested_by": "workflows_started",
    "wagtailcore.TaskState.finished_by": "workflow_tasks_finished",
    "wagtailimages.Image.uploaded_by_user": "images_uploaded",
    "cms.CustomImage.uploaded_by_user": "images_uploaded",
    "wagtaildocs.Document.uploaded_by_user": "documents_uploaded",
    "admin.LogEntry.user": "django_admin_history",
}
# Settings, drafts, subscriptions and access keys of the editor themself: erased.
EDITOR_OWN = {
    "wagtailusers.UserProfile.user": "editor_profile",
    "wagtailadmin.EditingSession.user": "editing_sessions",
    "wagtailadmin.FormState.user": "unsaved_forms",
    "wagtailcore.PageSubscription.user": "page_subscriptions",
    "wagtailcore.UploadedFile.uploaded_by_user": "unfinished_uploads",
    "wagtailcore.APIToken.user": "api_tokens",
}


def _rows_by_section(
    user, relations: dict[str, str], describe=None
) -> dict[str, list[dict]]:
    """The rows of each relation to the user, by section, each as `describe`
    (default: every field) makes it."""
    describe = describe or _describe
    found = user_relations()
    sections: dict[str, list[dict]] = {}
    for relation, section in relations.items():
        if relation not in found:
            continue
        model, field = found[relation]
        rows = sections.setdefault(section, [])
        for row in model._default_manager.filter(**{field: user}).order_by("pk"):
            rows.append(describe(row))
    return sections


def _describe(row) -> dict[str, Any]:
    """What a row is and when: its own words and its dates, never a secret."""
    described = {"id": row.pk, "record": str(row)[:300]}
    for field in row._meta.concrete_fields:
        if field.get_internal_type() in ("DateTimeField", "DateField"):
            described[field.name] = _iso(getattr(row, field.name))
    return described


@exporter("editor", covers=[*EDITORIAL_RECORDS, *EDITOR_OWN])
def _export_editor_work(user):
    return {
        **_rows_by_section(user, EDITORIAL_RECORDS),
        **_rows_by_section(user, EDITOR_OWN),
    }


keep(
    *EDITORIAL_RECORDS,
    reason=(
        "The site's editorial history (who changed a page, approved it or uploaded "
        "an image); the account behind it is anonymised."
    ),
)


@eraser(covers=EDITOR_OWN)
def _erase_editor_own(user):
    found = user_relations()
    for relation in EDITOR_OWN:
        if relation in found:
            model, field = found[relation]
            for row in model._default_manager.filter(**{field: user}):
                # One by one, so that a model's own delete (an avatar file) runs.
                row.delete()


# --- Two-factor devices (django-otp) -------------------------------------------------

OTP_DEVICES = {
    "otp_totp.TOTPDevice.user": "authenticator_apps",
    "otp_static.StaticDevice.user": "backup_code_sets",
}


@exporter("two_factor", covers=OTP_DEVICES)
def _export_two_factor(user):
    # The device's name, whether it is confirmed and when it was last used; its
    # secret key and the backup codes themselves are never exported.
    return _rows_by_section(user, OTP_DEVICES, describe=_describe_device)


def _describe_device(device) -> dict:
    return {
        "name": device.name,
        "confirmed": device.confirmed,
        **{
            f.name: _iso(getattr(device, f.name))
            for f in device._meta.concrete_fields
            if f.get_internal_type() in ("DateTimeField", "DateField")
        },
    }


@eraser(covers=OTP_DEVICES)
def _erase_two_factor(user):
    found = user_relations()
    for relation in OTP_DEVICES:
        if relation in found:
            model, field = found[relation]
            model._default_manager.filter(**{field: user}).delete()

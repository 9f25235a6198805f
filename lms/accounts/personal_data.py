"""Everything the platform holds about a person, for "download my data" and erasure.

Each app registers what it stores (an exporter) and how to erase it (an eraser),
so export and deletion stay complete as apps are added. Register in the app's
`AppConfig.ready()` (or a module it imports).
"""

from collections.abc import Callable
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

_exporters: dict[str, Callable[[Any], Any]] = {}
_erasers: list[Callable[[Any], None]] = []


def exporter(key: str):
    """Register `func(user) -> JSON-able` under `key` in the export."""

    def register(func):
        _exporters[key] = func
        return func

    return register


def eraser(func):
    """Register `func(user)`, called when the person deletes their account."""
    _erasers.append(func)
    return func


def export(user) -> dict[str, Any]:
    """All registered sections for this person, keyed by section name."""
    return {key: func(user) for key, func in sorted(_exporters.items())}


def erase(user) -> None:
    for func in _erasers:
        func(user)


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


@exporter("memberships")
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


@exporter("invitations")
def _export_invitations(user):
    from .models import Invitation

    received = Invitation.objects.filter(email__iexact=user.email).select_related(
        "firm"
    )
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


@eraser
def _erase_accounts_data(user):
    from .models import Invitation

    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        model.objects.filter(username__iexact=user.email).delete()
    Invitation.objects.filter(email__iexact=user.email).update(
        email=f"deleted-{user.pk}@anonymised.invalid"
    )

"""Sessions that know whose they are.

Django's database session engines, extended the documented way (a session model
with a `user` column, see "Extending database-backed session engines"), so that
all of one person's sessions can be found and ended together: when the account
is erased or the password changes. `db` is the engine everywhere;
production reads it through the shared cache with `cached_db`.
"""

from importlib import import_module

from django.conf import settings


def user_sessions_end(*, user, keep: str | None = None) -> int:
    """End every session of the person (but `keep`, a session key) on every app
    server: the rows and their cached copies go; returns how many."""
    from ..models import UserSession

    engine = import_module(settings.SESSION_ENGINE)
    keys = list(
        UserSession.objects.filter(user_id=user.pk)
        .exclude(session_key=keep or "")
        .values_list("session_key", flat=True)
    )
    for key in keys:
        engine.SessionStore(session_key=key).delete()
    return len(keys)

"""Database sessions with the person's id, read through the shared cache
(production's SESSION_ENGINE, where the default cache is Redis)."""

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

from .db import UserColumn


class SessionStore(UserColumn, CachedDBStore):
    cache_key_prefix = "lms.accounts.sessions.cached_db"

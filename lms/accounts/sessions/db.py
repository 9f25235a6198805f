"""Database sessions with the person's id on the row (SESSION_ENGINE)."""

from django.contrib.sessions.backends.db import SessionStore as DBStore


class UserColumn:
    """Store sessions in `UserSession`, with the logged-in person's id."""

    @classmethod
    def get_model_class(cls):
        from ..models import UserSession

        return UserSession

    def create_model_instance(self, data):
        obj = super().create_model_instance(data)
        try:
            obj.user_id = int(data.get("_auth_user_id"))
        except (TypeError, ValueError):
            obj.user_id = None
        return obj


class SessionStore(UserColumn, DBStore):
    pass

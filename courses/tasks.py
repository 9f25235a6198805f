"""Background work for the course side (django-tasks; immediate unless configured)."""

from django_tasks import task


@task()
def send_session_reminder(session_id: int, user_id: int) -> bool:
    """Send one participant the reminder for one session, unless already sent."""
    from .services import reminders

    return reminders.session_reminder_send(session_id=session_id, user_id=user_id)

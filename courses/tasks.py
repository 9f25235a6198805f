"""Background work for the course side (django-tasks; immediate unless configured).

Each task takes ids only (the row is read when the task runs) and may run twice
without doing its work twice: the service it calls claims the work first (a
unique "sent" row, or a status change that only one caller wins)."""

from django_tasks import task


@task()
def send_session_reminder(session_id: int, user_id: int) -> bool:
    """Send one participant the reminder for one session, unless already sent."""
    from .services import reminders

    return reminders.session_reminder_send(session_id=session_id, user_id=user_id)


@task()
def send_certification_reminder(certification_id: int) -> bool:
    """Remind the firm's contacts that its certification expires, unless already
    reminded for this period."""
    from .services import reminders

    return reminders.expiry_reminder_send(certification_id=certification_id)


@task()
def build_certificate_archive(archive_id: int) -> bool:
    """Render and store the ZIP of a run's course certificates, unless it is
    built or being built already."""
    from .services import archives

    return archives.certificate_archive_build(archive_id=archive_id)

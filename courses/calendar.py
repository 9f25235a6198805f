"""The participant's course sessions as an iCalendar (.ics) file."""

from datetime import UTC

from django.utils import timezone

from icalendar import Calendar, Event

CALENDAR_UID_DOMAIN = "sosialprofil.no"


def render_sessions_calendar(*, sessions) -> bytes:
    """An iCalendar file with one event per session; UIDs never change, so a
    calendar that subscribes updates its events instead of adding new ones.
    Each session needs its run (`select_related("run")`)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Sosial Profil//Samlinger//NB")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Sosial Profil")
    stamp = timezone.now().astimezone(UTC)
    for session in sessions:
        event = Event()
        event.add("uid", f"session-{session.pk}@{CALENDAR_UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at.astimezone(UTC))
        event.add("dtend", session.ends_at.astimezone(UTC))
        summary = f"{session.run.title}: {session.position}. {session.title}"
        event.add("summary", summary)
        event.add("location", session.place)
        if session.agenda:
            event.add("description", session.agenda)
        calendar.add_component(event)
    return calendar.to_ical()

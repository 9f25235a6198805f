"""Template helpers for notifications and their mails."""

from datetime import date, datetime

from django import template
from django.utils.dateparse import parse_date, parse_datetime

from ..mail import subject_render

register = template.Library()


@register.filter
def isodate(value):
    """An ISO date or date-time from a stored context back as a date/datetime, so
    that `|date` writes it in the reader's language. Anything else as it is."""
    if isinstance(value, date | datetime) or not isinstance(value, str):
        return value
    try:
        return parse_datetime(value) if "T" in value else parse_date(value) or value
    except ValueError:
        return value


@register.simple_tag
def notification_title(notification):
    """The notification's one line (its mail's subject) in the active language."""
    return subject_render(template=notification.kind, context=notification.context)

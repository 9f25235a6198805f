"""The attendance list's status buttons, rendered once per status and page."""

from django import template
from django.template.loader import render_to_string

register = template.Library()

BUTTONS_TEMPLATE = "courses/leader/_attendance_buttons.html"


@register.simple_tag(takes_context=True)
def attendance_buttons(context, statuses, current):
    """The status buttons of one person's row, `current` pressed.

    They depend on nothing but the current status, and a run has hundreds of
    people: each variant is rendered once per page (kept in the render context,
    which lives as long as this one rendering) instead of once per person.
    """
    rendered = context.render_context.setdefault("attendance_buttons", {})
    if current not in rendered:
        rendered[current] = render_to_string(
            BUTTONS_TEMPLATE, {"statuses": statuses, "current": current}
        )
    return rendered[current]

"""The run overview's table rows, built in Python.

A run can have forty firms × several sessions; rendering each cell through
template tags costs more than the rest of the page together, so the rows are
assembled here with `format_html` (which escapes every value).
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def overview_rows(rows) -> SafeString:
    not_started = gettext("Not started")
    html = []
    for row in rows:
        # Marks and "n/m" labels are our own digits and symbols: nothing to escape.
        cells = SafeString(
            "".join(
                f'<td><span aria-hidden="true">{cell.mark}</span> {cell.label}</td>'
                for cell in row.sessions
            )
        )
        if row.plan_status:
            plan = format_html(
                '<a href="{}">{}<span class="visually-hidden"> – {}</span></a>',
                reverse("courses:plan_review", args=[row.enrolment.pk]),
                row.plan_status_label,
                row.firm.name,
            )
        else:
            plan = not_started
        html.append(
            format_html(
                '<tr><th scope="row">{}</th><td>{}</td>{}<td>{} %</td><td>{}</td></tr>',
                row.firm.name,
                str(len(row.participants)),
                cells,
                str(row.preparation_percent),
                plan,
            )
        )
    return SafeString("\n".join(html))

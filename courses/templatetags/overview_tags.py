"""The run overview's table rows, built in Python.

A run can have forty firms × several sessions; rendering each cell through
template tags costs more than the rest of the page together, so the rows are
assembled here with `format_html` (which escapes every value).
"""

from decimal import Decimal
from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()


def certification_cell(row, labels: dict) -> str:
    """The firm's certification status, or which rules hold, in plain words."""
    url = reverse("courses:certification_firm", args=[row.enrolment.pk])
    firm = escape(row.firm.name)
    if row.certification is not None:
        return (
            f'<a href="{url}">{escape(row.certification.get_status_display())}'
            f'<span class="visually-hidden"> – {firm}</span></a>'
        )
    check = row.check
    if check.holds:
        summary = labels["ready"]
    else:
        summary = labels["holding"] % {
            "holding": sum(1 for rule in check.rules if rule.holds),
            "total": len(check.rules),
        }
    items = "".join(
        f'<li><span aria-hidden="true">{"✓" if rule.holds else "✗"}</span> '
        f"{escape(rule.text)}</li>"
        for rule in check.rules
    )
    return (
        f"<details><summary>{escape(summary)}</summary>"
        f'<ul class="list-unstyled small mb-1">{items}</ul>'
        f'<a href="{url}">{labels["certification"]}'
        f'<span class="visually-hidden"> – {firm}</span></a></details>'
    )


@register.simple_tag
def overview_rows(rows) -> SafeString:
    not_started = gettext("Not started")
    labels = {
        "ready": gettext("Ready to certify"),
        "holding": gettext("Rules met: %(holding)s of %(total)s"),
        "certification": escape(gettext("Certification")),
    }
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
        quizzes = SafeString(
            "".join(
                f'<td><span aria-hidden="true">{cell.mark}</span> {cell.label}</td>'
                for cell in row.quizzes
            )
        )
        html.append(
            format_html(
                '<tr><th scope="row">{}</th><td>{}</td>{}<td>{} %</td><td>{}</td>{}'
                "<td>{}</td></tr>",
                row.firm.name,
                str(len(row.participants)),
                cells,
                str(row.preparation_percent),
                plan,
                quizzes,
                SafeString(certification_cell(row, labels)),
            )
        )
    return SafeString("\n".join(html))


def score_label(score: Decimal | None) -> str:
    """A score in per cent as people write it: "80 %", "66,67 %" in Norwegian."""
    if score is None:
        return ""
    if score == score.to_integral_value():
        return f"{int(score)} %"
    return f"{number_format(score, decimal_pos=2)} %"


@register.simple_tag
def quiz_participant_rows(rows, index) -> SafeString:
    """One row per participant for the required quiz at `index`, firm by firm."""
    yes, no, not_taken = gettext("Yes"), gettext("No"), gettext("Not taken")
    html = []
    for row in rows:
        for person in row.people:
            result = person.results[index]
            if not result.attempts:
                passed = not_taken
            else:
                passed = yes if result.passed else no
            html.append(
                format_html(
                    '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td>'
                    "<td>{}</td></tr>",
                    person.name,
                    row.firm.name,
                    str(result.attempts),
                    score_label(result.score),
                    passed,
                )
            )
    return SafeString("\n".join(html))

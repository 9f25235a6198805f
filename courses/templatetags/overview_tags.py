"""The run overview's table rows, built in Python.

A run can have forty firms × several sessions; rendering each cell through
template tags costs more than the rest of the page together, so the rows are
assembled here as strings, every value escaped with `html.escape`.
"""

from decimal import Decimal
from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()


def _url_pattern(name: str):
    """A function pk -> URL for a route with one integer argument, reversed once
    per page instead of once per row."""
    marker = 999_999_999
    prefix, suffix = reverse(name, args=[marker]).split(str(marker))
    return lambda pk: f"{prefix}{pk}{suffix}"


def certification_cell(row, url: str, labels: dict) -> str:
    """The firm's certification status, or which rules hold, in plain words."""
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
    # Every value from the database or a translation goes through `escape`;
    # marks and "n/m" labels are our own digits and symbols.
    not_started = escape(gettext("Not started"))
    labels = {
        "ready": gettext("Ready to certify"),
        "holding": gettext("Rules met: %(holding)s of %(total)s"),
        "certification": escape(gettext("Certification")),
    }
    plan_url = _url_pattern("courses:plan_review")
    certification_url = _url_pattern("courses:certification_firm")
    html = []
    for row in rows:
        firm = escape(row.firm.name)
        cells = "".join(
            f'<td><span aria-hidden="true">{cell.mark}</span> {cell.label}</td>'
            for cell in row.sessions
        )
        if row.plan_status:
            plan = (
                f'<a href="{plan_url(row.enrolment.pk)}">'
                f"{escape(row.plan_status_label)}"
                f'<span class="visually-hidden"> – {firm}</span></a>'
            )
        else:
            plan = not_started
        quizzes = "".join(
            f'<td><span aria-hidden="true">{cell.mark}</span> {cell.label}</td>'
            for cell in row.quizzes
        )
        certification = certification_cell(
            row, certification_url(row.enrolment.pk), labels
        )
        html.append(
            f'<tr><th scope="row">{firm}</th><td>{len(row.participants)}</td>'
            f"{cells}<td>{row.preparation_percent} %</td><td>{plan}</td>{quizzes}"
            f"<td>{certification}</td></tr>"
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
    yes, no = escape(gettext("Yes")), escape(gettext("No"))
    not_taken = escape(gettext("Not taken"))
    html = []
    for row in rows:
        firm = escape(row.firm.name)
        for person in row.people:
            result = person.results[index]
            if not result.attempts:
                passed = not_taken
            else:
                passed = yes if result.passed else no
            html.append(
                f'<tr><th scope="row">{escape(person.name)}</th><td>{firm}</td>'
                f"<td>{result.attempts}</td><td>{escape(score_label(result.score))}"
                f"</td><td>{passed}</td></tr>"
            )
    return SafeString("\n".join(html))

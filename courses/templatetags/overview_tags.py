"""Filters and the hot loops for the run overview's tables."""

from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html_join
from django.utils.translation import gettext

from lms.converters import MAX_ID

register = template.Library()

# An id no row has, put in a URL once and then replaced by each row's id.
_PLACEHOLDER_ID = str(MAX_ID)


@register.filter
def holding_count(rules) -> int:
    """How many of a firm's certification rules hold."""
    return sum(1 for rule in rules if rule.holds)


@register.filter
def score_label(score: Decimal | None) -> str:
    """A score in per cent as people write it: "80 %", "66,67 %" in Norwegian."""
    if score is None:
        return ""
    if score == score.to_integral_value():
        return f"{int(score)} %"
    return f"{number_format(score, decimal_pos=2)} %"


@register.simple_tag(takes_context=True)
def row_url(context, name: str, pk: int) -> str:
    """`reverse(name, args=[pk])` for a table's rows: the URL is reversed once
    per page (kept in the render context, which lives as long as this one
    rendering) and each row's id put in place of a placeholder. The overview
    links every firm twice; a `reverse()` per link was a tenth of the page."""
    patterns = context.render_context.setdefault("row_url", {})
    parts = patterns.get(name)
    if parts is None:
        parts = patterns[name] = reverse(name, args=[_PLACEHOLDER_ID]).split(
            _PLACEHOLDER_ID
        )
    head, tail = parts
    return f"{head}{int(pk)}{tail}"


@register.simple_tag
def rule_items(rules):
    """A firm's certification rules as list items: a mark for the eye ("✓" or
    "✗", hidden from screen readers) and the rule's sentence."""
    return format_html_join(
        "",
        '<li><span aria-hidden="true">{}</span> {}</li>',
        (("✓" if rule.holds else "✗", rule.text) for rule in rules),
    )


@register.simple_tag
def count_cells(cells):
    """One table cell per session or required quiz of a firm's row: a mark for
    the eye ("✓" or "–", hidden from screen readers) and "present/total".

    Forty firms × (sessions + quizzes) cells: a template loop per row costs more
    than the rest of the row, so `format_html_join` writes them.
    """
    return format_html_join(
        "",
        '<td><span aria-hidden="true">{}</span> {}</td>',
        ((cell.mark, cell.label) for cell in cells),
    )


@register.simple_tag(takes_context=True)
def quiz_participant_rows(context, rows, index: int):
    """One table row per participant for the required quiz at `index`, firm by firm.

    A run has hundreds of participants and each quiz repeats them all, so this loop
    is the page's hottest: `format_html_join` writes the rows, and each value
    (a name, a firm, a count, a score, a fixed word) is escaped once per page,
    however many rows and quizzes show it.
    """
    escaped = context.render_context.get("quiz_participant_rows")
    if escaped is None:
        escaped = context.render_context["quiz_participant_rows"] = {}

    def once(value):
        try:
            return escaped[value]
        except KeyError:
            result = escaped[value] = conditional_escape(value)
            return result

    not_taken, yes, no = (once(gettext(word)) for word in ("Not taken", "Yes", "No"))

    def cells():
        for row in rows:
            firm = once(row.firm.name)
            for person in row.people:
                result = person.results[index]
                if not result.attempts:
                    passed = not_taken
                else:
                    passed = yes if result.passed else no
                yield (
                    once(person.name),
                    firm,
                    once(result.attempts),
                    once(score_label(result.score)),
                    passed,
                )

    return format_html_join(
        "\n",
        '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
        cells(),
    )

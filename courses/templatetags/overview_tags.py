"""Filters and one hot loop for the run overview's tables."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html_join
from django.utils.translation import gettext

register = template.Library()


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


@register.simple_tag
def quiz_participant_rows(rows, index: int):
    """One table row per participant for the required quiz at `index`, firm by firm.

    A run has hundreds of participants and each quiz repeats them all, so this loop
    is the page's hottest: `format_html_join` escapes every value, the fixed words
    are translated once per table.
    """
    not_taken, yes, no = gettext("Not taken"), gettext("Yes"), gettext("No")

    def cells():
        for row in rows:
            for person in row.people:
                result = person.results[index]
                if not result.attempts:
                    passed = not_taken
                else:
                    passed = yes if result.passed else no
                yield (
                    person.name,
                    row.firm.name,
                    result.attempts,
                    score_label(result.score),
                    passed,
                )

    return format_html_join(
        "\n",
        '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
        cells(),
    )

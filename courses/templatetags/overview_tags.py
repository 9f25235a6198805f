"""Filters for the run overview's tables: values, never markup."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def at(items, index: int):
    """`items[index]`: a participant's result for the quiz of the enclosing loop."""
    return items[index]


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

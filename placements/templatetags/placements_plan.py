"""Template tags for the work plan and evaluation summaries on a placement."""

from django import template

from ..selectors.plan import evaluation_schedule as _evaluation_schedule

register = template.Library()


@register.simple_tag
def evaluation_schedule(placement):
    """`{% evaluation_schedule placement as due %}`: when the next evaluation is
    due and whether it is overdue (None unless the placement is under way)."""
    return _evaluation_schedule(placement)

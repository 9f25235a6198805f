"""Template tags of results for other apps' pages (the cms home page): they
show the public, suppressed figures without importing results' models."""

from django import template

register = template.Library()


@register.inclusion_tag("results/includes/headline.html")
def results_headline():
    """Four headline figures of the public page, suppressed the same way,
    with a link to it (three queries, inside the home page's cached
    fragment)."""
    from ..selectors.public import home_headlines
    from ..suppression import HIDDEN, suppress_threshold

    headlines = home_headlines()
    return {
        "headlines": headlines,
        "any_hidden": any(item.value == HIDDEN for item in headlines),
        "hidden_top": suppress_threshold() - 1,
        "heading_id": "results-headline-heading",
        "link": True,
    }


@register.simple_tag
def results_threshold() -> int:
    """RESULTS_SUPPRESS_BELOW, for the key of a cached fragment that holds
    the headline (a new threshold must not show an old fragment)."""
    from ..suppression import suppress_threshold

    return suppress_threshold()

from django import template

register = template.Library()


@register.simple_tag
def measure_url(measure) -> str:
    """The measure's stable address in the catalogue (cached; no query when warm)."""
    from cms.selectors import measure_catalogue_url

    base = measure_catalogue_url()
    return f"{base}{measure.slug}/" if base else ""

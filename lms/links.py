"""Absolute links for what is read far from any request: e-mails, PDFs, badges."""

from django.conf import settings


def absolute_url(url: str) -> str:
    """`url` on the site's own address (the admin base URL); absolute URLs as
    they are."""
    if not url.startswith("/"):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url

"""Purge public pages from a CDN or reverse proxy when the content they show changes.

The CDN keeps only what cms.page_cache marks `public` (public pages at the
addresses a purge names), and every change that drops the app's own page cache
purges them: `cms.cache.bump_content_version`, the one receiver of all those
signals, calls `purge_after_change`. Like the app's cache, which drops every
page at once, this purges every live page (each page's URL with its
`get_cached_paths()`), since menus, the front page, the catalogue and the
registry show things from all over; plus the addresses a change takes away:
the old addresses of a moved or renamed page and its descendants.

Wagtail itself (wagtail.contrib.frontend_cache) purges a page when it is
published or unpublished (a deleted page is unpublished first), and nothing
else: not the other pages that list it, not a move or a new slug, a privacy
change, a snippet, a run or a certification.

The purge is worked out once per transaction, after it commits (a rolled-back
change purges nothing new), and sent through Wagtail's purge task: in
production a worker (`make worker`) sends it, so a slow or absent CDN never
slows an editor; a purge endpoint that is down is logged by Wagtail
("wagtail.frontendcache") and breaks nothing. Without WAGTAILFRONTENDCACHE
nothing here runs.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_slug_changed, post_page_move

# Saves that change only the draft (Page.save_revision, locking): the live page
# is unchanged until it is published.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)

# This thread's purge waiting for its transaction to commit: the addresses
# taken away so far (worked out when the change happens, while they are known).
_pending = threading.local()


def frontend_cache_configured() -> bool:
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
    )


def purge_after_change(*, sender=None, signal=None, instance=None, **kwargs) -> None:
    """Purge every live page's addresses, and those this change takes away,
    once the current transaction commits (a signal receiver's arguments)."""
    if not frontend_cache_configured():
        return
    if (
        signal is post_save
        and isinstance(instance, Page)
        and kwargs.get("update_fields")
        and set(kwargs["update_fields"]) <= DRAFT_FIELDS
    ):
        return
    batch = getattr(_pending, "batch", None)
    if batch is None:
        batch = _pending.batch = PurgeBatch()
    if signal is post_page_move:
        _add_old_addresses(
            batch, instance, kwargs["url_path_before"], kwargs["url_path_after"]
        )
    elif signal is page_slug_changed:
        _add_old_addresses(
            batch, instance, kwargs["instance_before"].url_path, instance.url_path
        )
    transaction.on_commit(_purge_pending)


def _add_old_addresses(batch, page, before: str, after: str) -> None:
    """The addresses a moved or renamed page and its descendants had before."""
    if before == after:
        return
    for moved in Page.objects.live().descendant_of(page, inclusive=True):
        old = Page(url_path=before + moved.url_path[len(after) :])
        old_url = old.get_full_url(batch)
        if old_url is not None:
            paths = moved.specific_deferred.get_cached_paths()
            batch.add_urls(old_url + path.lstrip("/") for path in paths)


def _purge_pending() -> None:
    batch = getattr(_pending, "batch", None)
    if batch is None:  # an earlier callback of the same transaction sent it
        return
    _pending.batch = None
    batch.add_pages(Page.objects.live().exclude(depth=1))
    batch.purge()

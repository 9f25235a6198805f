"""Count a page's queries with an empty cache: the price of the first view after
a publish, a restart or an eviction, where an N+1 cannot hide."""

from http import HTTPStatus

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

# Every cms page, anonymous or logged in, with the cache empty.
COLD_PAGE_QUERY_LIMIT = 15


def clear_caches() -> None:
    """Empty the content cache (the default alias), as after an eviction."""
    cache.clear()


def cold_queries(client, url, *, status=HTTPStatus.OK):
    """(query count, response) for `url` with every cache emptied first."""
    client.get(url)  # sessions, lazy settings and the like are set up once
    clear_caches()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == status, response.status_code
    return len(context.captured_queries), response


def cold_query_sql(client, url) -> list[str]:
    """The SQL of a cold request, for a failing test's message."""
    client.get(url)
    clear_caches()
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return [query["sql"] for query in context.captured_queries]

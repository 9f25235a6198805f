"""Project-level views that belong to no app."""

import sys
from http import HTTPStatus

from django.db import Error, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Liveness and database reachability, for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Error:
        # DatabaseError, and InterfaceError from a connection the server closed.
        return JsonResponse(
            {"status": "error", "database": "error"},
            status=HTTPStatus.SERVICE_UNAVAILABLE,
        )
    return JsonResponse({"status": "ok", "database": "ok"})


# How long a client is asked to wait before trying again while the database
# cannot be reached (a restart or a fail-over takes seconds).
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """handler500. A database that cannot be reached (stopped, restarting, the
    network cut) is not a bug in the page: 503 with a page that says so and a
    Retry-After, no traceback; anything else is Django's 500 page. Renders no
    context processor, so it needs neither the database nor a session."""
    error = sys.exc_info()[1]
    if not isinstance(error, (OperationalError, InterfaceError)):
        return defaults.server_error(request)
    response = HttpResponse(
        loader.get_template("503.html").render(),
        status=HTTPStatus.SERVICE_UNAVAILABLE,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response

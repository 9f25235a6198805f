"""The client's address, as every rate limit and the login throttle count it.

Behind TRUSTED_PROXY_COUNT proxies that each append the address they received
the request from to X-Forwarded-For, the client is the entry that many places
from the right: everything left of it could have been written by the client
itself. Without trusted proxies (the default) it is REMOTE_ADDR.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The address the request came from, read only through trusted proxies
    (settings.TRUSTED_PROXY_COUNT); REMOTE_ADDR when the header cannot be trusted."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        # Not through every trusted proxy: nothing in the header is vouched for.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote

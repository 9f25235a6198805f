"""Public verification of certificates, whichever app issued them.

Each app that issues certificates registers a lookup: a function that takes a
normalised code and returns a `Verified` or None. `/verify/<code>/` asks them
in turn, so firm certifications, course certificates and (later) validation
certificates share one page and one code space.

The package: this registry; `forms` (the code field); `views` (the page, the
Open Badge, its signed form, the issuer's public keys and the limit on misses);
`signing` (VC-JOSE signatures over any credential, and the keys); `urls`
(mounted at /verify/; the JWKS is at /.well-known/jwks.json). The code format
itself is `courses.codes`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils.functional import Promise


@dataclass(frozen=True, kw_only=True)
class Verified:
    """What the public may know about one certificate, and nothing more."""

    code: str  # formatted, as printed
    kind: str | Promise  # e.g. "Certified firm", "Course certificate"
    status: str  # courses.models.CertificateStatus value
    holder: str  # the firm's name, or the person's name
    what: str  # the course (or unit) it is for
    details: tuple[tuple[str | Promise, str], ...] = field(default_factory=tuple)
    issued_on: date
    valid_until: date | None = None
    revoked_on: date | None = None
    issuer: str = ""
    badge_url: str = ""  # the Open Badges 3.0 credential, if there is one
    # Builds that credential (a dict) in the active language, when asked for.
    credential: Callable[[], dict] | None = field(default=None, compare=False)


Lookup = Callable[[str], Verified | None]
_lookups: list[Lookup] = []


def register(lookup: Lookup) -> Lookup:
    """Register a lookup (usable as a decorator); registering twice is harmless."""
    if lookup not in _lookups:
        _lookups.append(lookup)
    return lookup


def verify(code: str) -> Verified | None:
    """The certificate with this normalised code, from whichever app issued it."""
    for lookup in _lookups:
        found = lookup(code)
        if found is not None:
            return found
    return None


def code_in_use(code: str) -> bool:
    return verify(code) is not None


def unused_code() -> str:
    """A fresh code no certificate of any kind uses yet (collisions are all but
    impossible, but a code must never point at two certificates)."""
    from courses.codes import new_code

    while True:
        code = new_code()
        if not code_in_use(code):
            return code

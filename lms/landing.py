"""Where a person lands after logging in: on their own work.

A small seam: the validation roles go to what waits for them; everyone else to
the profile (`LOGIN_REDIRECT_URL`). A `next` parameter still wins (the login
view asks this only without one). A full home per role will replace it.
"""

from django.conf import settings
from django.shortcuts import resolve_url


def landing_url(user) -> str:
    """The page of the person's work: staff queues before their own cases, since
    other people wait on those."""
    from lms.accounts import rules as predicates
    from validation.selectors import cases_of_candidate

    if predicates.is_assessor(user):
        return resolve_url("validation:queue")
    if predicates.is_internal_verifier(user):
        return resolve_url("validation:verification")
    if predicates.is_external_moderator(user):
        return resolve_url("validation:moderation")
    if predicates.is_candidate(user) and cases_of_candidate(user=user).exists():
        return resolve_url("validation:my_cases")
    return resolve_url(settings.LOGIN_REDIRECT_URL)

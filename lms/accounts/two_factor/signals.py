"""What every login remembers in the session: whether the person has
two-step sign-in, so the middleware need not ask the database on every page.

Connected by AccountsConfig.ready. Each login path (ours, Wagtail's and Django's
admin login, an invitation, a confirmed sign-up) sends `user_logged_in`."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .selectors import two_factor_enabled

# True: the person has two-step sign-in (and must give a code before any page);
# False: they had none at login. Missing (a session older than this feature):
# the middleware asks once.
SESSION_HAS_TWO_FACTOR = "two_factor_enabled"


@receiver(user_logged_in, dispatch_uid="accounts.two_factor.remember")
def remember_two_factor(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        session[SESSION_HAS_TWO_FACTOR] = two_factor_enabled(user=user)

"""The home page: thin, the parts come from `selectors.home_for`."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors


@require_GET
@login_required
def home(request):
    """The person's own work, one part per role they hold."""
    return render(
        request,
        "home/home.html",
        {"home": selectors.home_for(user=request.user, request=request)},
    )

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import PreferencesForm


@login_required
def preferences(request):
    """The logged-in person's own e-mail choices (no one else's are reachable)."""
    current = selectors.notification_preferences(user=request.user)
    form = PreferencesForm(
        request.POST or None,
        initial={
            "on": [item.kind.value for item in current if item.on and not item.required]
        },
    )
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid():
            try:
                services.notification_preferences_save(
                    user=request.user, turned_off=form.turned_off()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your e-mail choices have been saved."))
                return redirect("notifications:preferences")
        status = HTTPStatus.BAD_REQUEST
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "required": [item for item in current if item.required],
        },
        status=status,
    )

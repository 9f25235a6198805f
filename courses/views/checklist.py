"""A participant ticks the points of a checklist in a lesson."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path
from django.views.decorators.http import require_POST

from ..forms.checklists import ChecklistTicksForm
from ..services import checklists as services
from .participant import _lesson_for


@require_POST
@login_required
def checklist_ticks_save(request, lesson_id: int, block_id: str):
    """Save the ticks; an ordinary form post, or a background one from
    static/js/checklist.js (answered with JSON)."""
    lesson = _lesson_for(request, lesson_id)
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    form = ChecklistTicksForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(services.CHECKLIST_ITEM_UNKNOWN_MESSAGE)
        services.checklist_ticks_save(
            user=request.user,
            lesson=lesson,
            block_id=block_id,
            ticked=set(form.cleaned_data["item"]),
        )
    except ValidationError as error:
        if wants_json:
            return JsonResponse(
                {"ok": False, "message": error.messages[0]},
                status=HTTPStatus.BAD_REQUEST,
            )
        messages.error(request, error.messages[0])
    else:
        message = str(services.CHECKLIST_SAVED_MESSAGE)
        if wants_json:
            return JsonResponse({"ok": True, "message": message})
        messages.success(request, message)
    return redirect(lesson.get_url(request) + f"#checklist-{block_id}")


urlpatterns = [
    path(
        "leksjon/<id:lesson_id>/sjekkliste/<slug:block_id>/",
        checklist_ticks_save,
        name="checklist_ticks_save",
    ),
]

"""Forms a participant fills in: lesson done/undo and reflection answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.progress import NOTE_MAX_LENGTH

# An answer the server refused waits here for the next view of the lesson, so the
# person's text is never lost.
REFLECTION_DRAFTS_SESSION_KEY = "reflection_drafts"


class LessonDoneForm(forms.Form):
    action = forms.ChoiceField(choices=[("done", "done"), ("undo", "undo")])


class ReflectionNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        help_text=_("Only you can see this. Leave it empty and save to delete it."),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, block_id: str = "", **kwargs):
        # Several questions on one page: every field id must be unique.
        kwargs.setdefault("auto_id", f"id_note_{block_id}_%s")
        super().__init__(*args, **kwargs)

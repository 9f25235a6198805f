"""Forms a participant fills in: lesson done/undo and reflection answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.progress import NOTE_MAX_LENGTH

# An answer the server refused waits here for the next view of the lesson, so the
# person's text is never lost. Bounded: only questions that are in the lesson,
# at most NOTE_MAX_LENGTH characters each, the newest REFLECTION_DRAFTS_MAX.
REFLECTION_DRAFTS_SESSION_KEY = "reflection_drafts"
REFLECTION_DRAFTS_MAX = 3


def reflection_draft_keep(session, *, block_id: str, text: str) -> bool:
    """Keep a refused answer for the next view of its lesson, if it is within
    the note's length; the oldest drafts go first. The caller has checked that
    the question is in the lesson."""
    text = text.replace("\r\n", "\n")
    if len(text) > NOTE_MAX_LENGTH:
        return False
    drafts = dict(session.get(REFLECTION_DRAFTS_SESSION_KEY) or {})
    drafts.pop(block_id, None)
    drafts[block_id] = text
    # Dicts keep insertion order: the newest are last.
    session[REFLECTION_DRAFTS_SESSION_KEY] = dict(
        list(drafts.items())[-REFLECTION_DRAFTS_MAX:]
    )
    return True


def reflection_draft_take(session, *, block_id: str) -> str | None:
    """The refused answer to this question, once (it is then forgotten)."""
    drafts = session.get(REFLECTION_DRAFTS_SESSION_KEY)
    if not drafts or block_id not in drafts:
        return None
    drafts = dict(drafts)
    text = drafts.pop(block_id)
    session[REFLECTION_DRAFTS_SESSION_KEY] = drafts
    return text


class LessonDoneForm(forms.Form):
    action = forms.ChoiceField(choices=[("done", "done"), ("undo", "undo")])


class NoteField(forms.CharField):
    """Text whose line breaks count as one character, as the browser counts them
    for `maxlength` (it sends each one as CR LF)."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class ReflectionNoteForm(forms.Form):
    text = NoteField(
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

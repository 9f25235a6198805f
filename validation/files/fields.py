"""The upload form field of evidence."""

from django import forms

from .check import evidence_file_check
from .common import ERR_EMPTY

# The file chooser's filter. `capture` is deliberately not set: with it a phone
# opens the camera only; without it the phone offers camera, photo library and
# files, so a photo of work or a document already on the phone both work.
ACCEPT = "image/*,application/pdf,video/*,.docx,.xlsx,.pptx,.odt"


class EvidenceFileField(forms.FileField):
    """A file field whose cleaned value is a `CheckedFile` (or refused with ERR_*)."""

    widget = forms.FileInput
    default_error_messages = {"empty": ERR_EMPTY}

    def widget_attrs(self, widget):
        # No `capture`: see ACCEPT.
        return {**super().widget_attrs(widget), "accept": ACCEPT}

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        return evidence_file_check(upload=upload)

"""Uploads in Wagtail's admin (images, documents) that fail with a message, not a 500.

Two faults gave editors a server error (and the multiple uploader an HTML page it
could not show): a file that claims to be an image but cannot be read, and a media
folder the server cannot write to. Both are caught while the upload form is
validated, so Wagtail shows the message where it shows its own: next to the file
field, or in the multiple uploader's JSON answer. Enabled through
`WAGTAILIMAGES_IMAGE_FORM_BASE` and `WAGTAILDOCS_DOCUMENT_FORM_BASE`.
"""

import logging
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from botocore.exceptions import BotoCoreError, ClientError
from PIL import UnidentifiedImageError

logger = logging.getLogger(__name__)

UNREADABLE_IMAGE_MESSAGE = _(
    "This file cannot be read as an image: it may be damaged, or not the kind of "
    "file its name says. Save it again as JPEG or PNG and upload that."
)
UPLOAD_NOT_ALLOWED_MESSAGE = _(
    "This file is a program or a web page, whatever its name says, and is not "
    "accepted. Save it as a PDF or an office document and upload that."
)
STORAGE_NOT_WRITABLE_MESSAGE = _(
    "The file could not be stored: the server cannot write to its media folder. "
    "Nothing was uploaded. Tell the site's administrator; try again when it is "
    "fixed."
)


class ImageFileField(WagtailImageField):
    """Wagtail's image field; a file Pillow cannot read is a validation error."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            # Pillow reports damaged files with any of these.
            raise ValidationError(
                UNREADABLE_IMAGE_MESSAGE, code="unreadable_image"
            ) from error


def check_storage_writable(storage=default_storage) -> None:
    """Raise a ValidationError if `storage` cannot take a file now.

    A tiny file is written and removed; the upload itself would otherwise fail
    after the form said yes.
    """
    name = f"wagtail_uploads/.write-check-{uuid.uuid4().hex}"
    try:
        saved = storage.save(name, ContentFile(b""))
        storage.delete(saved)
    except (OSError, BotoCoreError, ClientError) as error:
        # Object storage (lms/settings/object_storage.py) fails with botocore's.
        logger.error("Media storage is not writable: %s", error)
        raise ValidationError(
            STORAGE_NOT_WRITABLE_MESSAGE, code="storage_not_writable"
        ) from error


class StorageCheckMixin:
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_storage_writable(self._meta.model._meta.get_field("file").storage)
        return file


class ImageForm(StorageCheckMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, ImageFileField):
            self.fields["file"] = ImageFileField(
                label=field.label, required=field.required, widget=field.widget
            )


# What programs and web pages start with, whatever the file is called.
PROGRAM_STARTS = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe")
PROGRAM_STARTS += (b"\xfe\xed\xfa", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe")
MARKUP_STARTS = (b"<!doctype html", b"<html", b"<svg", b"<script", b"<head", b"<body")


def is_program_or_markup(head: bytes) -> bool:
    """Whether a file starting with `head` is a program or a web page/SVG."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith((b"<?xml", b"<!--")):
        return b"<svg" in text or b"<html" in text
    return head.startswith(PROGRAM_STARTS) or text.startswith(MARKUP_STARTS)


class DocumentForm(StorageCheckMixin, BaseDocumentForm):
    def clean_file(self):
        file = super().clean_file()
        if file and "file" in self.changed_data:
            file.seek(0)
            head = file.read(1024)
            file.seek(0)
            if is_program_or_markup(head):
                raise ValidationError(
                    UPLOAD_NOT_ALLOWED_MESSAGE, code="program_or_markup"
                )
        return file

    def _post_clean(self):
        # Document.clean() checks the extension of whatever file the instance
        # has: after the form refused the upload that is none, and the editor
        # would read "File extension “” is not allowed" under the real reason.
        refused = len(self.errors.get("file", ()))
        super()._post_clean()
        if refused:
            del self._errors["file"][refused:]

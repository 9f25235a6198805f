"""Uploads that cannot be read or stored get a clear message, never a 500."""

import io
from http import HTTPStatus

from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

import pytest
from PIL import Image as PILImage

from lms.uploads import STORAGE_NOT_WRITABLE_MESSAGE, UNREADABLE_IMAGE_MESSAGE

from ..accounts.factories import UserFactory
from ..helpers import assert_shows_message

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def damaged_png() -> bytes:
    # A real PNG cut in half: the name and the first bytes say "image".
    data = png_bytes()
    return data[: len(data) // 2]


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type)


@pytest.fixture
def editor(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Wagtail's admin speaks the person's own language, whatever the cookie.
    client.force_login(UserFactory(is_staff=True, is_superuser=True, language="en"))
    return client


@pytest.fixture
def read_only_media(monkeypatch):
    """Every write to the media folder fails, as on a read-only mount."""

    def refuse(self, name, content):
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(FileSystemStorage, "_save", refuse)


def nothing_stored():
    return (
        not get_image_model().objects.exists()
        and not get_document_model().objects.exists()
        and not UploadedFile.objects.exists()
    )


def test_damaged_image_in_the_multiple_uploader_answers_json_with_the_reason(editor):
    response = editor.post(
        "/admin/images/multiple/add/", {"files[]": upload("bilde.png", damaged_png())}
    )
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "success": False,
        "error_message": str(UNREADABLE_IMAGE_MESSAGE),
    }
    assert nothing_stored()


def test_damaged_image_in_the_single_upload_form_is_a_form_error(editor):
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Bilde",
            "description": "Et bilde",
            "file": upload("b.png", damaged_png()),
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, UNREADABLE_IMAGE_MESSAGE)
    assert nothing_stored()


def test_read_only_media_in_the_multiple_uploader_answers_json_with_the_reason(
    editor, read_only_media
):
    response = editor.post(
        "/admin/images/multiple/add/", {"files[]": upload("bilde.png", png_bytes())}
    )
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "success": False,
        "error_message": str(STORAGE_NOT_WRITABLE_MESSAGE),
    }
    assert nothing_stored()


def test_read_only_media_in_the_single_upload_form_is_a_form_error(
    editor, read_only_media
):
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Bilde",
            "description": "Et bilde",
            "file": upload("b.png", png_bytes()),
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, STORAGE_NOT_WRITABLE_MESSAGE)
    assert nothing_stored()


def test_read_only_media_for_documents_answers_json_with_the_reason(
    editor, read_only_media
):
    response = editor.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("plan.pdf", b"%PDF-1.4 test", "application/pdf")},
    )
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "success": False,
        "error_message": str(STORAGE_NOT_WRITABLE_MESSAGE),
    }
    assert nothing_stored()


def test_a_good_image_still_uploads(editor):
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Bilde",
            "description": "Et rødt bilde",
            "file": upload("b.png", png_bytes()),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (8, 8)
    response = editor.post(
        "/admin/images/multiple/add/", {"files[]": upload("to.png", png_bytes())}
    )
    assert response.json()["success"] is True

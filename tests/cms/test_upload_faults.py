"""Uploads that cannot be stored, or are not what they claim, get a clear message."""

import io

from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image as PILImage

from ..accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def read_only_media(monkeypatch):
    def refuse(self, name, content):
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(FileSystemStorage, "_save", refuse)


def test_probe_multiple_not_image(editor_client):
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile(
                "bilde.png", b"not an image at all", "image/png"
            )
        },
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    print(
        "MULTI-NOTIMAGE",
        response.status_code,
        response["Content-Type"],
        response.content[:400],
    )


def test_probe_single_not_image(editor_client):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "x",
            "description": "alt",
            "file": SimpleUploadedFile("bilde.png", b"not an image", "image/png"),
        },
    )
    print("SINGLE-NOTIMAGE", response.status_code, response["Content-Type"])


def test_probe_multiple_readonly(editor_client, read_only_media):
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("bilde.png", png_bytes(), "image/png")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    print(
        "MULTI-RO",
        response.status_code,
        response["Content-Type"],
        response.content[:300],
    )


def test_probe_single_readonly(editor_client, read_only_media):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "x",
            "description": "alt",
            "file": SimpleUploadedFile("bilde.png", png_bytes(), "image/png"),
        },
    )
    print("SINGLE-RO", response.status_code, response["Content-Type"])


def test_probe_doc_readonly(editor_client, read_only_media):
    response = editor_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", "application/pdf")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    print(
        "DOC-RO", response.status_code, response["Content-Type"], response.content[:300]
    )


@pytest.mark.parametrize(
    "kind", ["truncated", "jpeg_as_png", "empty", "header_only", "bomb"]
)
def test_probe_variants(editor_client, kind):
    data = png_bytes()
    if kind == "truncated":
        content = data[: len(data) // 2]
    elif kind == "jpeg_as_png":
        buffer = io.BytesIO()
        PILImage.new("RGB", (8, 8)).save(buffer, "JPEG")
        content = buffer.getvalue()
    elif kind == "empty":
        content = b""
    elif kind == "header_only":
        content = data[:33]
    else:
        import struct
        import zlib

        def chunk(t, d):
            return (
                struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
            )

        content = (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
            + chunk(b"IEND", b"")
        )
    for url, payload in [][:0] + [
        (
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile("bilde.png", content, "image/png")},
        ),
        (
            "/admin/images/add/",
            {
                "title": "x",
                "description": "alt",
                "file": SimpleUploadedFile("bilde.png", content, "image/png"),
            },
        ),
    ]:
        try:
            response = editor_client.post(
                url, payload, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
            )
            print(
                "VARIANT",
                kind,
                url,
                response.status_code,
                response["Content-Type"],
                response.content[:200] if "json" in response["Content-Type"] else "",
            )
        except Exception as e:
            print("VARIANT", kind, url, "EXC", type(e).__name__, str(e)[:150])
